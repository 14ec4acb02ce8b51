//! Check functions: what a rule's `check.function` names. One per file.
//!
//! A function is compiled once per run from its options (so bad options are
//! reported before any file is read) and then run on every selected node.

mod any_truthy;
mod channel_return;
mod contains;
mod date_range;
mod defined;
mod enumeration;
mod expr;
mod falsy;
mod length;
mod marginal_cac;
mod metric;
mod numeric;
mod pattern;
mod schema;
mod truthy;
mod undefined;
mod vague_text;

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
}

/// A JSON pointer made on first use. Most checks pass and never need the
/// pointer of what they tested; on a large plan making one for every node
/// and check would cost more than the checks.
pub struct LazyPointer<'a> {
    make: Option<&'a dyn Fn() -> String>,
    made: std::cell::OnceCell<String>,
}

impl<'a> LazyPointer<'a> {
    pub fn new(make: &'a dyn Fn() -> String) -> Self {
        LazyPointer {
            make: Some(make),
            made: std::cell::OnceCell::new(),
        }
    }

    /// A pointer already known.
    pub fn known(pointer: String) -> Self {
        LazyPointer {
            make: None,
            made: std::cell::OnceCell::from(pointer),
        }
    }

    pub fn get(&self) -> &str {
        self.made
            .get_or_init(|| self.make.map(|make| make()).unwrap_or_default())
    }
}

/// What every check may read besides its target.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The whole plan.
    pub plan: &'a Value,
    /// Derived values (see `derive`), as JSON.
    pub metrics: &'a Value,
    /// The plan and metrics as CEL values, converted once per document.
    pub cel: &'a CelCache,
}

/// Per-document cache of CEL values, filled by the first `expr` check.
#[derive(Default)]
pub struct CelCache(std::sync::OnceLock<Option<(cel::Value, cel::Value)>>);

impl Context<'_> {
    /// `plan` and `metrics` as CEL values (cheap to clone).
    pub fn cel_values(&self) -> Option<(cel::Value, cel::Value)> {
        self.cel
            .0
            .get_or_init(|| Some((expr::to_cel(self.plan).ok()?, expr::to_cel(self.metrics).ok()?)))
            .clone()
    }
}

/// A failed check: where, and values for the message template.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Violation {
    /// Pointer of the offending node; the target's pointer when `None`.
    pub pointer: Option<String>,
    pub vars: Vec<(String, String)>,
}

impl Violation {
    pub fn at_target() -> Self {
        Violation::default()
    }

    pub fn at(pointer: String) -> Self {
        Violation {
            pointer: Some(pointer),
            vars: Vec::new(),
        }
    }

    pub fn var(mut self, name: &str, value: impl Into<String>) -> Self {
        self.vars.push((name.to_owned(), value.into()));
        self
    }
}

/// A function compiled with its options.
pub trait Check: Send + Sync {
    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>);
}

type Compile = fn(&Map<String, Value>) -> Result<Box<dyn Check>, String>;

/// Every function, by the name rules use.
const FUNCTIONS: &[(&str, Compile)] = &[
    ("any-truthy", any_truthy::compile),
    ("channel-return", channel_return::compile),
    ("contains", contains::compile),
    ("date-range", date_range::compile),
    ("defined", defined::compile),
    ("enumeration", enumeration::compile),
    ("expr", expr::compile),
    ("falsy", falsy::compile),
    ("length", length::compile),
    ("marginal-cac", marginal_cac::compile),
    ("metric", metric::compile),
    ("numeric", numeric::compile),
    ("pattern", pattern::compile),
    ("schema", schema::compile),
    ("truthy", truthy::compile),
    ("undefined", undefined::compile),
    ("vague-text", vague_text::compile),
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
        let mut message = format!(
            "unknown function: expected one of {}",
            names().collect::<Vec<_>>().join(", ")
        );
        if let Some(suggestion) = crate::suggest::closest(name, names()) {
            message = format!("unknown function (did you mean `{suggestion}`?)");
        }
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

/// Deserializes a function's options, naming what is wrong.
fn parse_options<T: DeserializeOwned>(options: &Map<String, Value>) -> Result<T, String> {
    serde_json::from_value(Value::Object(options.clone())).map_err(|error| error.to_string())
}

/// Options for functions that take none.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoOptions {}

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
