//! Hostile and broken input through the real binary (`planlint check`, JSON
//! and human output): every bad file gets a clear message naming it, with
//! its line and column where it has one, the exit code says what happened,
//! and the good plan next to it is still reported.
//!
//! The biggest inputs (a 5 MB line, a 100,000-goal plan) take more than a
//! second in a debug build: they are `#[ignore]`d here and measured by
//! `cargo bench --bench hostile` (see docs/robustness.md). Run them with
//! `cargo test --test hostile_input -- --ignored`.

#[path = "../../benches/common/mod.rs"]
mod inputs;

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

/// The good plan checked beside every bad file.
const GOOD: &str = "good.plan.yaml";

const EMPTY: &str = "the file is empty: a plan needs at least `version` and `name`";

fn planlint(dir: &Path) -> Command {
    let mut command = crate::planlint_in_english();
    command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY");
    command
}

/// A scratch folder holding the clean example plan as `good.plan.yaml`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    fs::write(dir.path().join(GOOD), inputs::CLEAN_PLAN).expect("write the good plan");
    dir
}

type Place = (usize, usize);

/// A finding as the JSON report gives it: rule, message, start and end
/// (line, column).
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    rule: String,
    message: String,
    start: Place,
    end: Place,
}

fn seen(rule: &str, message: &str, start: Place, end: Place) -> Seen {
    Seen {
        rule: rule.to_owned(),
        message: message.to_owned(),
        start,
        end,
    }
}

fn place(position: &Value) -> Place {
    let number = |key: &str| position[key].as_u64().expect("a line or column") as usize;
    (number("line"), number("column"))
}

/// Whitespace runs as one space and no `│` gutters, so wrapped human output
/// compares with one-line messages.
fn squash(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| *word != "│")
        .collect::<Vec<_>>()
        .join(" ")
}

/// One `planlint check` of the same paths in JSON and in human output.
struct Checked {
    json_code: Option<i32>,
    human_code: Option<i32>,
    json: Value,
    human: String,
    stderr: String,
}

/// `planlint check PATHS...` in `dir`, as JSON and as human output.
fn check(dir: &Path, paths: &[&str]) -> Checked {
    check_with(dir, paths, &[], true)
}

fn check_with(dir: &Path, paths: &[&str], extra: &[&str], human: bool) -> Checked {
    let output = planlint(dir)
        .arg("check")
        .args(paths)
        .args(extra)
        .args(["--format", "json"])
        .output()
        .expect("planlint runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|error| panic!("the JSON report does not parse ({error}):\n{stdout}"));
    let (human_code, human) = if human {
        let output = planlint(dir)
            .arg("check")
            .args(paths)
            .args(extra)
            .args(["--color", "never"])
            .output()
            .expect("planlint runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    } else {
        (output.status.code(), String::new())
    };
    Checked {
        json_code: output.status.code(),
        human_code,
        json,
        human,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Checked {
    fn paths(&self) -> Vec<&str> {
        self.json["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|file| file["path"].as_str().expect("a path"))
            .collect()
    }

    fn file(&self, path: &str) -> &Value {
        self.json["files"]
            .as_array()
            .expect("files")
            .iter()
            .find(|file| file["path"] == path)
            .unwrap_or_else(|| panic!("{path} is not in the report: {:?}", self.paths()))
    }

    fn findings(&self, path: &str) -> Vec<Seen> {
        self.file(path)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|finding| Seen {
                rule: finding["rule"].as_str().expect("rule").to_owned(),
                message: finding["message"].as_str().expect("message").to_owned(),
                start: place(&finding["start"]),
                end: place(&finding["end"]),
            })
            .collect()
    }

    fn assert_exit(&self, code: i32) {
        assert_eq!(self.json_code, Some(code), "JSON run; stderr:\n{}", self.stderr);
        assert_eq!(self.human_code, Some(code), "human run:\n{}", self.human);
    }

    /// `path` has exactly `expected`, and the human output shows each
    /// message at `path:line:column`.
    fn assert_findings(&self, path: &str, expected: &[Seen]) {
        assert_eq!(self.findings(path), expected, "findings of {path}");
        if self.human_code.is_none() || self.human.is_empty() {
            return;
        }
        let human = squash(&self.human);
        for finding in expected {
            let (line, column) = finding.start;
            let header = format!("╭─[{path}:{line}:{column}]");
            assert!(human.contains(&header), "no {header} in:\n{}", self.human);
            assert!(
                human.contains(&squash(&finding.message)),
                "no `{}` in:\n{}",
                finding.message,
                self.human
            );
        }
    }

    /// The good plan was checked and is clean.
    fn assert_good_reported(&self) {
        assert_eq!(self.findings(GOOD), [], "the good plan beside the bad one");
    }

    /// A tool error on stderr (in both runs: the JSON run's is kept).
    fn assert_error(&self, message: &str) {
        assert!(
            squash(&self.stderr).contains(&squash(message)),
            "no `{message}` on stderr:\n{}",
            self.stderr
        );
    }
}

/// Writes `bytes` as `name` beside the good plan and checks the folder.
fn check_bad_file(name: &str, bytes: &[u8]) -> Checked {
    let dir = workspace();
    fs::write(dir.path().join(name), bytes).expect("write the bad file");
    let checked = check(dir.path(), &["."]);
    assert_eq!(checked.paths().len(), 2, "both files are reported");
    checked.assert_good_reported();
    checked
}

/// The good plan with one line replaced.
fn good_with(line: &str, replacement: &str) -> String {
    assert!(inputs::CLEAN_PLAN.contains(line), "no `{line}` in the clean plan");
    inputs::CLEAN_PLAN.replacen(line, replacement, 1)
}

// ---------------------------------------------------------------------------
// Files that are not a plan at all
// ---------------------------------------------------------------------------

#[test]
fn an_empty_file() {
    let checked = check_bad_file("empty.plan.yaml", b"");
    checked.assert_exit(2);
    checked.assert_findings("empty.plan.yaml", &[seen("parse-error", EMPTY, (1, 1), (1, 1))]);
}

#[test]
fn a_file_of_comments_only() {
    let checked = check_bad_file("comments.plan.yaml", b"# draft: to be written\n\n# owner: ?\n");
    checked.assert_exit(2);
    checked.assert_findings(
        "comments.plan.yaml",
        &[seen("parse-error", EMPTY, (1, 1), (1, 1))],
    );
}

/// A root that is not a mapping gets the schema's "must be a group of fields" and
/// nothing else (`missing-competitors` used to fire on it too).
#[test]
fn a_root_that_is_a_scalar() {
    let checked = check_bad_file("scalar.plan.yaml", b"hello\n");
    checked.assert_exit(1);
    checked.assert_findings(
        "scalar.plan.yaml",
        &[seen(
            "schema",
            "the plan must be a group of fields, found the text \"hello\"",
            (1, 1),
            (1, 6),
        )],
    );
}

#[test]
fn a_root_that_is_a_list() {
    let checked = check_bad_file("list.plan.yaml", b"- version: 1\n- name: x\n");
    checked.assert_exit(1);
    checked.assert_findings(
        "list.plan.yaml",
        &[seen(
            "schema",
            "the plan must be a group of fields, found a list",
            (1, 1),
            (2, 10),
        )],
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let checked = check_bad_file("latin1.plan.yaml", b"version: 1\nname: caf\xe9 launch\n");
    checked.assert_exit(2);
    checked.assert_findings(
        "latin1.plan.yaml",
        &[seen(
            "parse-error",
            "invalid UTF-8 at byte 20: planlint reads plans as UTF-8 text",
            (2, 10),
            (2, 11),
        )],
    );
    // The offsets are those of the text shown, where the bad byte is U+FFFD.
    let finding = &checked.file("latin1.plan.yaml")["findings"][0];
    assert_eq!(finding["start"]["offset"], 20);
}

#[test]
fn binary_data() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    let checked = check_bad_file("image.plan.yaml", png);
    checked.assert_exit(2);
    checked.assert_findings(
        "image.plan.yaml",
        &[seen(
            "parse-error",
            "invalid UTF-8 at byte 0: planlint reads plans as UTF-8 text",
            (1, 1),
            (1, 2),
        )],
    );
}

/// Binary data that happens to be valid UTF-8: NUL and other control
/// characters (once reported as tabs: saphyr says "unprintable", which
/// contains "tab").
#[test]
fn binary_data_that_is_valid_utf8() {
    let checked = check_bad_file("nul.plan.yaml", b"version: 1\nname: a\0b\n");
    checked.assert_exit(2);
    checked.assert_findings(
        "nul.plan.yaml",
        &[seen(
            "parse-error",
            "control character U+0000 cannot appear in YAML; remove it, or write it as an escape in a \
             double-quoted string",
            (2, 8),
            (2, 9),
        )],
    );
}

// ---------------------------------------------------------------------------
// Plans in unusual encodings and layouts: still checked, spans exact
// ---------------------------------------------------------------------------

#[test]
fn a_utf8_bom_is_skipped_and_spans_stay_exact() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(good_with("name: Spring fine-jewellery launch\n", "name: 42\n").as_bytes());
    let checked = check_bad_file("bom.plan.yaml", &bytes);
    checked.assert_exit(1);
    let expected = seen(
        "schema",
        "`name` must be text, found the number 42",
        (4, 7),
        (4, 9),
    );
    checked.assert_findings("bom.plan.yaml", &[expected]);
    // Offsets count the BOM's 3 bytes: `42` starts at byte 184 of the file.
    let finding = &checked.file("bom.plan.yaml")["findings"][0];
    assert_eq!(&bytes[184..186], b"42");
    assert_eq!(
        (&finding["start"]["offset"], &finding["end"]["offset"]),
        (&184.into(), &186.into())
    );
}

#[test]
fn a_bom_before_json() {
    let json = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/clean-json.plan.json"
    ))
    .expect("the JSON example");
    let checked = check_bad_file("bom.plan.json", format!("\u{feff}{json}").as_bytes());
    checked.assert_exit(0);
    checked.assert_findings("bom.plan.json", &[]);
}

#[test]
fn crlf_line_endings_keep_lines_and_columns_exact() {
    let plan = good_with("name: Spring fine-jewellery launch\n", "name: 42\n")
        .replacen("  total: 300000\n", "  total: -5\n", 1)
        .replace('\n', "\r\n");
    let checked = check_bad_file("crlf.plan.yaml", plan.as_bytes());
    checked.assert_exit(1);
    let findings = checked.findings("crlf.plan.yaml");
    let name = seen(
        "schema",
        "`name` must be text, found the number 42",
        (4, 7),
        (4, 9),
    );
    let total = seen(
        "schema",
        "`budget.total` must be at least 0, found -5",
        (78, 10),
        (78, 12),
    );
    assert!(
        findings.contains(&name) && findings.contains(&total),
        "{findings:?}"
    );
    checked.assert_findings("crlf.plan.yaml", &findings);
    // Byte offsets count the `\r`s: line 78 starts after 77 of them.
    let total_at = plan.find("-5\r\n").expect("the total");
    let finding = checked.file("crlf.plan.yaml")["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["pointer"] == "/budget/total" && f["rule"] == "schema")
        .cloned()
        .expect("the total's finding");
    assert_eq!(finding["start"]["offset"], total_at);
    assert_eq!(finding["end"]["offset"], total_at + 2);
}

#[test]
fn tabs_used_for_indentation() {
    let checked = check_bad_file("tabs.plan.yaml", b"version: 1\nname: x\nproduct:\n\tname: y\n");
    checked.assert_exit(2);
    checked.assert_findings(
        "tabs.plan.yaml",
        &[seen(
            "parse-error",
            "tabs cannot be used for indentation in YAML; indent with spaces \
             (parser: tabs disallowed within this context (block indentation))",
            (4, 1),
            (4, 2),
        )],
    );
}

#[test]
fn duplicate_keys_point_at_both_places() {
    let checked = check_bad_file("dup.plan.yaml", b"version: 1\nname: a\nowner: b\nname: c\n");
    checked.assert_exit(2);
    checked.assert_findings(
        "dup.plan.yaml",
        &[seen("parse-error", "duplicate key `name`", (4, 1), (4, 5))],
    );
    let related = &checked.file("dup.plan.yaml")["findings"][0]["related"];
    assert_eq!(related.as_array().map(Vec::len), Some(1), "{related}");
    assert_eq!(related[0]["message"], "first defined here");
    assert_eq!(
        (place(&related[0]["start"]), place(&related[0]["end"])),
        ((2, 1), (2, 5))
    );
    // Human output underlines both keys.
    let human = squash(&checked.human);
    assert!(
        human.contains("2 name: a · ──┬─ · ╰── first defined here"),
        "{}",
        checked.human
    );
    assert!(
        human.contains("4 name: c · ──┬─ · ╰── duplicate key"),
        "{}",
        checked.human
    );
}

#[test]
fn several_yaml_documents_in_one_file() {
    let checked = check_bad_file(
        "multi.plan.yaml",
        b"version: 1\nname: a\n---\nversion: 2\nname: b\n",
    );
    checked.assert_exit(2);
    checked.assert_findings(
        "multi.plan.yaml",
        &[seen(
            "parse-error",
            "multiple YAML documents in one file; a plan file holds one document",
            (3, 1),
            (3, 4),
        )],
    );
}

#[test]
fn unterminated_json() {
    let dir = workspace();
    let cases: [(&str, &str, Seen); 3] = [
        (
            "list.plan.json",
            r#"{"version": 1, "name": "a", "goals": ["#,
            seen(
                "parse-error",
                "the file ends inside a list: the `[` at line 1, column 38 is never closed with `]`",
                (1, 38),
                (1, 39),
            ),
        ),
        (
            "string.plan.json",
            r#"{"version": 1, "name": "abc"#,
            seen(
                "parse-error",
                "the text is not closed: a `\"` is missing",
                (1, 24),
                (1, 25),
            ),
        ),
        (
            "object.plan.json",
            "{\"version\": 1,\n \"name\": \"a\"\n",
            seen(
                "parse-error",
                "the file ends inside a `{...}`: the `{` at line 1, column 1 is never closed with `}`",
                (1, 1),
                (1, 2),
            ),
        ),
    ];
    for (name, text, _) in &cases {
        fs::write(dir.path().join(name), text).expect("write");
    }
    let checked = check(dir.path(), &["."]);
    checked.assert_exit(2);
    checked.assert_good_reported();
    for (name, _, expected) in cases {
        checked.assert_findings(name, &[expected]);
    }
}

/// saphyr's own words for a file that ends inside a list say neither that
/// the file ended early nor where the list was opened; planlint says both.
#[test]
fn unterminated_json_names_the_open_bracket() {
    let checked = check_bad_file("list.plan.json", br#"{"version": 1, "name": "a", "goals": ["#);
    let report = checked.json["files"]
        .as_array()
        .and_then(|files| {
            files
                .iter()
                .find(|file| file["path"].as_str() == Some("list.plan.json"))
        })
        .expect("list.plan.json reported");
    let finding = &report["findings"][0];
    let message = finding["message"].as_str().unwrap_or_default();
    assert!(message.contains("line 1, column 38"), "{message}");
    assert!(
        squash(&checked.human).contains("never closed"),
        "{}",
        checked.human
    );
    assert_eq!(finding["related"][0]["message"], "the file ends here");
    assert_eq!(finding["related"][0]["start"]["column"], 39);
}

// ---------------------------------------------------------------------------
// Values: wrong types, impossible dates, numbers that are not numbers
// ---------------------------------------------------------------------------

#[test]
fn wrong_types_and_impossible_dates() {
    let plan = good_with(
        "period: {start: 2026-03-01, end: 2026-08-31}",
        "period: {start: 2026-02-30, end: 2026-08-31}",
    )
    .replacen("  price: 3200\n", "  price: lots\n", 1)
    .replacen("    deadline: 2026-07-31\n", "    deadline: [2026-07-31]\n", 1);
    let checked = check_bad_file("types.plan.yaml", plan.as_bytes());
    checked.assert_exit(1);
    checked.assert_findings(
        "types.plan.yaml",
        &[
            seen(
                "schema",
                "`period.start` must be a real calendar date as YYYY-MM-DD, found \"2026-02-30\"",
                (7, 17),
                (7, 27),
            ),
            // A price that cannot be read is named by the rule it stops.
            seen(
                "high-value-without-payment-guarantee",
                "`product.price` is \"lots\", which is not a number: this rule could not check it",
                (14, 10),
                (14, 14),
            ),
            seen(
                "schema",
                "`product.price` must be a number, found the text \"lots\"",
                (14, 10),
                (14, 14),
            ),
            seen(
                "schema",
                "`deadline` of goal 2 `new-customers` must be text, found a list",
                (66, 15),
                (66, 27),
            ),
        ],
    );
}

#[test]
fn nan_infinity_and_overflowing_floats_are_refused_where_they_are() {
    let dir = workspace();
    let cases = [
        ("nan.plan.yaml", ".nan", 14),
        ("nan-caps.plan.yaml", ".NaN", 14),
        ("inf.plan.yaml", ".inf", 14),
        ("minus-inf.plan.yaml", "-.inf", 15),
        ("huge.plan.yaml", "1e400", 15),
    ];
    for (name, value, _) in cases {
        let plan = good_with("  total: 300000\n", &format!("  total: {value}\n"));
        fs::write(dir.path().join(name), plan).expect("write");
    }
    fs::write(
        dir.path().join("huge.plan.json"),
        r#"{"version": 1, "name": "x", "budget": {"total": 1e400}}"#,
    )
    .expect("write");
    let checked = check(dir.path(), &["."]);
    checked.assert_exit(2);
    checked.assert_good_reported();
    for (name, value, end) in cases {
        let message = format!("`{value}` is not a finite number; planlint needs plain finite numbers");
        checked.assert_findings(name, &[seen("parse-error", &message, (78, 10), (78, end))]);
    }
    let message = "`1e400` is not a finite number; planlint needs plain finite numbers";
    checked.assert_findings(
        "huge.plan.json",
        &[seen("parse-error", message, (1, 49), (1, 54))],
    );
}

#[test]
fn a_40_digit_integer_is_a_number() {
    let big = "1234567890123456789012345678901234567890";
    let dir = workspace();
    let plan = good_with("  total: 300000\n", &format!("  total: {big}\n"));
    fs::write(dir.path().join("big-number.plan.yaml"), plan).expect("write");
    let negative = good_with("  total: 300000\n", &format!("  total: -{big}\n"));
    fs::write(dir.path().join("negative.plan.yaml"), negative).expect("write");
    fs::write(
        dir.path().join("big-number.plan.json"),
        format!(r#"{{"version": 1, "name": "x", "x-big": {big}}}"#),
    )
    .expect("write");
    let checked = check(dir.path(), &["."]);
    checked.assert_exit(1);
    checked.assert_good_reported();
    // Far more than the budget: no finding, no overflow.
    checked.assert_findings("big-number.plan.yaml", &[]);
    let findings = checked.findings("negative.plan.yaml");
    let below_zero = seen(
        "schema",
        "`budget.total` must be at least 0, found -1.2345678901234568e+39",
        (78, 10),
        (78, 51),
    );
    assert!(findings.contains(&below_zero), "{findings:?}");
    checked.assert_findings("negative.plan.yaml", &findings);
    assert!(
        checked
            .findings("big-number.plan.json")
            .iter()
            .all(|f| f.rule != "parse-error"),
        "{:?}",
        checked.findings("big-number.plan.json")
    );
}

// ---------------------------------------------------------------------------
// Bombs: nesting, aliases, size
// ---------------------------------------------------------------------------

/// Runs `work`, asserting it took less than `limit` (generous: debug build,
/// two cores shared with other tests).
fn within<T>(limit: Duration, what: &str, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?}");
    result
}

#[test]
fn nesting_200000_deep() {
    let dir = workspace();
    fs::write(dir.path().join("block.plan.yaml"), inputs::deep_block(200_000)).expect("write");
    fs::write(dir.path().join("flow.plan.yaml"), inputs::deep_flow(200_000)).expect("write");
    fs::write(dir.path().join("deep.plan.json"), inputs::deep_json(200_000)).expect("write");
    let checked = within(Duration::from_secs(5), "200k-deep nesting", || {
        check(dir.path(), &["."])
    });
    checked.assert_exit(2);
    checked.assert_good_reported();
    let message = "nesting deeper than 128 levels";
    // The 129th `- ` (columns 257-258), the 129th `[`.
    checked.assert_findings(
        "block.plan.yaml",
        &[seen("parse-error", message, (1, 257), (1, 258))],
    );
    checked.assert_findings(
        "flow.plan.yaml",
        &[seen("parse-error", message, (1, 129), (1, 130))],
    );
    // The plan object is level 1, so its `x-deep` reaches 129 at the 128th `[`.
    let prefix = r#"{"version": 1, "name": "deep", "x-deep": "#.len();
    let column = prefix + 128;
    checked.assert_findings(
        "deep.plan.json",
        &[seen("parse-error", message, (1, column), (1, column + 1))],
    );
}

#[test]
fn billion_laughs() {
    let checked = within(Duration::from_secs(5), "billion laughs", || {
        check_bad_file("laughs.plan.yaml", inputs::billion_laughs().as_bytes())
    });
    checked.assert_exit(2);
    // Aliases expand to 8,289 nodes up to x-lol3 and 66,429 more in x-lol4;
    // the first `*lol4` in x-lol5 crosses 100,000.
    checked.assert_findings(
        "laughs.plan.yaml",
        &[seen(
            "parse-error",
            "alias expansion exceeds 100000 nodes (possible alias bomb)",
            (8, 16),
            (8, 21),
        )],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_the_others_are_checked() {
    let dir = workspace();
    fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 5000\n").expect("write");
    fs::write(dir.path().join("small.plan.yaml"), "version: 1\nname: small\n").expect("write");
    let checked = check(dir.path(), &[GOOD, "small.plan.yaml"]);
    checked.assert_exit(2);
    checked.assert_error(&format!(
        "× good.plan.yaml is {} bytes, over the 5000-byte limit for a plan: not checked \
         help: raise `max_file_size` in .planlint.yaml if this file really is a plan",
        inputs::CLEAN_PLAN.len()
    ));
    assert_eq!(
        checked.paths(),
        ["small.plan.yaml"],
        "the small plan is still checked"
    );
}

/// A device that never ends is refused by its kind, never opened.
#[test]
#[cfg(unix)]
fn an_endless_device_is_refused_unread() {
    let dir = workspace();
    fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 100000\n").expect("write");
    let checked = within(Duration::from_secs(5), "/dev/zero", || {
        check(dir.path(), &["/dev/zero", GOOD])
    });
    checked.assert_exit(2);
    checked.assert_error("× /dev/zero is not a regular file (a device, FIFO or socket): not read");
    checked.assert_good_reported();
}

#[test]
fn stdin_over_the_size_limit_is_refused() {
    let dir = workspace();
    fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 1000\n").expect("write");
    let output = planlint(dir.path())
        .args(["check", "-", "--stdin-filename", "draft.plan.yaml"])
        .write_stdin(inputs::CLEAN_PLAN)
        .output()
        .expect("planlint runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = squash(&String::from_utf8_lossy(&output.stderr));
    assert!(
        stderr.contains("× draft.plan.yaml is over the 1000-byte limit for a plan: not checked"),
        "{stderr}"
    );
}

/// The 10 MB default limit: a plan with 100,000 goals (12 MB) is refused by
/// default, and checked when a config raises `max_file_size`. Refusing is
/// cheap; checking takes seconds in a debug build (see the ignored test).
#[test]
fn a_100000_goal_plan_is_refused_by_default() {
    let dir = workspace();
    let plan = inputs::plan_with_goals(100_000);
    assert!(plan.len() > 10 * 1024 * 1024, "{} bytes", plan.len());
    fs::write(dir.path().join("huge.plan.yaml"), &plan).expect("write");
    let checked = check(dir.path(), &["."]);
    checked.assert_exit(2);
    checked.assert_error(&format!(
        "× huge.plan.yaml is {} bytes, over the 10485760-byte limit for a plan: not checked",
        plan.len()
    ));
    assert_eq!(checked.paths(), [GOOD]);
    checked.assert_good_reported();
}

#[test]
#[ignore = "seconds in a debug build: measured by `cargo bench --bench hostile`"]
fn a_100000_goal_plan_is_checked_with_a_raised_limit() {
    let dir = workspace();
    let plan = inputs::plan_with_goals(100_000);
    fs::write(dir.path().join("huge.plan.yaml"), &plan).expect("write");
    fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 20000000\n").expect("write");
    let checked = check_with(dir.path(), &["."], &[], false);
    checked.assert_exit(0);
    checked.assert_good_reported();
    // The goals' list: from the first `-` to the end of the 100,000th item.
    let last = plan.lines().rev().find(|line| line.starts_with("  - {id: goal-"));
    let last_length = last.map_or(0, str::len);
    checked.assert_findings(
        "huge.plan.yaml",
        &[seen(
            "too-many-goals",
            "the plan has 100,000 goals, more than 5 to focus on",
            (52, 3),
            (52 + 99_999, last_length + 1),
        )],
    );
}

#[test]
#[ignore = "about a second in a debug build: measured by `cargo bench --bench hostile`"]
fn a_5_mb_single_line() {
    let line = inputs::long_line(5 * 1024 * 1024);
    let dir = workspace();
    fs::write(dir.path().join("line.plan.yaml"), &line).expect("write");
    let checked = check(dir.path(), &["."]);
    assert!(
        checked.human.len() < 64 * 1024,
        "{} bytes of human output",
        checked.human.len()
    );
    checked.assert_exit(1);
    checked.assert_good_reported();
    let findings = checked.findings("line.plan.yaml");
    let name = seen(
        "schema",
        "`name` must be text, found the number 42",
        (1, 20),
        (1, 22),
    );
    assert!(findings.contains(&name), "{findings:?}");
    // Columns count characters on a line of 5 million.
    let ends: Vec<Place> = findings.iter().map(|f| f.end).collect();
    assert!(ends.contains(&(1, line.len())), "{ends:?}");
}

/// Human output shows an excerpt of a long line (it used to quote the
/// whole line for every finding: 236 MB for a 5 MB plan with 45 findings).
#[test]
fn human_output_of_a_long_line_stays_small() {
    let line = inputs::long_line(100 * 1024);
    let dir = workspace();
    fs::write(dir.path().join("line.plan.yaml"), &line).expect("write");
    let output = planlint(dir.path())
        .args(["check", "line.plan.yaml", "--color", "never"])
        .output()
        .expect("planlint runs");
    assert!(
        output.stdout.len() < 64 * 1024,
        "{} bytes of output for a {}-byte line",
        output.stdout.len(),
        line.len()
    );
}

// ---------------------------------------------------------------------------
// Paths: symlinks, permissions, missing files, directories named like plans
// ---------------------------------------------------------------------------

#[test]
#[cfg(unix)]
fn a_symlink_to_itself() {
    let dir = workspace();
    std::os::unix::fs::symlink("self.plan.yaml", dir.path().join("self.plan.yaml")).expect("symlink");
    // Named: an error naming it; the good plan is still checked.
    let checked = check(dir.path(), &["self.plan.yaml", GOOD]);
    checked.assert_exit(2);
    checked.assert_error("× cannot read self.plan.yaml: too many levels of symbolic links");
    assert_eq!(checked.paths(), [GOOD]);
    checked.assert_good_reported();
    // In a walked folder: symlinks are not followed, so it is skipped.
    let checked = check(dir.path(), &["."]);
    checked.assert_exit(0);
    assert_eq!(checked.paths(), [GOOD]);
}

#[test]
#[cfg(unix)]
fn a_directory_symlink_cycle_in_a_walked_folder() {
    let dir = workspace();
    let root = dir.path();
    fs::create_dir_all(root.join("plans/sub")).expect("mkdir");
    fs::write(root.join("plans/sub/inner.plan.yaml"), inputs::CLEAN_PLAN).expect("write");
    std::os::unix::fs::symlink("..", root.join("plans/sub/up")).expect("symlink");
    std::os::unix::fs::symlink(".", root.join("here")).expect("symlink");
    // A plan-named link out of the repository is not read either.
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.plan.yaml")).expect("symlink");
    let checked = within(Duration::from_secs(5), "a symlink cycle", || check(root, &["."]));
    checked.assert_exit(0);
    assert_eq!(checked.paths(), [GOOD, "plans/sub/inner.plan.yaml"]);
    checked.assert_good_reported();
}

/// Whether `chmod 000` actually denies access here (not as root, say).
fn permissions_deny(path: &Path) -> bool {
    let denied = fs::read_dir(path).is_err() && fs::read(path).is_err();
    if !denied {
        println!(
            "note: {} is readable despite mode 000 (running as root?): the permission-denied \
             assertions are skipped",
            path.display()
        );
    }
    denied
}

#[cfg(unix)]
fn lock(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o000)).expect("chmod 000");
}

#[cfg(unix)]
fn unlock(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod back");
}

#[test]
#[cfg(unix)]
fn an_unreadable_file() {
    let dir = workspace();
    let locked = dir.path().join("locked.plan.yaml");
    fs::write(&locked, inputs::CLEAN_PLAN).expect("write");
    lock(&locked);
    let checked = check(dir.path(), &["."]);
    let denied = permissions_deny(&locked);
    unlock(&locked, 0o644);
    checked.assert_good_reported();
    if denied {
        checked.assert_exit(2);
        checked.assert_error("× cannot read locked.plan.yaml: permission denied");
        assert_eq!(checked.paths(), [GOOD]);
    }
}

#[test]
#[cfg(unix)]
fn an_unreadable_directory() {
    let dir = workspace();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).expect("mkdir");
    fs::write(locked.join("hidden.plan.yaml"), inputs::CLEAN_PLAN).expect("write");
    lock(&locked);
    let checked = check(dir.path(), &["."]);
    let named = check(dir.path(), &["locked", GOOD]);
    let denied = permissions_deny(&locked);
    unlock(&locked, 0o755);
    checked.assert_good_reported();
    named.assert_good_reported();
    if denied {
        for checked in [&checked, &named] {
            checked.assert_exit(2);
            checked.assert_error("× cannot read locked: permission denied");
            assert_eq!(checked.paths(), [GOOD]);
        }
    }
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = workspace();
    let checked = check(dir.path(), &["missing.plan.yaml", "no/such/dir", GOOD]);
    checked.assert_exit(2);
    checked.assert_error("× cannot read missing.plan.yaml: no such file or directory");
    checked.assert_error("× cannot read no/such/dir: no such file or directory");
    assert_eq!(checked.paths(), [GOOD]);
    checked.assert_good_reported();
}

#[test]
fn a_directory_named_like_a_plan() {
    let dir = workspace();
    let folder = dir.path().join("x.plan.yaml");
    fs::create_dir(&folder).expect("mkdir");
    fs::write(folder.join("notes.txt"), "not a plan").expect("write");
    fs::write(folder.join("inner.plan.yaml"), inputs::CLEAN_PLAN).expect("write");
    fs::create_dir(dir.path().join("empty.plan.json")).expect("mkdir");
    // Walked, and named: a folder is searched, never read as a plan.
    for paths in [&["."][..], &["x.plan.yaml", "empty.plan.json", GOOD][..]] {
        let checked = check(dir.path(), paths);
        checked.assert_exit(0);
        assert_eq!(
            checked.paths(),
            [GOOD, "x.plan.yaml/inner.plan.yaml"],
            "{paths:?}"
        );
        // A folder named on the command line with no plan in it is said.
        if paths.contains(&"empty.plan.json") {
            assert!(
                checked
                    .stderr
                    .starts_with("warning: no plan file in empty.plan.json"),
                "{}",
                checked.stderr
            );
        } else {
            assert!(checked.stderr.is_empty(), "{}", checked.stderr);
        }
        checked.assert_good_reported();
    }
}
