//! Where `--fix` and `planlint schema` write when a pull request plants
//! symlinks (issue: hardening round 3): never outside the repository,
//! never through a link the repository controls, keeping the plan's mode.

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;

/// A plan with one certain fix (`dealine` -> `deadline`).
const FIXABLE: &str = "\
version: 1
name: Spring launch
currency: CNY
goals:
  - id: rings
    statement: Sell 100 rings in Suzhou by June
    target: 100
    dealine: 2026-06-30
";

fn planlint(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = crate::planlint_in_english()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A repository folder inside a temporary folder that also holds `outside/`.
fn layout() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let outside = dir.path().join("outside");
    fs::create_dir_all(repo.join(".git")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    (dir, repo, outside)
}

#[test]
fn fix_keeps_the_plan_mode() {
    let (_dir, repo, _) = layout();
    for mode in [0o600, 0o755, 0o640] {
        let plan = repo.join("a.plan.yaml");
        fs::write(&plan, FIXABLE).unwrap();
        fs::set_permissions(&plan, fs::Permissions::from_mode(mode)).unwrap();
        planlint(&repo, &["check", "--fix", "a.plan.yaml"]);
        assert!(fs::read_to_string(&plan).unwrap().contains("deadline:"), "fixed");
        let kept = fs::metadata(&plan).unwrap().permissions().mode() & 0o7777;
        assert_eq!(kept, mode, "mode {mode:o} became {kept:o}");
    }
}

#[test]
fn fix_leaves_a_read_only_plan_and_exits_two() {
    let (_dir, repo, _) = layout();
    let plan = repo.join("a.plan.yaml");
    fs::write(&plan, FIXABLE).unwrap();
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stderr) = planlint(&repo, &["check", "--fix", "a.plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("a.plan.yaml is read-only"), "{stderr}");
    assert_eq!(fs::read_to_string(&plan).unwrap(), FIXABLE);
    assert_eq!(fs::metadata(&plan).unwrap().permissions().mode() & 0o777, 0o444);
}

/// A committed symlink to a file outside, found by discovery or named on
/// the command line: refused, exit 2, the target untouched (named, it is
/// not even read; the write's own check stays behind it).
#[test]
fn fix_does_not_follow_a_symlink_out_of_the_repository() {
    let (_dir, repo, outside) = layout();
    let target = outside.join("victim.plan.yaml");
    fs::write(&target, FIXABLE).unwrap();
    symlink(&target, repo.join("linked.plan.yaml")).unwrap();
    let (code, stderr) = planlint(&repo, &["check", "--fix", "linked.plan.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`linked.plan.yaml` leads through a symlink to a place outside the repository"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        FIXABLE,
        "a named link was written through"
    );
    // A folder: discovery does not follow the link; the repository's own plan is fixed.
    fs::write(repo.join("own.plan.yaml"), FIXABLE).unwrap();
    planlint(&repo, &["check", "--fix", "."]);
    assert!(fs::read_to_string(repo.join("own.plan.yaml"))
        .unwrap()
        .contains("deadline:"));
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        FIXABLE,
        "a discovered link was written through"
    );
}

/// A symlink to a plan inside the repository: the plan is fixed, the link
/// stays a link.
#[test]
fn fix_follows_a_symlink_to_a_plan_inside_the_repository() {
    let (_dir, repo, _) = layout();
    fs::create_dir_all(repo.join("plans")).unwrap();
    fs::write(repo.join("plans/real.plan.yaml"), FIXABLE).unwrap();
    symlink("plans/real.plan.yaml", repo.join("alias.plan.yaml")).unwrap();
    let (_, stderr) = planlint(&repo, &["check", "--fix", "alias.plan.yaml"]);
    assert!(
        fs::read_to_string(repo.join("plans/real.plan.yaml"))
            .unwrap()
            .contains("deadline:"),
        "{stderr}"
    );
    assert!(fs::symlink_metadata(repo.join("alias.plan.yaml"))
        .unwrap()
        .file_type()
        .is_symlink());
}

/// `.planlint/`, `.planlint/schemas/` or a schema file committed as a
/// symlink to a folder or file outside: `planlint schema` refuses, exit 2,
/// and writes nothing there.
/// Lays out a symlink in a repository, pointing into `outside`.
type Plant = fn(&Path, &Path);

#[test]
fn schema_refuses_symlinked_folders_and_files() {
    let cases: [(&str, Plant); 3] = [
        (".planlint", |repo, outside| {
            symlink(outside, repo.join(".planlint")).unwrap()
        }),
        (".planlint/schemas", |repo, outside| {
            fs::create_dir_all(repo.join(".planlint")).unwrap();
            symlink(outside, repo.join(".planlint/schemas")).unwrap();
        }),
        ("plan.schema.json", |repo, outside| {
            fs::create_dir_all(repo.join(".planlint/schemas")).unwrap();
            symlink(
                outside.join("plan.schema.json"),
                repo.join(".planlint/schemas/plan.schema.json"),
            )
            .unwrap();
        }),
    ];
    for (link, plant) in cases {
        let (_dir, repo, outside) = layout();
        plant(&repo, &outside);
        let (code, stderr) = planlint(&repo, &["schema"]);
        assert_eq!(code, 2, "{link}: {stderr}");
        assert!(
            stderr.contains("is a symlink: planlint does not write through it"),
            "{link}: {stderr}"
        );
        assert_eq!(
            fs::read_dir(&outside).unwrap().count(),
            0,
            "{link}: wrote outside"
        );
    }
}

#[test]
fn schema_writes_into_a_fresh_folder() {
    let (_dir, repo, _) = layout();
    let (code, stderr) = planlint(&repo, &["schema"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(repo.join(".planlint/schemas/plan.schema.json").is_file());
    // Only the four schemas: no temporary file is left behind.
    assert_eq!(fs::read_dir(repo.join(".planlint/schemas")).unwrap().count(), 4);
}
