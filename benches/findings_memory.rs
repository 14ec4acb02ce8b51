//! Peak memory of a plan with 300,000 findings, per output format:
//! `cargo bench --bench findings_memory` (`-- json` runs only that format).
//!
//! The plan is the clean example with its goals replaced by 100,000 short
//! ones (about 5.2 MB), each without a number, a deadline or a target: three
//! findings a goal. The release binary checks it once per format (stdout to
//! a file, as CI redirects it), each run in a child of its own so that its
//! peak resident memory is its own; the target is 300 MB in every format.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Goals in the plan: three findings each.
const GOALS: usize = 100_000;

/// The peak the issue sets for every format, in MB.
const TARGET_MB: f64 = 300.0;

/// Runs of each format; the median is reported.
const RUNS: usize = 3;

const FORMATS: [&str; 3] = ["human", "json", "sarif"];

/// The clean plan with `goals` goals of one line each, every one vague
/// (no number), without a deadline and without a target.
fn plan(goals: usize) -> String {
    let plan = common::CLEAN_PLAN;
    let (head, rest) = plan.split_once("\ngoals:\n").unwrap_or((plan, ""));
    let tail = rest.find("\nbudget:\n").map_or("", |at| &rest[at..]);
    let mut out = String::with_capacity(head.len() + tail.len() + goals * 52 + 16);
    out.push_str(head);
    out.push_str("\ngoals:\n");
    for index in 0..goals {
        let _ = writeln!(out, "  - {{id: g{index:06}, statement: Grow sales, owner: Li}}");
    }
    out.push_str(tail);
    out
}

/// Peak resident memory of the largest child waited for so far, in KB.
fn children_peak_kb() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    }
}

/// In a child of the bench: runs planlint once in `dir` and prints its
/// peak memory in KB and its wall time in ms (the only child this process
/// has, so the peak is this run's).
fn measure(dir: &Path, format: &str) {
    let out = std::fs::File::create(dir.join(format!("report.{format}")))
        .unwrap_or_else(|error| panic!("create report: {error}"));
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_planlint"))
        .current_dir(dir)
        .args(["check", "big.plan.yaml", "--exit-zero", "--format", format])
        .stdout(out)
        .status()
        .unwrap_or_else(|error| panic!("run planlint: {error}"));
    assert!(status.success(), "planlint check failed: {status}");
    println!("{} {}", children_peak_kb(), started.elapsed().as_millis());
}

/// One run of `format` through a child of this bench: (peak KB, ms).
fn run(dir: &Path, format: &str) -> (i64, u128) {
    let output = Command::new(std::env::current_exe().unwrap_or_else(|error| panic!("exe: {error}")))
        .args(["--measure", format])
        .env("PLANLINT_BENCH_DIR", dir)
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|error| panic!("run the measuring child: {error}"));
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers = text
        .split_whitespace()
        .map(|n| n.parse::<i64>().unwrap_or_default());
    let peak = numbers.next().unwrap_or_default();
    let ms = numbers.next().unwrap_or_default();
    (peak, u128::try_from(ms).unwrap_or_default())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, format, ..] = args.as_slice() {
        if flag == "--measure" {
            let dir = std::env::var_os("PLANLINT_BENCH_DIR").unwrap_or_default();
            measure(Path::new(&dir), format);
            return;
        }
    }
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
    std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|error| panic!("mkdir: {error}"));
    std::fs::write(dir.path().join(".planlint.yaml"), "max_file_size: 104857600\n")
        .unwrap_or_else(|error| panic!("write config: {error}"));
    let text = plan(GOALS);
    std::fs::write(dir.path().join("big.plan.yaml"), &text).unwrap_or_else(|error| panic!("write: {error}"));
    println!(
        "plan: {GOALS} goals, {:.1} MB; target {TARGET_MB} MB peak in every format",
        text.len() as f64 / 1e6
    );
    println!(
        "{:<8} {:>12} {:>10} {:>10}",
        "format", "peak RSS", "time", "findings"
    );
    for format in FORMATS {
        if !filter.is_empty() && !filter.iter().any(|f| f.as_str() == format) {
            continue;
        }
        let mut runs: Vec<(i64, u128)> = (0..RUNS).map(|_| run(dir.path(), format)).collect();
        runs.sort_unstable();
        let (peak, _) = runs[RUNS / 2];
        let mut times: Vec<u128> = runs.iter().map(|&(_, ms)| ms).collect();
        times.sort_unstable();
        let report = std::fs::read_to_string(dir.path().join(format!("report.{format}"))).unwrap_or_default();
        let findings = match format {
            "json" => report.matches("\"rule\": ").count(),
            "sarif" => report.matches("\"ruleId\": ").count(),
            _ => report.matches("╭─[").count(),
        };
        let peak_mb = peak as f64 / 1024.0;
        println!(
            "{format:<8} {peak_mb:>9.1} MB {:>8}ms {findings:>10}{}",
            times[RUNS / 2],
            if peak_mb > TARGET_MB {
                "  over the target"
            } else {
                ""
            }
        );
    }
}
