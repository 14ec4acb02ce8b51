//! The derived numbers as rules read them. Built-in checks read a
//! channel's numbers from the typed [`Metrics`] and the plan-wide ones
//! (`unit_economics`, `budget`: a few dozen values) as JSON, for `metric`
//! checks, message placeholders and remedies. The whole of it as JSON,
//! with a list entry for every channel and tier, is built only when a CEL
//! expression asks for `metrics`: for a plan of a thousand channels that
//! copy cost more than all the built-in rules together.

use crate::lint::derive::{ChannelMetrics, Metrics};
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// One plan's derived numbers, shared by every rule run on it.
pub struct RuleMetrics<'a> {
    typed: &'a Metrics,
    sections: Value,
    whole: OnceLock<Value>,
}

impl<'a> RuleMetrics<'a> {
    pub fn new(typed: &'a Metrics) -> Self {
        let json = |section: Result<Value, serde_json::Error>| section.unwrap_or(Value::Null);
        let mut sections = Map::new();
        sections.insert(
            "unit_economics".to_owned(),
            json(serde_json::to_value(&typed.unit_economics)),
        );
        sections.insert("budget".to_owned(), json(serde_json::to_value(&typed.budget)));
        RuleMetrics {
            typed,
            sections: Value::Object(sections),
            whole: OnceLock::new(),
        }
    }

    /// `unit_economics` and `budget`, as in `planlint metrics --format
    /// json` (every member of it but `channels`).
    pub fn sections(&self) -> &Value {
        &self.sections
    }

    /// Everything, as `planlint metrics --format json` writes it; made the
    /// first time it is asked for.
    pub fn whole(&self) -> &Value {
        self.whole.get_or_init(|| self.typed.to_value())
    }

    /// The numbers of the channel at `pointer` (`/channels/N`).
    pub fn channel(&self, pointer: &str) -> Option<&'a ChannelMetrics> {
        let channels = &self.typed.channels;
        let is_it = |channel: &&ChannelMetrics| channel.pointer == pointer;
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::derive::derive;
    use serde_json::json;

    fn plan() -> Value {
        json!({
            "currency": "CNY",
            "budget": {"total": 100000, "items": [{"name": "Team", "amount": 20000}]},
            "unit_economics": {"cac": 200, "average_order_value": 300, "gross_margin": 0.4,
                "purchases_per_year": 2, "lifetime_years": 3},
            "channels": [
                {"name": "A", "budget": 30000, "test": {"budget": 1000, "revenue": 900},
                 "spend_tiers": [{"spend": 10000, "new_customers": 50}, {"spend": 20000, "new_customers": 60}]},
                {"name": "B", "budget": 10000},
            ],
        })
    }

    /// The sections are the whole JSON but its channels, value for value.
    #[test]
    fn sections_are_the_whole_but_channels() {
        let metrics = derive(&plan());
        let view = RuleMetrics::new(&metrics);
        let mut whole = view.whole().clone();
        assert!(whole.as_object_mut().unwrap().remove("channels").is_some());
        assert_eq!(view.sections(), &whole);
        assert!(view.sections()["unit_economics"]["ltv"].is_number());
        assert_eq!(view.sections()["budget"]["total"], json!(100000.0));
    }

    /// A channel is found by its pointer, where it stands or elsewhere.
    #[test]
    fn channels_are_found_by_pointer() {
        let metrics = derive(&plan());
        let view = RuleMetrics::new(&metrics);
        assert_eq!(view.channel("/channels/1").map(|c| c.name.as_str()), Some("B"));
        assert_eq!(view.channel("/channels/0").map(|c| c.tiers.len()), Some(2));
        assert!(view.channel("/channels/2").is_none());
        assert!(view.channel("/budget").is_none());
        let mut moved = metrics.clone();
        moved.channels.reverse();
        let view = RuleMetrics::new(&moved);
        assert_eq!(view.channel("/channels/1").map(|c| c.name.as_str()), Some("B"));
    }
}
