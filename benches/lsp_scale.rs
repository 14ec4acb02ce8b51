//! The language server at scale: `cargo bench --bench lsp_scale`
//! (`-- 1500` opens that many plans instead of 3,000; `-- 3000 1` runs one
//! session instead of five).
//!
//! Each session starts the release binary in a temporary folder whose
//! `.planlint.yaml` does not load, opens the plans as fast as the pipe takes
//! them, sends a hover right after, and another 100 ms after each answer,
//! until every plan has its diagnostics. Printed per session and as the
//! median of the sessions: how long the first hover took and the slowest
//! (the target is 200 ms), how long until every plan was linted, and how
//! often the config's problem was published. `PLANLINT_LSP_BIN=PATH` times another build of planlint
//! (an older one, to compare).
//! The counts are checked by `tests/it/lsp_scale.rs`.

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;
#[path = "../tests/lsp_many_plans/mod.rs"]
mod lsp_many_plans;

use lsp_client::{workspace, Client};
use std::path::PathBuf;
use std::time::Duration;

const SESSIONS: usize = 5;
/// A session that has not linted every plan by then is reported as such.
const LIMIT: Duration = Duration::from_secs(120);
const TARGET: Duration = Duration::from_millis(200);

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort_unstable();
    values[values.len() / 2]
}

/// A time to print; the session's limit when the plans were not all linted.
fn shown(time: Duration) -> String {
    if time == Duration::MAX {
        format!("more than {} s", LIMIT.as_secs())
    } else {
        format!("{:.0} ms", time.as_secs_f64() * 1000.0)
    }
}

fn main() {
    let numbers: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let plans = numbers.first().copied().unwrap_or(3000);
    let sessions = numbers.get(1).copied().unwrap_or(SESSIONS).max(1);
    let binary = std::env::var_os("PLANLINT_LSP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_planlint")));
    println!(
        "{} with {plans} open plans and a broken .planlint.yaml",
        binary.display()
    );
    let mut hovers = Vec::new();
    let mut slowest = Vec::new();
    let mut all_linted = Vec::new();
    for run in 1..=sessions {
        let (dir, root) = workspace();
        let mut client = Client::start_binary(&binary, dir.path());
        let seen = lsp_many_plans::session(&mut client, dir.path(), &root, plans, LIMIT);
        println!(
            "session {run}: hover {:>8.1} ms ({} plans linted before it), slowest of {} hovers while \
             linting {:.1} ms; every plan linted after {}; config published {} times, plans {} times",
            seen.hover.as_secs_f64() * 1000.0,
            seen.plans_before_hover,
            seen.hovers_while_linting,
            seen.slowest_hover.as_secs_f64() * 1000.0,
            shown(seen.all_linted),
            seen.config_publishes,
            seen.plan_publishes,
        );
        hovers.push(seen.hover);
        slowest.push(seen.slowest_hover);
        all_linted.push(seen.all_linted);
        let _ = client.child.kill();
        let _ = client.child.wait();
    }
    let hover = median(hovers);
    println!(
        "median: first hover {:.1} ms, slowest hover while linting {:.1} ms (target {} ms: {}), \
         every plan linted after {}",
        hover.as_secs_f64() * 1000.0,
        median(slowest.clone()).as_secs_f64() * 1000.0,
        TARGET.as_millis(),
        if hover.max(median(slowest)) <= TARGET {
            "met"
        } else {
            "missed"
        },
        shown(median(all_linted)),
    );
}
