//! What a plan repository holds cannot make planlint read or print what
//! lies outside it (docs/security.md). Each test builds a repository (a
//! folder holding `.git`) beside a folder outside it whose files hold a
//! canary: a unique text that must never appear in any output, whatever
//! the format. The process environment carries a canary too, for
//! `/proc/self/environ`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

const FORMATS: &[&str] = &["human", "json", "github", "sarif"];
const CANARY_VARIABLE: &str = "PLANLINT_TEST_SECRET";

/// A repository and, beside it, a folder the repository must not reach.
struct Scene {
    _dir: tempfile::TempDir,
    repo: PathBuf,
    outside: PathBuf,
    /// In every file outside, and in the environment.
    canary: String,
}

fn scene() -> Scene {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let outside = dir.path().join("outside");
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    let canary = format!("CANARY{}x{:?}", std::process::id(), std::time::Instant::now())
        .replace(|c: char| !c.is_ascii_alphanumeric(), "");
    // Shaped to be echoed if it were read: an unknown key is named in the error.
    fs::write(
        outside.join("secret.yaml"),
        format!("{canary}: 1\nid: {canary}\n"),
    )
    .unwrap();
    fs::create_dir_all(outside.join("pack")).unwrap();
    fs::write(outside.join("pack/rule.yaml"), format!("{canary}: 1\n")).unwrap();
    let clean = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/clean.plan.yaml")).unwrap();
    fs::write(repo.join("launch.plan.yaml"), clean).unwrap();
    Scene {
        _dir: dir,
        repo,
        outside,
        canary,
    }
}

impl Scene {
    fn write(&self, path: &str, text: &str) {
        let path = self.repo.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[cfg(unix)]
    fn link(&self, path: &str, target: &Path) {
        let path = self.repo.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, path).unwrap();
    }

    fn run(&self, format: &str, args: &[&str]) -> (Option<i32>, String, String) {
        let check = ["check", "--color", "never", "--format", format];
        self.command(&[&check[..], args].concat())
    }

    /// `planlint ARGS` in the repository: exit code, stdout, stderr.
    fn command(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let output = crate::planlint_in_english()
            .current_dir(&self.repo)
            .env_remove("GITHUB_ACTIONS")
            .env_remove("GITHUB_STEP_SUMMARY")
            .env(CANARY_VARIABLE, &self.canary)
            .args(args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// In every format: exit 2, an error saying each of `expected`, and no
    /// byte of the canary anywhere.
    fn assert_refused(&self, args: &[&str], expected: &[&str]) {
        for format in FORMATS {
            let (code, stdout, stderr) = self.run(format, args);
            assert_eq!(code, Some(2), "{format}: {stdout}\n{stderr}");
            // miette wraps long messages; compare the words.
            let words = |text: &str| {
                text.split_whitespace()
                    .filter(|word| *word != "│")
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            for text in expected {
                assert!(
                    words(&stderr).contains(&words(text)),
                    "{format}: no `{text}` in:\n{stderr}"
                );
            }
            assert!(
                !stdout.contains(&self.canary) && !stderr.contains(&self.canary),
                "{format}: the canary leaked:\n{stdout}\n{stderr}"
            );
        }
    }

    fn assert_config_refused(&self, config: &str, named: &str) {
        self.write(".planlint.yaml", config);
        self.assert_refused(&["."], &[".planlint.yaml", named, "outside the repository"]);
    }

    fn assert_checked(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run("human", args);
        assert!(matches!(code, Some(0 | 1)), "{stdout}\n{stderr}");
        stdout
    }
}

// ---------------------------------------------------------------------------
// extends
// ---------------------------------------------------------------------------

#[test]
fn extending_proc_self_environ_prints_no_environment() {
    let scene = scene();
    scene.assert_config_refused("extends: [/proc/self/environ]\n", "/proc/self/environ");
}

#[test]
fn extending_a_file_outside_by_parent_steps() {
    let scene = scene();
    scene.assert_config_refused("extends: [../outside/secret.yaml]\n", "../outside/secret.yaml");
}

#[test]
fn extending_by_more_parent_steps_than_the_path_has() {
    let scene = scene();
    let target = scene.outside.join("secret.yaml");
    let climb = format!(
        "{}{}",
        "../".repeat(40),
        target.to_string_lossy().trim_start_matches('/')
    );
    scene.assert_config_refused(&format!("extends: ['{climb}']\n"), &climb);
}

#[test]
fn extending_an_absolute_path_outside() {
    let scene = scene();
    let target = scene.outside.join("secret.yaml");
    let target = target.to_string_lossy();
    scene.assert_config_refused(&format!("extends: ['{target}']\n"), &target);
}

#[test]
#[cfg(unix)]
fn extending_a_symlink_that_points_out() {
    let scene = scene();
    scene.link("base.yaml", &scene.outside.join("secret.yaml"));
    scene.assert_config_refused("extends: [base.yaml]\n", "base.yaml");
}

#[test]
#[cfg(unix)]
fn extending_through_a_symlinked_folder_that_points_out() {
    let scene = scene();
    scene.link("shared", &scene.outside);
    scene.assert_config_refused("extends: [shared/secret.yaml]\n", "shared/secret.yaml");
}

#[test]
fn an_extended_config_cannot_escape_either() {
    let scene = scene();
    scene.write("base.yaml", "extends: [../outside/secret.yaml]\n");
    scene.write(".planlint.yaml", "extends: [base.yaml]\n");
    scene.assert_refused(
        &["."],
        &["base.yaml", "../outside/secret.yaml", "outside the repository"],
    );
}

#[test]
fn git_data_is_not_the_repository_s_files() {
    // Where actions/checkout keeps the job's token by default.
    let scene = scene();
    let header = format!("[http]\n\textraheader = AUTHORIZATION: basic {}\n", scene.canary);
    fs::write(scene.repo.join(".git/config"), header).unwrap();
    scene.write(".planlint.yaml", "extends: [.git/config]\n");
    scene.assert_refused(
        &["."],
        &[
            ".planlint.yaml",
            "`.git/config` is inside the repository's .git folder",
        ],
    );
    scene.write(".planlint.yaml", "rule_packs: [.git]\n");
    scene.assert_refused(&["."], &[".planlint.yaml", ".git"]);
    // A glob over the whole repository passes .git by.
    fs::write(scene.repo.join(".git/hooks.yml"), scene.canary.as_str()).unwrap();
    scene.write(".planlint.yaml", "rule_packs: ['**/*.yml']\n");
    scene.assert_refused(&["."], &[".planlint.yaml", "names no rule files"]);
}

#[test]
fn a_config_in_a_subfolder_may_name_files_anywhere_in_the_repository() {
    let scene = scene();
    scene.write("base.yaml", "rules: {vague-goal: off}\n");
    scene.write("team/.planlint.yaml", "extends: [../base.yaml]\n");
    fs::copy(
        scene.repo.join("launch.plan.yaml"),
        scene.repo.join("team/t.plan.yaml"),
    )
    .unwrap();
    scene.assert_checked(&["team"]);
}

#[test]
#[cfg(unix)]
fn a_symlink_that_stays_inside_is_followed() {
    let scene = scene();
    scene.write("shared/base.yaml", "rules: {vague-goal: off}\n");
    scene.link("base.yaml", Path::new("shared/base.yaml"));
    scene.write(".planlint.yaml", "extends: [base.yaml]\n");
    scene.assert_checked(&["."]);
}

// ---------------------------------------------------------------------------
// the config itself, rule packs
// ---------------------------------------------------------------------------

#[test]
#[cfg(unix)]
fn a_config_file_that_is_a_symlink_pointing_out_is_not_read() {
    let scene = scene();
    scene.link(".planlint.yaml", &scene.outside.join("secret.yaml"));
    scene.assert_refused(
        &["."],
        &["config file `.planlint.yaml` is outside the repository"],
    );
}

#[test]
fn rule_packs_outside_are_refused() {
    let scene = scene();
    for entry in [
        "../outside/pack",
        "../outside/pack/rule.yaml",
        "../outside/pack/*.yaml",
    ] {
        scene.assert_config_refused(&format!("rule_packs: ['{entry}']\n"), entry);
    }
}

#[test]
#[cfg(unix)]
fn rule_packs_reaching_out_through_symlinks_are_refused() {
    let scene = scene();
    scene.link("linked-pack", &scene.outside.join("pack"));
    scene.assert_config_refused("rule_packs: [linked-pack]\n", "linked-pack");

    // One rule file of a folder inside, linked out.
    scene.link("acme/rule.yaml", &scene.outside.join("pack/rule.yaml"));
    scene.write(".planlint.yaml", "rule_packs: [acme]\n");
    scene.assert_refused(
        &["."],
        &[".planlint.yaml", "acme/rule.yaml", "outside the repository"],
    );

    // A glob does not follow links: the linked file is not a rule file.
    scene.write(".planlint.yaml", "rule_packs: ['acme/*.yaml']\n");
    scene.assert_refused(&["."], &[".planlint.yaml", "names no rule files"]);
}

#[test]
#[cfg(unix)]
fn a_fifo_in_a_rule_pack_folder_is_skipped_not_opened() {
    let scene = scene();
    scene.write(
        "acme/cap.yaml",
        "id: cap\nseverity: warning\nsummary: Cap.\nwhy: Policy.\nsource: Handbook.\n\
         given: $.channels[*]\ncheck: {field: budget, function: expr, options: {expression: 'this <= 1000000'}}\n\
         message: too much\nexamples: {fails: 'channels: [{budget: 2000000}]', passes: 'channels: [{budget: 1}]'}\n",
    );
    let fifo = scene.repo.join("acme/pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    scene.write(".planlint.yaml", "rule_packs: [acme]\n");
    scene.assert_checked(&["."]);
    // Named directly, it is refused, still without waiting for a writer.
    scene.write(".planlint.yaml", "rule_packs: [acme/pipe.yaml]\n");
    scene.assert_refused(&["."], &["acme/pipe.yaml", "not a regular file"]);
    scene.write(".planlint.yaml", "extends: [acme/pipe.yaml]\n");
    scene.assert_refused(&["."], &["acme/pipe.yaml", "not a regular file"]);
}

#[test]
fn remote_schema_references_in_rules_are_not_resolved() {
    let scene = scene();
    fs::write(
        scene.outside.join("schema.json"),
        format!("{{\"const\": \"{}\"}}", scene.canary),
    )
    .unwrap();
    let file_ref = format!("file://{}", scene.outside.join("schema.json").to_string_lossy());
    for reference in [file_ref.as_str(), "https://example.invalid/schema.json"] {
        scene.write(
            "acme/named.yaml",
            &format!(
                "id: named\nseverity: warning\nsummary: Named.\nwhy: Policy.\nsource: Handbook.\n\
                 given: $\ncheck: {{field: name, function: schema, options: {{schema: {{$ref: '{reference}'}}}}}}\n\
                 message: bad\nexamples: {{fails: 'name: 1', passes: 'name: x'}}\n"
            ),
        );
        scene.write(".planlint.yaml", "rule_packs: [acme]\n");
        scene.assert_refused(&["."], &["acme/named.yaml", "invalid JSON Schema"]);
    }
}

// ---------------------------------------------------------------------------
// the command line: the user's own choice, except pseudo-files
// ---------------------------------------------------------------------------

#[test]
fn a_config_given_on_the_command_line_may_be_outside_and_name_files_beside_it() {
    let scene = scene();
    fs::write(scene.outside.join("base.yaml"), "rules: {vague-goal: off}\n").unwrap();
    fs::write(scene.outside.join("planlint.yaml"), "extends: [base.yaml]\n").unwrap();
    scene.assert_checked(&["--config", "../outside/planlint.yaml", "."]);

    // The control: a canary file that is read shows in the error, so the
    // other tests' absence of the canary means it was not read.
    let (code, _, stderr) = scene.run("human", &["--config", "../outside/secret.yaml", "."]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains(&scene.canary), "{stderr}");

    // Its own folder bounds it (no `.git` above): a step up is refused.
    fs::create_dir_all(scene.outside.join("cfg")).unwrap();
    fs::write(
        scene.outside.join("cfg/planlint.yaml"),
        "extends: [../secret.yaml]\n",
    )
    .unwrap();
    scene.assert_refused(
        &["--config", "../outside/cfg/planlint.yaml", "."],
        &["planlint.yaml", "../secret.yaml", "outside the repository"],
    );
}

#[test]
#[cfg(target_os = "linux")]
fn pseudo_files_are_refused_even_from_the_command_line() {
    let scene = scene();
    let pseudo = "is a system pseudo-file";
    for (args, expected) in [
        (&["--config", "/proc/self/environ", "."][..], pseudo),
        (&["--baseline", "/proc/self/environ", "."], pseudo),
        (&["/proc/self/environ"], pseudo),
        (&["--config", "/dev/zero", "."], "is not a regular file"),
    ] {
        scene.assert_refused(args, &[expected]);
    }
}

// ---------------------------------------------------------------------------
// plans named on the command line
// ---------------------------------------------------------------------------

/// A workflow names a plan; a pull request turns it into a link to a file
/// of the runner's (or into `.git`, where checkout keeps the job's token).
#[test]
#[cfg(unix)]
fn a_named_plan_that_links_out_of_the_repository_is_not_read() {
    let scene = scene();
    scene.link("q3.plan.yaml", &scene.outside.join("secret.yaml"));
    scene.assert_refused(
        &["q3.plan.yaml", "launch.plan.yaml"],
        &[
            "`q3.plan.yaml` leads through a symlink to a place outside the repository",
            "not read",
        ],
    );
    fs::write(
        scene.repo.join(".git/config"),
        format!("[http]\n\textraheader = {}\n", scene.canary),
    )
    .unwrap();
    scene.link("token.plan.yaml", Path::new(".git/config"));
    scene.assert_refused(
        &["token.plan.yaml"],
        &["`token.plan.yaml` leads through a symlink into the repository's .git folder"],
    );
}

/// The folder a workflow names (or the folder of a plan it names) turned
/// into a link out, with a config that takes every file as a plan.
#[test]
#[cfg(unix)]
fn a_named_folder_that_links_out_of_the_repository_is_not_walked() {
    let scene = scene();
    fs::write(
        scene.outside.join("q3.plan.yaml"),
        format!("{}: 1\n", scene.canary),
    )
    .unwrap();
    scene.write(".planlint.yaml", "include: ['**/*']\n");
    scene.link("plans", &scene.outside);
    scene.assert_refused(
        &["plans"],
        &["`plans` leads through a symlink to a place outside the repository"],
    );
    scene.assert_refused(
        &["plans/q3.plan.yaml"],
        &["`plans/q3.plan.yaml` leads through a symlink to a place outside the repository"],
    );
    // The repository's own folders are walked as before.
    scene.write(
        "team/a.plan.yaml",
        &fs::read_to_string(scene.repo.join("launch.plan.yaml")).unwrap(),
    );
    scene.assert_checked(&["team"]);
}

#[test]
#[cfg(unix)]
fn a_named_plan_that_links_inside_is_checked_and_one_named_directly_anywhere_is_read() {
    let scene = scene();
    scene.link("current.plan.yaml", Path::new("launch.plan.yaml"));
    scene.assert_checked(&["current.plan.yaml"]);
    let elsewhere = scene.outside.join("mine.plan.yaml");
    fs::copy(scene.repo.join("launch.plan.yaml"), &elsewhere).unwrap();
    scene.assert_checked(&[elsewhere.to_str().unwrap()]);
}

/// A folder walk does not follow links, and says which plans it passed
/// by: a link that stays inside and one that leads out are both named,
/// neither is read, and the exit code is the plans' own.
#[test]
#[cfg(unix)]
fn a_walked_folder_names_the_plan_links_it_does_not_follow() {
    let scene = scene();
    scene.link("current.plan.yaml", Path::new("launch.plan.yaml"));
    scene.link("team/old.plan.yaml", &scene.outside.join("secret.yaml"));
    scene.link("team/notes.md", &scene.outside.join("secret.yaml"));
    for format in FORMATS {
        let (code, stdout, stderr) = scene.run(format, &["."]);
        assert!(matches!(code, Some(0 | 1)), "{format}: {stdout}\n{stderr}");
        for link in ["current.plan.yaml", "team/old.plan.yaml"] {
            assert!(
                stderr.contains(&format!("warning: {link} is a symlink, not checked")),
                "{format}: {link} not named in:\n{stderr}"
            );
        }
        assert!(!stderr.contains("notes.md"), "{format}: not a plan:\n{stderr}");
        assert!(!stdout.contains(&scene.canary) && !stderr.contains(&scene.canary));
    }
    // A folder whose only plan is a link is not said to hold no plan.
    let (_, _, stderr) = scene.run("human", &["team"]);
    assert!(
        stderr.contains("warning: team/old.plan.yaml is a symlink, not checked"),
        "{stderr}"
    );
    assert!(!stderr.contains("no plan file in"), "{stderr}");
    let (_, stdout, stderr) = scene.command(&["report", "."]);
    assert!(
        stderr.contains("warning: team/old.plan.yaml is a symlink, not checked"),
        "{stderr}"
    );
    assert!(!stdout.contains(&scene.canary) && !stderr.contains(&scene.canary));
}

#[test]
#[cfg(unix)]
fn a_compared_or_measured_plan_that_links_out_is_not_read() {
    let scene = scene();
    scene.link("q3.plan.yaml", &scene.outside.join("secret.yaml"));
    for args in [
        &["diff", "launch.plan.yaml", "q3.plan.yaml"][..],
        &["metrics", "q3.plan.yaml"],
        &["metrics", "q3.plan.yaml", "--set", "budget.total=1"],
    ] {
        let (code, stdout, stderr) = scene.command(args);
        assert_eq!(code, Some(2), "{args:?}: {stdout}\n{stderr}");
        assert!(
            stderr.contains("leads through a symlink to a place outside the repository"),
            "{args:?}: {stderr}"
        );
        assert!(
            !stdout.contains(&scene.canary) && !stderr.contains(&scene.canary),
            "{args:?}"
        );
    }
}

#[test]
fn stdin_through_a_dash_is_still_read() {
    let scene = scene();
    let plan = fs::read(scene.repo.join("launch.plan.yaml")).unwrap();
    let output = crate::planlint_in_english()
        .current_dir(&scene.repo)
        .args(["check", "-", "--color", "never"])
        .write_stdin(plan)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

// ---------------------------------------------------------------------------
// excerpts
// ---------------------------------------------------------------------------

#[test]
fn a_config_error_shows_only_its_line_cut_to_a_bounded_width() {
    let scene = scene();
    let (before, far, after) = (
        format!("{}A", scene.canary),
        format!("{}B", scene.canary),
        format!("{}C", scene.canary),
    );
    scene.write(
        ".planlint.yaml",
        &format!(
            "# {before}\nrules: {{no-such-rule: error}}  # {}{far}\n# {after}\n",
            "x".repeat(200)
        ),
    );
    scene.assert_refused(&["."], &[".planlint.yaml", "no-such-rule", "…"]);
    let (_, _, stderr) = scene.run("human", &["."]);
    assert!(stderr.contains("2 │ rules: {no-such-rule: error}"), "{stderr}");
    let widest = stderr.lines().map(|line| line.chars().count()).max().unwrap_or(0);
    assert!(widest < 160, "a line of {widest} characters:\n{stderr}");
}
