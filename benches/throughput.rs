//! Throughput of `planlint check` on a repository of many plans:
//! `cargo bench --bench throughput` (`-- 1000` runs only that size;
//! `-- --corpus DIR 1000` only writes that corpus into DIR, for profiling).
//!
//! A corpus of 1,000 and of 10,000 generated plans (3-6 KB each, every one
//! with a few findings, as a real repository has) is written to a
//! temporary folder. For each size the bench runs the release binary
//! checking the folder (`--format json` to a file, as CI runs it) and reads
//! its CPU time (user + system, all threads) and peak memory, then runs a
//! bare `saphyr-parser` event pass over the same files in this process and
//! reads the CPU time it took: the floor any YAML linter pays. The ratio of
//! the two CPU times is what planlint adds on top of parsing; wall times
//! are shown beside them. The last two columns are a second floor: the
//! same pass that also builds each plan's JSON tree and validates it
//! against the plan schema, the least a linter built on jsonschema does
//! before any rule runs. Every figure is the median of `RUNS` runs.

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

fn usage(who: libc::c_int) -> libc::rusage {
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(who, &mut usage);
        usage
    }
}

/// CPU time (user + system) used so far by `who`.
fn cpu_time(who: libc::c_int) -> Duration {
    let usage = usage(who);
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Peak resident memory of the largest child waited for so far, in KB.
fn children_peak_kb() -> i64 {
    usage(libc::RUSAGE_CHILDREN).ru_maxrss
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

/// The floor of any linter on this stack, which must hand jsonschema a
/// `serde_json::Value`: the bare pass above, each plan built into a JSON
/// tree (plain scalars read as numbers where they are, no spans, no
/// anchors) and validated against the plan schema, every error listed as
/// a linter must. Returns the number of errors (printed once, to show the
/// validation ran in full).
fn tree_and_schema_pass(files: &[PathBuf], validator: &jsonschema::Validator) -> usize {
    let mut errors = 0;
    for path in files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let tree = json_tree(&text);
        errors += validator.iter_errors(&tree).count();
    }
    errors
}

/// A JSON tree of the first YAML document in `text` (no spans, no aliases).
fn json_tree(text: &str) -> serde_json::Value {
    use saphyr_parser::{Event, ScalarStyle};
    use serde_json::{Map, Value};
    enum Open {
        List(Vec<Value>),
        Map(Map<String, Value>, Option<String>),
    }
    // A finished value goes into the innermost open list or mapping.
    fn place(stack: &mut [Open], value: Value, root: &mut Option<Value>) {
        match stack.last_mut() {
            Some(Open::List(items)) => items.push(value),
            Some(Open::Map(map, key)) => match key.take() {
                Some(key) => {
                    map.insert(key, value);
                }
                None => *key = Some(value.as_str().map_or_else(|| value.to_string(), str::to_owned)),
            },
            None => *root = Some(value),
        }
    }
    let mut stack = Vec::new();
    let mut root = None;
    for event in saphyr_parser::Parser::new_from_str(text) {
        let Ok((event, _)) = event else { break };
        match event {
            Event::Scalar(value, style, _, _) => {
                let value = match style {
                    ScalarStyle::Plain => match value.as_ref() {
                        "" | "~" | "null" => Value::Null,
                        "true" => Value::Bool(true),
                        "false" => Value::Bool(false),
                        plain => plain
                            .parse::<i64>()
                            .map(Value::from)
                            .or_else(|_| plain.parse::<f64>().map(Value::from))
                            .unwrap_or_else(|_| Value::String(plain.to_owned())),
                    },
                    _ => Value::String(value.into_owned()),
                };
                place(&mut stack, value, &mut root);
            }
            Event::SequenceStart(..) => stack.push(Open::List(Vec::new())),
            Event::MappingStart(..) => stack.push(Open::Map(Map::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let value = match stack.pop() {
                    Some(Open::List(items)) => Value::Array(items),
                    Some(Open::Map(map, _)) => Value::Object(map),
                    None => break,
                };
                place(&mut stack, value, &mut root);
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    root.unwrap_or(Value::Null)
}

/// `--corpus DIR COUNT...`: write the corpora into DIR and stop.
fn write_corpus_only(args: &[String]) -> bool {
    let Some(at) = args.iter().position(|a| a == "--corpus") else {
        return false;
    };
    let dir = PathBuf::from(args.get(at + 1).expect("--corpus DIR"));
    for count in args[at + 2..].iter().filter_map(|c| c.parse::<usize>().ok()) {
        let folder = dir.join(count.to_string());
        std::fs::create_dir_all(folder.join(".git")).unwrap_or_else(|error| panic!("mkdir: {error}"));
        write_corpus(&folder, count);
        println!("{count} plans in {}", folder.display());
    }
    true
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if write_corpus_only(&args) {
        return;
    }
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let binary = env!("CARGO_BIN_EXE_planlint");
    println!(
        "{:<12} {:>13} {:>13} {:>11} {:>11} {:>10} {:>10} {:>13} {:>11}",
        "plans",
        "planlint cpu",
        "saphyr cpu",
        "cpu ratio",
        "planlint",
        "saphyr",
        "peak RSS",
        "+tree+schema",
        "its ratio"
    );
    for count in [1_000, 10_000] {
        if !filter.is_empty() && !filter.iter().any(|f| **f == count.to_string()) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
        std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|error| panic!("mkdir: {error}"));
        let files = write_corpus(dir.path(), count);
        let report = dir.path().join("report.json");
        let (mut checked, mut checked_cpu) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let cpu_before = cpu_time(libc::RUSAGE_CHILDREN);
            let started = Instant::now();
            let status = Command::new(binary)
                .current_dir(dir.path())
                .args(["check", ".", "--format", "json", "--exit-zero", "--output"])
                .arg(&report)
                .status()
                .unwrap_or_else(|error| panic!("run planlint: {error}"));
            checked.push(started.elapsed());
            checked_cpu.push(cpu_time(libc::RUSAGE_CHILDREN) - cpu_before);
            assert!(status.success(), "planlint check failed: {status}");
        }
        let peak_kb = children_peak_kb();
        let (mut parsed, mut parsed_cpu) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let cpu_before = cpu_time(libc::RUSAGE_SELF);
            let started = Instant::now();
            std::hint::black_box(saphyr_pass(&files));
            parsed.push(started.elapsed());
            parsed_cpu.push(cpu_time(libc::RUSAGE_SELF) - cpu_before);
        }
        let schema: serde_json::Value = serde_json::from_str(include_str!("../schemas/plan.schema.json"))
            .unwrap_or_else(|error| panic!("plan schema: {error}"));
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|error| panic!("plan schema: {error}"));
        let (mut floor_cpu, mut schema_errors) = (Vec::new(), 0);
        for _ in 0..RUNS {
            let cpu_before = cpu_time(libc::RUSAGE_SELF);
            schema_errors = std::hint::black_box(tree_and_schema_pass(&files, &validator));
            floor_cpu.push(cpu_time(libc::RUSAGE_SELF) - cpu_before);
        }
        let (checked, parsed) = (median(checked), median(parsed));
        let (checked_cpu, parsed_cpu) = (median(checked_cpu), median(parsed_cpu));
        let floor_cpu = median(floor_cpu);
        let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
        println!(
            "{:<12} {:>13} {:>13} {:>10.2}x {:>11} {:>10} {:>7.1} MB {:>13} {:>10.2}x",
            format!("{count} plans"),
            ms(checked_cpu),
            ms(parsed_cpu),
            checked_cpu.as_secs_f64() / parsed_cpu.as_secs_f64(),
            ms(checked),
            ms(parsed),
            peak_kb as f64 / 1024.0,
            ms(floor_cpu),
            floor_cpu.as_secs_f64() / parsed_cpu.as_secs_f64(),
        );
        println!("{:<12} (the second floor's schema errors: {schema_errors})", "");
    }
}
