//! What a pull request's files can make planlint's git do (issue: hardening
//! round 3). A plan folder can hold files laid out as a git repository of
//! its own (`HEAD`, `config`, `refs/`, `objects/`), whose config runs a
//! command when git fetches a missing object; and a file can be named
//! `HEAD:a.plan.yaml`. None of it may run a command, answer for a
//! revision, or stand in for `REV:PATH`.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

const CLEAN: &str = include_str!("../../examples/clean.plan.yaml");

struct Repo {
    dir: tempfile::TempDir,
    /// Created only if git ran the planted command.
    canary: PathBuf,
}

impl Repo {
    /// A repository whose `plans/` folder is also laid out as a bare
    /// repository with a promisor remote that runs `touch CANARY`, and
    /// whose fake `HEAD` names a commit git would have to fetch.
    fn with_planted_repository() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let canary = dir.path().join("canary");
        let plans = dir.path().join("plans");
        fs::create_dir_all(plans.join("refs/heads")).unwrap();
        fs::create_dir_all(plans.join("objects/info")).unwrap();
        fs::write(plans.join("objects/info/keep"), "").unwrap();
        fs::write(plans.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        fs::write(plans.join("refs/heads/main"), format!("{}\n", "1".repeat(40))).unwrap();
        fs::write(
            plans.join("config"),
            format!(
                "[core]\n\trepositoryformatversion = 1\n\tbare = true\n[extensions]\n\tpartialClone = evil\n\
                 [remote \"evil\"]\n\turl = file:///nonexistent\n\tpromisor = true\n\tuploadpack = touch {}; false\n",
                canary.display()
            ),
        )
        .unwrap();
        fs::write(plans.join("spring.plan.yaml"), CLEAN).unwrap();
        let repo = Repo { dir, canary };
        repo.git(&["init", "-q", "-b", "main", "."]);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "a clean plan, and a planted repository"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.path())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn planlint(&self, folder: &str) -> Command {
        let mut command = crate::planlint_in_english();
        command
            .current_dir(self.path().join(folder))
            .env_remove("GITHUB_ACTIONS")
            .env("NO_COLOR", "1");
        command
    }

    fn assert_no_command_ran(&self) {
        assert!(
            !self.canary.exists(),
            "git ran the command planted in plans/config"
        );
    }
}

fn rules(stdout: &[u8]) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| file["findings"].as_array().unwrap().clone())
        .map(|finding| finding["rule"].as_str().unwrap().to_owned())
        .collect()
}

/// The change under review raises CAC past LTV: `--new-from-rev HEAD` must
/// report it, from the root and from inside the planted folder, and the
/// planted repository's command must never run.
#[test]
fn new_from_rev_uses_the_real_repository_and_runs_nothing() {
    let repo = Repo::with_planted_repository();
    let plan = repo.path().join("plans/spring.plan.yaml");
    fs::write(&plan, CLEAN.replace("\n  cac: 480\n", "\n  cac: 2500\n")).unwrap();
    for (folder, target) in [(".", "plans/spring.plan.yaml"), ("plans", "spring.plan.yaml")] {
        let output = repo
            .planlint(folder)
            .args(["check", target, "--new-from-rev", "HEAD", "--format", "json"])
            .output()
            .unwrap();
        repo.assert_no_command_ran();
        assert_eq!(
            output.status.code(),
            Some(1),
            "from {folder}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            rules(&output.stdout).contains(&"cac-exceeds-ltv".to_owned()),
            "from {folder}: the change's finding was hidden"
        );
    }
}

#[test]
fn diff_against_a_revision_uses_the_real_repository_and_runs_nothing() {
    let repo = Repo::with_planted_repository();
    for (folder, old, new) in [
        (".", "HEAD:plans/spring.plan.yaml", "plans/spring.plan.yaml"),
        ("plans", "HEAD:./spring.plan.yaml", "spring.plan.yaml"),
    ] {
        let output = repo
            .planlint(folder)
            .args(["diff", old, new, "--format", "json"])
            .output()
            .unwrap();
        repo.assert_no_command_ran();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// A committed file literally named `HEAD:spring.plan.yaml` is not the
/// revision's version: `diff` reads git's, and `./NAME` names the file.
#[test]
fn a_file_named_like_a_revision_does_not_stand_in_for_it() {
    let repo = Repo::with_planted_repository();
    let spoof = CLEAN.replace("\n  cac: 480\n", "\n  cac: 2500\n");
    fs::write(repo.path().join("HEAD:spring.plan.yaml"), &spoof).unwrap();
    fs::write(repo.path().join("spring.plan.yaml"), CLEAN).unwrap();
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "a file named like a revision"]);
    let diff = |old: &str| {
        let output = repo
            .planlint(".")
            .args(["diff", old, "spring.plan.yaml", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // git's spring.plan.yaml at HEAD is the clean plan: CAC 480 on both sides.
    assert!(!diff("HEAD:spring.plan.yaml").contains("2500"));
    // The file with that name is reached with `./`.
    assert!(diff("./HEAD:spring.plan.yaml").contains("2500"));
    repo.assert_no_command_ran();
}

/// A folder in a revision is not a plan; a blob over the size limit is not
/// read into memory.
#[test]
fn folders_and_oversized_blobs_in_a_revision_are_refused() {
    let repo = Repo::with_planted_repository();
    let output = repo
        .planlint(".")
        .args(["diff", "HEAD:plans", "plans/spring.plan.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`HEAD:plans` is a folder in git, not a plan file"),
        "{stderr}"
    );

    let big = format!("{}\n{}", CLEAN, "# padding\n".repeat(1_200_000));
    fs::write(repo.path().join("big.plan.yaml"), &big).unwrap();
    repo.git(&["add", "big.plan.yaml"]);
    repo.git(&["commit", "-q", "-m", "a 12 MB plan"]);
    let output = repo
        .planlint(".")
        .args(["diff", "HEAD:big.plan.yaml", "plans/spring.plan.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("over the limit of 10485760 bytes"), "{stderr}");
}

#[test]
fn outside_a_repository_a_revision_is_an_error_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.plan.yaml"), CLEAN).unwrap();
    let mut command = crate::planlint_in_english();
    let output = command
        .current_dir(dir.path())
        .args(["diff", "HEAD:a.plan.yaml", "a.plan.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not inside a git repository"), "{stderr}");
}
