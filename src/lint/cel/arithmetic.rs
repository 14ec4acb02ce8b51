//! Numbers as people write them. CEL's own arithmetic refuses to combine
//! `int` and `double` (`2 * 0.5` is an error), while in a plan `40000` and
//! `0.4` are both just numbers. Compiling rewrites the arithmetic operators
//! into calls of the functions here: any two numbers combine, whole numbers
//! stay whole while the result is, and everything else (text, lists,
//! durations) goes to CEL's own operator unchanged.

use cel::common::ast::{operators, Expr, IdedExpr};
use cel::{ExecutionError, ResolveResult, Value};

/// CEL's operator -> the function that replaces it.
const REPLACED: &[(&str, &str)] = &[
    (operators::ADD, "__number_add__"),
    (operators::SUBSTRACT, "__number_sub__"),
    (operators::MULTIPLY, "__number_mul__"),
    (operators::DIVIDE, "__number_div__"),
    (operators::MODULO, "__number_mod__"),
];

/// Points every arithmetic operator in `expression` at the number-aware
/// functions. The depth has been checked, so recursion is bounded.
pub fn rewrite(expression: &mut IdedExpr) {
    match &mut expression.expr {
        Expr::Call(call) => {
            if let Some((_, replacement)) = REPLACED.iter().find(|(operator, _)| *operator == call.func_name)
            {
                // `@result + [item]` is a comprehension appending to its
                // accumulator: CEL recognises it to append in place.
                let appends = matches!(call.args.first().map(|arg| &arg.expr), Some(Expr::Ident(name)) if name.starts_with('@'));
                if call.args.len() == 2 && call.target.is_none() && !appends {
                    call.func_name = (*replacement).to_owned();
                }
            }
            if let Some(target) = &mut call.target {
                rewrite(target);
            }
            call.args.iter_mut().for_each(rewrite);
        }
        Expr::Comprehension(comprehension) => {
            for part in [
                &mut comprehension.iter_range,
                &mut comprehension.accu_init,
                &mut comprehension.loop_cond,
                &mut comprehension.loop_step,
                &mut comprehension.result,
            ] {
                rewrite(part);
            }
        }
        Expr::List(list) => list.elements.iter_mut().for_each(rewrite),
        Expr::Map(map) => map
            .entries
            .iter_mut()
            .for_each(|entry| rewrite_entry(&mut entry.expr)),
        Expr::Struct(structure) => structure
            .entries
            .iter_mut()
            .for_each(|entry| rewrite_entry(&mut entry.expr)),
        Expr::Select(select) => rewrite(&mut select.operand),
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => {}
    }
}

fn rewrite_entry(entry: &mut cel::common::ast::EntryExpr) {
    match entry {
        cel::common::ast::EntryExpr::MapEntry(map_entry) => {
            rewrite(&mut map_entry.key);
            rewrite(&mut map_entry.value);
        }
        cel::common::ast::EntryExpr::StructField(field) => rewrite(&mut field.value),
    }
}

/// Makes the replacement functions callable in `context`.
pub fn register(context: &mut cel::Context<'_, '_>) {
    // The names are planlint's own and not CEL's, so they cannot clash.
    let _ = context.add_function(REPLACED[0].1, add);
    let _ = context.add_function(REPLACED[1].1, subtract);
    let _ = context.add_function(REPLACED[2].1, multiply);
    let _ = context.add_function(REPLACED[3].1, divide);
    let _ = context.add_function(REPLACED[4].1, modulo);
}

/// A number as a whole number when it is one, else as a double.
#[derive(Clone, Copy)]
enum Number {
    Whole(i64),
    Decimal(f64),
}

impl Number {
    fn of(value: &Value) -> Option<Number> {
        match value {
            Value::Int(whole) => Some(Number::Whole(*whole)),
            Value::UInt(whole) => Some(match i64::try_from(*whole) {
                Ok(whole) => Number::Whole(whole),
                Err(_) => Number::Decimal(*whole as f64),
            }),
            Value::Float(decimal) => Some(Number::Decimal(*decimal)),
            _ => None,
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Number::Whole(whole) => whole as f64,
            Number::Decimal(decimal) => decimal,
        }
    }
}

/// `left OP right` on two numbers: whole when both are and the whole
/// result exists (`whole` returns `None` on overflow or an inexact
/// quotient), else in doubles.
fn combine(
    left: Number,
    right: Number,
    whole: fn(i64, i64) -> Option<i64>,
    decimal: fn(f64, f64) -> f64,
) -> Value {
    if let (Number::Whole(l), Number::Whole(r)) = (left, right) {
        if let Some(result) = whole(l, r) {
            return Value::Int(result);
        }
    }
    Value::Float(decimal(left.as_f64(), right.as_f64()))
}

fn numbers(left: &Value, right: &Value) -> Option<(Number, Number)> {
    Some((Number::of(left)?, Number::of(right)?))
}

fn add(left: Value, right: Value) -> ResolveResult {
    match numbers(&left, &right) {
        Some((l, r)) => Ok(combine(l, r, i64::checked_add, |a, b| a + b)),
        None => left + right,
    }
}

fn subtract(left: Value, right: Value) -> ResolveResult {
    match numbers(&left, &right) {
        Some((l, r)) => Ok(combine(l, r, i64::checked_sub, |a, b| a - b)),
        None => left - right,
    }
}

fn multiply(left: Value, right: Value) -> ResolveResult {
    match numbers(&left, &right) {
        Some((l, r)) => Ok(combine(l, r, i64::checked_mul, |a, b| a * b)),
        None => left * right,
    }
}

/// `7 / 2` is `3.5`, as on paper; `8 / 2` stays the whole `4`.
fn divide(left: Value, right: Value) -> ResolveResult {
    match numbers(&left, &right) {
        Some((_, r)) if r.as_f64() == 0.0 => Err(ExecutionError::function_error("/", "division by zero")),
        Some((l, r)) => Ok(combine(
            l,
            r,
            |a, b| {
                a.checked_rem(b)
                    .filter(|rest| *rest == 0)
                    .and_then(|_| a.checked_div(b))
            },
            |a, b| a / b,
        )),
        None => left / right,
    }
}

fn modulo(left: Value, right: Value) -> ResolveResult {
    match numbers(&left, &right) {
        Some((_, r)) if r.as_f64() == 0.0 => Err(ExecutionError::function_error("%", "modulo by zero")),
        Some((l, r)) => Ok(combine(l, r, i64::checked_rem, |a, b| a % b)),
        None => left % right,
    }
}
