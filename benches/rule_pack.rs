//! Loading a large rule pack: `cargo bench --bench rule_pack`.
//!
//! A team's pack can grow to thousands of rules (generated from a
//! spreadsheet of house limits). The bench writes a pack of 10,000 rules,
//! once as one file of `rules:` and once as a folder of one file per rule,
//! and times `planlint check` of one plan with it (the pack is read,
//! validated and compiled on every run): the median of a few runs and the
//! peak memory. Checking each rule against every rule read before made
//! this quadratic (over a minute, and gigabytes, for 10,000 rules).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RULES: usize = 10_000;
const RUNS: usize = 3;

/// One rule of the pack, numbered `n`; `indent` prefixes every line after
/// the first (for an item of `rules:`).
fn rule(n: usize, indent: &str) -> String {
    let lines = [
        format!("id: channel-cap-{n}"),
        "severity: warning".to_owned(),
        format!(
            "summary: No channel takes more than {}% of the budget.",
            10 + n % 80
        ),
        "why: One channel holding most of the budget leaves nothing to test alternatives with.".to_owned(),
        "source: House handbook, section 4.2.".to_owned(),
        "given: $.channels[*]".to_owned(),
        "check:".to_owned(),
        "  field: budget".to_owned(),
        "  function: expr".to_owned(),
        "  options:".to_owned(),
        "    expression: \"!has(plan.budget.total) || this <= plan.budget.total * options.max_share\""
            .to_owned(),
        "    options: {max_share: $options.max_share}".to_owned(),
        "message: \"channel `{label}` gets {budget}, more than {max_share} of the budget\"".to_owned(),
        "options:".to_owned(),
        "  max_share: {type: number, default: 0.4, minimum: 0, maximum: 1, description: The largest share.}"
            .to_owned(),
        "examples:".to_owned(),
        "  fails_at: [\"/channels/0/budget\"]".to_owned(),
        "  fails: \"budget: {total: 100000}\\nchannels: [{name: A, budget: 60000}]\"".to_owned(),
        "  passes: \"budget: {total: 100000}\\nchannels: [{name: A, budget: 40000}]\"".to_owned(),
    ];
    lines.join(&format!("\n{indent}")) + "\n"
}

fn write_repository(dir: &Path, one_file: bool) {
    std::fs::create_dir(dir.join(".git")).unwrap();
    std::fs::create_dir(dir.join("acme")).unwrap();
    if one_file {
        let mut pack = String::from("pack: acme\nrules:\n");
        for n in 0..RULES {
            pack.push_str("  - ");
            pack.push_str(&rule(n, "    "));
        }
        std::fs::write(dir.join("acme/rules.yaml"), pack).unwrap();
    } else {
        for n in 0..RULES {
            std::fs::write(dir.join(format!("acme/rule-{n}.yaml")), rule(n, "")).unwrap();
        }
    }
    std::fs::write(
        dir.join(".planlint.yaml"),
        "extends: recommended\nrule_packs: [acme]\n",
    )
    .unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/clean.plan.yaml");
    std::fs::copy(example, dir.join("q4.plan.yaml")).unwrap();
}

fn children_peak_kb() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_planlint");
    println!("{:<36} {:>10} {:>12}", "pack", "median", "peak RSS");
    for (label, one_file) in [
        ("10,000 rules in one file", true),
        ("10,000 rules, a file each", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_repository(dir.path(), one_file);
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let output = Command::new(binary)
                    .current_dir(dir.path())
                    .args(["check", "q4.plan.yaml"])
                    .output()
                    .unwrap();
                assert_eq!(
                    output.status.code(),
                    Some(0),
                    "{}",
                    String::from_utf8_lossy(&output.stderr)
                );
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{label:<36} {:>8.0}ms {:>9.1} MB",
            times[RUNS / 2].as_secs_f64() * 1000.0,
            children_peak_kb() as f64 / 1024.0
        );
    }
}
