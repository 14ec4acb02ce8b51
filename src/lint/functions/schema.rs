//! `schema`: the value must satisfy an inline JSON Schema (draft 2020-12,
//! formats checked). Each violation is reported at the node inside the
//! value where it occurs, with the validator's words as `{error}`.

use super::api::{Context, Function, Target, Violation};
use crate::lint::schema::CompiledSchema;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Options {
    schema: Value,
}

pub(super) struct Schema {
    compiled: CompiledSchema,
}

impl Function for Schema {
    const NAME: &'static str = "schema";
    type Options = Options;

    fn new(options: Options) -> Result<Self, String> {
        Ok(Schema {
            compiled: CompiledSchema::new(options.schema)?,
        })
    }

    fn run(&self, target: Target<'_>, _: Context<'_>, out: &mut Vec<Violation>) {
        let Some(value) = target.value else { return };
        for (below, error) in self.compiled.violations(value) {
            out.push(Violation::at(format!("{}{below}", target.pointer())).var("error", error));
        }
    }
}
