//! planlint's output formats in Chinese (`--lang zh`, issue 25): snapshots
//! of each format, the report's declared language and fonts, tables that
//! line up by display width (a Chinese character takes two columns), and
//! Chinese Markdown that renders as written. The English snapshots
//! (`output_snapshots`, `output_formats`, `report_and_diff`) stay as they
//! are.

use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// A Chinese plan: channels with Chinese names, spend tiers, test returns.
const CHINESE_PLAN: &str = "tests/corpus/lumen-jewellery-cn.plan.yaml";

/// planlint run in the crate's folder with `args`, in Chinese (or English
/// with `lang` "en"): its exit code and standard output.
fn planlint(lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = crate::planlint_in_english()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code(), String::from_utf8(output.stdout).unwrap())
}

fn check(format: &str) -> String {
    let (code, out) = planlint(
        "zh",
        &[
            "check",
            "examples/",
            CHINESE_PLAN,
            "--color",
            "never",
            "--format",
            format,
        ],
    );
    assert_eq!(code, Some(1), "{out}");
    out
}

#[test]
fn human_output_in_chinese() {
    let out = check("human");
    // Severities, the help label and the summary line are Chinese; rule ids stay.
    assert!(out.contains("错误[vague-goal]"), "{out}");
    assert!(out.contains("警告[non-canonical-value]"), "{out}");
    assert!(out.contains("\n  建议："), "{out}");
    assert!(!out.contains("\n  help: "), "{out}");
    insta::assert_snapshot!(out);
}

/// Lines of human output no wider than its 100 columns, measured as a
/// terminal shows them; a line breaks between a number and its unit never.
#[test]
fn human_output_wraps_chinese_by_display_width() {
    let out = check("human");
    for line in out.lines() {
        // Headers with the rule's link, and the plan's own lines, are not wrapped.
        let drawn = line.starts_with("  ×") || line.starts_with("  ⚠") || line.starts_with("  │");
        let help = line.starts_with("  建议：") || line.starts_with("        ");
        if drawn || help {
            assert!(line.width() <= 100, "{} columns: {line}", line.width());
        }
        if drawn || help {
            let text = line.trim_start().trim_start_matches(['│', ' ']);
            for unit in ["CNY", "EUR", "个月", "元", "months"] {
                assert!(
                    !text.starts_with(unit),
                    "a line starts with the unit {unit}: {line}"
                );
            }
        }
    }
}

#[test]
fn json_output_in_chinese() {
    let out = check("json");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Field names and rule ids stay English; messages are the rules' Chinese.
    let first = &report["files"][0]["findings"][0];
    assert!(first["rule"].as_str().unwrap().is_ascii());
    assert!(["error", "warning", "info"].contains(&first["severity"].as_str().unwrap()));
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_output_in_chinese() {
    let out = check("sarif");
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let with_help = rules.iter().find(|rule| rule["id"] == "cac-exceeds-ltv").unwrap();
    let markdown = with_help["help"]["markdown"].as_str().unwrap();
    assert!(markdown.starts_with("**如何修正**："), "{markdown}");
    assert!(markdown.contains("[文档](https://"), "{markdown}");
    let result = &sarif["runs"][0]["results"][0];
    assert!(
        result["message"]["text"].as_str().unwrap().contains("。建议："),
        "{result}"
    );
    assert_eq!(result["level"], "error");
    insta::assert_snapshot!(out);
}

#[test]
fn the_ci_formats_say_the_severity_in_chinese_where_people_read_it() {
    let junit = check("junit");
    assert!(junit.contains(" 错误 vague-goal "), "{junit}");
    let github = check("github");
    assert!(
        github.contains("::error file=examples/vague-goal.plan.yaml"),
        "{github}"
    );
    assert!(github.contains("%0A建议："), "{github}");
    assert!(github.contains("\nplanlint: 11 个文件中有"), "{github}");
}

#[test]
fn markdown_report_in_chinese() {
    let (code, out) = planlint("zh", &["report", CHINESE_PLAN, "--format", "markdown"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.starts_with("# 计划报告\n\n"), "{out}");
    for heading in [
        "### 问题",
        "### 单位经济",
        "### 安全余量",
        "### 预算",
        "### 渠道",
        "### 漏斗",
    ] {
        assert!(out.contains(&format!("\n{heading}\n")), "{heading}: {out}");
    }
    assert!(out.contains("title 预算分配（总额 300,000 CNY）"), "{out}");
    insta::assert_snapshot!(out);
}

/// The page says which language it is in, and its fonts have Chinese
/// glyphs on every system (nothing is fetched).
#[test]
fn html_report_declares_its_language_and_chinese_fonts() {
    let (code, chinese) = planlint("zh", &["report", CHINESE_PLAN]);
    assert_eq!(code, Some(0));
    assert!(chinese.contains("<html lang=\"zh-CN\">"), "{chinese}");
    assert!(chinese.contains("<title>planlint 报告</title>"));
    assert!(chinese.contains("<h1>计划报告</h1>"));
    for font in [
        "\"PingFang SC\"",
        "\"Microsoft YaHei\"",
        "\"Noto Sans CJK SC\"",
        "\"Source Han Sans SC\"",
    ] {
        assert!(chinese.contains(font), "{font}");
    }
    // Verdicts are Chinese words, their style classes English.
    assert!(
        chinese.contains("<span class=\"badge ok\">达标</span>"),
        "{chinese}"
    );
    // A number keeps its unit on one line.
    assert!(
        chinese.contains("<span class=\"nobr\">40,000 CNY</span>"),
        "{chinese}"
    );

    let (_, english) = planlint("en", &["report", CHINESE_PLAN]);
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("<span class=\"badge ok\">ok</span>"));
    assert!(!english.contains("nobr"));
}

#[test]
fn explain_in_chinese() {
    let (code, out) = planlint("zh", &["explain", "low-ltv-cac-ratio"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("low-ltv-cac-ratio（默认级别：警告）\n"), "{out}");
    for heading in [
        "\n为什么\n",
        "\n出处\n",
        "\n选项\n",
        "\n不通过的例子\n",
        "\n通过的例子\n",
        "\n在 .planlint.yaml 中配置\n",
    ] {
        assert!(out.contains(heading), "{heading}: {out}");
    }
    insta::assert_snapshot!(out);
}

/// A meta-rule has no rule file: its texts are planlint's own, in both languages.
#[test]
fn explain_a_meta_rule_in_chinese() {
    let (code, out) = planlint("zh", &["explain", "parse-error"]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("parse-error（默认级别：错误）\n\n文件是合法的 YAML 或 JSON。\n"),
        "{out}"
    );
    assert!(out.contains("\n总会报告：不能关闭。\n"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn rules_page_in_chinese() {
    let (code, out) = planlint("zh", &["rules", "--format", "markdown"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("\n# 规则\n"), "{out}");
    assert!(out.contains("| [`vague-goal`](#vague-goal) | 错误 | "), "{out}");
    insta::assert_snapshot!(out);
    // The English page is still the checked-in docs/rules.md.
    let (_, english) = planlint("en", &["rules", "--format", "markdown"]);
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).unwrap();
    assert_eq!(english, docs);
}

/// `planlint rules` lines up its columns by display width in Chinese.
#[test]
fn rules_table_in_chinese_lines_up() {
    let (code, out) = planlint("zh", &["rules"]);
    assert_eq!(code, Some(0));
    let summary_columns: std::collections::BTreeSet<usize> = out
        .lines()
        .map(|line| {
            // Where the summary starts: its first Chinese character.
            let at = line
                .find(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
                .unwrap();
            line[..at].width()
        })
        .collect();
    assert!(summary_columns.len() <= 2, "{summary_columns:?}\n{out}");
}

/// The channel table of `planlint metrics` with Chinese channel names:
/// every column ends at the same terminal column on every row.
#[test]
fn metrics_table_lines_up_chinese_channel_names() {
    for lang in ["zh", "en"] {
        let (code, out) = planlint(lang, &["metrics", CHINESE_PLAN]);
        assert_eq!(code, Some(0), "{out}");
        // The lines under the channels' heading, its column titles first.
        let heading = if lang == "zh" { "渠道" } else { "Channels" };
        let table: Vec<&str> = out
            .lines()
            .skip_while(|line| *line != heading)
            .skip(1)
            .take_while(|line| !line.is_empty())
            .collect();
        assert!(table.len() >= 5, "{out}");
        // Where the numbers end: the spend tiers follow two blanks, and
        // hold none themselves; the numbers before them are right-aligned.
        let numbers_end = |line: &str| line[..line.rfind("  ").unwrap()].width();
        let end = numbers_end(table[0]);
        for row in &table[1..] {
            assert_eq!(
                numbers_end(row),
                end,
                "{lang}: misaligned {row:?} under {:?}\n{out}",
                table[0]
            );
            // The budget column too: after the name, padded to the widest.
            let name = row.trim_start().split("  ").next().unwrap();
            let after_name = &row[row.find(name).unwrap() + name.len()..];
            let budget = after_name.trim_start().split(' ').next().unwrap();
            let budget_end = row[..row.find(name).unwrap() + name.len()].width()
                + after_name.find(budget).unwrap()
                + budget.len();
            assert_eq!(
                budget_end,
                numbers_end(table[1]) - 1 - 6 - 1 - 12,
                "{lang}: {row:?}\n{out}"
            );
        }
        assert!(table[1].contains("微信公众号与朋友圈广告"), "{out}");
    }
}

#[test]
fn diff_in_chinese() {
    let (code, human) = planlint(
        "zh",
        &[
            "diff",
            "examples/clean.plan.yaml",
            "examples/scaling-channels.plan.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{human}");
    assert!(human.contains("\n单位经济与预算\n"), "{human}");
    assert!(human.contains("（未变）"), "{human}");
    assert!(human.contains("Lifestyle display ads（新增）"), "{human}");
    assert!(
        human.contains("\n新出现的问题（3）\n  警告[marginal-cac-exceeds-ltv]"),
        "{human}"
    );
    assert!(
        human.ends_with("\n新出现 3 个，已解决 0 个，有变化 0 个\n"),
        "{human}"
    );
    let (_, markdown) = planlint(
        "zh",
        &[
            "diff",
            "examples/clean.plan.yaml",
            "examples/scaling-channels.plan.yaml",
            "--format",
            "markdown",
        ],
    );
    assert!(
        markdown.starts_with("## 计划对比：`examples/scaling-channels.plan.yaml`\n"),
        "{markdown}"
    );
    insta::assert_snapshot!("diff_markdown_zh", markdown);
}

/// Bold labels right before Chinese text close where they should (a `**`
/// after `：` and before a letter would not close in CommonMark).
#[test]
fn chinese_markdown_renders_its_bold_labels() {
    use comrak::nodes::NodeValue;
    use comrak::{parse_document, Arena, Options};
    let (_, page) = planlint("zh", &["rules", "--format", "markdown"]);
    let (_, sarif) = planlint(
        "zh",
        &["check", "examples/vague-goal.plan.yaml", "--format", "sarif"],
    );
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let help = sarif["runs"][0]["tool"]["driver"]["rules"][0]["help"]["markdown"]
        .as_str()
        .unwrap()
        .to_owned();
    for (markdown, labels) in [
        (page, vec!["默认级别", "出处"]),
        (help, vec!["如何修正", "为什么"]),
    ] {
        let arena = Arena::new();
        let mut options = Options::default();
        options.extension.table = true;
        let root = parse_document(&arena, &markdown, &options);
        let mut strong = Vec::new();
        for node in root.descendants() {
            if matches!(node.data.borrow().value, NodeValue::Strong) {
                let text: String = node
                    .descendants()
                    .filter_map(|child| match &child.data.borrow().value {
                        NodeValue::Text(text) => Some(text.to_string()),
                        _ => None,
                    })
                    .collect();
                strong.push(text);
            }
        }
        for label in labels {
            assert!(
                strong.iter().any(|text| text == label),
                "{label} is not bold: {strong:?}"
            );
        }
        assert!(!markdown.contains("**默认级别：**"));
    }
}

/// A value the plan wrote that planlint could not read is named under the
/// table, quoted the Chinese way.
#[test]
fn metrics_name_what_they_could_not_read_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("unread.plan.yaml");
    std::fs::write(
        &plan,
        "version: 1\nname: 春季推广\ncurrency: CNY\nbudget:\n  total: 100000\n  items:\n    - {name: 内容团队工资, amount: 九万多}\nchannels:\n  - {name: 小红书种草, budget: 30000}\n",
    )
    .unwrap();
    let (code, out) = planlint("zh", &["metrics", plan.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("\n未能读取（用到这些值的数字显示为 -，或不计入它们）\n"),
        "{out}"
    );
    assert!(out.contains("写的是「九万多」，不是"), "{out}");
    let (_, english) = planlint("en", &["metrics", plan.to_str().unwrap()]);
    assert!(
        english.contains(" is \"九万多\", which is not a number\n"),
        "{english}"
    );
}

/// The GitHub job summary: headings, severities and the rules that fired.
#[test]
fn github_step_summary_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let output = crate::planlint_in_english()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env_remove("GITHUB_REPOSITORY")
        .args([
            "--lang",
            "zh",
            "check",
            "examples/vague-goal.plan.yaml",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let markdown = std::fs::read_to_string(&summary).unwrap();
    assert!(
        markdown.starts_with("## planlint\n\n**1 个文件中有 2 个错误、0 个警告**\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n| 位置 | 级别 | 规则 | 问题 |\n"),
        "{markdown}"
    );
    assert!(markdown.contains(" | 错误 | [`vague-goal`]("), "{markdown}");
    assert!(
        markdown.contains("\n### 触发的规则\n\n| 规则 | 级别 | 问题数 | 规则要求 |\n"),
        "{markdown}"
    );
}
