//! `planlint report`, `planlint diff` and `check --new-from-rev` as people
//! use them: on the bundled examples, on an edited copy, and on real git
//! history in a scratch repository.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn planlint() -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const CLEAN: &str = "examples/clean.plan.yaml";

/// The clean plan with CAC raised from 480 to 2,500, past its LTV of 2,160.
fn raised_cac() -> String {
    let plan = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN)).unwrap();
    assert!(plan.contains("\n  cac: 480\n"));
    plan.replace("\n  cac: 480\n", "\n  cac: 2500\n")
}

#[test]
fn the_html_report_has_a_budget_and_a_channel_chart_per_plan_and_fetches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let output = planlint()
        .args(["report", "examples/", "--output"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let html = fs::read_to_string(&page).unwrap();
    let sections: Vec<&str> = html.split("<section class=\"plan\"").skip(1).collect();
    assert_eq!(sections.len(), 10);
    for section in &sections {
        assert_eq!(
            section.matches("<figure class=\"budget\"><svg").count(),
            1,
            "{section}"
        );
        assert_eq!(section.matches("<figure class=\"returns\"><figcaption>Test return (test revenue / test spend)</figcaption><svg").count(), 1, "{section}");
    }
    // Where a channel's curve crosses LTV, the chart says to stop.
    assert!(html.contains("stop scaling here"));
    assert!(html.contains("at least 3 (low-ltv-cac-ratio)"));
    // Self-contained: no script, stylesheet, font, image or frame from anywhere.
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "https://",
    ] {
        assert!(!html.contains(forbidden), "the report contains {forbidden}");
    }
    let links: Vec<&str> = html.matches("http://").collect();
    assert_eq!(
        links.len(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count()
    );
}

#[test]
fn the_markdown_report_draws_its_charts_with_mermaid() {
    let output = planlint()
        .args([
            "report",
            "examples/scaling-channels.plan.yaml",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let markdown = text(&output.stdout);
    assert!(markdown.contains("```mermaid\npie showData"));
    assert!(markdown.contains("```mermaid\nxychart-beta"));
    assert!(markdown.contains("```mermaid\nflowchart LR"));
    insta::assert_snapshot!(markdown);
}

#[test]
fn report_errors_name_the_path_and_exit_two() {
    let output = planlint().args(["report", "no/such/dir"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("cannot read no/such/dir"),
        "{}",
        text(&output.stderr)
    );
}

fn diff_of_raised_cac(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let raised = dir.path().join("raised.plan.yaml");
    fs::write(&raised, raised_cac()).unwrap();
    let output = planlint()
        .args(["diff", CLEAN])
        .arg(&raised)
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    text(&output.stdout).replace(&raised.display().to_string(), "raised.plan.yaml")
}

#[test]
fn a_cac_raised_past_ltv_shows_in_every_diff_format() {
    let human = diff_of_raised_cac("human");
    assert!(human.contains("480 CNY -> 2,500 CNY"), "{human}");
    assert!(human.contains("4.5 -> 0.86"), "{human}");
    assert!(
        human.contains("Findings introduced (2)\n  error[cac-exceeds-ltv]"),
        "{human}"
    );

    let markdown = diff_of_raised_cac("markdown");
    assert!(
        markdown.contains("| **CAC** | 480 CNY | 2,500 CNY | +2,020 CNY (+420.8%) |"),
        "{markdown}"
    );
    assert!(markdown.contains("| **LTV/CAC** | 4.5 | 0.86 |"), "{markdown}");
    insta::assert_snapshot!("diff_markdown", markdown);

    let json = diff_of_raised_cac("json");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["metrics"]["cac"]["after"], 2500.0);
    let ratio = value["metrics"]["ltv_cac_ratio"]["after"].as_f64().unwrap();
    assert!((ratio - 0.864).abs() < 1e-9, "{ratio}");
    assert_eq!(value["findings"]["introduced"][0]["rule"], "cac-exceeds-ltv");
    assert_eq!(value["summary"]["resolved"], 0);
    insta::assert_snapshot!("diff_json", json);
}

/// A scratch git repository with `git` set up to commit.
struct Repo(tempfile::TempDir);

impl Repo {
    fn new() -> Repo {
        let repo = Repo(tempfile::tempdir().unwrap());
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn git(&self, args: &[&str]) {
        let status = std::process::Command::new("git")
            .arg("-C")
            .arg(self.path())
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn commit(&self, file: &str, content: &str, message: &str) {
        fs::write(self.path().join(file), content).unwrap();
        self.git(&["add", file]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn planlint(&self) -> Command {
        let mut command = planlint();
        command.current_dir(self.path());
        command
    }
}

fn example(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).unwrap()
}

#[test]
fn diff_reads_versions_from_git_history() {
    let repo = Repo::new();
    repo.commit("spring.plan.yaml", &example("clean.plan.yaml"), "plan");
    repo.commit("spring.plan.yaml", &raised_cac(), "raise CAC");

    for (old, new) in [
        ("HEAD~1:spring.plan.yaml", "spring.plan.yaml"),
        ("HEAD~1:spring.plan.yaml", "HEAD:spring.plan.yaml"),
    ] {
        let output = repo.planlint().args(["diff", old, new]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let human = text(&output.stdout);
        assert!(human.starts_with(&format!("{old} -> {new}\n")), "{human}");
        assert!(human.contains("480 CNY -> 2,500 CNY"), "{human}");
        assert!(
            human.contains("error[cac-exceeds-ltv] spring.plan.yaml:"),
            "{human}"
        );
    }

    // Going back resolves what the change introduced.
    let output = repo
        .planlint()
        .args([
            "diff",
            "HEAD:spring.plan.yaml",
            "HEAD~1:spring.plan.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["findings"]["resolved"][0]["rule"], "cac-exceeds-ltv");
    assert_eq!(value["summary"]["introduced"], 0);
}

#[test]
fn diff_refuses_bad_revisions_and_paths_with_a_message() {
    let repo = Repo::new();
    repo.commit("spring.plan.yaml", &example("clean.plan.yaml"), "plan");
    for (argument, expected) in [
        ("--output=x:spring.plan.yaml", "cannot start with `-`"),
        ("nope:spring.plan.yaml", "`nope` is not a commit"),
        (
            "HEAD:missing.plan.yaml",
            "missing.plan.yaml does not exist in `HEAD`",
        ),
        ("missing.plan.yaml", "cannot read missing.plan.yaml"),
    ] {
        let output = repo
            .planlint()
            .args(["diff", "--", argument, "spring.plan.yaml"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{argument}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{argument}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn new_from_rev_reports_only_what_the_last_commit_introduced() {
    let repo = Repo::new();
    // Old debt: a vague goal, committed before planlint was adopted.
    repo.commit("spring.plan.yaml", &example("vague-goal.plan.yaml"), "plan");
    let with_debt = example("vague-goal.plan.yaml");
    assert!(with_debt.contains("\n  cac: 392\n"));
    // The change under review raises CAC past LTV and adds a plan with a problem.
    repo.commit(
        "spring.plan.yaml",
        &format!(
            "# moved down a line\n{}",
            with_debt.replace("\n  cac: 392\n", "\n  cac: 99000\n")
        ),
        "raise CAC",
    );
    repo.commit(
        "tea.plan.yaml",
        &example("undefined-target-customer.plan.yaml"),
        "new plan",
    );
    repo.git(&["reset", "-q", "--soft", "HEAD~2"]);
    repo.git(&["commit", "-q", "-m", "the change"]);

    let all = repo
        .planlint()
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let rules = |report: &serde_json::Value| -> Vec<String> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|file| file["findings"].as_array().unwrap().clone())
            .map(|finding| finding["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(rules(&all).contains(&"vague-goal".to_owned()));

    let output = repo
        .planlint()
        .args(["check", ".", "--format", "json", "--new-from-rev", "HEAD~1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let new: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = rules(&new);
    assert!(found.contains(&"cac-exceeds-ltv".to_owned()), "{found:?}");
    assert!(
        found.contains(&"undefined-target-customer".to_owned()),
        "{found:?}"
    );
    assert!(!found.contains(&"vague-goal".to_owned()), "{found:?}");

    // Nothing new against the commit itself: clean, exit 0.
    let output = repo
        .planlint()
        .args(["check", ".", "--new-from-rev", "HEAD", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));

    let output = repo
        .planlint()
        .args(["check", ".", "--new-from-rev=-x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
