//! The action (action.yml) and the workflows the docs tell people to copy
//! agree: every input they pass exists, the documented inputs are the
//! action's, the permissions cover what the action does (public and private
//! repositories alike), and the action's token-holding steps keep the token
//! in the environment.

use planlint::document::{load, LoadLimits};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

fn read(path: &str) -> String {
    fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn yaml(text: &str) -> Value {
    load(text, &LoadLimits::default()).unwrap().value
}

fn action() -> Value {
    yaml(&read("action.yml"))
}

fn action_inputs() -> BTreeSet<String> {
    action()["inputs"].as_object().unwrap().keys().cloned().collect()
}

/// The first ```yaml block after `heading` in a Markdown file.
fn yaml_block_after(doc: &str, heading: &str) -> Value {
    let text = read(doc);
    let from = text
        .find(heading)
        .unwrap_or_else(|| panic!("{doc} has no `{heading}`"));
    let rest = &text[from..];
    let start = rest.find("```yaml\n").unwrap() + "```yaml\n".len();
    let end = start + rest[start..].find("\n```").unwrap();
    yaml(&rest[start..end])
}

/// The documented workflows: the README's and the complete example.
fn workflows() -> Vec<(&'static str, Value)> {
    vec![
        ("README.md", yaml_block_after("README.md", "### GitHub Actions")),
        (
            "docs/examples/planlint-workflow.yml",
            yaml(&read("docs/examples/planlint-workflow.yml")),
        ),
    ]
}

fn planlint_steps(workflow: &Value) -> Vec<(Value, Value)> {
    let mut found = Vec::new();
    for job in workflow["jobs"].as_object().unwrap().values() {
        for step in job["steps"].as_array().unwrap() {
            let uses = step["uses"].as_str().unwrap_or_default();
            if uses.starts_with("planlint/planlint@") {
                found.push((job.clone(), step.clone()));
            }
        }
    }
    found
}

#[test]
fn the_documented_workflows_pass_only_inputs_the_action_has() {
    let inputs = action_inputs();
    for (name, workflow) in workflows() {
        let steps = planlint_steps(&workflow);
        assert!(!steps.is_empty(), "{name} does not use the action");
        for (_, step) in steps {
            for key in step["with"].as_object().unwrap().keys() {
                assert!(
                    inputs.contains(key),
                    "{name} passes `{key}`, which action.yml does not have"
                );
            }
        }
    }
}

#[test]
fn the_documented_permissions_cover_what_the_action_does() {
    for (name, workflow) in workflows() {
        assert!(
            workflow["on"].get("pull_request_target").is_none(),
            "{name} must not run on pull_request_target"
        );
        for (job, step) in planlint_steps(&workflow) {
            let permissions = &job["permissions"];
            let has = |scope: &str, level: &str| permissions[scope].as_str() == Some(level);
            assert!(has("contents", "read"), "{name}: contents: read");
            let with = &step["with"];
            let comment_off = with["pr-comment"] == Value::Bool(false) || with["pr-comment"] == "false";
            assert!(
                comment_off || has("pull-requests", "write"),
                "{name}: the comment needs pull-requests: write"
            );
            if with.get("sarif-file").is_some() && with["upload-sarif"] != "false" {
                assert!(
                    has("security-events", "write"),
                    "{name}: the upload needs security-events: write"
                );
                assert!(
                    has("actions", "read"),
                    "{name}: the upload needs actions: read in private repositories"
                );
            }
            // The action uploads where code scanning exists; a second,
            // unconditional upload would fail private repositories.
            for other in job["steps"].as_array().unwrap() {
                let uses = other["uses"].as_str().unwrap_or_default();
                assert!(
                    !uses.contains("upload-sarif"),
                    "{name} uploads SARIF itself: {uses}"
                );
            }
        }
    }
}

#[test]
fn the_inputs_table_lists_exactly_the_actions_inputs() {
    let doc = read("docs/github-action.md");
    let table = &doc[doc.find("| input | default | meaning |").unwrap()..];
    let documented: BTreeSet<String> = table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.split('`').nth(1).unwrap().to_owned())
        .collect();
    assert_eq!(documented, action_inputs());
}

#[test]
fn the_upload_runs_only_where_code_scanning_exists() {
    let action = action();
    let steps = action["runs"]["steps"].as_array().unwrap();
    let upload = steps
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .unwrap_or_default()
                .starts_with("github/codeql-action/upload-sarif@")
        })
        .expect("the action uploads SARIF");
    let condition = upload["if"].as_str().unwrap();
    assert!(
        condition.contains("steps.code-scanning.outputs.available == 'true'"),
        "{condition}"
    );
    let detect = steps.iter().find(|step| step["id"] == "code-scanning").unwrap();
    assert!(detect["run"]
        .as_str()
        .unwrap()
        .contains("scripts/code_scanning.py"));
    let comment = steps.iter().find(|step| step["id"] == "pr-comment").unwrap();
    assert!(comment["run"].as_str().unwrap().contains("scripts/pr_comment.py"));
    assert!(comment["if"]
        .as_str()
        .unwrap()
        .contains("github.event_name == 'pull_request'"));
    for step in [detect, comment] {
        // The token only in the environment; nothing substituted into the script.
        assert_eq!(step["env"]["GITHUB_TOKEN"], "${{ inputs.github-token }}");
        assert!(!step["run"].as_str().unwrap().contains("${{"), "{}", step["run"]);
    }
}
