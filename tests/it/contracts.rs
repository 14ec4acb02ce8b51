//! The JSON Schemas that document planlint's contracts hold for what planlint
//! actually reads and writes: the JSON report, configs, rule files and plans.

use planlint::document::{load, LoadLimits};
use serde_json::Value;
use std::fs;

fn schema(name: &str) -> jsonschema::Validator {
    let path = format!("{}/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn yaml(path: &str) -> Value {
    let text = fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    load(&text, &LoadLimits::default()).unwrap().value
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_json_report_follows_report_schema() {
    let output = crate::planlint_in_english()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "examples/", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid(&schema("report.schema.json"), &report, "report");
}

#[test]
fn configs_follow_config_schema() {
    let validator = schema("config.schema.json");
    assert_valid(
        &validator,
        &yaml("examples/house-rules/.planlint.yaml"),
        "house rules config",
    );
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split("```yaml\n")
        .find(|block| block.starts_with("extends:"))
        .unwrap();
    let config = load(block.split("```").next().unwrap(), &LoadLimits::default())
        .unwrap()
        .value;
    assert_valid(&validator, &config, "README config");
    assert!(
        !validator.is_valid(&serde_json::json!({"rulez": {}})),
        "unknown keys are rejected"
    );
}

#[test]
fn rule_files_follow_rule_schema() {
    let validator = schema("rule.schema.json");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let value = load(&fs::read_to_string(&path).unwrap(), &LoadLimits::default())
            .unwrap()
            .value;
        assert_valid(&validator, &value, &path.display().to_string());
        count += 1;
    }
    for file in ["channel-cap", "approved-metrics", "legal-reviewer"] {
        assert_valid(
            &validator,
            &yaml(&format!("examples/house-rules/acme/{file}.yaml")),
            file,
        );
    }
    assert!(count >= 29);
}

#[test]
fn example_plans_and_the_init_template_follow_plan_schema() {
    let validator = schema("plan.schema.json");
    for path in [
        "examples/clean.plan.yaml",
        "examples/scaling-channels.plan.yaml",
        "examples/house-rules/plans/spring.plan.yaml",
        "examples/house-rules/plans/pilots/newsletter.plan.yaml",
        "src/cli/init.plan.yaml",
        "src/cli/init.zh.plan.yaml",
    ] {
        assert_valid(&validator, &yaml(path), path);
    }
}

/// The prepared SchemaStore entry matches plans and points at the schema
/// the release publishes at its tag.
#[test]
fn the_schemastore_entry_points_at_the_published_schema() {
    let entry: Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/schemastore/catalog-entry.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        entry["fileMatch"],
        serde_json::json!(["*.plan.yaml", "*.plan.yml", "*.plan.json"])
    );
    let tagged = format!(
        "https://raw.githubusercontent.com/planlint/planlint/v{}/schemas/plan.schema.json",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(entry["versions"][env!("CARGO_PKG_VERSION")], tagged.as_str());
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&format!("$schema={tagged}")),
        "the README's modeline is the published one"
    );
    assert!(
        !readme.contains("planlint.dev/schemas"),
        "the README names no unpublished URL"
    );
}
