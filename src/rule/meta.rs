//! Meta-rules: findings that no rule file defines, because they are about
//! the file itself (it does not parse, it breaks the plan format) or about
//! planlint's own comments in it. They are catalog entries like any rule:
//! `planlint explain`, `planlint rules`, the docs, SARIF and the config all
//! read them from here.

use crate::finding::Severity;

pub const PARSE_ERROR: &str = "parse-error";
pub const SCHEMA: &str = "schema";
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";
pub const NON_CANONICAL_VALUE: &str = "non-canonical-value";
pub const RULE_ERROR: &str = "rule-error";
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
    /// A rule pack's rule the examples are checked with, for a meta-rule
    /// about users' rules (`None`: the built-in rules are enough).
    pub with_rule: Option<&'static str>,
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
        with_rule: None,
    },
    MetaRule {
        id: NON_CANONICAL_VALUE,
        severity: Severity::Warning,
        summary: "Numbers and dates are written plainly, as the plan format shows them.",
        why: "planlint reads a value written the way people write it (`\"¥3,200\"`, `30k`, `62%`, \
              `No.1`, `85万`, `2026年6月30日`) exactly, and every rule checks the value it read. \
              Writing it plainly (`3200`, `30000`, `0.62`, `1`, `850000`, `2026-06-30`) is a \
              matter of form, not of substance: other tools that read the plan (spreadsheets, \
              scripts, dashboards) understand only the plain form. The finding carries the exact \
              value to write, so `planlint check --fix` rewrites it; a plan whose only findings \
              are these passes the check by default.",
        source: "The plan format's \"values as people write them\" (docs: plan format); \
                 ISO 8601 for dates.",
        switchable: true,
        fails: "version: 1\nname: Spring launch\ncurrency: CNY\nproduct: {name: Rings, price: \"¥3,200\"}\n",
        passes: "version: 1\nname: Spring launch\ncurrency: CNY\nproduct: {name: Rings, price: 3200}\n",
        with_rule: None,
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
        with_rule: None,
    },
    MetaRule {
        id: RULE_ERROR,
        severity: Severity::Error,
        summary: "Every rule can be evaluated on the plan.",
        why: "A rule from a rule pack that cannot be evaluated at a node (its CEL expression reads \
              a field the plan lacks, calls an unknown function, divides by zero, gives something \
              other than true or false, or would cost more than its budget; its message names a \
              value the node does not have) would otherwise report nothing, and the plan would pass \
              a check that never ran. The finding names the rule, its file and line, and the \
              reason; planlint exits with code 2, as for a broken config. It cannot be switched off: \
              fix the rule (guard optional fields with `has(...)`).",
        source: "Semgrep and ESLint report a rule that crashes on a file as an error for that file, \
                 never as a clean result.",
        switchable: false,
        fails: "version: 1\nname: Spring launch\nchannels: [{name: WeChat, budget: 60000}]\n",
        passes: "version: 1\nname: Spring launch\nbudget: {total: 100000}\nchannels: [{name: WeChat, budget: 60000}]\n",
        with_rule: Some(
            "id: channel-cap\ngiven: $.channels[*]\ncheck: {field: budget, function: expr, options: {expression: \"this <= plan.budget.total * 0.8\"}}\nmessage: \"channel `{label}` takes over 80% of the budget\"\n",
        ),
    },
    MetaRule {
        id: SCHEMA,
        severity: Severity::Error,
        summary: "The plan uses the fields and kinds of values the plan format defines.",
        why: "Field names and types are a contract: a misspelled key (`dealine`) is not a deadline, \
              and every rule that reads the field then sees nothing. Unknown keys, wrong types and \
              impossible dates are reported where they occur, with the field's expected form and \
              the closest known name.",
        source: "The plan format: planlint's README, section \"The plan format\", and the \
                 field list editors complete plans from, published with every release.",
        switchable: true,
        fails: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, ends: 2026-05-31}\n",
        passes: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, end: 2026-05-31}\n",
        with_rule: None,
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
        with_rule: None,
    },
];

/// The meta-rule `id`, if it is one.
pub fn find(id: &str) -> Option<&'static MetaRule> {
    META_RULES.iter().find(|meta| meta.id == id)
}
