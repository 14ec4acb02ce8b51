//! What a check's `given` selects in a plan. Nearly every rule names its
//! nodes with the simplest JSONPaths (`$`, `$.unit_economics`,
//! `$.channels[*]`); those are walked directly, with no path objects made
//! per match (the general query engine built a normalized path for every
//! node it passed, for every rule and plan). Any other path goes to the
//! full RFC 9535 engine, which selects the same nodes in the same order.

use serde_json::Value;
use serde_json_path::{JsonPath, NormalizedPath, PathElement};

/// A compiled `given` path.
pub(crate) enum Selector {
    /// `$` followed by `.name` and `[*]` steps only.
    Steps(Vec<Step>),
    Query(JsonPath),
}

#[derive(Debug, PartialEq)]
pub(crate) enum Step {
    /// `.name`: the member `name` of a mapping.
    Member(String),
    /// `[*]`: every item of a list, or every value of a mapping.
    Each,
}

/// One step of where a match is: a member name or a list index.
#[derive(Clone, Copy)]
enum Token<'v> {
    Name(&'v str),
    Index(usize),
}

/// Where a match is, turned into a JSON pointer only when asked.
pub(crate) struct Location<'a, 'v>(Place<'a, 'v>);

enum Place<'a, 'v> {
    Tokens(&'a [Token<'v>]),
    Normalized(&'a NormalizedPath<'v>),
}

impl Location<'_, '_> {
    /// The JSON pointer of the match, built in one string.
    pub fn pointer(&self) -> String {
        let mut pointer = String::new();
        let mut push = |token: Token<'_>| match token {
            Token::Name(name) => crate::document::push_pointer(&mut pointer, name),
            Token::Index(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
        };
        match &self.0 {
            Place::Tokens(tokens) => tokens.iter().copied().for_each(push),
            Place::Normalized(path) => path.iter().for_each(|element| match element {
                PathElement::Name(name) => push(Token::Name(name)),
                PathElement::Index(index) => push(Token::Index(*index)),
            }),
        }
        pointer
    }
}

impl Selector {
    /// Compiles `path`, already checked to be a valid JSONPath by `parse`.
    pub fn new(path: &str, parse: impl FnOnce(&str) -> Result<JsonPath, String>) -> Result<Selector, String> {
        match simple_steps(path) {
            Some(steps) => {
                // The full parser still judges the text, so a path is
                // accepted or refused exactly as before.
                parse(path)?;
                Ok(Selector::Steps(steps))
            }
            None => parse(path).map(Selector::Query),
        }
    }

    /// Whether the path selects any node of `root`.
    pub fn selects_any(&self, root: &Value) -> bool {
        let mut any = false;
        self.for_each(root, &mut |_, _| any = true);
        any
    }

    /// Calls `each` with every node the path selects in `root`, in order.
    pub fn for_each<'v>(&self, root: &'v Value, each: &mut dyn FnMut(&'v Value, &Location<'_, 'v>)) {
        match self {
            Selector::Steps(steps) => walk(root, steps, &mut Vec::with_capacity(steps.len()), each),
            Selector::Query(path) => {
                for located in path.query_located(root) {
                    each(located.node(), &Location(Place::Normalized(located.location())));
                }
            }
        }
    }
}

fn walk<'v>(
    node: &'v Value,
    steps: &[Step],
    tokens: &mut Vec<Token<'v>>,
    each: &mut dyn FnMut(&'v Value, &Location<'_, 'v>),
) {
    let Some((step, rest)) = steps.split_first() else {
        each(node, &Location(Place::Tokens(tokens)));
        return;
    };
    let mut visit = |token: Token<'v>, child: &'v Value| {
        tokens.push(token);
        walk(child, rest, tokens, each);
        tokens.pop();
    };
    match (step, node) {
        (Step::Member(name), Value::Object(map)) => {
            if let Some((key, child)) = map.get_key_value(name.as_str()) {
                visit(Token::Name(key), child);
            }
        }
        (Step::Each, Value::Object(map)) => {
            map.iter().for_each(|(key, child)| visit(Token::Name(key), child))
        }
        (Step::Each, Value::Array(items)) => items
            .iter()
            .enumerate()
            .for_each(|(index, child)| visit(Token::Index(index), child)),
        _ => {}
    }
}

/// The steps of `$(.name|[*])*`, names in the shorthand RFC 9535 allows
/// (a letter, `_` or non-ASCII first, then also digits); `None` for any
/// other path.
fn simple_steps(path: &str) -> Option<Vec<Step>> {
    let mut rest = path.strip_prefix('$')?;
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[*]") {
            steps.push(Step::Each);
            rest = after;
            continue;
        }
        let after_dot = rest.strip_prefix('.')?;
        let end = after_dot
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()))
            .unwrap_or(after_dot.len());
        let name = &after_dot[..end];
        let first_allowed = name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || !c.is_ascii());
        if !first_allowed {
            return None;
        }
        steps.push(Step::Member(name.to_owned()));
        rest = &after_dot[end..];
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(path: &str) -> Result<JsonPath, String> {
        JsonPath::parse(path).map_err(|error| error.to_string())
    }

    fn matches(selector: &Selector, root: &Value) -> Vec<(Value, String)> {
        let mut found = Vec::new();
        selector.for_each(root, &mut |node, location| {
            found.push((node.clone(), location.pointer()))
        });
        found
    }

    #[test]
    fn simple_paths_are_walked_and_others_queried() {
        assert_eq!(simple_steps("$"), Some(vec![]));
        assert_eq!(
            simple_steps("$.channels[*].spend_tiers[*]"),
            Some(vec![
                Step::Member("channels".into()),
                Step::Each,
                Step::Member("spend_tiers".into()),
                Step::Each
            ])
        );
        assert_eq!(simple_steps("$.目标"), Some(vec![Step::Member("目标".into())]));
        for other in [
            "$..goals",
            "$.goals[0]",
            "$['a b']",
            "$.goals[?@.id]",
            "$.1x",
            "$.",
            "goals",
            "$.a-b",
            "$.*",
        ] {
            assert_eq!(simple_steps(other), None, "{other}");
        }
    }

    /// The walk selects what the RFC 9535 engine selects, in its order,
    /// at the same pointers: lists, mappings under `[*]`, missing members,
    /// members of things that are not mappings, names to escape.
    #[test]
    fn the_walk_agrees_with_the_query_engine() {
        let plans = [
            json!({"channels": [{"name": "A", "spend_tiers": [{"spend": 1}, {"spend": 2}]}, {"name": "B"}, 7, null]}),
            json!({"channels": {"b": {"spend_tiers": []}, "a": {"spend_tiers": {"x": 1, "a/b~": 2}}}}),
            json!({"channels": "none", "unit_economics": {"cac": 3}}),
            json!([{"channels": [1]}]),
            json!(null),
        ];
        let paths = [
            "$",
            "$.channels",
            "$.channels[*]",
            "$.channels[*].spend_tiers[*]",
            "$.channels[*].name",
            "$[*]",
            "$[*].channels[*]",
            "$.unit_economics",
        ];
        for path in paths {
            let walked = Selector::new(path, parse).unwrap_or_else(|error| panic!("{error}"));
            assert!(matches!(walked, Selector::Steps(_)), "{path}");
            let queried = Selector::Query(parse(path).unwrap_or_else(|error| panic!("{error}")));
            for plan in &plans {
                assert_eq!(
                    matches(&walked, plan),
                    matches(&queried, plan),
                    "{path} in {plan}"
                );
            }
        }
    }

    #[test]
    fn an_invalid_path_is_refused_as_before() {
        assert!(Selector::new("$.goals[", parse).is_err());
        assert!(Selector::new("$.", parse).is_err());
    }
}
