//! Plan text that reaches Markdown (the report, the diff, the job summary)
//! stays text: a pull request's plan cannot put an image (a tracking
//! pixel), a link, HTML or a folded section into what reviewers read.
//! Each output is rendered with a GitHub Flavored Markdown parser and
//! searched for elements the templates do not make.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use std::fs;

/// A plan whose every name and value is an injection attempt.
const HOSTILE: &str = r#"version: 1
name: "Spring <img src=https://evil.example/pixel.png> ![x](https://evil.example/p.png)"
currency: "<details><summary>CNY</summary>"
target_customer:
  description: "[click me](https://evil.example) @octocat #1 www.evil.example"
  traits: ["<b>bold</b>", "**strong**"]
positioning:
  category: "``` code fence ```"
  rank: 1
product:
  price: 480
unit_economics:
  cac: 480
  ltv: 300
budget:
  total: 100000
  items:
    - {name: "<img src=x onerror=alert(1)>", amount: 1000}
    - {name: "[a](https://evil.example) | x | y", amount: 2000}
goals:
  - id: "g<script>"
    statement: "Grow ![p](https://evil.example/q.png) `` ` `` <details>"
    deadline: soon
channels:
  - name: "WeChat <img src=https://evil.example/c.png>"
    type: social
    budget: 5000
  - name: "![img](https://evil.example/d.png)"
    type: social
    budget: 6000
"#;

fn planlint(dir: &std::path::Path, args: &[&str]) -> String {
    let output = crate::planlint_in_english()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .output()
        .unwrap();
    assert_ne!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn github() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options
}

/// Every image, link and piece of HTML in `markdown`, as text.
fn markup(markdown: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &github());
    let mut found = Vec::new();
    collect(root, &mut found);
    found
}

fn collect<'a>(node: &'a AstNode<'a>, found: &mut Vec<String>) {
    match &node.data.borrow().value {
        NodeValue::Image(link) => found.push(format!("image {}", link.url)),
        NodeValue::Link(link) => found.push(format!("link {}", link.url)),
        NodeValue::HtmlInline(html) => found.push(format!("html {html}")),
        NodeValue::HtmlBlock(html) => found.push(format!("html block {}", html.literal)),
        NodeValue::Strong | NodeValue::Emph | NodeValue::Strikethrough => {}
        _ => {}
    }
    for child in node.children() {
        collect(child, found);
    }
}

fn assert_inert(what: &str, markdown: &str) {
    let found = markup(markdown);
    assert!(
        found.is_empty(),
        "{what} carries markup from the plan: {found:?}\n{markdown}"
    );
    assert!(!markdown.contains("evil.example/p") || !found.iter().any(|f| f.contains("evil")));
}

#[test]
fn the_markdown_report_and_diff_carry_no_markup_from_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.plan.yaml"), HOSTILE).unwrap();
    fs::write(
        dir.path().join("b.plan.yaml"),
        HOSTILE
            .replace("cac: 480", "cac: 900")
            .replace("budget: 6000", "budget: 7000"),
    )
    .unwrap();
    let report = planlint(dir.path(), &["report", "a.plan.yaml", "--format", "markdown"]);
    assert!(report.contains("WeChat"), "{report}");
    assert_inert("report --format markdown", &report);
    let diff = planlint(
        dir.path(),
        &["diff", "a.plan.yaml", "b.plan.yaml", "--format", "markdown"],
    );
    assert!(diff.contains("Findings"), "{diff}");
    assert_inert("diff --format markdown", &diff);
}

#[test]
fn the_job_summary_carries_no_markup_from_the_plan_or_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x <img src=y> ![a](https:evil) `` [b](c).plan.yaml";
    fs::write(dir.path().join(name), HOSTILE).unwrap();
    let summary = dir.path().join("summary.md");
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env_remove("GITHUB_SERVER_URL")
        .args(["check", name])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let markdown = fs::read_to_string(&summary).unwrap();
    // The template's own links go to the rule docs; nothing else links.
    let found: Vec<String> = markup(&markdown)
        .into_iter()
        .filter(|found| !found.starts_with("link https://github.com/planlint/planlint/"))
        .collect();
    assert!(
        found.is_empty(),
        "the job summary carries markup: {found:?}\n{markdown}"
    );
}
