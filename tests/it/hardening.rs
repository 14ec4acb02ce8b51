//! Hostile input, second round: configs, paths, outputs. Each case ends the
//! way a trusted tool ends: a clear message naming the file, exit 1 or 2,
//! no hang, and the other files still reported.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

fn planlint(dir: &Path) -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(20));
    command
}

/// A scratch repository (it has `.git`) holding `files`.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn clean_plan() -> String {
    fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml")).unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// 31 configs, each extending the next one twice, load each file once.
#[test]
fn a_chain_of_configs_extending_twice_loads_each_once() {
    let mut files: Vec<(String, String)> = (0..31)
        .map(|n| {
            let next = format!("./c{}.yaml", n + 1);
            (format!("c{n}.yaml"), format!("extends: [{next}, {next}]\n"))
        })
        .collect();
    files.push(("c31.yaml".into(), "rules: {missing-sponsor: off}\n".into()));
    files.push((".planlint.yaml".into(), "extends: [./c0.yaml]\n".into()));
    files.push(("a.plan.yaml".into(), clean_plan()));
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let dir = repo(&borrowed);
    let started = Instant::now();
    let output = planlint(dir.path())
        .args(["check", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_chain_too_deep_and_a_cycle_are_named_with_their_files() {
    let mut files: Vec<(String, String)> = (0..70)
        .map(|n| (format!("c{n}.yaml"), format!("extends: [./c{}.yaml]\n", n + 1)))
        .collect();
    files.push(("c70.yaml".into(), "rules: {}\n".into()));
    files.push((".planlint.yaml".into(), "extends: [./c0.yaml]\n".into()));
    files.push(("a.plan.yaml".into(), clean_plan()));
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let dir = repo(&borrowed);
    let output = planlint(dir.path())
        .args(["check", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("extend each other more than 64 deep"), "{stderr}");
    assert!(stderr.contains("c0.yaml -> c1.yaml"), "{stderr}");

    let dir = repo(&[
        (".planlint.yaml", "extends: [./a.yaml]\n"),
        ("a.yaml", "extends: [./b.yaml]\n"),
        ("b.yaml", "extends: [./a.yaml]\n"),
        ("p.plan.yaml", &clean_plan()),
    ]);
    let output = planlint(dir.path())
        .args(["check", "p.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("a.yaml -> b.yaml -> a.yaml"), "{stderr}");
}

/// Two configs extending one that loads a pack: the pack's rules once, and
/// SARIF's rule list never repeats an id.
#[test]
fn a_diamond_loads_a_pack_once() {
    let rule = "id: legal\ngiven: $\ncheck: {field: legal_reviewer, function: defined}\nmessage: name a legal reviewer\n";
    let dir = repo(&[
        ("base.yaml", "rule_packs: [acme]\n"),
        ("left.yaml", "extends: [./base.yaml]\n"),
        ("right.yaml", "extends: [./base.yaml]\nrule_packs: [acme]\n"),
        (".planlint.yaml", "extends: [./left.yaml, ./right.yaml]\n"),
        ("acme/legal.yaml", rule),
        ("a.plan.yaml", &clean_plan()),
    ]);
    let output = planlint(dir.path())
        .args(["check", "a.plan.yaml", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|rule| rule["id"].as_str())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert!(ids.contains(&"acme/legal"), "{ids:?}");
}

/// `--output` writes into devices and pipes, never replaces them; a regular
/// file is replaced atomically (through a symlink, its target).
#[cfg(unix)]
#[test]
fn output_writes_into_devices_and_pipes() {
    use std::os::unix::fs::FileTypeExt;
    let dir = repo(&[("a.plan.yaml", &clean_plan())]);
    let full = planlint(dir.path())
        .args(["check", "a.plan.yaml", "--output", "/dev/full"])
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(2));
    assert!(
        text(&full.stderr).contains("no space left on device"),
        "{}",
        text(&full.stderr)
    );
    assert!(fs::metadata("/dev/full").unwrap().file_type().is_char_device());

    let fifo = dir.path().join("report.fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let piped = planlint(dir.path())
        .args([
            "check",
            "a.plan.yaml",
            "--format",
            "json",
            "--output",
            "report.fifo",
        ])
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0), "{}", text(&piped.stderr));
    let received = reader.join().unwrap();
    assert!(received.contains("\"summary\""), "{received}");
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe was replaced"
    );

    fs::create_dir(dir.path().join("reports")).unwrap();
    std::os::unix::fs::symlink("reports/latest.json", dir.path().join("latest.json")).unwrap();
    let linked = planlint(dir.path())
        .args([
            "check",
            "a.plan.yaml",
            "--format",
            "json",
            "--output",
            "latest.json",
        ])
        .output()
        .unwrap();
    assert_eq!(linked.status.code(), Some(0), "{}", text(&linked.stderr));
    assert!(fs::symlink_metadata(dir.path().join("latest.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(dir.path().join("reports/latest.json"))
        .unwrap()
        .contains("\"summary\""));
}

/// A plan named by absolute path outside the working directory gets an
/// absolute `file://` URI in SARIF, not a relative one under `%SRCROOT%`.
#[test]
fn sarif_names_plans_outside_the_working_directory_by_absolute_uri() {
    let plans = repo(&[(
        "far away.plan.yaml",
        &clean_plan().replace("sponsor: Wang Jun, CEO\n", ""),
    )]);
    let elsewhere = tempfile::tempdir().unwrap();
    let plan = plans.path().join("far away.plan.yaml");
    let output = planlint(elsewhere.path())
        .args(["check", "--format", "sarif"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = location["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/far%20away.plan.yaml"),
        "{uri}"
    );
    assert!(location.get("uriBaseId").is_none(), "{location}");
}

/// A baseline is read with its own, larger limit, and a newer version is
/// named as such before any field is judged.
#[test]
fn baselines_larger_than_a_plan_and_newer_versions() {
    let dir = repo(&[("a.plan.yaml", &clean_plan())]);
    let entry = r#"{"path": "other.plan.yaml", "rule": "vague-goal", "fingerprint": "0123456789abcdef:1", "message": "goal `x` is a vague aspiration"}"#;
    let findings = vec![entry; 120_000].join(",\n");
    fs::write(
        dir.path().join("big.json"),
        format!("{{\"version\": 1, \"findings\": [\n{findings}\n]}}\n"),
    )
    .unwrap();
    assert!(fs::metadata(dir.path().join("big.json")).unwrap().len() > 10 * 1024 * 1024);
    let big = planlint(dir.path())
        .args(["check", "a.plan.yaml", "--baseline", "big.json"])
        .output()
        .unwrap();
    assert_eq!(big.status.code(), Some(0), "{}", text(&big.stderr));

    fs::write(
        dir.path().join("newer.json"),
        r#"{"version": 2, "findings": [], "generator": {"name": "planlint 9"}}"#,
    )
    .unwrap();
    let newer = planlint(dir.path())
        .args(["check", "a.plan.yaml", "--baseline", "newer.json"])
        .output()
        .unwrap();
    assert_eq!(newer.status.code(), Some(2));
    assert!(
        text(&newer.stderr).contains("baseline version 2 is not supported (this planlint reads version 1)"),
        "{}",
        text(&newer.stderr)
    );
}

/// One plan named five ways is checked once; `-` reads stdin beside other
/// paths; an include that selects nothing is said, and a run that checked
/// nothing exits 2.
#[test]
fn paths_named_many_ways_stdin_beside_files_and_nothing_checked() {
    let dir = repo(&[("plans/a.plan.yaml", &clean_plan())]);
    let absolute = dir.path().join("plans/a.plan.yaml");
    let output = planlint(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "plans/a.plan.yaml",
            "./plans/a.plan.yaml",
            "plans",
            "plans/../plans/a.plan.yaml",
        ])
        .arg(&absolute)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1, "{report}");

    let output = planlint(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "plans/a.plan.yaml",
            "-",
            "--stdin-filename",
            "draft.plan.yaml",
        ])
        .write_stdin(
            fs::read_to_string("examples/vague-goal.plan.yaml").unwrap_or_else(|_| {
                fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/examples/vague-goal.plan.yaml"
                ))
                .unwrap()
            }),
        )
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, ["draft.plan.yaml", "plans/a.plan.yaml"]);

    fs::write(
        dir.path().join(".planlint.yaml"),
        "include: ['plans/**/*.plan.yml']\n",
    )
    .unwrap();
    let output = planlint(dir.path()).args(["check", "."]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("warning: no plan file in ."), "{stderr}");
    assert!(stderr.contains("nothing was checked"), "{stderr}");
}

/// A folder named `.planlint.yaml` is reported, not skipped for the config
/// of a folder above.
#[test]
fn a_folder_named_like_the_config_is_an_error() {
    let dir = repo(&[(".planlint.yaml/x", ""), ("a.plan.yaml", &clean_plan())]);
    let output = planlint(dir.path())
        .args(["check", "a.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(".planlint.yaml") && stderr.contains("folder"),
        "{stderr}"
    );
}

/// Escape sequences in a file name or a goal id never reach the terminal
/// or the CI log raw; a name that is not UTF-8 is checked and shown lossily.
#[cfg(target_os = "linux")]
#[test]
fn odd_file_names_and_ids_are_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let plan = clean_plan().replace("id: new-customers", "id: \"new\\e[31m-customers\"");
    let dir = repo(&[]);
    fs::write(
        dir.path().join("evil\u{1b}[2J.plan.yaml"),
        plan.replace("    owner: Chen Hao\n", ""),
    )
    .unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.plan.yaml");
    fs::write(dir.path().join(odd), clean_plan()).unwrap();
    for format in ["human", "github"] {
        let output = planlint(dir.path())
            .args(["check", ".", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(!stdout.contains('\u{1b}'), "{format}: raw escape in {stdout}");
        assert!(stdout.contains("\\u{1b}"), "{format}: {stdout}");
    }
    let output = planlint(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 2, "{report}");
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(paths.contains(&"latin1-\u{fffd}t\u{fffd}.plan.yaml"), "{paths:?}");
}

/// Machine formats carry a file's real name (JSON escapes it as JSON
/// does), not the `\u{a}` that human output shows.
#[cfg(target_os = "linux")]
#[test]
fn json_gives_the_real_file_name() {
    let dir = repo(&[]);
    fs::write(
        dir.path().join("new\nline.plan.yaml"),
        clean_plan().replace("    owner: Chen Hao\n", ""),
    )
    .unwrap();
    let output = planlint(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"][0]["path"], "new\nline.plan.yaml", "{report}");
    let human = planlint(dir.path())
        .args(["check", ".", "--format", "human"])
        .output()
        .unwrap();
    assert!(
        text(&human.stdout).contains("new\\u{a}line.plan.yaml"),
        "{}",
        text(&human.stdout)
    );
}
