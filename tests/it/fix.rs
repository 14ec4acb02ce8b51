//! `planlint check --fix` and `--fix --diff` on files: edits by span that
//! keep comments, quoting and layout, and a second run that changes nothing.

const PLAN: &str = "\
version: 1
name: Spring launch
currency: CNY
product:
  price: \"¥480\"   # per ring, before the discount
positioning:
  rank: No.2
goals:
  - id: rings
    statement: Sell 100 rings in Suzhou by June
    target: 100
    dealine: 2026-06-30   # agreed with Li
channels:
  - {name: WeChat, type: sociall, budget: 60000}
";

fn planlint(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::planlint_in_english()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn fix_renames_in_place_keeping_comments_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let path = dir.path().join("a.plan.yaml");
    std::fs::write(&path, PLAN).unwrap();

    let (code, diff, _) = planlint(dir.path(), &["check", "--fix", "--diff", "a.plan.yaml"]);
    assert_eq!(code, 1, "--fix --diff exits 1 when there is something to fix");
    assert!(
        diff.contains(
            "-    dealine: 2026-06-30   # agreed with Li\n+    deadline: 2026-06-30   # agreed with Li\n"
        ),
        "{diff}"
    );
    assert!(
        diff.starts_with("--- a/a.plan.yaml\n+++ b/a.plan.yaml\n"),
        "{diff}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        PLAN,
        "--diff writes nothing"
    );

    planlint(dir.path(), &["check", "--fix", "a.plan.yaml"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    let expected = PLAN
        .replace(
            "dealine: 2026-06-30   # agreed with Li",
            "deadline: 2026-06-30   # agreed with Li",
        )
        .replace("price: \"¥480\"   # per ring", "price: 480   # per ring")
        .replace("rank: No.2", "rank: 2")
        .replace("type: sociall,", "type: social,");
    assert_eq!(fixed, expected);

    let (code, diff, stderr) = planlint(dir.path(), &["check", "--fix", "--diff", "a.plan.yaml"]);
    assert_eq!(
        (code, diff.as_str()),
        (0, ""),
        "a second run has nothing to fix: {stderr}"
    );
    planlint(dir.path(), &["check", "--fix", "a.plan.yaml"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn uncertain_fixes_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    // Two close matches, a rename onto an existing key, and a price whose
    // sign names another currency than the plan's: none is certain.
    let plan = "version: 1\nname: X\ncurrency: USD\nproduct:\n  price: \"¥480\"\ngoals:\n  - {id: g, statement: Sell 5, deadline: 2026-06-30, dealine: 2026-07-01}\n";
    std::fs::write(dir.path().join("b.plan.yaml"), plan).unwrap();
    let (code, diff, _) = planlint(dir.path(), &["check", "--fix", "--diff", "b.plan.yaml"]);
    assert_eq!((code, diff.as_str()), (0, ""));
    let (_, json, _) = planlint(dir.path(), &["check", "b.plan.yaml", "--format", "json"]);
    assert!(!json.contains("\"fix\""), "{json}");
}

#[test]
fn the_json_report_carries_fixes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("a.plan.yaml"), PLAN).unwrap();
    let (_, json, _) = planlint(dir.path(), &["check", "a.plan.yaml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fixes: Vec<&serde_json::Value> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|finding| finding.get("fix"))
        .collect();
    assert_eq!(fixes.len(), 4, "{fixes:?}");
    let rename = fixes.iter().find(|fix| fix["replacement"] == "deadline").unwrap();
    assert_eq!(rename["title"], "rename `dealine` to `deadline`");
    assert_eq!(rename["start"]["line"], 12);
    assert_eq!(rename["start"]["column"], 5);
}

#[test]
fn schema_writes_the_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let (code, said, _) = planlint(dir.path(), &["schema"]);
    assert_eq!(code, 0);
    assert!(
        said.contains("$schema=./.planlint/schemas/plan.schema.json"),
        "{said}"
    );
    for name in ["plan", "config", "rule", "report"] {
        let written =
            std::fs::read_to_string(dir.path().join(format!(".planlint/schemas/{name}.schema.json")))
                .unwrap();
        let shipped = std::fs::read_to_string(format!(
            "{}/schemas/{name}.schema.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        assert_eq!(written, shipped);
    }
}

/// A fix never edits text that an alias shares with another place: the
/// anchored value is left until no alias uses it, and what every field
/// reads is the same after `--fix` as before.
#[test]
fn fix_through_anchors_and_merge_keys_keeps_every_value() {
    let plan = "\
version: 1
name: Alias
currency: CNY
product:
  price: &amount \"¥480\"
unit_economics:
  cac: *amount
x-base: &base
  budget: \"¥60,000\"
channels:
  - <<: *base
    name: WeChat
    type: social
  - <<: *base
    name: Douyin
    type: video
";
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let path = dir.path().join("a.plan.yaml");
    std::fs::write(&path, plan).unwrap();
    let (_, before, _) = planlint(dir.path(), &["metrics", "a.plan.yaml", "--format", "json"]);
    let (_, json, _) = planlint(dir.path(), &["check", "a.plan.yaml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let merged_budget = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|finding| finding["pointer"] == "/channels/0/budget")
        .unwrap()
        .clone();
    assert!(merged_budget.get("fix").is_none(), "{merged_budget}");
    assert!(
        merged_budget["help"].as_str().unwrap().contains("anchor"),
        "{merged_budget}"
    );
    planlint(dir.path(), &["check", "--fix", "a.plan.yaml"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains("budget: \"¥60,000\""),
        "a shared value was edited:\n{fixed}"
    );
    let (_, after, _) = planlint(dir.path(), &["metrics", "a.plan.yaml", "--format", "json"]);
    assert_eq!(before, after, "--fix changed what the plan says:\n{fixed}");
}
