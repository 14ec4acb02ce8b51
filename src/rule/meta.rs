//! Meta-rules: findings that no rule file defines, because they are about
//! the file itself (it does not parse, it breaks the plan format) or about
//! planlint's own comments in it. They are catalog entries like any rule:
//! `planlint explain`, `planlint rules`, the docs, SARIF and the config all
//! read them from here.

use crate::finding::Severity;

pub const PARSE_ERROR: &str = "parse-error";
pub const SCHEMA: &str = "schema";
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// A finding planlint reports without a rule file.
#[derive(Debug)]
pub struct MetaRule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    /// Whether the config may switch it off or change its severity.
    pub switchable: bool,
    /// A plan that makes it fire.
    pub fails: &'static str,
    /// The same plan, mended.
    pub passes: &'static str,
}

/// Every meta-rule, sorted by id.
pub const META_RULES: &[MetaRule] = &[
    MetaRule {
        id: INVALID_SUPPRESSION,
        severity: Severity::Warning,
        summary: "A suppression comment names rules that exist.",
        why: "A `# planlint-disable-next-line RULE -- reason` comment with a misspelled or unknown \
              rule id silences nothing, while its author believes the finding is handled. planlint \
              names the comment and suggests the id that was probably meant.",
        source: "Inline suppressions as ruff (`# noqa`) and ESLint (`eslint-disable`) use them; \
                 an unknown code in them is reported by both.",
        switchable: true,
        fails: "version: 1\nname: Spring launch\n# planlint-disable-next-line vague-gaol -- brand goal\ngoals: []\n",
        passes: "version: 1\nname: Spring launch\n# planlint-disable-next-line missing-goals -- goals come in Q2\ngoals: []\n",
    },
    MetaRule {
        id: PARSE_ERROR,
        severity: Severity::Error,
        summary: "The file is valid YAML or JSON.",
        why: "A plan that does not parse cannot be checked at all: no rule can run on it. The \
              finding points at the place where the parser stopped, and planlint exits with code 2 \
              because the file was not checked. It cannot be switched off.",
        source: "YAML 1.2 (yaml.org/spec/1.2.2) and JSON (RFC 8259), which is a subset of it.",
        switchable: false,
        fails: "version: 1\nname: Spring launch\ngoals: [{id: g1, statement: Sell 100 rings\n",
        passes: "version: 1\nname: Spring launch\ngoals: [{id: g1, statement: Sell 100 rings}]\n",
    },
    MetaRule {
        id: SCHEMA,
        severity: Severity::Error,
        summary: "The plan follows the plan format (schemas/plan.schema.json).",
        why: "Field names and types are a contract: a misspelled key (`dealine`) is not a deadline, \
              and every rule that reads the field then sees nothing. Unknown keys, wrong types and \
              impossible dates are reported where they occur, with the field's expected form and \
              the closest known name.",
        source: "The plan format, a JSON Schema (2020-12) published with planlint as \
                 schemas/plan.schema.json.",
        switchable: true,
        fails: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, ends: 2026-05-31}\n",
        passes: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, end: 2026-05-31}\n",
    },
    MetaRule {
        id: UNUSED_SUPPRESSION,
        severity: Severity::Warning,
        summary: "A suppression comment silences a finding.",
        why: "A suppression that silences nothing (the problem was fixed, or the comment sits on \
              the wrong line) would hide the next real finding there without anyone deciding so. \
              Remove it, or move it to the line it was meant for.",
        source: "ruff's unused-noqa (RUF100) and deno_lint's ban-unused-ignore: suppressions \
                 record whether they were used.",
        switchable: true,
        fails: "version: 1\nname: Spring launch\n# planlint-disable-next-line missing-goals -- goals come in Q2\nsponsor: Li Wei\n",
        passes: "version: 1\nname: Spring launch\nsponsor: Li Wei\n",
    },
];

/// The meta-rule `id`, if it is one.
pub fn find(id: &str) -> Option<&'static MetaRule> {
    META_RULES.iter().find(|meta| meta.id == id)
}
