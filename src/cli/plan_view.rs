//! One plan read for `report` and `diff`: linted as `check` lints it, and
//! its numbers derived as `metrics` derives them (the plan as normalized).

use crate::error::UserError;
use crate::lint::metric_catalog::{LimitValue, PLAN_METRICS};
use crate::lint::normalize::Normalized;
use crate::lint::{Linter, LoadedPlan};
use crate::output::metrics::Unread;
use crate::output::plan_view::{FunnelStage, PlanView, Threshold, Thresholds};
use serde_json::Value;

/// Analyses `bytes` (the plan called `shown`) and shows what the analysis
/// holds; a plan that does not parse has its parse error and no numbers.
pub(super) fn view_of(linter: &Linter, shown: &str, bytes: &[u8]) -> Result<PlanView, UserError> {
    let analysis = crate::guard::guarded(shown, || linter.analyze_bytes(shown, bytes))?;
    let mut view = PlanView {
        report: analysis.report,
        title: None,
        metrics: Default::default(),
        currency: None,
        funnel: Vec::new(),
        thresholds: thresholds(linter),
        unread: Vec::new(),
    };
    if let Some(plan) = analysis.plan {
        view.title = plan.text_field("name").map(str::to_owned);
        // Only a code shaped as ISO 4217 is shown beside amounts (in reports
        // that carry Markdown and HTML); the plan format reports anything else.
        view.currency = plan
            .text_field("currency")
            .filter(|code| code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_uppercase()))
            .map(str::to_owned);
        view.funnel = funnel(&plan);
        view.unread = unread_values(&plan.normalized, &plan.document.value);
        view.metrics = plan.metrics;
    }
    Ok(view)
}

/// The plan's conversion path, stage by stage.
fn funnel(plan: &LoadedPlan) -> Vec<FunnelStage> {
    let text = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_owned);
    plan.meant()
        .get("funnel")
        .and_then(Value::as_array)
        .map(|stages| {
            stages
                .iter()
                .filter_map(|stage| {
                    Some(FunnelStage {
                        stage: text(stage.get("stage"))?,
                        metric: text(stage.get("metric")),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The values the reader could not read, as `metrics` lists them: named
/// as messages name them (`` `amount` of budget item 2 `Ads` ``), a lone
/// field without its quotes (`product.price`).
pub(super) fn unread_values(normalized: &Normalized, plan: &Value) -> Vec<Unread> {
    normalized
        .readings
        .iter()
        .filter(|reading| reading.canonical.is_none())
        .map(|reading| Unread {
            field: unquoted(crate::lint::place::describe(&reading.pointer, plan)),
            written: reading.written.clone(),
            noun: reading.kind.noun(),
        })
        .collect()
}

/// `name` without its backquotes when it is one quoted name.
fn unquoted(name: String) -> String {
    match name.strip_prefix('`').and_then(|rest| rest.strip_suffix('`')) {
        Some(inner) if !inner.contains('`') => inner.to_owned(),
        _ => name,
    }
}

/// The limits the economics rules hold a plan to, as this linter runs
/// them: each number of the metric catalog that has a rule.
fn thresholds(linter: &Linter) -> Thresholds {
    let on = |rule: &str| linter.severity_of(rule).is_some();
    let limits = PLAN_METRICS
        .iter()
        .filter_map(|metric| {
            let limit = metric.limit?;
            let value = match limit.value {
                LimitValue::Fixed(value) => value,
                LimitValue::Option(name) => linter.number_option(limit.rule, name)?,
            };
            on(limit.rule).then(|| {
                let threshold = Threshold {
                    value,
                    rule: limit.rule.to_owned(),
                };
                (metric.key, threshold)
            })
        })
        .collect();
    Thresholds {
        limits,
        marginal_cac_rule: Some("marginal-cac-exceeds-ltv".to_owned()).filter(|rule| on(rule)),
    }
}
