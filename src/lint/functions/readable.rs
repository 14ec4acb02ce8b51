//! `readable`: a typed value (a date, an amount) written as text that
//! planlint cannot read ("ASAP", "soon", "lots"). A rule that needs the
//! value says it is not there, at the value, in its own words
//! (`{written}`: the text as written; `{noun}`: what it should be).

use super::api::{quoted, Context, Function, NoOptions, Target, Violation};

pub(super) struct Readable;

impl Function for Readable {
    const NAME: &'static str = "readable";
    type Options = NoOptions;

    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(Readable)
    }

    fn run(&self, target: Target<'_>, context: Context<'_>, out: &mut Vec<Violation>) {
        if target.value.is_none() {
            return;
        }
        let Some(reading) = context.normalized.reading(target.pointer()) else {
            return;
        };
        // A date that reads two ways (05/06/2026) is a date: the plan
        // format names both readings, for the writer to pick.
        if reading.canonical.is_none() && reading.choices.len() < 2 {
            out.push(
                Violation::at_target()
                    .var("written", quoted(&reading.written))
                    .var("noun", reading.kind.noun()),
            );
        }
    }
}
