//! Check functions: what a rule's `check.function` names. One per file,
//! each a [`Function`](api::Function) with typed options; [`FUNCTIONS`] is
//! the one list of them (the rule schema's enum and the docs table are
//! tested against it).

mod answered;
mod any_truthy;
mod api;
mod at_least;
mod channel_return;
mod contains;
mod counted;
mod date_range;
mod defined;
mod enumeration;
mod expr;
mod falsy;
mod growth_target;
mod length;
mod marginal_cac;
mod metric;
mod numeric;
mod pattern;
mod readable;
mod remedy;
mod schema;
mod truthy;
mod undefined;
mod vague_text;

use crate::i18n::t;
use api::{compile as compile_function, Function};
pub use api::{listed, quoted, CelCache, Check, Context, LazyPointer, Target, Violation};
use serde_json::{Map, Value};

type Compile = fn(&Map<String, Value>) -> Result<Box<dyn Check>, String>;

const fn entry<F: Function>() -> (&'static str, Compile) {
    (F::NAME, compile_function::<F>)
}

/// Every function, by the name rules use, sorted.
pub const FUNCTIONS: &[(&str, Compile)] = &[
    entry::<answered::Answered>(),
    entry::<any_truthy::AnyTruthy>(),
    entry::<at_least::AtLeast>(),
    entry::<channel_return::ChannelReturn>(),
    entry::<contains::Contains>(),
    entry::<counted::Counted>(),
    entry::<date_range::DateRange>(),
    entry::<defined::Defined>(),
    entry::<enumeration::Enumeration>(),
    entry::<expr::Expr>(),
    entry::<falsy::Falsy>(),
    entry::<growth_target::GrowthTarget>(),
    entry::<length::Length>(),
    entry::<marginal_cac::MarginalCac>(),
    entry::<metric::Metric>(),
    entry::<numeric::Numeric>(),
    entry::<pattern::Pattern>(),
    entry::<readable::Readable>(),
    entry::<schema::Schema>(),
    entry::<truthy::Truthy>(),
    entry::<undefined::Undefined>(),
    entry::<vague_text::VagueText>(),
];

/// The names of all functions, for messages and docs.
pub fn names() -> impl Iterator<Item = &'static str> {
    FUNCTIONS.iter().map(|(name, _)| *name)
}

/// Why a function could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub message: String,
    /// The name is wrong (rather than the options).
    pub unknown_function: bool,
}

/// Compiles function `name` with `options`.
pub fn compile(name: &str, options: &Map<String, Value>) -> Result<Box<dyn Check>, CompileError> {
    let Some((_, compile)) = FUNCTIONS.iter().find(|(known, _)| *known == name) else {
        let message = match crate::suggest::closest(name, names()) {
            Some(suggestion) => t!("lint-rules-unknown-function-suggestion", suggestion = suggestion),
            None => t!(
                "lint-rules-unknown-function",
                functions = names().collect::<Vec<_>>().join(", ")
            ),
        };
        return Err(CompileError {
            message,
            unknown_function: true,
        });
    };
    compile(options).map_err(|message| CompileError {
        message,
        unknown_function: false,
    })
}

/// Runs function `name` with `options` on the node at `pointer` of `plan`
/// (absent when nothing is there), with the plan's derived metrics.
#[cfg(test)]
pub(crate) fn run_case(name: &str, options: &Value, plan: &Value, pointer: &str) -> Vec<Violation> {
    let options = options.as_object().cloned().unwrap_or_default();
    let function = compile(name, &options).unwrap_or_else(|error| panic!("{name}: {}", error.message));
    let normalized = crate::lint::normalize::normalize(plan);
    let plan = normalized.meant(plan);
    let derived = crate::lint::derive::derive(plan);
    let metrics = crate::lint::rule_metrics::RuleMetrics::new(&derived);
    let cel = CelCache::default();
    let context = Context {
        plan,
        metrics: &metrics,
        cel: &cel,
        normalized: &normalized,
    };
    let make = || pointer.to_owned();
    let lazy = LazyPointer::new(&make);
    let mut out = Vec::new();
    use crate::document::Lookup;
    function.check(Target::new(&lazy, plan.lookup(pointer)), context, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// One case: function, options, plan, pointer of the tested node,
    /// expected violations.
    type Case = (&'static str, Value, Value, &'static str, usize);

    /// Every function on a node it accepts and one it flags.
    #[rustfmt::skip]
    fn cases() -> Vec<Case> {
        let channel = |budget: i64, revenue: i64| json!({"channels": [{"name": "WeChat", "budget": budget, "test": {"budget": 5000, "revenue": revenue}}]});
        let tiers = |customers: i64| {
            json!({
                "unit_economics": {"ltv": 1000},
                "channels": [{"name": "WeChat", "budget": 40000, "spend_tiers": [
                    {"spend": 20000, "new_customers": 100}, {"spend": 40000, "new_customers": customers}
                ]}]
            })
        };
        let dated =
            |date: &str| json!({"period": {"start": "2026-01-01", "end": "2026-12-31"}, "date": date});
        vec![
            ("answered", json!({"placeholders": ["TBD", "待招聘"]}), json!({"n": "Li Na"}), "/n", 0),
            ("answered", json!({"placeholders": ["TBD", "待招聘"]}), json!({"n": "待招聘"}), "/n", 1),
            ("answered", json!({"placeholders": ["TBD", "所有人"]}), json!({"n": ["所有人", "TBD"]}), "/n", 1),
            ("answered", json!({"placeholders": ["TBD", "所有人"]}), json!({"n": ["所有人", "25-35岁女性"]}), "/n", 0),
            ("answered", json!({"placeholders": ["TBD"]}), json!({}), "/n", 1),
            ("any-truthy", json!({"fields": ["a", "/b"]}), json!({"n": {"a": 1}}), "/n", 0),
            ("any-truthy", json!({"fields": ["a", "/b"]}), json!({"n": {}, "b": "yes"}), "/n", 0),
            ("any-truthy", json!({"fields": ["a", "/b"]}), json!({"n": {"a": ""}}), "/n", 1),
            ("at-least", json!({"amounts": {"JPY": 20000}, "default": 1000, "unless": ["/payment/guarantee"]}), json!({"currency": "JPY", "p": {"price": 4800}}), "/p/price", 0),
            ("at-least", json!({"amounts": {"JPY": 20000}, "default": 1000, "unless": ["/payment/guarantee"]}), json!({"currency": "CNY", "p": {"price": 4800}}), "/p/price", 1),
            ("at-least", json!({"amounts": {}, "default": 1000, "unless": ["/payment/guarantee"]}), json!({"p": {"price": 4800}, "payment": {"guarantee": "escrow"}}), "/p/price", 0),
            ("at-least", json!({"amounts": {}, "default": 1000, "unless": ["/payment/guarantee"]}), json!({"p": {"price": "lots"}}), "/p/price", 1),
            ("at-least", json!({"default": 5000, "unless_fields": ["test"], "strictly": true}), json!({"channels": [{"budget": 5000}]}), "/channels/0/budget", 0),
            ("at-least", json!({"default": 5000, "unless_fields": ["test"], "strictly": true}), json!({"channels": [{"budget": 6000, "test": {"budget": 500}}]}), "/channels/0/budget", 0),
            ("at-least", json!({"amounts": {"JPY": 100000}, "default": 5000, "unless_fields": ["test"], "strictly": true}), json!({"currency": "JPY", "channels": [{"budget": 30000}]}), "/channels/0/budget", 0),
            ("at-least", json!({"default": 5000, "unless_fields": ["test"], "strictly": true}), json!({"channels": [{"budget": 6000}]}), "/channels/0/budget", 1),
            ("channel-return", json!({"min_return": 1}), channel(20000, 8000), "/channels/0", 0),
            ("channel-return", json!({"min_return": 1}), channel(20000, 3000), "/channels/0", 1),
            ("channel-return", json!({"min_return": 1}), channel(5000, 3000), "/channels/0", 0),
            ("contains", json!({"key": "type", "values": ["seo", "content"]}), json!({"n": [{"type": "ads"}, {"type": "SEO"}]}), "/n", 0),
            ("contains", json!({"key": "type", "values": ["seo", "content"]}), json!({"n": [{"type": "ads"}]}), "/n", 1),
            ("counted", json!({"fields": ["metric"], "text": ["statement"], "filler": ["hit", "by", "k", "q"]}), json!({"g": {"statement": "Hit 50k by Q3"}}), "/g", 1),
            ("counted", json!({"fields": ["metric"], "text": ["statement"], "filler": ["hit", "by", "k", "q"]}), json!({"g": {"statement": "Sell 50k cups by Q3"}}), "/g", 0),
            ("counted", json!({"fields": ["metric"], "text": ["statement"], "filler": ["hit", "by", "k", "q"]}), json!({"g": {"statement": "Hit 50k by Q3", "metric": "cups sold"}}), "/g", 0),
            ("date-range", json!({"not_before": "/period/start", "not_after": "/period/end"}), dated("2026-06-30"), "/date", 0),
            ("date-range", json!({"not_before": "/period/start", "not_after": "/period/end"}), dated("2027-01-15"), "/date", 1),
            // A deadline that is no date stops the check, and says so.
            ("date-range", json!({"not_before": "/period/start"}), json!({"period": {"start": "2026-01-01"}, "goals": [{"deadline": "soon"}]}), "/goals/0/deadline", 1),
            ("defined", json!({}), json!({"n": 0}), "/n", 0),
            ("defined", json!({}), json!({}), "/n", 1),
            ("enumeration", json!({"values": ["a", "b"]}), json!({"n": "b"}), "/n", 0),
            ("enumeration", json!({"values": ["a", "b"]}), json!({"n": "c"}), "/n", 1),
            ("expr", json!({"expression": "this > 2"}), json!({"n": 3}), "/n", 0),
            ("expr", json!({"expression": "this > 2"}), json!({"n": 1}), "/n", 1),
            ("falsy", json!({}), json!({"n": ""}), "/n", 0),
            ("falsy", json!({}), json!({}), "/n", 0),
            ("falsy", json!({}), json!({"n": "filled"}), "/n", 1),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "Grow profit 15% over 2025", "target": "15%"}}), "/g", 1),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "Grow profit 15%", "target": "15%", "baseline": 800}}), "/g", 0),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "Reach 40% aided awareness", "target": "40%"}}), "/g", 0),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "Grow awareness to 40%", "target": "40%"}}), "/g", 0),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "比上年增长20%", "target": "20%"}}), "/g", 1),
            ("growth-target", json!({"growth_words": ["grow", "增长"], "level_words": ["reach", "达到"]}), json!({"g": {"statement": "品牌知名度达到40%", "target": "40%"}}), "/g", 0),
            ("growth-target", json!({"growth_words": [], "level_words": []}), json!({"g": {"statement": "Repeat orders", "target": "+20%"}}), "/g", 1),
            ("length", json!({"max": 2}), json!({"n": [1, 2]}), "/n", 0),
            ("length", json!({"max": 2}), json!({"n": [1, 2, 3]}), "/n", 1),
            ("marginal-cac", json!({}), tiers(150), "/channels/0", 0),
            ("marginal-cac", json!({}), tiers(110), "/channels/0", 1),
            ("metric", json!({"metric": "unit_economics.cac_ltv_ratio", "max": 1}), json!({"unit_economics": {"cac": 400, "ltv": 1000}}), "", 0),
            ("metric", json!({"metric": "unit_economics.cac_ltv_ratio", "max": 1}), json!({"unit_economics": {"cac": 1400, "ltv": 1000}}), "", 1),
            ("numeric", json!({}), json!({"n": "15%"}), "/n", 0),
            ("numeric", json!({}), json!({"n": "more"}), "/n", 1),
            ("numeric", json!({}), json!({"n": "forty"}), "/n", 0),
            ("numeric", json!({"or_stated_in": ["s"]}), json!({"g": {"s": "Sell 100 rings"}}), "/g/n", 0),
            ("numeric", json!({"or_stated_in": ["s"]}), json!({"g": {"s": "Sell rings"}}), "/g/n", 1),
            ("pattern", json!({"match": "^[a-z]+$"}), json!({"n": "abc"}), "/n", 0),
            ("pattern", json!({"match": "^[a-z]+$"}), json!({"n": "ABC"}), "/n", 1),
            ("readable", json!({}), json!({"goals": [{"deadline": "soon"}]}), "/goals/0/deadline", 1),
            ("readable", json!({}), json!({"goals": [{"deadline": "2026/6/30"}]}), "/goals/0/deadline", 0),
            ("readable", json!({}), json!({"goals": [{}]}), "/goals/0/deadline", 0),
            ("schema", json!({"schema": {"type": "integer", "minimum": 1}}), json!({"n": 3}), "/n", 0),
            ("schema", json!({"schema": {"type": "integer", "minimum": 1}}), json!({"n": 0}), "/n", 1),
            ("truthy", json!({}), json!({"n": "x"}), "/n", 0),
            ("truthy", json!({}), json!({"n": []}), "/n", 1),
            ("undefined", json!({}), json!({}), "/n", 0),
            ("undefined", json!({}), json!({"n": 1}), "/n", 1),
            ("vague-text", json!({"phrases": ["grow sales"]}), json!({"n": "Grow sales to 40 a month"}), "/n", 0),
            ("vague-text", json!({"phrases": ["grow sales"]}), json!({"n": "Grow sales"}), "/n", 1),
            ("vague-text", json!({"phrases": ["让更多人知道我们"]}), json!({"n": "今年让更多人知道我们"}), "/n", 1),
            ("vague-text", json!({"phrases": ["grow sales"], "unless_number_in": ["target"]}), json!({"g": {"n": "Grow sales", "target": 40}}), "/g/n", 0),
        ]
    }

    #[test]
    fn every_function_fires_where_it_should_and_only_there() {
        let cases = cases();
        let mut tested: Vec<&str> = cases.iter().map(|case| case.0).collect();
        tested.dedup();
        assert_eq!(
            tested,
            names().collect::<Vec<_>>(),
            "every function has cases, in order"
        );
        for (name, options, plan, pointer, expected) in cases {
            let found = run_case(name, &options, &plan, pointer);
            assert_eq!(
                found.len(),
                expected,
                "{name} {options} on {plan} at {pointer:?}: {found:?}"
            );
        }
    }

    /// The function list is the one source of truth: the rule schema's enum
    /// (what users' packs may name) and the docs table must list the same.
    #[test]
    fn the_schema_and_the_docs_list_every_function() {
        let mut code: Vec<&str> = names().collect();
        code.sort_unstable();
        let schema: Value = serde_json::from_str(crate::lint::schema::RULE_SCHEMA).unwrap();
        let mut in_schema: Vec<&str> = schema["$defs"]["check"]["properties"]["function"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        in_schema.sort_unstable();
        assert_eq!(in_schema, code, "schemas/rule.schema.json's function enum");

        let docs = include_str!("../../../docs/custom-rules.md");
        let section = docs.split("## Functions").nth(1).unwrap();
        let mut in_docs: Vec<&str> = section
            .lines()
            .take_while(|line| !line.starts_with("##"))
            .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
            .collect();
        in_docs.sort_unstable();
        assert_eq!(in_docs, code, "the table in docs/custom-rules.md");
    }

    #[test]
    fn functions_refuse_options_they_cannot_use() {
        for (name, options) in [
            ("any-truthy", json!({"fields": []})),
            ("defined", json!({"field": "x"})),
            ("length", json!({"min": 3, "max": 1})),
            ("metric", json!({"metric": "unit_economics.nope", "max": 1})),
            ("pattern", json!({"match": "("})),
            ("schema", json!({"schema": {"type": 12}})),
            ("expr", json!({"expression": "this >"})),
        ] {
            let options = options.as_object().cloned().unwrap_or_default();
            assert!(compile(name, &options).is_err(), "{name} accepted {options:?}");
        }
        let unknown = compile("defind", &Map::new()).err().unwrap();
        assert!(
            unknown.unknown_function && unknown.message.contains("`defined`"),
            "{unknown:?}"
        );
    }

    /// The values functions put into rule messages fit the Chinese
    /// templates: `{placeholder}` after 没有负责人, `{side}` after 执行周期.
    #[test]
    fn values_for_chinese_messages_are_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let var = |found: &[Violation], name: &str| {
            found
                .iter()
                .flat_map(|violation| &violation.vars)
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        let placeholders = json!({"placeholders": ["TBD", "待定"]});
        let found = run_case("answered", &placeholders, &json!({"n": "待定"}), "/n");
        assert_eq!(
            var(&found, "placeholder").as_deref(),
            Some("：「待定」只是占位词")
        );
        let found = run_case("answered", &placeholders, &json!({"n": "TBD"}), "/n");
        assert_eq!(var(&found, "placeholder").as_deref(), Some("：「TBD」只是占位词"));

        let range = json!({"not_before": "/period/start", "not_after": "/period/end"});
        let dated =
            |date: &str| json!({"period": {"start": "2026-03-01", "end": "2026-08-31"}, "date": date});
        let after = run_case("date-range", &range, &dated("2026-12-31"), "/date");
        assert_eq!(var(&after, "side").as_deref(), Some("之后"));
        let before = run_case("date-range", &range, &dated("2026-01-15"), "/date");
        assert_eq!(var(&before, "side").as_deref(), Some("之前"));
        assert!(
            before[0].remedies[0].words.ends_with("定在 2026-03-01 或更晚"),
            "{:?}",
            before[0].remedies
        );

        let stages = json!({"key": "stage", "values": ["曝光", "点击", "咨询", "到店", "下单"]});
        let found = run_case("contains", &stages, &json!({"f": [{"stage": "复购"}]}), "/f");
        assert_eq!(var(&found, "values").as_deref(), Some("曝光、点击、咨询、到店等"));

        let unknown = compile("defind", &Map::new()).err().unwrap();
        assert_eq!(unknown.message, "没有这个函数（是不是想写 `defined`？）");
        let options = |value: Value| value.as_object().cloned().unwrap_or_default();
        let error = compile("length", &options(json!({"min": 3, "max": 1})))
            .err()
            .unwrap();
        assert_eq!(error.message, "`min`（3）大于 `max`（1）");
        let error = compile("length", &options(json!({"most": 3}))).err().unwrap();
        assert!(error.message.starts_with("选项写得不对："), "{}", error.message);
    }

    #[test]
    fn quoting_and_lists_follow_the_language() {
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(listed(&["a", "b"]), "a, b");
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        assert_eq!(quoted("待定"), "「待定」");
        assert_eq!(listed(&["a", "b"]), "a、b");
    }
}
