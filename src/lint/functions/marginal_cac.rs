//! `marginal-cac`: along a channel's spend tiers, the cost of each extra
//! customer (delta spend / delta new customers) must stay at or below LTV;
//! past that point scaling the channel loses money (seed 004 step 6).
//! Reads the derived tiers and LTV; reports the first tier that turns and
//! that the channel's budget goes past (a budget that stops at the turn
//! only measured the tiers beyond it).

use super::api::{Context, Function, NoOptions, Target, Violation};
use super::channel_return::channel_metrics;
use crate::document::Lookup;
use crate::i18n::t;
use crate::numbers::{format_money, format_number};
use serde_json::Value;

pub(super) struct MarginalCac;

impl Function for MarginalCac {
    const NAME: &'static str = "marginal-cac";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(MarginalCac)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(ltv) = context
            .metrics
            .lookup("/unit_economics/ltv")
            .and_then(Value::as_f64)
        else {
            return;
        };
        let tiers_written = format!("{}/spend_tiers/", target.pointer());
        out.extend(
            context
                .normalized
                .unreadable_under(&tiers_written)
                .map(Violation::unreadable),
        );
        let Some(metrics) = channel_metrics(context, target.pointer()) else {
            return;
        };
        let Some(tiers) = metrics.get("tiers").and_then(Value::as_array) else {
            return;
        };
        let number = |tier: &Value, key: &str| tier.get(key).and_then(Value::as_f64).unwrap_or_default();
        for tier in tiers {
            let marginal = tier.get("marginal_cac").and_then(Value::as_f64);
            let spend_added = number(tier, "spend_added");
            // More spend for no new customer: the marginal cost is unbounded.
            let turned = match marginal {
                Some(marginal) => marginal > ltv,
                None => spend_added > 0.0,
            };
            // A plan that already stops at or before this tier does not scale past it.
            let budget = metrics.get("budget").and_then(Value::as_f64);
            if !turned || budget.is_some_and(|budget| budget <= number(tier, "from_spend")) {
                continue;
            }
            let pointer = tier.get("pointer").and_then(Value::as_str).map(str::to_owned);
            let currency = context.plan.get("currency").and_then(Value::as_str);
            let money = |value: f64| format_money(value, currency);
            let marginal_text = match marginal {
                Some(marginal) => t!("lint-rules-marginal-cac-rises", amount = money(marginal)),
                None => t!("lint-rules-marginal-cac-unbounded"),
            };
            out.push(Violation {
                pointer,
                vars: vec![
                    ("marginal_cac".into(), marginal_text),
                    ("from_spend".into(), format_number(number(tier, "from_spend"))),
                    ("to_spend".into(), format_number(number(tier, "to_spend"))),
                    ("ltv".into(), money(ltv)),
                ],
                remedies: super::remedy::stop_scaling(
                    context,
                    target.pointer(),
                    number(tier, "from_spend"),
                    marginal,
                    ltv,
                ),
                ..Violation::default()
            });
            return;
        }
    }
}
