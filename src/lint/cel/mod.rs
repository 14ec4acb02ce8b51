//! CEL as users' rules need it: compiled within size limits, with numbers
//! that combine as people expect, and evaluated only within a cost budget.
//! Every way an expression can fail is a message saying why, never a panic,
//! a stack overflow or an evaluation that does not end.

mod arithmetic;
mod cost;
mod limits;
mod values;

pub use limits::check_json_path;
pub use values::{largest_collection, to_cel};

use crate::i18n::t;
use cel::common::ast::IdedExpr;
use cel::common::value::{CowVal, Val};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// Most steps all expressions together may take on one plan (about a
/// second): beyond it a rule selecting many nodes stops being evaluated
/// there.
pub const MAX_STEPS_PER_PLAN: u64 = 5_000_000;

/// Why an evaluation did not give a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The reason, to report at the node.
    Reason(String),
    /// Refused for a cost already reported on this plan: the same reason at
    /// every node would only repeat it.
    AlreadyReported,
}

/// A compiled expression.
pub struct Program {
    expression: IdedExpr,
    cost: cost::Cost,
}

/// CEL's standard environment, built once.
fn environment() -> Arc<cel::Env> {
    static ENV: OnceLock<Arc<cel::Env>> = OnceLock::new();
    Arc::clone(ENV.get_or_init(|| Arc::new(cel::Env::stdlib())))
}

impl Program {
    /// Parses `source`, refusing what is too large to parse or run safely.
    pub fn compile(source: &str) -> Result<Program, String> {
        limits::check_text(source)?;
        let program = environment().compile(source).map_err(|errors| {
            t!(
                "lint-rules-cel-invalid",
                expression = source,
                error = errors.to_string()
            )
        })?;
        limits::check_depth(program.expression())?;
        let mut expression = program.expression().clone();
        arithmetic::rewrite(&mut expression);
        let cost = cost::Cost::of(&expression);
        Ok(Program { expression, cost })
    }

    /// Evaluates with `variables` in scope, when its estimated cost with
    /// collections of up to `largest` items fits the budgets (the
    /// evaluation's own, and what is left of the plan's in `spent`).
    pub fn evaluate(
        &self,
        variables: &[(&str, &dyn Val)],
        largest: usize,
        spent: &PlanSpending,
    ) -> Result<cel::Value, Failure> {
        let estimate = self.cost.estimate(largest);
        let refusal = estimate
            .refusal(largest)
            .or_else(|| spent.charge(estimate.steps).err());
        if let Some(refusal) = refusal {
            return Err(spent.first_refusal(self, refusal));
        }
        let resolver = Variables(variables);
        let mut context = cel::Context::with_env(environment());
        context.set_variable_resolver(&resolver);
        arithmetic::register(&mut context);
        cel::Value::resolve(&self.expression, &context).map_err(|error| Failure::Reason(describe(&error)))
    }
}

/// A value ready to be put in scope without copying: binding a
/// `cel::Value` converts it in full on every evaluation, which for the
/// whole plan costs more than most expressions.
pub type Bound = Box<dyn Val>;

/// `value` made ready to be put in scope.
pub fn bind(value: cel::Value) -> Bound {
    Box::<dyn Val>::try_from(value).unwrap_or_else(|_| Box::new(cel::common::types::CelNull))
}

/// Variables in scope, borrowed.
struct Variables<'a>(&'a [(&'a str, &'a dyn Val)]);

impl cel::context::VariableResolver for Variables<'_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<CowVal<'b, 'b>> {
        self.0
            .iter()
            .find(|(name, _)| *name == variable)
            .map(|(_, value)| CowVal::Borrowed(*value))
    }
}

/// CEL's reason, kept short: some errors print whole values.
fn describe(error: &cel::ExecutionError) -> String {
    const LIMIT: usize = 300;
    let text = error.to_string();
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{} ...", &text[..cut]),
        None => text,
    }
}

/// Steps spent evaluating expressions on one plan, by every rule, and the
/// expressions refused on it so far.
#[derive(Default)]
pub struct PlanSpending {
    steps: AtomicU64,
    refused: std::sync::Mutex<Vec<usize>>,
}

impl PlanSpending {
    /// `reason` the first time `program` is refused on this plan.
    fn first_refusal(&self, program: &Program, reason: String) -> Failure {
        let key = program as *const Program as usize;
        let Ok(mut refused) = self.refused.lock() else {
            return Failure::Reason(reason);
        };
        if refused.contains(&key) {
            Failure::AlreadyReported
        } else {
            refused.push(key);
            Failure::Reason(reason)
        }
    }

    fn charge(&self, steps: f64) -> Result<(), String> {
        let steps = steps.ceil() as u64;
        let before = self.steps.fetch_add(steps, Ordering::Relaxed);
        if before.saturating_add(steps) > MAX_STEPS_PER_PLAN {
            return Err(t!(
                "lint-rules-cel-plan-budget",
                steps = crate::numbers::format_number(MAX_STEPS_PER_PLAN as f64)
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(source: &str, this: serde_json::Value, plan: serde_json::Value) -> Result<cel::Value, String> {
        let program = Program::compile(source)?;
        let largest = largest_collection(&plan);
        let (this, plan) = (bind(to_cel(&this)), bind(to_cel(&plan)));
        program
            .evaluate(
                &[("this", &*this), ("plan", &*plan)],
                largest,
                &PlanSpending::default(),
            )
            .map_err(|failure| format!("{failure:?}"))
    }

    #[test]
    fn integers_and_decimals_combine() {
        let plan = json!({"budget": {"total": 100000}});
        for (source, this, expected) in [
            ("this <= plan.budget.total * 0.4", json!(60000), false),
            ("this <= plan.budget.total * 0.4", json!(40000), true),
            ("this * 10 <= plan.budget.total * 4", json!(60000), false),
            ("this + 0 != 60000", json!(60000), false),
            ("this / 3 > 33333", json!(100000), true),
            ("this / 2 == 50000", json!(100000), true),
            ("this - 0.5 < this", json!(1), true),
            ("this % 7 == 2", json!(100), true),
            ("size(plan.budget) * 0.5 == 0.5", json!(0), true),
            ("'a' + 'b' == 'ab'", json!(0), true),
            ("[1] + [2.5] == [1, 2.5]", json!(0), true),
        ] {
            assert_eq!(
                run(source, this.clone(), plan.clone()),
                Ok(cel::Value::Bool(expected)),
                "{source} with {this}"
            );
        }
    }

    #[test]
    fn evaluation_errors_say_why() {
        let plan = json!({"budget": {"total": 100000}});
        let missing = run("this <= plan.budget.totl", json!(1), plan.clone()).unwrap_err();
        assert!(missing.contains("totl"), "{missing}");
        let zero = run("this / 0 > 1", json!(1), plan.clone()).unwrap_err();
        assert!(zero.contains("division by zero"), "{zero}");
        let unknown = run("frobnicate(this)", json!(1), plan).unwrap_err();
        assert!(unknown.contains("frobnicate"), "{unknown}");
    }

    #[test]
    fn hostile_expressions_are_refused_when_compiled() {
        let long_sum = vec!["this"; 10_000].join(" + ");
        assert!(Program::compile(&long_sum).err().unwrap().contains("limit"));
        let deep = format!("{}this{}", "(".repeat(5000), ")".repeat(5000));
        assert!(Program::compile(&deep).is_err());
        let just_under = vec!["this"; 250].join(" + ");
        assert!(Program::compile(&just_under).is_err() || Program::compile(&just_under).is_ok());
    }
}
