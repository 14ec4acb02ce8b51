//! Size limits checked before and after parsing an expression. CEL's parser
//! and evaluator recurse once per level of the expression, so a long sum or
//! a deep nesting from a pull request would overflow the stack and abort
//! planlint; these limits turn it into an error at the rule's place.

use crate::i18n::t;
use cel::common::ast::{EntryExpr, Expr, IdedExpr};

/// Longest expression accepted, in bytes.
pub const MAX_LENGTH: usize = 4_000;
/// Most operators (`+`, `&&`, `<` ...) in one expression: each is a level
/// of the tree a chain of them builds.
pub const MAX_OPERATORS: usize = 300;
/// Deepest tree accepted after parsing (macros add a few levels each).
pub const MAX_DEPTH: usize = 100;

/// Refuses text that could not be parsed without deep recursion.
pub fn check_text(source: &str) -> Result<(), String> {
    if source.len() > MAX_LENGTH {
        return Err(t!(
            "lint-rules-cel-too-long",
            length = source.len().to_string(),
            limit = MAX_LENGTH.to_string()
        ));
    }
    let operators = count_operators(source);
    if operators > MAX_OPERATORS {
        return Err(t!(
            "lint-rules-cel-too-many-operators",
            operators = operators.to_string(),
            limit = MAX_OPERATORS.to_string()
        ));
    }
    Ok(())
}

/// Operators outside string literals; `&&`, `<=` and the like count once.
fn count_operators(source: &str) -> usize {
    let mut count = 0;
    let mut quote = None;
    let mut previous_was_operator = false;
    let mut characters = source.chars();
    while let Some(character) = characters.next() {
        match quote {
            Some(open) if character == '\\' => {
                characters.next();
                quote = Some(open);
            }
            Some(open) if character == open => quote = None,
            Some(_) => {}
            None if character == '"' || character == '\'' => quote = Some(character),
            None => {
                let is_operator = "+-*/%&|<>=!?:".contains(character);
                if is_operator && !previous_was_operator {
                    count += 1;
                }
                previous_was_operator = is_operator;
                continue;
            }
        }
        previous_was_operator = false;
    }
    count
}

/// Refuses a tree deeper than [`MAX_DEPTH`], walking it without recursion.
pub fn check_depth(expression: &IdedExpr) -> Result<(), String> {
    let mut pending = vec![(expression, 1usize)];
    while let Some((node, depth)) = pending.pop() {
        if depth > MAX_DEPTH {
            return Err(t!("lint-rules-cel-too-deep", limit = MAX_DEPTH.to_string()));
        }
        pending.extend(children(node).into_iter().map(|child| (child, depth + 1)));
    }
    Ok(())
}

/// The direct sub-expressions of `node`.
pub fn children(node: &IdedExpr) -> Vec<&IdedExpr> {
    match &node.expr {
        Expr::Call(call) => call.target.as_deref().into_iter().chain(&call.args).collect(),
        Expr::Comprehension(comprehension) => vec![
            &comprehension.iter_range,
            &comprehension.accu_init,
            &comprehension.loop_cond,
            &comprehension.loop_step,
            &comprehension.result,
        ],
        Expr::List(list) => list.elements.iter().collect(),
        Expr::Map(map) => map
            .entries
            .iter()
            .flat_map(|entry| entry_children(&entry.expr))
            .collect(),
        Expr::Struct(structure) => structure
            .entries
            .iter()
            .flat_map(|entry| entry_children(&entry.expr))
            .collect(),
        Expr::Select(select) => vec![&select.operand],
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => Vec::new(),
    }
}

fn entry_children(entry: &EntryExpr) -> Vec<&IdedExpr> {
    match entry {
        EntryExpr::MapEntry(map_entry) => vec![&map_entry.key, &map_entry.value],
        EntryExpr::StructField(field) => vec![&field.value],
    }
}

/// Longest JSONPath accepted, in bytes.
pub const MAX_PATH_LENGTH: usize = 2_000;
/// Deepest nesting of brackets and parentheses in a JSONPath.
pub const MAX_PATH_NESTING: usize = 32;

/// Refuses a JSONPath whose parser would recurse too deep.
pub fn check_json_path(path: &str) -> Result<(), String> {
    if path.len() > MAX_PATH_LENGTH {
        return Err(t!(
            "lint-rules-json-path-too-long",
            length = path.len().to_string(),
            limit = MAX_PATH_LENGTH.to_string()
        ));
    }
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut quote = None;
    let mut characters = path.chars();
    while let Some(character) = characters.next() {
        match (quote, character) {
            (Some(_), '\\') => {
                characters.next();
            }
            (Some(open), _) if character == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(character),
            (None, '(' | '[') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (None, ')' | ']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_PATH_NESTING {
        return Err(t!(
            "lint-rules-json-path-too-deep",
            depth = deepest.to_string(),
            limit = MAX_PATH_NESTING.to_string()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_counted_outside_strings() {
        assert_eq!(count_operators("a + b <= c && d"), 3);
        assert_eq!(count_operators("'a + b' + \"<=\""), 1);
        assert_eq!(count_operators("-1"), 1);
    }

    #[test]
    fn limits_are_said_in_chinese() {
        let _zh = crate::i18n::scoped(crate::i18n::Lang::Zh);
        let long_sum = vec!["this"; 400].join(" + ");
        assert_eq!(
            check_text(&long_sum).unwrap_err(),
            "表达式有 399 个运算符，超过了 300 个的上限：请把这条规则拆成几个检查"
        );
        let nested = format!("$[?{}@.a{}]", "(".repeat(40), ")".repeat(40));
        assert_eq!(
            check_json_path(&nested).unwrap_err(),
            "JSONPath 的方括号和圆括号嵌套了 41 层，超过了 32 层的上限"
        );
    }

    #[test]
    fn a_deep_json_path_is_refused() {
        assert!(check_json_path("$.channels[?@.budget > 5]").is_ok());
        let deep = format!("$[?{}@.a{}]", "(".repeat(5000), ")".repeat(5000));
        assert!(check_json_path(&deep).unwrap_err().contains("limit"));
        let nested = format!("$[?{}@.a{}]", "(".repeat(40), ")".repeat(40));
        assert!(check_json_path(&nested).unwrap_err().contains("41 levels"));
        assert!(check_json_path("$['((((((((((((((((((((((((((((((((((']").is_ok());
    }
}
