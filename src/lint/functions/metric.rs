//! `metric`: a derived value (see `derive`) must stay within bounds.
//! Fires when the metric is above `max` or below `min`; a metric that
//! cannot be computed (missing inputs) is left to other rules.

use super::api::{Context, Function, Target, Violation};
use crate::document::dotted;
use crate::i18n::t;
use crate::numbers::display_value;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Metric {
    /// Dotted path into the metrics, e.g. `unit_economics.cac_ltv_ratio`.
    metric: String,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    min: Option<f64>,
    /// Values below this belong to another rule (e.g. LTV/CAC under 1 is
    /// `cac-exceeds-ltv`, not a low ratio).
    #[serde(default)]
    skip_below: Option<f64>,
}

impl Function for Metric {
    const NAME: &'static str = "metric";
    type Options = Self;

    fn new(metric: Self) -> Result<Self, String> {
        if metric.max.is_none() && metric.min.is_none() {
            return Err(t!("lint-rules-metric-no-bound"));
        }
        if !crate::lint::derive::METRIC_NAMES.contains(&metric.metric.as_str()) {
            return Err(t!(
                "lint-rules-metric-unknown",
                metric = metric.metric.as_str(),
                metrics = crate::lint::derive::METRIC_NAMES.join(", ")
            ));
        }
        Ok(metric)
    }

    fn run(&self, _: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let (parent, name) = match self.metric.rsplit_once('.') {
            Some((parent, name)) => (dotted(context.metrics.sections(), parent), name),
            None => (Some(context.metrics.sections()), self.metric.as_str()),
        };
        let value = parent.and_then(|parent| parent.get(name)).and_then(Value::as_f64);
        let (Some(parent), Some(value)) = (parent, value) else {
            // Not computable: name any input that stopped it.
            out.extend(
                context
                    .normalized
                    .readings
                    .iter()
                    .filter(|reading| reading.canonical.is_none() && feeds(&self.metric, &reading.pointer))
                    .map(Violation::unreadable),
            );
            return;
        };
        if self.skip_below.is_some_and(|floor| value < floor) {
            return;
        }
        // Float noise (105 x 0.5 x 12 x 0.5 is not quite 315) breaks nothing.
        let noise = |limit: f64| 1e-9 * limit.abs().max(value.abs()).max(1.0);
        let (broken, limit) = match (self.max, self.min) {
            (Some(max), _) if value > max + noise(max) => (true, max),
            (_, Some(min)) if value < min - noise(min) => (true, min),
            _ => (false, 0.0),
        };
        if !broken {
            return;
        }
        // Every sibling value is available to the message: {cac}, {ltv} ...
        let mut violation = Violation::at_target()
            .var("value", display_value(&Value::from(value)))
            .var("limit", display_value(&Value::from(limit)));
        if let Some(siblings) = parent.as_object() {
            for (key, sibling) in siblings {
                if !sibling.is_object() && !sibling.is_array() {
                    violation = violation.var(key, display_value(sibling));
                }
            }
        }
        violation.remedies = super::remedy::for_metric(context, &self.metric, limit);
        out.push(violation);
    }
}

/// Whether the plan value at `pointer` is an input of `metric`.
fn feeds(metric: &str, pointer: &str) -> bool {
    let channel_budget = || {
        pointer.starts_with("/channels/") && pointer.ends_with("/budget") && pointer.matches('/').count() == 3
    };
    match metric.split('.').next() {
        Some("unit_economics") => pointer.starts_with("/unit_economics/"),
        Some("budget") => pointer.starts_with("/budget/") || channel_budget(),
        _ => false,
    }
}
