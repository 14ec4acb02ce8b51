//! What every check function is and gets: the [`Function`] trait with its
//! typed options, the node it tests, the context it may read, and what it
//! reports.

use crate::document::Lookup;
use crate::i18n::t;
use crate::lint::normalize::{Normalized, Reading};
use crate::lint::rule_metrics::RuleMetrics;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The node a check looks at.
#[derive(Clone, Copy)]
pub struct Target<'a> {
    /// The tested value; `None` when the field is absent.
    pub value: Option<&'a Value>,
    pointer: &'a LazyPointer<'a>,
}

impl<'a> Target<'a> {
    pub fn new(pointer: &'a LazyPointer<'a>, value: Option<&'a Value>) -> Self {
        Target { value, pointer }
    }

    /// JSON pointer of the tested value (the selected node, or its `field`).
    pub fn pointer(&self) -> &'a str {
        self.pointer.get()
    }

    /// The field `key` of the mapping that holds the tested value (a goal's
    /// `target` beside its `statement`).
    pub fn sibling<'p>(&self, context: Context<'p>, key: &str) -> Option<&'p Value> {
        let pointer = self.pointer();
        let parent = &pointer[..pointer.rfind('/')?];
        context.plan.lookup(parent)?.get(key)
    }

    /// Whether any of the sibling fields `keys` states a number.
    pub fn sibling_states_a_number(&self, context: Context<'_>, keys: &[String]) -> bool {
        keys.iter().any(|key| match self.sibling(context, key) {
            Some(Value::Number(_)) => true,
            Some(Value::String(text)) => crate::lint::values::states_a_number(text),
            _ => false,
        })
    }
}

/// A JSON pointer made on first use. Most checks pass and never need the
/// pointer of what they tested; on a large plan making one for every node
/// and check would cost more than the checks.
pub struct LazyPointer<'a> {
    make: &'a dyn Fn() -> String,
    made: std::cell::OnceCell<String>,
}

impl<'a> LazyPointer<'a> {
    pub fn new(make: &'a dyn Fn() -> String) -> Self {
        LazyPointer {
            make,
            made: std::cell::OnceCell::new(),
        }
    }

    pub fn get(&self) -> &str {
        self.made.get_or_init(|| (self.make)())
    }
}

/// What every check may read besides its target.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The whole plan.
    pub plan: &'a Value,
    /// Derived values (see `derive`).
    pub metrics: &'a RuleMetrics<'a>,
    /// The plan and metrics as CEL values, converted once per document.
    pub cel: &'a CelCache,
    /// How the plan's values were read (see `normalize`).
    pub normalized: &'a Normalized,
}

/// Per-document cache of CEL values, filled by the first `expr` check, and
/// what the plan's expressions have cost so far.
#[derive(Default)]
pub struct CelCache {
    values: std::sync::OnceLock<CelPlan>,
    pub spent: crate::lint::cel::PlanSpending,
}

/// The plan and metrics as CEL values, and the most items any of their
/// lists or mappings holds (what a comprehension can iterate at most).
pub struct CelPlan {
    pub plan: crate::lint::cel::Bound,
    pub metrics: crate::lint::cel::Bound,
    pub largest_collection: usize,
}

impl Context<'_> {
    /// `plan` and `metrics` as CEL values, converted once per plan.
    pub fn cel_values(&self) -> &CelPlan {
        self.cel.values.get_or_init(|| CelPlan {
            plan: crate::lint::cel::bind(to_cel(self.plan)),
            metrics: crate::lint::cel::bind(to_cel(self.metrics.whole())),
            largest_collection: crate::lint::cel::largest_collection(self.plan)
                .max(crate::lint::cel::largest_collection(self.metrics.whole())),
        })
    }
}

/// A failed check: where, and values for the message template.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Violation {
    /// Pointer of the offending node; the target's pointer when `None`.
    pub pointer: Option<String>,
    pub vars: Vec<(String, String)>,
    /// Set when the check could not be evaluated here: why, in words.
    /// Reported as `rule-error`, never as the rule's own finding.
    pub error: Option<String>,
    /// The check could not run: a value it needed is not readable.
    pub unreadable: Option<Unreadable>,
    /// What the underline says, when not "here" (`no \`test\` here`).
    pub label: Option<String>,
    /// Values that would meet the rule (see `remedy`).
    pub remedies: Vec<crate::finding::Remedy>,
}

/// A value a check needed, written in a way planlint cannot read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub written: String,
    /// What it should be ("a number"), in the language of the run.
    pub noun: String,
}

impl Violation {
    pub fn at_target() -> Self {
        Violation::default()
    }

    pub fn at(pointer: String) -> Self {
        Violation {
            pointer: Some(pointer),
            ..Violation::default()
        }
    }

    /// The check could not be evaluated on the target, for `reason`.
    pub fn cannot_evaluate(reason: impl Into<String>) -> Self {
        Violation {
            error: Some(reason.into()),
            ..Violation::default()
        }
    }

    /// The check could not run because of the unreadable value `reading`.
    pub fn unreadable(reading: &Reading) -> Self {
        // `05/06/2026` is a real date two ways: what is missing is one way.
        let noun: String = if !reading.choices.is_empty() {
            t!("lint-rules-noun-one-way-date")
        } else if reading.currency.is_some() {
            t!("lint-rules-noun-amount-in-currency")
        } else {
            reading.kind.noun().into()
        };
        Violation::unreadable_at(reading.pointer.clone(), &reading.written, noun)
    }

    /// The check could not run: the value at `pointer`, written `written`,
    /// is not `noun` ("a number").
    pub fn unreadable_at(pointer: String, written: &str, noun: impl Into<String>) -> Self {
        Violation {
            pointer: Some(pointer),
            unreadable: Some(Unreadable {
                written: written.to_owned(),
                noun: noun.into(),
            }),
            ..Violation::default()
        }
    }

    pub fn var(mut self, name: &str, value: impl Into<String>) -> Self {
        self.vars.push((name.to_owned(), value.into()));
        self
    }
}

/// A check function: a name rules use, typed options checked once per run
/// (so bad options are reported before any file is read), and a test run on
/// every selected node.
pub trait Function: Sized + Send + Sync + 'static {
    /// The name a rule's `check.function` gives.
    const NAME: &'static str;
    /// Its options as a rule writes them (`check.options`).
    type Options: DeserializeOwned;
    /// Checks the options and prepares the function.
    fn new(options: Self::Options) -> Result<Self, String>;
    /// Tests one node; each violation becomes a finding.
    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>);
}

/// A function compiled with its options, as the engine holds it.
pub trait Check: Send + Sync {
    fn check(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>);
}

impl<F: Function> Check for F {
    fn check(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        self.run(target, context, out);
    }
}

/// Compiles `F` from a rule's options.
pub(super) fn compile<F: Function>(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    let options: F::Options = serde_json::from_value(Value::Object(options.clone()))
        .map_err(|error| t!("lint-rules-options-unreadable", error = error.to_string()))?;
    Ok(Box::new(F::new(options)?))
}

/// Options for functions that take none.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// "Empty" in the sense users mean: absent, null, false, "", [] or {}.
pub fn is_empty_value(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::String(text)) => text.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(Value::Object(map)) => map.is_empty(),
        Some(_) => false,
    }
}

/// A plan value as a CEL value (numbers are `int` or `double`).
pub fn to_cel(value: &Value) -> cel::Value {
    crate::lint::cel::to_cel(value)
}

/// A plan's text as messages quote it: `"TBD"` (escaped as Rust and JSON
/// escape it) in English, 「待定」 in Chinese.
pub fn quoted(text: &str) -> String {
    let escaped = format!("{text:?}");
    let inner = escaped
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or(&escaped);
    t!("lint-rules-quoted", text = inner)
}

/// `items` joined as a list in the language of the run (`a, b` / `a、b`).
pub fn listed<S: AsRef<str>>(items: &[S]) -> String {
    joined(items, &t!("lint-rules-list-separator"))
}

/// `items` joined as alternatives (`a or b` / `a 或 b`).
pub fn alternatives<S: AsRef<str>>(items: &[S]) -> String {
    joined(items, &t!("lint-rules-or-separator"))
}

fn joined<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<&str>>()
        .join(separator)
}
