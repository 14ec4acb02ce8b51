//! `marginal-cac`: along a channel's spend tiers, the cost of each extra
//! customer (delta spend / delta new customers) must stay at or below LTV;
//! past that point scaling the channel loses money (seed 004 step 6).
//! Reads the derived tiers and LTV; reports the first tier that turns and
//! that the channel's budget goes past (a budget that stops at the turn
//! only measured the tiers beyond it).

use super::api::{Context, Function, NoOptions, Target, Violation};
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
            .sections()
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
        let Some(metrics) = context.metrics.channel(target.pointer()) else {
            return;
        };
        for tier in &metrics.tiers {
            let marginal = tier.marginal_cac;
            // More spend for no new customer: the marginal cost is unbounded.
            let turned = match marginal {
                Some(marginal) => marginal > ltv,
                None => tier.spend_added > 0.0,
            };
            // A plan that already stops at or before this tier does not scale past it.
            if !turned || metrics.budget.is_some_and(|budget| budget <= tier.from_spend) {
                continue;
            }
            let pointer = Some(tier.pointer.clone());
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
                    ("from_spend".into(), format_number(tier.from_spend)),
                    ("to_spend".into(), format_number(tier.to_spend)),
                    ("ltv".into(), money(ltv)),
                ],
                remedies: super::remedy::stop_scaling(
                    context,
                    target.pointer(),
                    tier.from_spend,
                    marginal,
                    ltv,
                ),
                ..Violation::default()
            });
            return;
        }
    }
}
