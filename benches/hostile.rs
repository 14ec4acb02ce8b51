//! The cost of hostile and large input: `cargo bench --bench hostile`.
//!
//! No framework: each input is linted repeatedly (all built-in rules, the
//! schema, derived metrics, as `planlint check` does) and the median time
//! is printed with the input's size, next to the median of loading alone
//! and of rendering the JSON report. `cargo bench --bench hostile -- deep`
//! runs only the inputs whose name contains `deep`.
//!
//! `PLANLINT_BENCH_WRITE=DIR cargo bench --bench hostile` writes the inputs
//! as plan files into DIR instead (with a `.planlint.yaml` that raises
//! `max_file_size`), for measuring the binary with `/usr/bin/time -v`.

mod common;

/// The allocator of the planlint binary, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use planlint::document::{load, LoadLimits};
use planlint::output::{self, Format, Options};
use planlint::Settings;
use planlint::{registry, Linter};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs per input: at least this many ...
const MIN_RUNS: usize = 5;
/// ... and more while the input has had less than this much time.
const BUDGET: Duration = Duration::from_secs(2);
const MAX_RUNS: usize = 200;

/// Median duration of `work` in nanoseconds.
fn median_ns(mut work: impl FnMut()) -> u128 {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < MIN_RUNS || (started.elapsed() < BUDGET && times.len() < MAX_RUNS) {
        let run = Instant::now();
        work();
        times.push(run.elapsed().as_nanos());
    }
    times.sort_unstable();
    times[times.len() / 2]
}

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut inputs = Vec::new();
    let mut examples: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .map(|dir| dir.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    examples.sort();
    for path in examples {
        if planlint::project::discover::is_plan_file_name(&path) {
            if let Ok(bytes) = std::fs::read(&path) {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                inputs.push((format!("examples/{}", name.unwrap_or_default()), bytes));
            }
        }
    }
    const MB: usize = 1024 * 1024;
    for size in [1, 10] {
        let (plan, goals) = common::plan_of_size(size * MB);
        inputs.push((format!("plan {size} MB ({goals} goals)"), plan.into_bytes()));
    }
    inputs.push((
        "plan 100k goals".into(),
        common::plan_with_goals(100_000).into_bytes(),
    ));
    inputs.push(("5 MB single line".into(), common::long_line(5 * MB).into_bytes()));
    inputs.push(("deep block 200k".into(), common::deep_block(200_000).into_bytes()));
    inputs.push(("deep flow 200k".into(), common::deep_flow(200_000).into_bytes()));
    inputs.push(("deep json 200k".into(), common::deep_json(200_000).into_bytes()));
    inputs.push(("billion laughs".into(), common::billion_laughs().into_bytes()));
    inputs
}

/// A file name for an input: `plan 10 MB (84678 goals)` ->
/// `plan-10-mb-84678-goals.plan.yaml`; examples keep theirs.
fn file_name(name: &str) -> String {
    if let Some(example) = name.strip_prefix("examples/") {
        return example.to_owned();
    }
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let extension = if name.contains("json") {
        "plan.json"
    } else {
        "plan.yaml"
    };
    format!("{}.{extension}", slug.trim_matches('-'))
}

fn write_inputs(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(".planlint.yaml"), "max_file_size: 104857600\n")?;
    for (name, bytes) in inputs() {
        let path = dir.join(file_name(&name));
        std::fs::write(&path, bytes)?;
        println!("{:>10}  {}", std::fs::metadata(&path)?.len(), path.display());
    }
    Ok(())
}

fn main() {
    if let Some(dir) = std::env::var_os("PLANLINT_BENCH_WRITE") {
        if let Err(error) = write_inputs(std::path::Path::new(&dir)) {
            eprintln!("cannot write the inputs: {error}");
            std::process::exit(1);
        }
        return;
    }
    // `cargo bench` passes `--bench`; any other argument filters by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let Err(error) = registry::check_builtin() {
        eprintln!("built-in rules: {error}");
        std::process::exit(1);
    }
    let rules = registry::builtin();
    let linter = match Linter::new(rules, &Settings::default()) {
        Ok(linter) => linter,
        Err(error) => {
            eprintln!("linter: {error}");
            std::process::exit(1);
        }
    };
    let limits = LoadLimits::default();
    println!(
        "{:<46} {:>10} {:>14} {:>14} {:>14} {:>9}",
        "input", "bytes", "lint ns", "load ns", "json ns", "findings"
    );
    for (name, bytes) in inputs() {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let lint = median_ns(|| {
            black_box(linter.lint_bytes("bench.plan.yaml", black_box(&bytes)));
        });
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        let load_only = median_ns(|| {
            let _ = black_box(load(black_box(text), &limits));
        });
        let report = linter.lint_bytes("bench.plan.yaml", &bytes);
        let findings = report.findings.len();
        let reports = [report];
        let mut out = Vec::new();
        let json = median_ns(|| {
            out.clear();
            let _ = output::write(Format::Json, &reports, Options::plain(), &mut out);
        });
        println!(
            "{name:<46} {:>10} {lint:>14} {load_only:>14} {json:>14} {findings:>9}",
            bytes.len()
        );
    }
}
