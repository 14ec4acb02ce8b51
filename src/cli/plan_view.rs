//! One plan read for `report` and `diff`: linted as `check` lints it, and
//! its numbers derived as `metrics` derives them (the plan as normalized).

use crate::document::{decode, load, LoadLimits};
use crate::error::UserError;
use crate::lint::normalize::{normalize, Normalized};
use crate::lint::Linter;
use crate::output::metrics::Unread;
use crate::output::plan_view::{FunnelStage, PlanView, Threshold, Thresholds};
use serde_json::Value;

/// Lints `bytes` (the plan called `shown`) and derives its numbers; a plan
/// that does not parse has its parse error and no numbers.
pub(super) fn view_of(linter: &Linter, shown: &str, bytes: &[u8]) -> Result<PlanView, UserError> {
    let report = crate::guard::guarded(shown, || linter.lint_bytes(shown, bytes))?;
    let mut view = PlanView {
        report,
        title: None,
        metrics: Default::default(),
        currency: None,
        funnel: Vec::new(),
        thresholds: thresholds(linter),
        unread: Vec::new(),
    };
    let Ok(document) = decode(bytes).and_then(|text| load(text, &LoadLimits::default())) else {
        return Ok(view);
    };
    let normalized = normalize(&document.value);
    let plan = normalized.meant(&document.value);
    let text = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_owned);
    view.metrics = crate::lint::derive::derive(plan);
    view.title = text(plan.get("name"));
    view.currency = text(plan.get("currency"));
    view.funnel = plan
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
        .unwrap_or_default();
    view.unread = unread_values(&normalized, &document.value);
    Ok(view)
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

/// The limits the economics rules hold a plan to, as this linter runs them.
fn thresholds(linter: &Linter) -> Thresholds {
    let on = |rule: &str| linter.severity_of(rule).is_some();
    let limit = |rule: &str, value: Option<f64>| {
        value.filter(|_| on(rule)).map(|value| Threshold {
            value,
            rule: rule.to_owned(),
        })
    };
    Thresholds {
        // cac-exceeds-ltv has no option: CAC/LTV above 1 is its definition.
        max_cac_ltv: limit("cac-exceeds-ltv", Some(1.0)),
        min_ltv_cac: limit(
            "low-ltv-cac-ratio",
            linter.number_option("low-ltv-cac-ratio", "min_ratio"),
        ),
        max_payback_months: limit(
            "cac-payback-too-long",
            linter.number_option("cac-payback-too-long", "max_months"),
        ),
        marginal_cac_rule: Some("marginal-cac-exceeds-ltv".to_owned()).filter(|rule| on(rule)),
    }
}
