//! The command line in Chinese (`--lang zh`): its errors, notes and help
//! labels are Chinese, English words gone (issue 25).

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const CLEAN: &str = "examples/clean.plan.yaml";

/// planlint speaking Chinese, started in `dir`.
fn planlint_zh(dir: &Path) -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS")
        .args(["--lang", "zh"]);
    command
}

fn in_repo() -> Command {
    planlint_zh(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The clean plan with two values in forms `--fix` rewrites.
fn fixable_plan(dir: &Path) -> std::path::PathBuf {
    let plan = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN))
        .unwrap()
        .replacen("  price: 3200", "  price: \"¥3,200\"", 1)
        .replacen("  rank: 1", "  rank: 第一", 1);
    let path = dir.join("forms.plan.yaml");
    fs::write(&path, plan).unwrap();
    path
}

#[test]
fn an_unknown_rule_is_said_in_chinese_with_the_suggestion() {
    let output = in_repo().args(["explain", "vage-goal"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(said.contains("没有名为 `vage-goal` 的规则"), "{said}");
    assert!(
        said.contains("  建议：你要找的是不是 `vague-goal`？`planlint rules` 会列出所有规则"),
        "{said}"
    );
    assert!(!said.contains("help:") && !said.contains("unknown"), "{said}");
    let far = in_repo().args(["explain", "zzzzzzzzzzzz"]).output().unwrap();
    assert!(
        text(&far.stderr).contains("建议：`planlint rules` 会列出所有规则名"),
        "{}",
        text(&far.stderr)
    );
}

#[test]
fn paths_that_cannot_be_checked_exit_two_and_are_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    // A folder without plans: said, and nothing checked is a tool error.
    let output = planlint_zh(dir.path())
        .args(["check", "drafts"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(
        said.contains(
            "警告：drafts 中没有计划文件：planlint 检查名为 *.plan.yaml、*.plan.yml 或 *.plan.json 的文件"
        ),
        "{said}"
    );
    assert!(said.contains("没有检查任何文件：找不到计划文件"), "{said}");
    assert!(said.contains("  建议：请指定计划文件"), "{said}");
    assert!(
        !said.contains("nothing was checked") && !said.contains("warning:"),
        "{said}"
    );
    // A missing path beside it: still exit 2, the path named.
    let output = planlint_zh(dir.path())
        .args(["check", "no/such.plan.yaml", "drafts"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(said.contains("no/such.plan.yaml"), "{said}");
    assert!(said.contains("警告：drafts 中没有计划文件"), "{said}");
}

#[test]
fn fix_says_what_it_fixed_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixable_plan(dir.path());
    let before = fs::read_to_string(&path).unwrap();
    let diff = planlint_zh(dir.path())
        .args(["check", "--fix", "--diff", "forms.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1));
    assert_eq!(text(&diff.stderr), "planlint 可以修正 1 个文件中的 2 个问题\n");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before,
        "--diff writes nothing"
    );
    let fixed = planlint_zh(dir.path())
        .args(["check", "--fix", "forms.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(fixed.status.code(), Some(0), "{}", text(&fixed.stdout));
    assert!(
        text(&fixed.stderr).starts_with("planlint 已修正 1 个文件中的 2 个问题\n"),
        "{}",
        text(&fixed.stderr)
    );
    // A plan from stdin is not rewritten.
    let stdin = planlint_zh(dir.path())
        .args(["check", "--fix", "-"])
        .write_stdin(before)
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(2));
    assert!(
        text(&stdin.stderr).contains("--fix 会改写文件：从标准输入读取的计划请用 --fix --diff"),
        "{}",
        text(&stdin.stderr)
    );
}

#[cfg(unix)]
#[test]
fn fix_refuses_a_read_only_plan_in_chinese() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = fixable_plan(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let output = planlint_zh(dir.path())
        .args(["check", "--fix", "forms.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = text(&output.stderr);
    assert!(
        said.contains("forms.plan.yaml 是只读文件：--fix 不会改动它"),
        "{said}"
    );
    assert!(said.contains("建议：如果需要修正，请先把它改为可写"), "{said}");
}

#[test]
fn metrics_what_if_names_the_changed_plan_in_chinese() {
    let output = in_repo()
        .args([
            "metrics",
            "examples/cac-exceeds-ltv.plan.yaml",
            "--set",
            "cac=250",
            "--set",
            "gross_margin=0.6",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let shown = text(&output.stdout);
    assert!(
        shown.contains("examples/cac-exceeds-ltv.plan.yaml（假设 cac=250、gross_margin=0.6）"),
        "{shown}"
    );
    // An error of `--set` carries its help under the Chinese label.
    let bad = in_repo()
        .args([
            "metrics",
            "examples/cac-exceeds-ltv.plan.yaml",
            "--set",
            "cak=250",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let said = text(&bad.stderr);
    assert!(said.contains("`cak`") && said.contains("  建议："), "{said}");
    assert!(!said.contains("help:"), "{said}");
}

#[test]
fn init_and_schema_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let output = planlint_zh(dir.path())
        .args(["init", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        "已写入 a.plan.yaml：填好内容后，运行 `planlint check a.plan.yaml`。\n"
    );
    let again = planlint_zh(dir.path())
        .args(["init", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    let said = text(&again.stderr);
    assert!(
        said.contains("a.plan.yaml 已经存在：planlint init 从不覆盖已有文件"),
        "{said}"
    );
    assert!(said.contains("建议：换一个文件名"), "{said}");
    let schema = planlint_zh(dir.path()).args(["schema"]).output().unwrap();
    assert_eq!(schema.status.code(), Some(0));
    assert_eq!(
        text(&schema.stdout),
        "已将 4 个 JSON 架构文件写入 .planlint/schemas。在计划开头写上这一行（路径相对于计划文件）：\n\
         # yaml-language-server: $schema=./.planlint/schemas/plan.schema.json\n"
    );
}

#[test]
fn report_diff_and_baseline_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("a.plan.yaml");
    fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(CLEAN), &plan).unwrap();
    let report = planlint_zh(dir.path())
        .args(["report", "a.plan.yaml", "--output", "report.html"])
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(0), "{}", text(&report.stderr));
    assert_eq!(text(&report.stderr), "已写入 report.html（1 份计划）。\n");
    fs::create_dir(dir.path().join("empty")).unwrap();
    let nothing = planlint_zh(dir.path())
        .args(["report", "empty"])
        .output()
        .unwrap();
    assert_eq!(nothing.status.code(), Some(2));
    assert!(
        text(&nothing.stderr).contains("没有找到计划文件：没有可报告的内容"),
        "{}",
        text(&nothing.stderr)
    );
    let diff = planlint_zh(dir.path())
        .args(["diff", "HEAD:", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(2));
    let said = text(&diff.stderr);
    assert!(said.contains("`HEAD:` 的 `:` 后面没有文件名"), "{said}");
    assert!(said.contains("建议：请写成 `REV:PATH`"), "{said}");
    let baseline = planlint_zh(dir.path())
        .args(["check", "a.plan.yaml", "--write-baseline", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(baseline.status.code(), Some(0));
    assert_eq!(text(&baseline.stderr), "已将 0 个问题记入 baseline.json。\n");
}

#[test]
fn test_rules_and_the_rules_table_speak_chinese() {
    let output = in_repo().args(["test-rules", "--all"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    let shown = text(&output.stdout);
    assert!(shown.contains("通过    vague-goal\n"), "{shown}");
    assert!(shown.trim_end().ends_with(" 条失败"), "{shown}");
    assert!(shown.contains(" 条通过，0 条失败"), "{shown}");
    assert!(!shown.contains("passed"), "{shown}");
    let rules = in_repo().args(["rules"]).output().unwrap();
    let table = text(&rules.stdout);
    let vague = table
        .lines()
        .find(|line| line.starts_with("vague-goal "))
        .unwrap();
    assert!(vague.contains("  错误"), "{vague}");
    assert!(table.contains("（系统规则）"), "{table}");
}
