//! Where a value is, in a marketer's words: list items by what they are,
//! their 1-based ordinal and their id or name ("`deadline` of goal 2
//! `awareness`"), never a 0-based index. Machine formats keep the JSON
//! pointer; this is for messages.

use serde_json::Value;

/// The place `pointer` names in `plan` (pass `Value::Null` when the plan
/// is not at hand: items are then named by ordinal only).
pub fn describe(pointer: &str, plan: &Value) -> String {
    if pointer.is_empty() {
        return "the plan".into();
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
                let mut named = format!("{} {}", item_noun(&list, before.as_deref()), index + 1);
                if let Some(name) = plan.pointer(&walked).and_then(item_name) {
                    named.push_str(&format!(" `{name}`"));
                }
                if let Some(outer) = &item {
                    named.push_str(&format!(" of {outer}"));
                }
                parent_key = Some(list);
                item = Some(named);
                fields.clear();
            }
            None => fields.push(segment),
        }
    }
    match (fields.is_empty(), item) {
        (true, Some(item)) => item,
        (false, Some(item)) => format!("`{}` of {item}", fields.join(".")),
        (_, None) => format!("`{}`", fields.join(".")),
    }
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

/// What one item of the list `key` is called (`before` is the field that
/// holds the list, if any: `budget` for `budget.items`).
fn item_noun(key: &str, before: Option<&str>) -> String {
    let noun = match (key, before) {
        ("items", Some("budget")) => "budget item",
        ("goals", _) => "goal",
        ("channels", _) => "channel",
        ("target_customers", _) => "target customer",
        ("competitors", _) => "competitor",
        ("funnel", _) => "funnel stage",
        ("team", _) => "team role",
        ("spend_tiers", _) => "spend tier",
        ("strengths", _) => "strength",
        ("weaknesses", _) => "weakness",
        ("opportunities", _) => "opportunity",
        ("threats", _) => "threat",
        ("needs", _) => "need",
        ("features", _) => "feature",
        ("characteristics", _) => "characteristic",
        ("metrics", _) => "metric",
        ("methods", _) => "method",
        ("", _) => "item",
        (other, _) => return format!("`{other}` item"),
    };
    noun.to_owned()
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
}
