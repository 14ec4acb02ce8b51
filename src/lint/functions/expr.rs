//! `expr`: a CEL expression (Common Expression Language, evaluated by the
//! `cel` crate) that must hold for the node. In scope: `this` (the tested
//! value), `plan` (the whole document), `metrics` (the derived values, see
//! `planlint metrics --format json`) and `options` (the rule's options).
//! Numbers combine as people expect (`this <= plan.budget.total * 0.4`).
//! Only `false` fires; an expression that cannot be evaluated for a node (a
//! missing field, a division by zero, a result that is not a boolean, a
//! cost over the budget) is reported there as `rule-error`, with CEL's
//! reason.

use super::api::{to_cel, Context, Function, Target, Violation};
use crate::i18n::t;
use crate::lint::cel::{bind, Bound, Failure, Program};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    expression: String,
    /// The rule's options, made available as `options` (set with `$options.NAME`).
    #[serde(default)]
    options: Map<String, Value>,
}

pub(super) struct Expr {
    source: String,
    program: Program,
    options: Bound,
    /// The most items an option holds (a list option can be iterated too).
    options_size: usize,
}

impl Function for Expr {
    const NAME: &'static str = "expr";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        let program = Program::compile(&options.expression)?;
        let rule_options = Value::Object(options.options);
        Ok(Expr {
            source: options.expression,
            program,
            options_size: crate::lint::cel::largest_collection(&rule_options),
            options: bind(to_cel(&rule_options)),
        })
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(this) = target.value else { return };
        let values = context.cel_values();
        let this = bind(to_cel(this));
        let variables = [
            ("this", &*this),
            ("plan", &*values.plan),
            ("metrics", &*values.metrics),
            ("options", &*self.options),
        ];
        let largest = values.largest_collection.max(self.options_size);
        match self.program.evaluate(&variables, largest, &context.cel.spent) {
            Ok(cel::Value::Bool(true)) => {}
            Ok(cel::Value::Bool(false)) => {
                out.push(Violation::at_target().var("expression", self.source.clone()));
            }
            Ok(other) => out.push(Violation::cannot_evaluate(t!(
                "lint-rules-expr-not-boolean",
                kind = kind_of(&other)
            ))),
            Err(Failure::Reason(reason)) => out.push(Violation::cannot_evaluate(reason)),
            Err(Failure::AlreadyReported) => {}
        }
    }
}

/// A CEL value's type, as users read it.
fn kind_of(value: &cel::Value) -> String {
    match value {
        cel::Value::Int(_) | cel::Value::UInt(_) | cel::Value::Float(_) => t!("lint-rules-noun-number"),
        cel::Value::String(_) => t!("lint-rules-expr-kind-text"),
        cel::Value::List(_) => t!("lint-rules-expr-kind-list"),
        cel::Value::Map(_) => t!("lint-rules-expr-kind-fields"),
        cel::Value::Null => t!("lint-rules-expr-kind-null"),
        _ => t!("lint-rules-expr-kind-value"),
    }
}
