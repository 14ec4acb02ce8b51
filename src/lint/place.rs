//! Where a value is, in a marketer's words: list items by what they are,
//! their 1-based ordinal and their id or name ("`deadline` of goal 2
//! `awareness`"), never a 0-based index. Machine formats keep the JSON
//! pointer; this is for messages.

use crate::document::Lookup;
use crate::i18n::t;
use crate::lint::words::tidy;
use serde_json::Value;

/// The place `pointer` names in `plan` (pass `Value::Null` when the plan
/// is not at hand: items are then named by ordinal only).
pub fn describe(pointer: &str, plan: &Value) -> String {
    if pointer.is_empty() {
        return t!("lint-values-place-plan");
    }
    let mut item: Option<String> = None;
    let mut fields: Vec<String> = Vec::new();
    let mut walked = String::new();
    let mut parent_key: Option<String> = None;
    for token in pointer.split('/').skip(1) {
        walked.push('/');
        walked.push_str(token);
        let segment = crate::document::unescape_token(token).into_owned();
        match index_of(&segment) {
            Some(index) => {
                let list = fields.pop().unwrap_or_default();
                let before = fields.last().cloned().or_else(|| parent_key.clone());
                let mut named = item_noun(&list, before.as_deref(), index + 1);
                if let Some(name) = plan.lookup(&walked).and_then(item_name) {
                    named = t!("lint-values-place-named", item = named, name = name);
                }
                if let Some(outer) = &item {
                    named = t!("lint-values-place-inside", item = named, outer = outer.as_str());
                }
                parent_key = Some(list);
                item = Some(named);
                fields.clear();
            }
            None => fields.push(segment),
        }
    }
    let field = fields.join(".");
    let place = match (fields.is_empty(), item) {
        (true, Some(item)) => item,
        (false, Some(item)) => t!("lint-values-place-field-of", field = field, item = item),
        (_, None) => t!("lint-values-place-field", field = field),
    };
    tidy(place)
}

/// The short name of the item a pointer ends at (`#2` for the second item
/// without an id or name), for `{label}` in rule messages.
pub fn item_label(pointer: &str) -> String {
    match pointer.rsplit('/').next().and_then(index_of) {
        Some(index) => format!("#{}", index + 1),
        None => describe(pointer, &Value::Null).trim_matches('`').to_owned(),
    }
}

/// How an item is called: its id, name, stage or role.
pub fn item_name(item: &Value) -> Option<&str> {
    ["id", "name", "stage", "role"]
        .iter()
        .find_map(|key| item.get(key).and_then(Value::as_str))
        .filter(|name| !name.trim().is_empty())
}

fn index_of(segment: &str) -> Option<usize> {
    if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    segment.parse().ok()
}

/// What item `ordinal` (counted from 1) of the list `key` is called
/// (`before` is the field that holds the list, if any: `budget` for
/// `budget.items`).
fn item_noun(key: &str, before: Option<&str>, ordinal: usize) -> String {
    let n = ordinal.to_string();
    let n = n.as_str();
    match (key, before) {
        ("items", Some("budget")) => t!("lint-values-place-budget-item", n = n),
        ("goals", _) => t!("lint-values-place-goal", n = n),
        ("channels", _) => t!("lint-values-place-channel", n = n),
        ("target_customers", _) => t!("lint-values-place-target-customer", n = n),
        ("competitors", _) => t!("lint-values-place-competitor", n = n),
        ("funnel", _) => t!("lint-values-place-funnel-stage", n = n),
        ("team", _) => t!("lint-values-place-team-role", n = n),
        ("spend_tiers", _) => t!("lint-values-place-spend-tier", n = n),
        ("strengths", _) => t!("lint-values-place-strength", n = n),
        ("weaknesses", _) => t!("lint-values-place-weakness", n = n),
        ("opportunities", _) => t!("lint-values-place-opportunity", n = n),
        ("threats", _) => t!("lint-values-place-threat", n = n),
        ("needs", _) => t!("lint-values-place-need", n = n),
        ("features", _) => t!("lint-values-place-feature", n = n),
        ("characteristics", _) => t!("lint-values-place-characteristic", n = n),
        ("metrics", _) => t!("lint-values-place-metric", n = n),
        ("methods", _) => t!("lint-values-place-method", n = n),
        ("", _) => t!("lint-values-place-item", n = n),
        (other, _) => t!("lint-values-place-list-item", list = other, n = n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn places_read_as_a_marketer_counts() {
        let plan = json!({
            "goals": [{"id": "revenue"}, {"id": "awareness"}],
            "channels": [{"name": "Douyin", "spend_tiers": [{}, {}, {}]}],
            "budget": {"items": [{"name": "Salaries"}]},
            "funnel": [{"stage": "曝光"}]
        });
        assert_eq!(describe("", &plan), "the plan");
        assert_eq!(
            describe("/goals/1/deadline", &plan),
            "`deadline` of goal 2 `awareness`"
        );
        assert_eq!(describe("/goals/1", &plan), "goal 2 `awareness`");
        assert_eq!(
            describe("/channels/0/test/budget", &plan),
            "`test.budget` of channel 1 `Douyin`"
        );
        assert_eq!(
            describe("/channels/0/spend_tiers/2/spend", &plan),
            "`spend` of spend tier 3 of channel 1 `Douyin`"
        );
        assert_eq!(
            describe("/budget/items/0/amount", &plan),
            "`amount` of budget item 1 `Salaries`"
        );
        assert_eq!(describe("/budget/total", &plan), "`budget.total`");
        assert_eq!(describe("/funnel/0", &plan), "funnel stage 1 `曝光`");
        assert_eq!(describe("/goals/4/x~1y", &Value::Null), "`x/y` of goal 5");
        assert_eq!(item_label("/funnel/1"), "#2");
    }

    #[test]
    fn places_read_as_a_marketer_counts_in_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let plan = json!({
            "goals": [{"id": "revenue"}, {"id": "awareness"}],
            "channels": [{"name": "抖音", "spend_tiers": [{}, {}, {}]}],
            "budget": {"items": [{"name": "工资"}]},
            "x-notes": [{}, {}],
        });
        assert_eq!(describe("", &plan), "计划");
        assert_eq!(
            describe("/goals/1/deadline", &plan),
            "第 2 个目标 `awareness` 的 `deadline`"
        );
        assert_eq!(describe("/goals/1", &plan), "第 2 个目标 `awareness`");
        assert_eq!(
            describe("/channels/0/spend_tiers/2/spend", &plan),
            "第 1 个渠道 `抖音` 的第 3 个投放档位的 `spend`"
        );
        assert_eq!(
            describe("/budget/items/0/amount", &plan),
            "第 1 个预算项 `工资` 的 `amount`"
        );
        assert_eq!(describe("/budget/total", &plan), "`budget.total`");
        assert_eq!(describe("/goals/4/x~1y", &Value::Null), "第 5 个目标的 `x/y`");
        assert_eq!(describe("/x-notes/1", &plan), "`x-notes` 的第 2 项");
        assert_eq!(item_label("/funnel/1"), "#2");
    }
}
