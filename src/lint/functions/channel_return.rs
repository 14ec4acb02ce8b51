//! `channel-return`: a channel whose test returned less than `min_return`
//! per unit spent must not be planned above its test budget (seed 004 step
//! 5: measure the return before scaling). Reads the derived `test_return`.

use super::api::{Context, Function, Target, Violation};
use crate::i18n::t;
use crate::numbers::format_number;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChannelReturn {
    min_return: f64,
}

impl Function for ChannelReturn {
    const NAME: &'static str = "channel-return";
    type Options = Self;

    fn new(check: Self) -> Result<Self, String> {
        if !check.min_return.is_finite() || check.min_return < 0.0 {
            return Err(t!("lint-rules-channel-return-min-return"));
        }
        Ok(check)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(channel) = target.value else { return };
        let Some(metrics) = context.metrics.channel(target.pointer()) else {
            return;
        };
        let Some(test_return) = metrics.test_return else {
            // A test result written so that it cannot be read is named.
            let test = format!("{}/test/", target.pointer());
            out.extend(
                context
                    .normalized
                    .unreadable_under(&test)
                    .map(Violation::unreadable),
            );
            return;
        };
        let number = |value: Option<&Value>| value.and_then(Value::as_f64).filter(|n| n.is_finite());
        let test = channel.get("test");
        let (Some(test_budget), Some(revenue)) = (
            number(test.and_then(|t| t.get("budget"))),
            number(test.and_then(|t| t.get("revenue"))),
        ) else {
            return;
        };
        let planned = number(channel.get("budget")).unwrap_or_default();
        if test_return < self.min_return && planned > test_budget {
            // The measured revenue is what falls short.
            let mut violation = Violation::at(format!("{}/test/revenue", target.pointer()))
                .var("test_return", format_number(test_return))
                .var("test_revenue", format_number(revenue))
                .var("test_budget", format_number(test_budget))
                .var("planned", format_number(planned));
            violation.remedies =
                super::remedy::channel_return(context, target.pointer(), test_budget, self.min_return);
            out.push(violation);
        }
    }
}
