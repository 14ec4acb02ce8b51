//! `schema`: the value must satisfy an inline JSON Schema (draft 2020-12,
//! formats checked). Each violation is reported at the node inside the
//! value where it occurs, with the validator's words as `{error}`.

use super::{parse_options, Check, Context, Target, Violation};
use crate::schema::CompiledSchema;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    schema: Value,
}

struct Schema {
    compiled: CompiledSchema,
}

pub(super) fn compile(options: &Map<String, Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = parse_options(options)?;
    Ok(Box::new(Schema {
        compiled: CompiledSchema::new(options.schema)?,
    }))
}

impl Check for Schema {
    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(value) = target.value else { return };
        for (below, error) in self.compiled.violations(value) {
            out.push(Violation::at(format!("{}{below}", target.pointer())).var("error", error));
        }
    }
}
