//! The plan as meant: what the rules and `metrics` read. Nulls and blank
//! cells (`""`) in mappings are absent, and the values of typed fields written in a person's way
//! (`cac: "620"`, `price: "¥3,200"`, `rank: No.2`, `deadline: 2026/6/30`)
//! are read into their canonical form, in place, so every pointer (and so
//! every span) stays the same. Each reading is recorded: the schema names
//! the canonical form as the fix, and a value that could not be read at all
//! is named by the rules it stops.

use crate::i18n::{t, Lang};
use crate::lint::values;
use serde_json::{Map, Number, Value};
use std::sync::LazyLock;

/// How a typed field is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money or a count (a plain number in canonical form).
    Amount,
    /// A fraction 0..1.
    Fraction,
    /// A whole-number rank.
    Rank,
    /// An ISO date.
    Date,
    /// A goal's figure in the goal's unit: an amount, or a percentage as
    /// its number of percent (`38%` with `unit: "%"` is 38), as a
    /// percentage target is read.
    Measure,
    /// A goal's target: a number read as an amount is (`"36,000"` is
    /// 36000); a percentage (`"15%"`, `"+20%"`) stays as written, for the
    /// rules that tell growth from a level.
    Target,
    /// The plan's currency, an ISO 4217 code (`人民币` is `CNY`).
    Currency,
}

impl Kind {
    /// Every kind, in the order of their declaration.
    const ALL: [Kind; 7] = [
        Kind::Amount,
        Kind::Fraction,
        Kind::Rank,
        Kind::Date,
        Kind::Measure,
        Kind::Target,
        Kind::Currency,
    ];

    /// What such a value is, for messages, in the language of the
    /// messages. Made once per language, so it lives as long as the
    /// program and rules can keep it.
    pub fn noun(self) -> &'static str {
        static NOUNS: LazyLock<Vec<[String; 7]>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|lang| {
                    let _speaking = crate::i18n::scoped(*lang);
                    Kind::ALL.map(Kind::noun_in_language)
                })
                .collect()
        });
        let lang = Lang::ALL
            .iter()
            .position(|lang| *lang == crate::i18n::language())
            .unwrap_or(0);
        NOUNS
            .get(lang)
            .and_then(|nouns| nouns.get(self as usize))
            .map_or("", String::as_str)
    }

    fn noun_in_language(self) -> String {
        match self {
            Kind::Amount => t!("lint-values-noun-amount"),
            Kind::Fraction => t!("lint-values-noun-fraction"),
            Kind::Rank => t!("lint-values-noun-rank"),
            Kind::Date => t!("lint-values-noun-date"),
            Kind::Measure => t!("lint-values-noun-measure"),
            Kind::Target => t!("lint-values-noun-target"),
            Kind::Currency => t!("lint-values-noun-currency"),
        }
    }
}

/// The typed fields of the plan format, by path (`*` is any list index).
/// A test holds this table to every number field of schemas/plan.schema.json.
pub const TYPED_FIELDS: &[(&str, Kind)] = &[
    ("/currency", Kind::Currency),
    ("/product/price", Kind::Amount),
    ("/target_customers/*/size", Kind::Amount),
    ("/positioning/rank", Kind::Rank),
    ("/goals/*/baseline", Kind::Measure),
    ("/goals/*/target", Kind::Target),
    ("/goals/*/deadline", Kind::Date),
    ("/period/start", Kind::Date),
    ("/period/end", Kind::Date),
    ("/budget/total", Kind::Amount),
    ("/budget/items/*/amount", Kind::Amount),
    ("/unit_economics/cac", Kind::Amount),
    ("/unit_economics/ltv", Kind::Amount),
    ("/unit_economics/average_order_value", Kind::Amount),
    ("/unit_economics/gross_margin", Kind::Fraction),
    ("/unit_economics/purchases_per_year", Kind::Amount),
    ("/unit_economics/lifetime_years", Kind::Amount),
    ("/channels/*/budget", Kind::Amount),
    ("/channels/*/test/budget", Kind::Amount),
    ("/channels/*/test/revenue", Kind::Amount),
    ("/channels/*/test/exposure", Kind::Amount),
    ("/channels/*/test/conversion_rate", Kind::Fraction),
    ("/channels/*/spend_tiers/*/spend", Kind::Amount),
    ("/channels/*/spend_tiers/*/new_customers", Kind::Amount),
];

/// A typed value that was not written in canonical form.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub pointer: String,
    pub kind: Kind,
    /// The value as written.
    pub written: String,
    /// Its canonical form; `None` when it cannot be read.
    pub canonical: Option<Value>,
    /// The currency its sign named (`"¥3,200"`: CNY).
    pub currency: Option<&'static str>,
    /// Readings to choose from when it reads two ways (`05/06/2026`: day
    /// first, then month first); `canonical` is then `None`.
    pub choices: Vec<Value>,
}

/// A plan read as meant, and how its values were read. The copies exist
/// only when they differ from the plan as loaded (most plans: neither).
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// Nulls in mappings removed, when there were any.
    written: Option<Value>,
    /// Readable typed values in canonical form, when any was not.
    meant: Option<Value>,
    pub readings: Vec<Reading>,
}

impl Normalized {
    /// The plan as written, nulls removed: what the schema checks.
    pub fn written<'a>(&'a self, plan: &'a Value) -> &'a Value {
        self.written.as_ref().unwrap_or(plan)
    }

    /// The plan as meant: what the rules and `derive` read.
    pub fn meant<'a>(&'a self, plan: &'a Value) -> &'a Value {
        self.meant.as_ref().unwrap_or_else(|| self.written(plan))
    }

    /// The reading of the value at `pointer`, if it was not canonical.
    pub fn reading(&self, pointer: &str) -> Option<&Reading> {
        self.readings.iter().find(|reading| reading.pointer == pointer)
    }

    /// Values under `prefix` that could not be read at all.
    pub fn unreadable_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Reading> + 'a {
        self.readings
            .iter()
            .filter(move |reading| reading.canonical.is_none() && reading.pointer.starts_with(prefix))
    }
}

/// Reads `plan` as meant.
pub fn normalize(plan: &Value) -> Normalized {
    let written = has_null_entries(plan).then(|| without_nulls(plan));
    let base = written.as_ref().unwrap_or(plan);
    let plan_currency = values::plan_currency(base);
    let plan_currency = plan_currency.as_deref();
    let mut readings = Vec::new();
    for field in typed_field_steps() {
        visit(base, &field.steps, &mut Vec::new(), &mut |trail, value| {
            // Only text can be written in a person's way: a number costs
            // no pointer.
            if value.is_string() {
                let reader = Reader {
                    kind: field.kind,
                    plan_currency,
                    units: field.units,
                };
                readings.extend(reader.read(&pointer_of(trail), value));
            }
        });
    }
    readings.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    let meant = readings
        .iter()
        .any(|reading| reading.canonical.is_some())
        .then(|| {
            let mut meant = base.clone();
            for reading in &readings {
                if let (Some(canonical), Some(slot)) =
                    (&reading.canonical, meant.pointer_mut(&reading.pointer))
                {
                    *slot = canonical.clone();
                }
            }
            meant
        });
    Normalized {
        written,
        meant,
        readings,
    }
}

/// A value that says nothing: `null`, or a blank spreadsheet cell (`""`,
/// spaces only). Either is a missing value, in every field alike.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

fn has_null_entries(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.values().any(|item| is_blank(item) || has_null_entries(item)),
        Value::Array(items) => items.iter().any(has_null_entries),
        _ => false,
    }
}

/// `value` without the null and blank entries of its mappings, at any depth (list
/// items stay, so indices and pointers do not move).
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, item)| !is_blank(item))
                .map(|(key, item)| (key.clone(), without_nulls(item)))
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// Words people write with a count whose field already names its unit
/// (`lifetime_years: 3年`, `purchases_per_year: 每年2次`, `new_customers:
/// 80人`), after it or, for the few given second, before it. Dropping
/// the word leaves the same count, so the count is read exactly. A word
/// comes before any word it ends with, so `次/年` is taken before `/年`.
const COUNT_UNITS: &[(&str, &[&str], &[&str])] = &[
    (
        "/unit_economics/lifetime_years",
        &["years", "year", "yrs", "yr", "年"],
        &[],
    ),
    (
        "/unit_economics/purchases_per_year",
        &[
            "times per year",
            "times a year",
            "times/year",
            "per year",
            "次每年",
            "/year",
            "次/年",
            "times",
            "/年",
            "次",
            "x",
        ],
        &["每年", "一年", "年均"],
    ),
    (
        "/channels/*/spend_tiers/*/new_customers",
        &[
            "new customers",
            "customers",
            "个新客户",
            "位新客户",
            "名新客户",
            "buyers",
            "个客户",
            "位客户",
            "名客户",
            "新客户",
            "客户",
            "人",
            "位",
            "名",
            "个",
        ],
        &[],
    ),
    (
        "/channels/*/test/exposure",
        &["impressions", "views", "次曝光", "人次", "次"],
        &[],
    ),
    (
        "/target_customers/*/size",
        &["persons", "people", "人", "位", "名"],
        &[],
    ),
];

/// A typed field: its path cut into steps, its kind, and the unit words
/// its counts may carry.
struct TypedField {
    steps: Vec<&'static str>,
    kind: Kind,
    units: CountUnits,
}

/// Unit words after and before a count.
type CountUnits = (&'static [&'static str], &'static [&'static str]);

/// [`TYPED_FIELDS`] with each path cut into its steps, once.
fn typed_field_steps() -> &'static [TypedField] {
    static FIELDS: std::sync::OnceLock<Vec<TypedField>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        TYPED_FIELDS
            .iter()
            .map(|(path, kind)| TypedField {
                steps: path.split('/').skip(1).collect(),
                kind: *kind,
                units: COUNT_UNITS
                    .iter()
                    .find(|(field, _, _)| field == path)
                    .map_or((&[], &[]), |(_, after, before)| (*after, *before)),
            })
            .collect()
    })
}

/// `text` without the unit words of `units` (one after, one before),
/// when it has any; what is left must still be read as a count.
fn without_unit_word(text: &str, (after, before): CountUnits) -> Option<&str> {
    let mut rest = text.trim();
    let mut found = false;
    if let Some(word) = before.iter().find(|word| rest.starts_with(*word)) {
        rest = rest[word.len()..].trim_start();
        found = true;
    }
    let lower = rest.to_ascii_lowercase();
    if let Some(word) = after.iter().find(|word| lower.ends_with(*word)) {
        rest = rest[..rest.len() - word.len()].trim_end();
        found = true;
    }
    found.then_some(rest)
}

/// One step from a node to its child.
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// The JSON pointer of the steps taken from the root.
fn pointer_of(trail: &[Step<'_>]) -> String {
    let mut pointer = String::new();
    for step in trail {
        match step {
            Step::Key(key) => crate::document::push_pointer(&mut pointer, key),
            Step::Index(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
        }
    }
    pointer
}

/// Calls `found` with every value at the path `steps` below `value`, and
/// the steps that lead to it.
fn visit<'v>(
    value: &'v Value,
    steps: &[&str],
    trail: &mut Vec<Step<'v>>,
    found: &mut dyn FnMut(&[Step<'v>], &'v Value),
) {
    let Some((step, rest)) = steps.split_first() else {
        found(trail, value);
        return;
    };
    match (step, value) {
        (&"*", Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                trail.push(Step::Index(index));
                visit(item, rest, trail, found);
                trail.pop();
            }
        }
        (key, Value::Object(map)) => {
            if let Some((key, item)) = map.get_key_value(*key) {
                trail.push(Step::Key(key));
                visit(item, rest, trail, found);
                trail.pop();
            }
        }
        _ => {}
    }
}

/// How the values of one typed field are read.
#[derive(Clone, Copy)]
struct Reader<'a> {
    kind: Kind,
    /// The plan's currency as meant (`CNY` for `人民币`).
    plan_currency: Option<&'a str>,
    units: CountUnits,
}

impl Reader<'_> {
    /// How a non-canonical typed value reads; `None` when it is canonical (or
    /// of a shape the schema alone should judge, such as a list).
    ///
    /// An amount whose sign names another currency than the plan's
    /// (`"$850,000"` in a CNY plan) is not read: taking it as CNY would be a
    /// different amount, and converting is for the team, not for planlint.
    fn read(&self, pointer: &str, value: &Value) -> Option<Reading> {
        let (kind, plan_currency) = (self.kind, self.plan_currency);
        let Value::String(text) = value else {
            return None;
        };
        let mut choices = Vec::new();
        let (canonical, currency) = match kind {
            Kind::Amount => match values::amount(text).or_else(|| {
                // `3年`, `80人`: a count with its field's unit word, never a sign.
                without_unit_word(text, self.units)
                    .and_then(values::amount)
                    .filter(|amount| amount.currency.is_none())
            }) {
                Some(amount) => match (amount.currency, plan_currency) {
                    (Some(code), Some(plan)) if values::sign_fits(text, code, plan) => {
                        (Some(number(amount.value)), None)
                    }
                    (Some(code), Some(_)) => (None, Some(code)),
                    (currency, _) => (Some(number(amount.value)), currency),
                },
                None => (None, None),
            },
            Kind::Target if values::percentage(text).is_some() => return None,
            Kind::Target => {
                return self
                    .as_amount()
                    .read(pointer, value)
                    .map(|reading| Reading { kind, ..reading })
            }
            Kind::Measure => match values::percentage(text) {
                Some(percent) => (Some(number(percent)), None),
                None => {
                    return self
                        .as_amount()
                        .read(pointer, value)
                        .map(|reading| Reading { kind, ..reading })
                }
            },
            Kind::Fraction => (values::fraction(text).map(number), None),
            Kind::Rank => (values::rank(text).map(Value::from), None),
            // Text that names no one currency is the plan format's to judge.
            Kind::Currency => (Some(Value::String(values::currency_code(text)?)), None),
            Kind::Date => match values::read_date(text) {
                values::DateReading::Date(date) if date == *text => return None,
                values::DateReading::Date(date) => (Some(Value::String(date)), None),
                values::DateReading::Ambiguous {
                    day_first,
                    month_first,
                } => {
                    choices = vec![Value::String(day_first), Value::String(month_first)];
                    (None, None)
                }
                // Not a calendar date ("soon", 2026-02-30): never treated as
                // absent by the rules that compare dates.
                values::DateReading::NotADate => (None, None),
            },
        };
        Some(Reading {
            pointer: pointer.to_owned(),
            kind,
            written: text.clone(),
            canonical,
            currency,
            choices,
        })
    }

    /// This reader for an amount (a goal's figure is read as one).
    fn as_amount(&self) -> Reader<'_> {
        Reader {
            kind: Kind::Amount,
            ..*self
        }
    }
}

/// A number as JSON: whole numbers as integers, so `"620"` reads as `620`.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Lookup;
    use serde_json::json;

    #[test]
    fn values_are_read_in_place() {
        let plan = json!({
            "product": {"price": "¥3,200", "name": null},
            "unit_economics": {"cac": "620", "ltv": 540, "gross_margin": "12%"},
            "positioning": {"rank": "No.2"},
            "budget": {"total": "30万", "items": [{"name": "ads", "amount": "a lot"}]},
            "period": {"start": "2026/3/1", "end": "2026-08-31"},
        });
        let normalized = normalize(&plan);
        let meant = normalized.meant(&plan);
        assert_eq!(meant["product"], json!({"price": 3200}));
        assert_eq!(
            meant["unit_economics"],
            json!({"cac": 620, "ltv": 540, "gross_margin": 0.12})
        );
        assert_eq!(meant["positioning"]["rank"], json!(2));
        assert_eq!(meant["budget"]["total"], json!(300000));
        assert_eq!(meant["budget"]["items"][0]["amount"], json!("a lot"));
        assert_eq!(meant["period"]["start"], json!("2026-03-01"));
        assert_eq!(normalized.written(&plan)["product"], json!({"price": "¥3,200"}));
        let price = normalized.reading("/product/price").unwrap();
        assert_eq!(
            (price.canonical.clone(), price.currency),
            (Some(json!(3200)), Some("CNY"))
        );
        let unreadable: Vec<&str> = normalized
            .unreadable_under("/budget")
            .map(|reading| reading.pointer.as_str())
            .collect();
        assert_eq!(unreadable, ["/budget/items/0/amount"]);
        assert!(normalized.reading("/period/end").is_none());
    }

    /// An amount in another currency than the plan's is not taken as the
    /// plan's; a shared sign (`¥` in a JPY plan) agrees.
    #[test]
    fn another_currency_is_not_read_as_the_plans() {
        let plan = json!({
            "currency": "CNY",
            "budget": {"total": "$850,000", "items": [{"amount": "¥3,000"}]},
        });
        let normalized = normalize(&plan);
        let total = normalized.reading("/budget/total").unwrap();
        assert_eq!((total.canonical.clone(), total.currency), (None, Some("USD")));
        let item = normalized.reading("/budget/items/0/amount").unwrap();
        assert_eq!((item.canonical.clone(), item.currency), (Some(json!(3000)), None));
        let yen = json!({"currency": "JPY", "product": {"price": "¥4,800"}});
        let price = normalize(&yen).reading("/product/price").cloned().unwrap();
        assert_eq!((price.canonical, price.currency), (Some(json!(4800)), None));
        let no_currency = json!({"product": {"price": "$48"}});
        let price = normalize(&no_currency)
            .reading("/product/price")
            .cloned()
            .unwrap();
        assert_eq!((price.canonical, price.currency), (Some(json!(48)), Some("USD")));
    }

    /// A blank cell is missing, whatever the field: as `null` is.
    #[test]
    fn blank_cells_are_missing_everywhere() {
        let plan = json!({
            "owner": "",
            "goals": [{"id": "g", "baseline": "  ", "owner": "", "target": "15%"}, {"baseline": "38%", "unit": "%"}],
            "unit_economics": {"ltv": "", "cac": 90},
            "x-list": ["", "a"],
        });
        let normalized = normalize(&plan);
        let expected = json!({
            "goals": [{"id": "g", "target": "15%"}, {"baseline": "38%", "unit": "%"}],
            "unit_economics": {"cac": 90},
            "x-list": ["", "a"],
        });
        assert_eq!(normalized.written(&plan), &expected);
        assert_eq!(normalized.meant(&plan)["goals"][0], expected["goals"][0]);
        // `38%` reads as a percentage target does: 38 (percent).
        assert_eq!(normalized.meant(&plan)["goals"][1]["baseline"], json!(38));
    }

    /// Every number field of the plan schema is read as people write it.
    #[test]
    fn every_number_field_of_the_schema_is_typed_here() {
        let schema: Value = serde_json::from_str(crate::lint::schema::PLAN_SCHEMA).unwrap();
        let mut found = Vec::new();
        number_fields(&schema, &schema, String::new(), &mut found, 0);
        found.sort();
        found.dedup();
        let mut typed: Vec<String> = TYPED_FIELDS
            .iter()
            .filter(|(_, kind)| !matches!(kind, Kind::Date | Kind::Target | Kind::Currency))
            .map(|(path, _)| (*path).to_owned())
            .collect();
        typed.sort();
        // `version` is a format number, `target` may be text ("15%").
        found.retain(|path| path != "/version" && path != "/goals/*/target");
        assert_eq!(found, typed);
    }

    fn number_fields(node: &Value, root: &Value, path: String, out: &mut Vec<String>, depth: usize) {
        if depth > 12 {
            return;
        }
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let target = root
                .lookup(reference.trim_start_matches('#'))
                .unwrap_or(&Value::Null);
            return number_fields(target, root, path, out, depth + 1);
        }
        let is_number = |t: &Value| t == "number" || t == "integer";
        match node.get("type") {
            Some(Value::Array(types)) if types.iter().any(is_number) => out.push(path.clone()),
            Some(t) if is_number(t) => out.push(path.clone()),
            _ => {}
        }
        if let Some(properties) = node.get("properties").and_then(Value::as_object) {
            for (key, child) in properties {
                number_fields(child, root, format!("{path}/{key}"), out, depth + 1);
            }
        }
        if let Some(items) = node.get("items") {
            number_fields(items, root, format!("{path}/*"), out, depth + 1);
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for branch in node.get(key).and_then(Value::as_array).into_iter().flatten() {
                number_fields(branch, root, path.clone(), out, depth + 1);
            }
        }
    }

    /// Each kind has its own noun, in each language.
    #[test]
    fn nouns_follow_the_language() {
        for (at, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, at);
        }
        assert_eq!(Kind::Rank.noun(), "a rank such as 1 or 2");
        let _zh = crate::i18n::scoped(Lang::Zh);
        assert_eq!(Kind::Rank.noun(), "名次（如 1 或 2）");
        assert_eq!(Kind::Amount.noun(), "数字");
    }
}
