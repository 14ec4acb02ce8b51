//! A realistic corpus of plans (tests/corpus/): written as different teams
//! write them (Chinese and English, JSON exports with nulls, anchors and
//! merge keys, numbers as text), each with expectations of what must fire
//! where and what must stay silent, written from the seed articles' intent
//! before planlint was run on them. tests/corpus/README.md has the format.

use planlint::document::{load, LoadLimits};
use planlint::{registry, Linter, Settings};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut plans: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let stem = name
                .strip_suffix(".plan.yaml")
                .or_else(|| name.strip_suffix(".plan.json"))?;
            Some((path.clone(), dir.join(format!("{stem}.expect.yaml"))))
        })
        .collect();
    plans.sort();
    plans
}

/// What one expectation file asks, checked against the findings; returns
/// (expectations that held, those that did not, as words).
/// `found` holds each finding's rule, pointer and 1-based line.
fn judge(expect: &Value, found: &[(String, String, usize)]) -> (usize, Vec<String>) {
    let mut held = 0;
    let mut broken = Vec::new();
    for entry in expect["fires"].as_array().into_iter().flatten() {
        let rule = entry["rule"].as_str().unwrap();
        let at = entry.get("at").and_then(Value::as_str);
        let line = entry.get("line").and_then(Value::as_u64);
        if found.iter().any(|(r, p, l)| {
            r == rule && at.is_none_or(|at| at == p) && line.is_none_or(|line| line == *l as u64)
        }) {
            held += 1;
        } else {
            broken.push(format!("expected {rule} at {at:?} (line {line:?})"));
        }
    }
    for rule in expect["silent"].as_array().into_iter().flatten() {
        let rule = rule.as_str().unwrap();
        let wrong: Vec<&str> = found
            .iter()
            .filter(|(r, _, _)| r == rule)
            .map(|(_, p, _)| p.as_str())
            .collect();
        if wrong.is_empty() {
            held += 1;
        } else {
            broken.push(format!("expected {rule} silent, it fired at {wrong:?}"));
        }
    }
    for (rule, count) in expect["counts"].as_object().into_iter().flatten() {
        let n = found.iter().filter(|(r, _, _)| r == rule).count() as u64;
        if Some(n) == count.as_u64() {
            held += 1;
        } else {
            broken.push(format!("expected {count} {rule} findings, found {n}"));
        }
    }
    (held, broken)
}

#[test]
fn the_realistic_corpus_holds_entirely() {
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    let plans = corpus();
    assert!(plans.len() >= 20, "the corpus has {} plans", plans.len());
    let (mut held, mut total) = (0, 0);
    let mut report = BTreeMap::new();
    for (plan, expectation) in &plans {
        let text = std::fs::read_to_string(expectation)
            .unwrap_or_else(|_| panic!("{} has no expectation file", plan.display()));
        let expect = load(&text, &LoadLimits::default()).unwrap().value;
        let name = plan.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(plan).unwrap();
        let findings = linter.lint_bytes(&name, &bytes).findings;
        let line_of = |offset: usize| {
            bytes[..offset.min(bytes.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1
        };
        let found: Vec<(String, String, usize)> = findings
            .iter()
            .map(|finding| {
                (
                    finding.rule.clone(),
                    finding.pointer.clone(),
                    line_of(finding.span.start),
                )
            })
            .collect();
        // A plan that does not parse is a defect of the corpus, unless
        // refusing it is the point (a `.plan.json` that is not JSON).
        let parse_error_expected = expect["fires"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|entry| entry["rule"] == "parse-error");
        assert!(
            parse_error_expected || !found.iter().any(|(rule, _, _)| rule == "parse-error"),
            "{name} does not parse: {findings:?}"
        );
        let (ok, broken) = judge(&expect, &found);
        held += ok;
        total += ok + broken.len();
        if !broken.is_empty() {
            report.insert(name, (broken, found));
        }
    }
    let failures: Vec<String> = report
        .iter()
        .map(|(name, (broken, found))| format!("{name}:\n  {}\n  found: {found:?}", broken.join("\n  ")))
        .collect();
    assert!(
        failures.is_empty(),
        "{held} of {total} expectations held in {} plans:\n{}",
        plans.len(),
        failures.join("\n")
    );
}
