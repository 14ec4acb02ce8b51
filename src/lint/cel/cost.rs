//! What an evaluation may cost, known before it runs. The evaluator cannot
//! be interrupted, so a runaway expression (three comprehensions nested
//! over 1,000 goals, a `map` of `map`s) must be refused before it starts.
//!
//! Each expression is summarised once, at compile time, as polynomials in
//! `n`, the most items any list or mapping it can reach holds: how many
//! steps it takes and how many values it creates. A comprehension multiplies
//! what its body costs by the length of what it iterates. Per evaluation,
//! the polynomials are evaluated at the plan's `n` and compared with the
//! budgets. The estimate is an upper bound: it assumes every input list is
//! as long as the longest.

use super::limits::children;
use crate::i18n::t;
use cel::common::ast::{operators, CallExpr, ComprehensionExpr, Expr, IdedExpr};
use std::collections::HashMap;

/// Most steps one evaluation may take.
pub const MAX_STEPS: f64 = 1_000_000.0;
/// Most values one evaluation may create (each some tens of bytes).
pub const MAX_VALUES: f64 = 1_000_000.0;

/// `Σ coefficient[k] · n^k`.
#[derive(Debug, Clone, Default, PartialEq)]
struct Polynomial(Vec<f64>);

impl Polynomial {
    fn constant(value: f64) -> Self {
        Polynomial(vec![value])
    }

    fn n() -> Self {
        Polynomial(vec![0.0, 1.0])
    }

    fn plus(&self, other: &Polynomial) -> Polynomial {
        let length = self.0.len().max(other.0.len());
        Polynomial(
            (0..length)
                .map(|k| self.0.get(k).unwrap_or(&0.0) + other.0.get(k).unwrap_or(&0.0))
                .collect(),
        )
    }

    fn times(&self, other: &Polynomial) -> Polynomial {
        let mut product = vec![0.0; (self.0.len() + other.0.len()).saturating_sub(1)];
        for (i, a) in self.0.iter().enumerate() {
            for (j, b) in other.0.iter().enumerate() {
                product[i + j] += a * b;
            }
        }
        Polynomial(product)
    }

    /// The larger of two bounds, coefficient by coefficient (an upper bound
    /// of both for every `n >= 0`).
    fn max(&self, other: &Polynomial) -> Polynomial {
        let length = self.0.len().max(other.0.len());
        Polynomial(
            (0..length)
                .map(|k| self.0.get(k).unwrap_or(&0.0).max(*other.0.get(k).unwrap_or(&0.0)))
                .collect(),
        )
    }

    fn at(&self, n: f64) -> f64 {
        self.0
            .iter()
            .rev()
            .fold(0.0, |sum, coefficient| sum * n + coefficient)
    }
}

/// Bounds for one sub-expression.
#[derive(Debug, Clone, Default)]
struct Bounds {
    steps: Polynomial,
    values: Polynomial,
    /// Items in the value it produces, when it is a list or mapping.
    length: Polynomial,
}

/// An expression's cost as a function of the largest reachable collection.
#[derive(Debug, Clone)]
pub struct Cost {
    steps: Polynomial,
    values: Polynomial,
}

/// What one evaluation would cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub steps: f64,
    pub values: f64,
}

impl Cost {
    /// Summarises `expression` (whose depth has been checked).
    pub fn of(expression: &IdedExpr) -> Cost {
        let bounds = bounds(expression, &HashMap::new());
        Cost {
            steps: bounds.steps,
            values: bounds.values,
        }
    }

    /// The estimate when the largest reachable collection holds `largest` items.
    pub fn estimate(&self, largest: usize) -> Estimate {
        let n = largest.max(1) as f64;
        Estimate {
            steps: self.steps.at(n),
            values: self.values.at(n),
        }
    }
}

impl Estimate {
    /// Why this evaluation is refused, if it is.
    pub fn refusal(&self, largest: usize) -> Option<String> {
        let items = largest.to_string();
        if self.steps > MAX_STEPS {
            Some(t!(
                "lint-rules-cel-too-many-steps",
                amount = rounded(self.steps),
                limit = rounded(MAX_STEPS),
                items = items
            ))
        } else if self.values > MAX_VALUES {
            Some(t!(
                "lint-rules-cel-too-many-values",
                amount = rounded(self.values),
                limit = rounded(MAX_VALUES),
                items = items
            ))
        } else {
            None
        }
    }
}

fn rounded(amount: f64) -> String {
    if amount >= 1e15 {
        format!("{amount:.1e}")
    } else {
        crate::numbers::format_number(amount.round())
    }
}

/// Bounds of `node`; `variables` holds the lengths of comprehension
/// variables in scope.
fn bounds(node: &IdedExpr, variables: &HashMap<String, Polynomial>) -> Bounds {
    let one = Polynomial::constant(1.0);
    match &node.expr {
        Expr::Comprehension(comprehension) => comprehension_bounds(comprehension, variables),
        Expr::Ident(name) => Bounds {
            steps: one.clone(),
            values: Polynomial::default(),
            length: variables.get(name).cloned().unwrap_or_else(Polynomial::n),
        },
        Expr::Literal(_) => Bounds {
            steps: one.clone(),
            values: Polynomial::default(),
            length: one,
        },
        Expr::Call(call) => call_bounds(node, call, variables),
        Expr::List(_) | Expr::Map(_) | Expr::Struct(_) => {
            let parts: Vec<Bounds> = children(node)
                .into_iter()
                .map(|child| bounds(child, variables))
                .collect();
            let count = Polynomial::constant(parts.len() as f64);
            let mut total = sum(&parts);
            total.values = total.values.plus(&count);
            total.length = count;
            total
        }
        Expr::Select(select) => {
            let operand = bounds(&select.operand, variables);
            Bounds {
                steps: operand.steps.plus(&one),
                values: operand.values,
                length: Polynomial::n().max(&operand.length),
            }
        }
        Expr::Unspecified => Bounds::default(),
    }
}

/// A comprehension: its range, then each iteration's condition and step,
/// then its result; the accumulator grows by at most one item a step.
fn comprehension_bounds(
    comprehension: &ComprehensionExpr,
    variables: &HashMap<String, Polynomial>,
) -> Bounds {
    let one = Polynomial::constant(1.0);
    let range = bounds(&comprehension.iter_range, variables);
    let init = bounds(&comprehension.accu_init, variables);
    let iterations = range.length.clone();
    let mut inner = variables.clone();
    inner.insert(comprehension.iter_var.clone(), Polynomial::n().max(&range.length));
    if let Some(second) = &comprehension.iter_var2 {
        inner.insert(second.clone(), Polynomial::n());
    }
    // The accumulator grows by at most one item per iteration.
    inner.insert(comprehension.accu_var.clone(), init.length.plus(&iterations));
    let condition = bounds(&comprehension.loop_cond, &inner);
    let step = bounds(&comprehension.loop_step, &inner);
    let result = bounds(&comprehension.result, &inner);
    let per_iteration_steps = condition.steps.plus(&step.steps).plus(&one);
    let per_iteration_values = condition.values.plus(&step.values);
    Bounds {
        steps: range
            .steps
            .plus(&init.steps)
            .plus(&iterations.times(&per_iteration_steps))
            .plus(&result.steps),
        values: range
            .values
            .plus(&init.values)
            .plus(&iterations.times(&per_iteration_values))
            .plus(&result.values),
        length: result.length,
    }
}

/// A function or operator call: its arguments, plus what reading or
/// copying a collection costs.
fn call_bounds(node: &IdedExpr, call: &CallExpr, variables: &HashMap<String, Polynomial>) -> Bounds {
    let parts: Vec<Bounds> = children(node)
        .into_iter()
        .map(|child| bounds(child, variables))
        .collect();
    let mut total = sum(&parts);
    let lengths = parts
        .iter()
        .fold(Polynomial::default(), |all, part| all.plus(&part.length));
    // Appending to a comprehension's accumulator is done in place.
    let appends_to_accumulator = call.func_name == operators::ADD
        && matches!(call.args.first().map(|arg| &arg.expr), Some(Expr::Ident(name)) if name.starts_with('@'));
    if appends_to_accumulator {
        total.length = parts
            .iter()
            .fold(Polynomial::default(), |all, part| all.plus(&part.length));
        return total;
    }
    // `x in list` reads the list; concatenation copies both sides.
    // Other functions and operators work on single values (a field
    // of a selected node counts as a collection here, so charging
    // them by length would make every comparison look like a loop).
    let is_concatenation = call.func_name.starts_with("__number_add");
    if is_concatenation || call.func_name == operators::IN {
        total.steps = total.steps.plus(&lengths);
    }
    total.length = if is_concatenation {
        total.values = total.values.plus(&lengths);
        lengths
    } else {
        parts
            .iter()
            .fold(Polynomial::n(), |all, part| all.max(&part.length))
    };
    total
}

/// The steps and values of `parts` added up, plus one step for the node.
fn sum(parts: &[Bounds]) -> Bounds {
    parts.iter().fold(
        Bounds {
            steps: Polynomial::constant(1.0),
            ..Bounds::default()
        },
        |total, part| Bounds {
            steps: total.steps.plus(&part.steps),
            values: total.values.plus(&part.values),
            length: Polynomial::default(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(source: &str, largest: usize) -> Estimate {
        let program = cel::Program::compile(source).unwrap();
        Cost::of(program.expression()).estimate(largest)
    }

    #[test]
    fn comprehensions_multiply_by_what_they_iterate() {
        let flat = estimate("this <= plan.budget.total * 0.4", 1000);
        assert!(flat.steps < 100.0, "{flat:?}");
        let single = estimate("plan.goals.all(g, g.target > 0)", 1000);
        assert!(single.steps > 1000.0 && single.steps < 20_000.0, "{single:?}");
        assert!(single.refusal(1000).is_none());
        let cubic = estimate(
            "plan.goals.all(a, plan.goals.all(b, plan.goals.all(c, a.target + b.target >= c.target)))",
            1000,
        );
        assert!(cubic.refusal(1000).unwrap().contains("steps"), "{cubic:?}");
        let exploding = estimate("plan.goals.map(a, plan.goals.map(b, plan.goals.map(c, c)))", 1000);
        assert!(exploding.refusal(1000).is_some(), "{exploding:?}");
    }

    #[test]
    fn a_map_builds_its_list_in_place() {
        let map = estimate("plan.goals.map(g, g.target).size() > 0", 1000);
        assert!(map.steps < 50_000.0, "{map:?}");
        assert!(map.values < 5_000.0, "{map:?}");
    }
}
