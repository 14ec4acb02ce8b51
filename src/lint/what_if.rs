//! What-if: `planlint metrics PLAN --set cac=250 --set channels.Douyin.budget=60000`.
//! Each `--set` names a metric the plan states (`cac`), a field path
//! (`unit_economics.gross_margin`, list items by id or name:
//! `goals.revenue.deadline`), or a channel by name (its budget); the value
//! is read as the field needs it. Mistakes name the key, with a suggestion.

use crate::document::Lookup;
use crate::i18n::t;
use crate::lint::functions::listed;
use crate::lint::metric_catalog::PLAN_METRICS;
use serde_json::{Map, Value};

/// The unit economics a plan states, settable by their bare name.
const STATED: &[&str] = &[
    "cac",
    "ltv",
    "average_order_value",
    "gross_margin",
    "purchases_per_year",
    "lifetime_years",
];

/// Fields that may be set even when the plan does not write them yet
/// (their section must exist): the numbers planlint derives from.
const NEW_ALLOWED: &[&str] = &[
    "cac",
    "ltv",
    "average_order_value",
    "gross_margin",
    "purchases_per_year",
    "lifetime_years",
    "total",
    "budget",
    "revenue",
    "amount",
];

/// Fields whose value is a date (`YYYY-MM-DD`).
const DATES: &[&str] = &["deadline", "start", "end"];

/// One `--set KEY=VALUE`, checked against the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    /// The key as written.
    pub key: String,
    /// Where it lands in the plan.
    pub pointer: String,
    pub value: Value,
}

/// Why a `--set` cannot be applied: the message names the key; the help
/// suggests what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetError {
    pub message: String,
    pub help: String,
}

fn error(message: String, help: String) -> SetError {
    SetError { message, help }
}

/// Reads `KEY=VALUE` against `plan` (the plan as written).
pub fn parse(plan: &Value, argument: &str) -> Result<Setting, SetError> {
    let Some((key, text)) = argument.split_once('=') else {
        return Err(error(
            t!("lint-rules-set-no-value", argument = argument),
            t!("lint-rules-set-no-value-help"),
        ));
    };
    let (key, text) = (key.trim(), text.trim());
    let pointer = resolve(plan, key)?;
    let field = pointer.rsplit('/').next().unwrap_or_default();
    let current = plan.lookup(&pointer);
    let value = read_value(key, field, current, text)?;
    Ok(Setting {
        key: key.to_owned(),
        pointer,
        value,
    })
}

/// `plan` with every setting applied, in order.
pub fn apply(plan: &Value, settings: &[Setting]) -> Value {
    let mut changed = plan.clone();
    for setting in settings {
        let (parent, field) = setting.pointer.rsplit_once('/').unwrap_or(("", &setting.pointer));
        let field = crate::document::unescape_token(field).into_owned();
        if let Some(Value::Object(map)) = changed.pointer_mut(parent) {
            map.insert(field, setting.value.clone());
        } else if parent == "/unit_economics" {
            if let Value::Object(root) = &mut changed {
                let mut section = Map::new();
                section.insert(field, setting.value.clone());
                root.insert("unit_economics".into(), Value::Object(section));
            }
        }
    }
    changed
}

/// The pointer `key` names in `plan`.
fn resolve(plan: &Value, key: &str) -> Result<String, SetError> {
    if !key.contains('.') {
        return resolve_name(plan, key);
    }
    let segments: Vec<&str> = key.split('.').collect();
    let mut pointer = String::new();
    let mut node = plan;
    let mut index = 0;
    while index < segments.len() {
        let last = index + 1 == segments.len();
        match node {
            Value::Array(items) => {
                let (position, used) = find_item(items, &segments[index..]).ok_or_else(|| {
                    let names: Vec<&str> = items.iter().filter_map(crate::lint::place::item_name).collect();
                    no_such(key, segments[index], &pointer, plan, &names)
                })?;
                pointer.push_str(&format!("/{position}"));
                node = &items[position];
                index += used;
            }
            Value::Object(map) => {
                let segment = segments[index];
                let escaped = segment.replace('~', "~0").replace('/', "~1");
                match map.get(segment) {
                    Some(child) => node = child,
                    None if last && NEW_ALLOWED.contains(&segment) => {
                        return Ok(format!("{pointer}/{escaped}"));
                    }
                    None => {
                        let names: Vec<&str> = map.keys().map(String::as_str).collect();
                        return Err(no_such(key, segment, &pointer, plan, &names));
                    }
                }
                pointer.push('/');
                pointer.push_str(&escaped);
                index += 1;
            }
            _ => {
                return Err(error(
                    t!(
                        "lint-rules-set-single-value",
                        key = key,
                        place = place(&pointer, plan),
                        segment = segments[index]
                    ),
                    t!(
                        "lint-rules-set-single-value-help",
                        key = key.rsplit_once('.').map_or(key, |(head, _)| head)
                    ),
                ))
            }
        }
    }
    if node.is_object() || node.is_array() {
        let names: Vec<String> = match node {
            Value::Object(map) => map.keys().take(6).cloned().collect(),
            _ => Vec::new(),
        };
        return Err(error(
            t!(
                "lint-rules-set-several-values",
                key = key,
                place = place(&pointer, plan)
            ),
            if names.is_empty() {
                t!("lint-rules-set-name-an-item")
            } else {
                t!(
                    "lint-rules-set-name-a-field",
                    field = format!("{key}.{}", names[0])
                )
            },
        ));
    }
    Ok(pointer)
}

/// The item of `items` named by the first segments (names may hold dots),
/// or by `#N` (1-based): its position and how many segments named it.
fn find_item(items: &[Value], segments: &[&str]) -> Option<(usize, usize)> {
    if let Some(ordinal) = segments[0]
        .strip_prefix('#')
        .and_then(|n| n.parse::<usize>().ok())
    {
        return (1..=items.len()).contains(&ordinal).then_some((ordinal - 1, 1));
    }
    (1..=segments.len()).rev().find_map(|used| {
        let name = segments[..used].join(".");
        items
            .iter()
            .position(|item| {
                crate::lint::place::item_name(item).is_some_and(|n| n.eq_ignore_ascii_case(&name))
            })
            .map(|position| (position, used))
    })
}

fn place(pointer: &str, plan: &Value) -> String {
    crate::lint::place::describe(pointer, plan)
}

fn no_such(key: &str, segment: &str, pointer: &str, plan: &Value, names: &[&str]) -> SetError {
    let within = if pointer.is_empty() {
        t!("lint-rules-set-the-plan")
    } else {
        place(pointer, plan)
    };
    let shown: Vec<String> = names.iter().take(8).map(|n| format!("`{n}`")).collect();
    let shown = listed(&shown);
    let help = match crate::suggest::closest(segment, names.iter().copied()) {
        // `goals.1.deadline`: items go by id or name, or `#1` counted from 1.
        _ if segment.parse::<usize>().is_ok() && !names.is_empty() => t!(
            "lint-rules-set-name-by-id-or-place",
            names = shown,
            key = with_segment(key, segment, &format!("#{segment}"))
        ),
        Some(close) => t!(
            "lint-rules-did-you-mean",
            suggestion = with_segment(key, segment, close)
        ),
        None if names.is_empty() => t!("lint-rules-set-check-the-path"),
        None => t!("lint-rules-set-place-has", place = within.as_str(), names = shown),
    };
    error(
        t!(
            "lint-rules-set-no-such",
            key = key,
            segment = segment,
            place = within
        ),
        help,
    )
}

/// `key` with its first segment `segment` written as `instead`.
fn with_segment(key: &str, segment: &str, instead: &str) -> String {
    let mut replaced = false;
    key.split('.')
        .map(|part| {
            if !replaced && part == segment {
                replaced = true;
                instead
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A bare name: a stated number, the budget, or a channel (its budget).
fn resolve_name(plan: &Value, key: &str) -> Result<String, SetError> {
    let lower = key.to_lowercase();
    let stated = match lower.as_str() {
        "aov" => Some("average_order_value"),
        other => STATED.iter().copied().find(|name| *name == other),
    };
    if let Some(name) = stated {
        return Ok(format!("/unit_economics/{name}"));
    }
    if matches!(lower.as_str(), "budget" | "budget_total" | "total_budget") {
        return Ok("/budget/total".into());
    }
    let channels = plan
        .get("channels")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if let Some((position, _)) = find_item(channels, &[key]) {
        return Ok(format!("/channels/{position}/budget"));
    }
    if let Some(metric) = PLAN_METRICS.iter().find(|metric| metric.key == lower) {
        let stated: Vec<String> = STATED.iter().map(|n| format!("`{n}`")).collect();
        return Err(error(
            t!("lint-rules-set-derived", key = key, label = metric.label.get()),
            t!("lint-rules-set-derived-help", names = listed(&stated)),
        ));
    }
    let names: Vec<&str> = STATED
        .iter()
        .copied()
        .chain(["budget"])
        .chain(channels.iter().filter_map(crate::lint::place::item_name))
        .collect();
    let help = match crate::suggest::closest(key, names.iter().copied()) {
        Some(close) => t!("lint-rules-did-you-mean", suggestion = close),
        None => t!("lint-rules-set-unknown-name-help", names = listed(STATED)),
    };
    Err(error(t!("lint-rules-set-unknown-name", key = key), help))
}

/// `text` read as the field at `field` needs it.
fn read_value(key: &str, field: &str, current: Option<&Value>, text: &str) -> Result<Value, SetError> {
    if DATES.contains(&field) {
        return match crate::lint::values::date(text) {
            Some(date) if date == text => Ok(Value::from(date)),
            _ => Err(error(
                t!("lint-rules-set-not-a-date", key = key, text = text),
                t!("lint-rules-set-not-a-date-help"),
            )),
        };
    }
    let numeric = NEW_ALLOWED.contains(&field) || matches!(current, Some(Value::Number(_)));
    if !numeric {
        return Ok(Value::from(text));
    }
    let plain: String = text.chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
    let number = plain
        .parse::<f64>()
        .ok()
        .or_else(|| crate::lint::values::amount(text).map(|amount| amount.value))
        .filter(|number| number.is_finite());
    match number {
        Some(number) => Ok(crate::finding::remedy::number(number)),
        None => Err(error(
            t!("lint-rules-set-not-a-number", key = key, text = text),
            t!("lint-rules-set-not-a-number-help", key = key),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan() -> Value {
        json!({"unit_economics": {"cac": 315, "average_order_value": 90},
            "budget": {"total": 1000, "items": [{"name": "Salaries", "amount": 500}]},
            "channels": [{"name": "Douyin", "budget": 800}, {"name": "web.site", "budget": 10}],
            "goals": [{"id": "revenue", "deadline": "2026-09-30"}]})
    }

    #[test]
    fn names_paths_and_channels_land_on_their_fields() {
        let plan = plan();
        let at = |argument: &str| parse(&plan, argument).map(|setting| (setting.pointer, setting.value));
        assert_eq!(at("cac=250"), Ok(("/unit_economics/cac".into(), json!(250))));
        assert_eq!(at("ltv=400"), Ok(("/unit_economics/ltv".into(), json!(400))));
        assert_eq!(
            at("Douyin=60,000"),
            Ok(("/channels/0/budget".into(), json!(60000)))
        );
        assert_eq!(
            at("channels.web.site.budget=5"),
            Ok(("/channels/1/budget".into(), json!(5)))
        );
        assert_eq!(
            at("budget.items.Salaries.amount=400"),
            Ok(("/budget/items/0/amount".into(), json!(400)))
        );
        assert_eq!(
            at("goals.revenue.deadline=2026-08-31"),
            Ok(("/goals/0/deadline".into(), json!("2026-08-31")))
        );
        assert_eq!(
            at("channels.#2.budget=7"),
            Ok(("/channels/1/budget".into(), json!(7)))
        );
    }

    #[test]
    fn mistakes_name_the_key_with_a_suggestion() {
        let plan = plan();
        let wrong = |argument: &str| parse(&plan, argument).unwrap_err();
        let typo = wrong("cak=250");
        assert!(
            typo.message.contains("`cak`") && typo.help.contains("`cac`"),
            "{typo:?}"
        );
        let channel = wrong("channels.Douyn.budget=1");
        assert!(channel.help.contains("channels.Douyin.budget"), "{channel:?}");
        let number = wrong("cac=lots");
        assert!(number.message.contains("`lots` is not a number"), "{number:?}");
        let derived = wrong("payback_months=6");
        assert!(derived.message.contains("worked out"), "{derived:?}");
        let date = wrong("goals.revenue.deadline=31.09.2026");
        assert!(date.help.contains("YYYY-MM-DD"), "{date:?}");
        assert!(wrong("cac").message.contains("no value"));
        assert!(wrong("unit_economics.price=5").message.contains("no `price`"));
        let section = wrong("unit_economic.cac=1");
        assert!(section.help.contains("`unit_economics.cac`"), "{section:?}");
        let place = wrong("goals.1.deadline=2026-01-01");
        assert!(
            place.help.contains("`goals.#1.deadline`") && place.help.contains("`revenue`"),
            "{place:?}"
        );
    }

    #[test]
    fn mistakes_are_said_in_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let plan = plan();
        let wrong = |argument: &str| parse(&plan, argument).unwrap_err();
        assert_eq!(
            wrong("cak=250"),
            SetError {
                message: "`cak` 既不是这份方案里的数字，也不是它的渠道".into(),
                help: "是不是想写 `cac`？".into()
            }
        );
        let derived = wrong("payback_months=6");
        assert_eq!(
            derived.message,
            "`payback_months`（回本周期）是由其他数字算出来的，不能直接设置"
        );
        assert!(
            derived
                .help
                .starts_with("请设置它所依据的数字之一：`cac`、`ltv`、"),
            "{derived:?}"
        );
        assert_eq!(wrong("cac=很多").message, "`cac=很多`：`很多` 不是数字");
        assert_eq!(wrong("cac").message, "`--set cac` 没有给出值");
        let date = wrong("goals.revenue.deadline=31.09.2026");
        assert_eq!(date.help, "日期请写成 YYYY-MM-DD，例如 2026-09-30");
    }

    #[test]
    fn applying_changes_only_the_named_fields() {
        let plan = plan();
        let settings = [
            parse(&plan, "cac=250").unwrap(),
            parse(&plan, "Douyin=1").unwrap(),
        ];
        let changed = apply(&plan, &settings);
        assert_eq!(changed["unit_economics"]["cac"], json!(250));
        assert_eq!(changed["channels"][0]["budget"], json!(1));
        assert_eq!(changed["unit_economics"]["average_order_value"], json!(90));
    }
}
