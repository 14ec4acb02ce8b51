//! Throughput of `planlint check` on a repository of many plans:
//! `cargo bench --bench throughput` (`-- 1000` runs only that size).
//!
//! A corpus of 1,000 and of 10,000 generated plans (3-6 KB each, every one
//! with a few findings, as a real repository has) is written to a
//! temporary folder. For each size the bench times the release binary
//! checking the folder (`--format json` to a file, as CI runs it) and reads
//! its peak memory, then times a bare `saphyr-parser` event pass over the
//! same files in this process: the floor any YAML linter pays. The ratio of
//! the two is what planlint adds on top of parsing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs of each measurement; the median is reported.
const RUNS: usize = 5;

/// One plan of the corpus, varied by `n` so that no two are alike.
fn plan(n: usize) -> String {
    let channels = 2 + n % 4;
    let goals = 2 + n % 3;
    let mut text = format!(
        "version: 1\nname: Plan {n} for store {store}\nowner: Owner {n}\nperiod: {{start: 2026-01-01, end: 2026-12-31}}\n\
         currency: CNY\nproduct: {{name: Product {n}, price: {price}}}\n\
         target_customers:\n  - name: Segment {n}\n    characteristics: [women 25-35, tier-1 cities]\n    needs: [fast delivery]\n\
         positioning: {{category: category {n}, rank: {rank}}}\n\
         unit_economics: {{cac: {cac}, average_order_value: 300, gross_margin: 0.4, purchases_per_year: 2, lifetime_years: 3}}\n\
         budget:\n  total: {total}\n  items:\n    - {{name: Team, amount: 20000}}\n",
        store = n % 97,
        price = 200 + n % 2000,
        rank = 1 + n % 3,
        cac = 100 + n % 700,
        total = 100_000 + (n % 50) * 1000,
    );
    text.push_str("goals:\n");
    for g in 0..goals {
        let deadline = if (n + g) % 5 == 0 {
            String::new()
        } else {
            ", deadline: 2026-09-30".to_owned()
        };
        let statement = if (n + g) % 7 == 0 {
            "Grow sales".to_owned()
        } else {
            format!("Win {} new buyers", 100 + g)
        };
        text.push_str(&format!(
            "  - {{id: goal-{g}, statement: {statement}, target: {}, owner: Owner {g}{deadline}}}\n",
            100 + g
        ));
    }
    text.push_str("channels:\n");
    for c in 0..channels {
        text.push_str(&format!(
            "  - name: Channel {c}\n    type: {}\n    budget: {}\n    metrics: [exposure, conversion_rate]\n",
            ["social", "search", "seo", "email"][c % 4],
            3000 + ((n + c) % 9) * 4000,
        ));
        if (n + c) % 3 != 0 {
            text.push_str(&format!(
                "    test: {{budget: 1000, revenue: {}}}\n    spend_tiers:\n      - {{spend: 10000, new_customers: 80}}\n      - {{spend: 20000, new_customers: {}}}\n",
                500 + (n * 37 + c) % 3000,
                100 + (n + c) % 90,
            ));
        }
    }
    text.push_str("funnel:\n  - {stage: contact, metric: exposure}\n  - {stage: trust, metric: visits}\n  - {stage: buy, metric: orders}\n");
    text.push_str("evaluation: {cadence: weekly, metrics: [orders, conversion_rate]}\n");
    text
}

fn write_corpus(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|n| {
            let folder = dir.join(format!("team-{}", n % 50));
            std::fs::create_dir_all(&folder).unwrap_or_else(|error| panic!("mkdir: {error}"));
            let path = folder.join(format!("plan-{n}.plan.yaml"));
            std::fs::write(&path, plan(n)).unwrap_or_else(|error| panic!("write: {error}"));
            path
        })
        .collect()
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

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// Events of a bare saphyr pass over every file: the parsing floor.
fn saphyr_pass(files: &[PathBuf]) -> usize {
    let mut events = 0;
    for path in files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for event in saphyr_parser::Parser::new_from_str(&text) {
            if event.is_err() {
                break;
            }
            events += 1;
        }
    }
    events
}

fn main() {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let binary = env!("CARGO_BIN_EXE_planlint");
    println!(
        "{:<14} {:>12} {:>12} {:>8} {:>12}",
        "plans", "planlint", "saphyr", "ratio", "peak RSS"
    );
    for count in [1_000, 10_000] {
        if !filter.is_empty() && !filter.iter().any(|f| f == &count.to_string()) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
        std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|error| panic!("mkdir: {error}"));
        let files = write_corpus(dir.path(), count);
        let report = dir.path().join("report.json");
        let mut checked = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            let status = Command::new(binary)
                .current_dir(dir.path())
                .args(["check", ".", "--format", "json", "--exit-zero", "--output"])
                .arg(&report)
                .status()
                .unwrap_or_else(|error| panic!("run planlint: {error}"));
            checked.push(started.elapsed());
            assert!(status.success(), "planlint check failed: {status}");
        }
        let peak_kb = children_peak_kb();
        let mut parsed = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            std::hint::black_box(saphyr_pass(&files));
            parsed.push(started.elapsed());
        }
        let (checked, parsed) = (median(checked), median(parsed));
        println!(
            "{:<14} {:>10.0}ms {:>10.0}ms {:>7.2}x {:>9.1} MB",
            format!("{count} plans"),
            checked.as_secs_f64() * 1000.0,
            parsed.as_secs_f64() * 1000.0,
            checked.as_secs_f64() / parsed.as_secs_f64(),
            peak_kb as f64 / 1024.0,
        );
    }
}
