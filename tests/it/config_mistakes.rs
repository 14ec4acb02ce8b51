//! Every mistake in a `.planlint.yaml` is named in one run, each at its
//! place: a wrong severity (the schema's), an unknown rule id and an
//! invalid glob are three errors, not one per run.

use crate::lsp_client::Client;

const CONFIG: &str =
    "rules:\n  vauge-goal: warning\n  missing-deadline: loud\ninclude: [\"plans/[*.yaml\"]\n";

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".planlint.yaml"), CONFIG).unwrap();
    std::fs::write(dir.path().join("a.plan.yaml"), "version: 1\nname: x\n").unwrap();
    dir
}

#[test]
fn three_independent_mistakes_are_three_errors_in_one_run() {
    let dir = repository();
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (place, says) in [
        (".planlint.yaml:2:3", "unknown rule id `vauge-goal`"),
        (".planlint.yaml:3:21", "`rules.missing-deadline` must be one of"),
        (".planlint.yaml:4:11", "invalid glob"),
    ] {
        assert!(stderr.contains(place), "{place} in {stderr}");
        assert!(stderr.contains(says), "{says} in {stderr}");
    }
    assert!(stderr.contains("did you mean `vague-goal`?"), "{stderr}");
}

#[test]
fn the_language_server_shows_each_mistake_at_its_place() {
    let dir = repository();
    let root = format!("file://{}", dir.path().display());
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let plan = format!("{root}/a.plan.yaml");
    client.open(&plan, "version: 1\nname: x\n");
    let config = format!("{root}/.planlint.yaml");
    let published =
        client.expect(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == config);
    let lines: Vec<u64> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|diagnostic| diagnostic["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, [1, 2, 3], "{published}");
    let messages: Vec<&str> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|diagnostic| diagnostic["message"].as_str())
        .collect();
    assert!(messages.iter().any(|m| m.contains("vauge-goal")), "{messages:?}");
    assert_eq!(client.finish(), 0);
}

/// `planlint --lang zh check` in a repository whose `.planlint.yaml` is
/// `config`: the exit code and what it printed on stderr.
fn check_in_chinese(config: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".planlint.yaml"), config).unwrap();
    std::fs::write(dir.path().join("a.plan.yaml"), "version: 1\nname: x\n").unwrap();
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["--lang", "zh", "check", "a.plan.yaml"])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The config's mistakes in Chinese, each at its line: an unknown rule
/// (with the guess), an unknown option, an invalid glob.
#[test]
fn config_mistakes_are_named_in_chinese_at_their_place() {
    let config = "rules:\n  vauge-goal: warning\n  too-many-goals:\n    options:\n      maximum: 3\ninclude: [\"plans/[*.yaml\"]\n";
    let (code, stderr) = check_in_chinese(config);
    assert_eq!(code, Some(2), "{stderr}");
    for (place, says) in [
        (".planlint.yaml:2:3", "未知的规则 `vauge-goal`"),
        (".planlint.yaml:5:7", "规则 `too-many-goals` 没有选项 `maximum`"),
        (
            ".planlint.yaml:6:11",
            "无效的文件匹配模式：字符组没有闭合：`[` 之后缺少 `]`",
        ),
    ] {
        assert!(stderr.contains(place), "{place} in {stderr}");
        assert!(stderr.contains(says), "{says} in {stderr}");
    }
    assert!(stderr.contains("是不是想写 `vague-goal`？"), "{stderr}");
    assert!(stderr.contains("`too-many-goals` 的选项有：max"), "{stderr}");
    for english in [
        "unknown rule",
        "unknown option",
        "invalid glob",
        "did you mean",
        "takes:",
    ] {
        assert!(!stderr.contains(english), "`{english}` in {stderr}");
    }
}

/// A config that is not valid YAML is named in Chinese at the line the
/// writer has to change, with exit code 2.
#[test]
fn a_yaml_syntax_error_in_a_config_is_named_in_chinese() {
    let (code, stderr) = check_in_chinese("rules:\n  vague-goal: [warning\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(".planlint.yaml:2:15"), "{stderr}");
    assert!(
        stderr.contains("文件已经结束，列表却没有闭合：第 2 行第 15 列的 `[` 缺少对应的 `]`"),
        "{stderr}"
    );
    assert!(stderr.contains("没有闭合"), "{stderr}");

    let (code, stderr) = check_in_chinese("rules:\n  vague-goal: warning\n   missing-deadline: error\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(".planlint.yaml:3:"), "{stderr}");
    assert!(
        stderr.contains("这里的 `:` 开始了一个字段，但这里不能开始字段"),
        "{stderr}"
    );
    assert!(!stderr.contains("mapping values"), "{stderr}");

    let (code, stderr) = check_in_chinese("rules:\n\tvague-goal: warning\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(".planlint.yaml:2:1"), "{stderr}");
    assert!(
        stderr.contains("YAML 不能用制表符（Tab 键）缩进，请改用空格"),
        "{stderr}"
    );
}

/// A field written twice in a config: both places, in Chinese.
#[test]
fn a_field_given_twice_in_a_config_is_named_in_chinese() {
    let (code, stderr) = check_in_chinese("rules:\n  vague-goal: warning\n  vague-goal: error\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(".planlint.yaml:3:3"), "{stderr}");
    assert!(stderr.contains("字段 `vague-goal` 写了两次"), "{stderr}");
    assert!(stderr.contains("重复的字段"), "{stderr}");
}

/// What a config extends or loads that is not there, in Chinese.
#[test]
fn missing_files_a_config_names_are_named_in_chinese() {
    let (code, stderr) = check_in_chinese("extends: ./base.planlint.yaml\nrule_packs: [house]\n");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("配置文件不存在：base.planlint.yaml"), "{stderr}");
    assert!(stderr.contains("规则文件或文件夹不存在：house"), "{stderr}");
    assert!(stderr.contains("找不到"), "{stderr}");
}
