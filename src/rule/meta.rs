//! Meta-rules: findings that no rule file defines, because they are about
//! the file itself (it does not parse, it breaks the plan format) or about
//! planlint's own comments in it. They are catalog entries like any rule:
//! `planlint explain`, `planlint rules`, the docs, SARIF and the config all
//! read them from here.

use crate::finding::Severity;
use crate::i18n::{language, Lang};
use std::ops::Deref;

pub const PARSE_ERROR: &str = "parse-error";
pub const SCHEMA: &str = "schema";
pub const INVALID_SUPPRESSION: &str = "invalid-suppression";
pub const NON_CANONICAL_VALUE: &str = "non-canonical-value";
pub const RULE_ERROR: &str = "rule-error";
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// A meta-rule's text in English and Chinese, as a rule file gives its
/// texts (`{en: ..., zh: ...}`); read in the run's language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Words {
    /// The text in the run's language.
    pub fn get(&self) -> &'static str {
        match language() {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

impl Deref for Words {
    type Target = str;
    fn deref(&self) -> &str {
        self.get()
    }
}

/// A finding planlint reports without a rule file.
#[derive(Debug)]
pub struct MetaRule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: Words,
    pub why: Words,
    pub source: Words,
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
        summary: Words {
            en: "A suppression comment names rules that exist.",
            zh: "屏蔽注释里写的规则都存在。",
        },
        why: Words {
            en: "A `# planlint-disable-next-line RULE -- reason` comment with a misspelled or unknown \
                  rule id silences nothing, while its author believes the finding is handled. planlint \
                  names the comment and suggests the id that was probably meant.",
            zh: "`# planlint-disable-next-line RULE -- reason` 这样的注释，如果规则 id 拼错了或者根本不存在，就什么也屏蔽不了，可写注释的人还以为问题已经处理好了。planlint 会指出这条注释，并给出最可能想写的那个 id。",
        },
        source: Words {
            en: "Inline suppressions as ruff (`# noqa`) and ESLint (`eslint-disable`) use them; \
                     an unknown code in them is reported by both.",
            zh: "ruff（`# noqa`）和 ESLint（`eslint-disable`）都有这种行内屏蔽注释；注释里写了未知的代码，两者都会报告。",
        },
        switchable: true,
        fails: "version: 1\nname: Spring launch\n# planlint-disable-next-line vague-gaol -- brand goal\ngoals: []\n",
        passes: "version: 1\nname: Spring launch\n# planlint-disable-next-line missing-goals -- goals come in Q2\ngoals: []\n",
        with_rule: None,
    },
    MetaRule {
        id: NON_CANONICAL_VALUE,
        severity: Severity::Warning,
        summary: Words {
            en: "Numbers and dates are written plainly, as the plan format shows them.",
            zh: "数字和日期用计划格式里的标准写法。",
        },
        why: Words {
            en: "planlint reads a value written the way people write it (`\"¥3,200\"`, `30k`, `62%`, \
                  `No.1`, `85万`, `2026年6月30日`, a currency as `人民币`) exactly, and every rule checks \
                  the value it read. Writing it plainly (`3200`, `30000`, `0.62`, `1`, `850000`, \
                  `2026-06-30`, `CNY`) is a \
                  matter of form, not of substance: other tools that read the plan (spreadsheets, \
                  scripts, dashboards) understand only the plain form. The finding carries the exact \
                  value to write, so `planlint check --fix` rewrites it; a plan whose only findings \
                  are these passes the check by default.",
            zh: "按人们的习惯写的值（`\"¥3,200\"`、`30k`、`62%`、`No.1`、`85万`、`2026年6月30日`，以及写成 `人民币` 的货币），planlint 都能准确读出，每条规则检查的就是读出来的值。改成标准写法（`3200`、`30000`、`0.62`、`1`、`850000`、`2026-06-30`、`CNY`）只是形式问题，不影响内容；但其他读取计划的工具（表格、脚本、看板）只认标准写法。这类问题会附上应写的准确值，所以 `planlint check --fix` 能直接改好；计划里只有这类问题时，默认仍算通过检查。",
        },
        source: Words {
            en: "The plan format's \"values as people write them\" (docs: plan format); \
                     ISO 8601 for dates.",
            zh: "计划格式中「按人们的习惯写值」的约定（文档：计划格式）；日期遵循 ISO 8601。",
        },
        switchable: true,
        fails: "version: 1\nname: Spring launch\ncurrency: CNY\nproduct: {name: Rings, price: \"¥3,200\"}\n",
        passes: "version: 1\nname: Spring launch\ncurrency: CNY\nproduct: {name: Rings, price: 3200}\n",
        with_rule: None,
    },
    MetaRule {
        id: PARSE_ERROR,
        severity: Severity::Error,
        summary: Words {
            en: "The file is valid YAML or JSON.",
            zh: "文件是合法的 YAML 或 JSON。",
        },
        why: Words {
            en: "A plan that does not parse cannot be checked at all: no rule can run on it. The \
                  finding points at the place where the parser stopped, and planlint exits with code 2 \
                  because the file was not checked. It cannot be switched off.",
            zh: "无法解析的计划根本没法检查：任何规则都运行不了。这个问题指向解析停下的位置；因为文件没有被检查，planlint 以退出码 2 结束。它不能关闭。",
        },
        source: Words {
            en: "YAML 1.2 (yaml.org/spec/1.2.2) and JSON (RFC 8259), which is a subset of it.",
            zh: "YAML 1.2（yaml.org/spec/1.2.2），以及作为它子集的 JSON（RFC 8259）。",
        },
        switchable: false,
        fails: "version: 1\nname: Spring launch\ngoals: [{id: g1, statement: Sell 100 rings\n",
        passes: "version: 1\nname: Spring launch\ngoals: [{id: g1, statement: Sell 100 rings}]\n",
        with_rule: None,
    },
    MetaRule {
        id: RULE_ERROR,
        severity: Severity::Error,
        summary: Words {
            en: "Every rule can be evaluated on the plan.",
            zh: "每条规则都能在计划上运行。",
        },
        why: Words {
            en: "A rule from a rule pack that cannot be evaluated at a node (its CEL expression reads \
                  a field the plan lacks, calls an unknown function, divides by zero, gives something \
                  other than true or false, or would cost more than its budget; its message names a \
                  value the node does not have) would otherwise report nothing, and the plan would pass \
                  a check that never ran. The finding names the rule, its file and line, and the \
                  reason; planlint exits with code 2, as for a broken config. It cannot be switched off: \
                  fix the rule (guard optional fields with `has(...)`).",
            zh: "规则包里的规则如果在计划的某一处运行不了（它的 CEL 表达式读取了计划里没有的字段、调用了未知的函数、除以零、结果既不是 `true` 也不是 `false`，或者运算量会超出上限；或者它的消息引用了那一处没有的值），本来就什么也不会报告，计划也就通过了一项根本没有执行的检查。这个问题会写明规则、规则所在的文件和行，以及原因；planlint 以退出码 2 结束，和配置有误时一样。它不能关闭：请修正规则（先用 `has(...)` 判断可选字段是否存在）。",
        },
        source: Words {
            en: "Semgrep and ESLint report a rule that crashes on a file as an error for that file, \
                     never as a clean result.",
            zh: "Semgrep 和 ESLint 都把在某个文件上出错的规则报告为这个文件的错误，而不是当作没有问题。",
        },
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
        summary: Words {
            en: "The plan uses the fields and kinds of values the plan format defines.",
            zh: "计划只使用计划格式规定的字段和值的类型。",
        },
        why: Words {
            en: "Field names and types are a contract: a misspelled key (`dealine`) is not a deadline, \
                  and every rule that reads the field then sees nothing. Unknown keys, wrong types and \
                  impossible dates are reported where they occur, with the field's expected form and \
                  the closest known name.",
            zh: "字段名和值的类型是一种约定：拼错的字段（`dealine`）不是截止日期，读取这个字段的每条规则都会什么也看不到。未知的字段、类型不对的值和不存在的日期，都会在出现的位置报告，并写明这个字段应有的写法和最接近的已知字段名。",
        },
        source: Words {
            en: "The plan format: planlint's README, section \"The plan format\", and the \
                     field list editors complete plans from, published with every release.",
            zh: "计划格式：planlint 的 README 中「The plan format」一节，以及每次发布都附带、供编辑器补全计划用的字段清单。",
        },
        switchable: true,
        fails: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, ends: 2026-05-31}\n",
        passes: "version: 1\nname: Spring launch\nperiod: {start: 2026-03-01, end: 2026-05-31}\n",
        with_rule: None,
    },
    MetaRule {
        id: UNUSED_SUPPRESSION,
        severity: Severity::Warning,
        summary: Words {
            en: "A suppression comment silences a finding.",
            zh: "屏蔽注释确实屏蔽了某个问题。",
        },
        why: Words {
            en: "A suppression that silences nothing (the problem was fixed, or the comment sits on \
                  the wrong line) would hide the next real finding there without anyone deciding so. \
                  Remove it, or move it to the line it was meant for.",
            zh: "什么也没屏蔽的注释（问题已经改好了，或者注释放错了行），将来会把那里出现的下一个真问题悄悄藏起来，而没有任何人做过这个决定。请删掉它，或者把它移到本该在的那一行。",
        },
        source: Words {
            en: "ruff's unused-noqa (RUF100) and deno_lint's ban-unused-ignore: suppressions \
                     record whether they were used.",
            zh: "ruff 的 unused-noqa（RUF100）和 deno_lint 的 ban-unused-ignore：屏蔽注释会记录自己是否被用上。",
        },
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
