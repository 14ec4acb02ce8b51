# What planlint says about its rules: `planlint explain`, the `planlint
# rules` table, the rules page (`planlint rules --format markdown`), and the
# option types, ranges and mistakes of rule definitions.

## Severities, as these pages say them

rule-severity-error = error
rule-severity-warning = warning
rule-severity-info = info

## Headings shared by `explain` and the rules page

rule-why = Why
rule-source = Source
rule-options = Options
rule-fails = Fails
rule-passes = Passes
rule-always-reported = Always reported: it cannot be switched off.

## `planlint explain RULE`

# `vague-goal (error by default)`
rule-explain-title = { $rule } ({ $severity } by default)
# A rule pack's rule: `Defined in acme/rules.yaml`.
rule-explain-defined-in = Defined in { $file }
# In place of a rule's missing reason or source.
rule-explain-not-given = not given
rule-explain-no-options = none
# `min_ratio (number, default 3, at least 1): ...`
rule-explain-option = { $option } ({ $kind }, default { $default }): { $description }
rule-explain-option-range = { $option } ({ $kind }, default { $default }, { $range }): { $description }
# The rule pack rule a meta-rule's examples are checked with.
rule-explain-with-rule = With the rule
rule-explain-examples = Examples
rule-explain-no-examples = none given
rule-explain-configure = Configure in .planlint.yaml
rule-explain-docs = Docs: { $url }
# The comments and the example item of the `.planlint.yaml` excerpt.
rule-snippet-default = the default
rule-snippet-your-own = your own
rule-snippet-keeps-built-in = "{ $marker }" keeps the built-in list

## The rules page (`planlint rules --format markdown`, docs/rules.md)

rule-docs-title = Rules
rule-docs-intro = Every rule has an id (used in config and suppressions), a default severity, the reason it exists and where the idea comes from, its options, and a failing and a passing example (the test suite runs both). Meta-rules (*meta* below) are findings about the file itself or about suppression comments.
rule-docs-index-header = | id | default | summary |
# After a meta-rule's id in the index.
rule-docs-meta = {" "}(meta)
rule-docs-default-severity = **Default severity:** { $severity }
rule-docs-source = **Source:** { $source }
rule-docs-no-options = None.
rule-docs-options-header = | option | type | default | description |
rule-docs-option-range = { $description } ({ $range })
rule-docs-configure = In `.planlint.yaml` (a list that holds `"..."` keeps the built-in items and adds yours):
rule-docs-with-rule = With the rule pack rule

## Options of a rule: their types, the values they take, and why a value is refused

rule-type-integer = integer
rule-type-number = number
rule-type-string = string
rule-type-boolean = boolean
rule-type-string-list = list of strings
rule-type-number-map = names with a number each
# The same types as phrases after "must be" or "expected".
rule-type-expected-integer = an integer
rule-type-expected-number = a number
rule-type-expected-string = text
rule-type-expected-boolean = true or false
rule-type-expected-string-list = a list of texts
rule-type-expected-number-map = names with a number each
# Between the values of a list: `"a", "b"`.
rule-list-separator = {", "}
rule-range-one-of = one of { $values }
rule-range-between = { $minimum } to { $maximum }
rule-range-at-least = at least { $minimum }
rule-range-at-most = at most { $maximum }
# Said of an option's value: `option `min_ratio` of `low-ltv-cac-ratio` must be a number`.
rule-option-must-be = must be { $kind }
rule-option-at-least-not = must be at least { $minimum }, not { $value }
rule-option-at-most-not = must be at most { $maximum }, not { $value }
rule-option-one-of-not = must be one of { $values }, not { $value }

## Mistakes in a rule pack's rule definition

rule-problem-id = rule id `{ $rule }` is not kebab-case
rule-problem-default = option `{ $option }`: the default { $refusal }
rule-problem-check-option = check option refers to `$options.{ $option }`, which the rule does not declare
rule-problem-given-option = `{ $path }` refers to `$options.{ $option }`, which the rule does not declare
rule-problem-no-given = this check has no `given` and the rule has none either: say which nodes to test, e.g. `given: $.channels[*]`
