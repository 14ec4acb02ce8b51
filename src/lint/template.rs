//! Message templates: `{name}` placeholders in a rule's message and help.

use crate::document::dotted;
use crate::lint::compile::{CompiledCheck, CompiledRule};
use crate::lint::functions::Violation;
use serde_json::Value;

/// Fills `{name}` placeholders: the function's values first, then the
/// rule's options, then `label` (the node's id or name) and `field`, then
/// derived numbers (`{metrics.unit_economics.ltv}`), then the selected
/// node's own scalar fields (dotted paths allowed), then the plan's
/// (`{currency}`). `{remedy.FIELD}` is the value a remedy computed for
/// FIELD (`{remedy.unit_economics.cac}`). A name none of them has is an error, never literal
/// braces in a report.
pub(crate) struct Template<'a> {
    pub plan: &'a Value,
    /// The plan's derived numbers: `unit_economics` and `budget`, as in
    /// `planlint metrics --format json` (a dotted path cannot name a
    /// channel's, which sit in a list).
    pub metrics: &'a Value,
    pub rule: &'a CompiledRule,
    pub check: &'a CompiledCheck,
    pub node: &'a Value,
    pub node_pointer: &'a str,
    pub violation: &'a Violation,
}

impl Template<'_> {
    fn lookup(&self, name: &str) -> Option<String> {
        let find = |vars: &[(String, String)]| {
            vars.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        };
        if let Some(value) = find(&self.violation.vars).or_else(|| find(&self.rule.option_vars)) {
            return Some(value);
        }
        // Values from the plan are shown as given; derived metrics rounded.
        let scalar = |root: &Value| {
            dotted(root, name)
                .filter(|value| !value.is_object() && !value.is_array())
                .map(crate::numbers::display_given)
        };
        match name {
            "label" => Some(node_label(self.node, self.node_pointer)),
            "field" => self.check.field.clone(),
            // Money reads "60,000 CNY" when the plan names its currency, "60,000" when not.
            "currency" => Some(scalar(self.plan).unwrap_or_default()),
            // A value the check computed to meet the rule, by its `--set` name.
            _ if name.starts_with("remedy.") => self
                .violation
                .remedies
                .iter()
                .find(|remedy| Some(remedy.field.as_str()) == name.strip_prefix("remedy."))
                .map(|remedy| crate::numbers::display_value(&remedy.value)),
            _ => match name.strip_prefix("metrics.") {
                Some(metric) => dotted(self.metrics, metric)
                    .filter(|value| !value.is_object() && !value.is_array())
                    .map(crate::numbers::display_value),
                None => scalar(self.node).or_else(|| scalar(self.plan)),
            },
        }
    }

    /// The text with every placeholder filled; the name of the first one
    /// that has no value here, if any.
    pub fn render(&self, template: &str) -> Result<String, String> {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if is_placeholder(&after[..close]) => {
                    let name = &after[..close];
                    match self.lookup(name) {
                        // An empty value (a plan without `currency`) takes its space with it.
                        Some(value) if value.is_empty() => {
                            if out.ends_with(' ') {
                                out.pop();
                            }
                        }
                        Some(value) => out.push_str(&value),
                        None => return Err(name.to_owned()),
                    }
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn is_placeholder(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// How a node is named in messages: its `id`, `name`, `stage` or `role`,
/// else its 1-based ordinal (`#2`) or its field.
fn node_label(node: &Value, pointer: &str) -> String {
    crate::lint::place::item_name(node)
        .map(str::to_owned)
        .unwrap_or_else(|| crate::lint::place::item_label(pointer))
}
