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

/// The derived metrics of the channel at `pointer` (`/channels/N`).
pub(super) fn channel_metrics<'a>(context: Context<'a>, pointer: &str) -> Option<&'a Value> {
    let channels = context.metrics.get("channels")?.as_array()?;
    let is_it = |channel: &&Value| channel.get("pointer").and_then(Value::as_str) == Some(pointer);
    // The metrics list the channels in the plan's order: `/channels/7` is
    // looked at first where it would be, so a plan of a thousand channels
    // is not searched a thousand times over.
    let position = pointer
        .strip_prefix("/channels/")
        .and_then(|index| index.parse::<usize>().ok());
    position
        .and_then(|index| channels.get(index))
        .filter(is_it)
        .or_else(|| channels.iter().find(is_it))
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
        let Some(metrics) = channel_metrics(context, target.pointer()) else {
            return;
        };
        let Some(test_return) = metrics.get("test_return").and_then(Value::as_f64) else {
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
