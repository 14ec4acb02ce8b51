//! `expr`: a CEL expression (Common Expression Language, evaluated by the
//! `cel` crate) that must hold for the node. In scope: `this` (the tested
//! value), `plan` (the whole document), `metrics` (the derived values, see
//! `planlint metrics --format json`) and `options` (the rule's options).
//! Only `false` fires; an expression that cannot be evaluated for a node
//! (a missing field: guard with `has(this.budget)`) or that is not a boolean
//! reports nothing. `planlint test-rules` shows whether it fires.

use super::api::{to_cel, Context, Function, Target, Violation};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::{Arc, OnceLock};

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
    program: cel::Program,
    options: cel::Value,
}

/// CEL's standard environment, built once.
fn environment() -> Arc<cel::Env> {
    static ENV: OnceLock<Arc<cel::Env>> = OnceLock::new();
    Arc::clone(ENV.get_or_init(|| Arc::new(cel::Env::stdlib())))
}

impl Function for Expr {
    const NAME: &'static str = "expr";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        let program = environment()
            .compile(&options.expression)
            .map_err(|errors| format!("invalid CEL expression `{}`: {errors}", options.expression))?;
        let rule_options = to_cel(&Value::Object(options.options))?;
        Ok(Expr {
            source: options.expression,
            program,
            options: rule_options,
        })
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        let Some(this) = target.value else { return };
        let Some((plan, metrics)) = context.cel_values() else {
            return;
        };
        let Ok(this) = to_cel(this) else { return };
        let mut scope = cel::Context::with_env(environment());
        scope.add_variable_from_value("this", this);
        scope.add_variable_from_value("plan", plan);
        scope.add_variable_from_value("metrics", metrics);
        scope.add_variable_from_value("options", self.options.clone());
        if let Ok(cel::Value::Bool(false)) = self.program.execute(&scope) {
            out.push(Violation::at_target().var("expression", self.source.clone()));
        }
    }
}
