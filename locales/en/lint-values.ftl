# How planlint reads a plan's values and names their places: the plan
# format's findings, values written in a person's way, YAML mistakes and
# `# planlint-disable` comments (src/lint/).

## Words set around the plan's own

# Between the items of a list in a sentence: `a, b`.
lint-values-list-separator = {", "}
# `a number or text`; also the last two of `a, b or c`.
lint-values-or = { $first } or { $second }
lint-values-did-you-mean = did you mean `{ $suggestion }`?

## Places in a plan (src/lint/place.rs): `deadline` of goal 2 `awareness`

lint-values-place-plan = the plan
# `$n` counts from 1.
lint-values-place-goal = goal { $n }
lint-values-place-budget-item = budget item { $n }
lint-values-place-channel = channel { $n }
lint-values-place-target-customer = target customer { $n }
lint-values-place-competitor = competitor { $n }
lint-values-place-funnel-stage = funnel stage { $n }
lint-values-place-team-role = team role { $n }
lint-values-place-spend-tier = spend tier { $n }
lint-values-place-strength = strength { $n }
lint-values-place-weakness = weakness { $n }
lint-values-place-opportunity = opportunity { $n }
lint-values-place-threat = threat { $n }
lint-values-place-need = need { $n }
lint-values-place-feature = feature { $n }
lint-values-place-characteristic = characteristic { $n }
lint-values-place-metric = metric { $n }
lint-values-place-method = method { $n }
lint-values-place-item = item { $n }
# An item of a list the plan format does not name (`$list` is its field).
lint-values-place-list-item = `{ $list }` item { $n }
# An item and its id or name: goal 2 `awareness`.
lint-values-place-named = { $item } `{ $name }`
# An item inside another: spend tier 3 of channel 1 `Douyin`.
lint-values-place-inside = { $item } of { $outer }
# A field of an item: `deadline` of goal 2 `awareness`.
lint-values-place-field-of = `{ $field }` of { $item }
# A field outside any list item: `budget.total`.
lint-values-place-field = `{ $field }`

## What kind of value a field takes

lint-values-type-object = a group of fields
lint-values-type-array = a list
lint-values-type-string = text
lint-values-type-number = a number
lint-values-type-integer = a whole number
lint-values-type-boolean = true or false
lint-values-type-null = empty
lint-values-type-any = a value
# The name of a list item's entry in editor help (hover).
lint-values-fields-item = item

# What a value was found to be: `found the number 5`.
lint-values-found-nothing = nothing
lint-values-found-number = the number { $value }
lint-values-found-text = the text { $text }

## The plan format's findings (src/lint/schema.rs); `$field` is a place

lint-values-schema-invalid = invalid JSON Schema: { $error }
# A whole document, as `$field` names it.
lint-values-schema-root-value = the value
lint-values-schema-root-rule = the rule
lint-values-schema-root-config = the config
lint-values-schema-fix-rename = rename `{ $written }` to `{ $meant }`
lint-values-schema-fix-change = change `{ $written }` to `{ $meant }`
lint-values-schema-here-label = here
lint-values-schema-empty = { $field } must not be empty
lint-values-schema-empty-label = empty
lint-values-schema-must-be = { $field } must be { $expected }, found { $found }
lint-values-schema-constant-label = not the expected value
lint-values-schema-wrong-type-label = wrong kind of value
lint-values-schema-date = { $field } must be a real calendar date as YYYY-MM-DD, found { $found }
lint-values-schema-date-label = not a valid date
lint-values-schema-date-help = write dates as year-month-day, e.g. 2026-08-31
lint-values-schema-pattern = { $field } is not written as the plan format expects, found { $found }
lint-values-schema-pattern-label = not in the expected form
lint-values-schema-pattern-help = write it like { $examples }
lint-values-schema-min-items = { $field } must list at least { $limit } { $limit ->
    [one] item
   *[other] items
}
lint-values-schema-min-items-label = too few items
lint-values-schema-other = { $field } is not written as the plan format expects
lint-values-schema-other-help = the plan format says: { $error }
lint-values-schema-unknown = unknown field `{ $key }` in { $field }
lint-values-schema-unknown-label = unknown field
lint-values-schema-known-fields = known fields here: { $known }
lint-values-schema-known-fields-x = known fields here: { $known }; your own fields may start with `x-`
lint-values-schema-missing = { $field } is missing the required field `{ $name }`
lint-values-schema-missing-label = it lacks this field
lint-values-schema-missing-help = add `{ $name }:` here
lint-values-schema-one-of = { $field } must be one of { $allowed }, found { $found }
lint-values-schema-one-of-label = not an allowed value
lint-values-schema-at-least = { $field } must be at least { $limit }, found { $found }
lint-values-schema-at-least-label = too small
lint-values-schema-at-most = { $field } must be at most { $limit }, found { $found }
lint-values-schema-at-most-label = too large
lint-values-schema-no-form = { $field } is not written in any of the forms the plan format allows, found { $found }
lint-values-schema-no-form-help = write it as { $kinds }

## Values written in a person's way (src/lint/normalize.rs, canonical_form.rs)

# What a value should be: `write a number`, `... is not a number`.
lint-values-noun-amount = a number
lint-values-noun-fraction = a fraction such as 0.45
lint-values-noun-rank = a rank such as 1 or 2
lint-values-noun-date = a real date as YYYY-MM-DD
lint-values-noun-measure = a number in the goal's unit
lint-values-noun-target = a number, or a percentage such as 15%
lint-values-noun-currency = a currency code such as CNY or USD
# `$written` is the value as written, quoted; `$shown` how planlint reads it.
lint-values-form-message = { $place } is written as { $written }, which planlint reads as { $shown }
lint-values-form-label = read as { $shown }
lint-values-form-help = write `{ $key }: { $shown }` so that every tool reading the plan understands it
lint-values-form-help-currency = write `{ $key }: { $shown }` and set `currency: { $currency }` (the plan's money is all in one currency)
lint-values-form-fix = write { $written } as { $shown }
lint-values-form-currency = { $field } is written in { $currency } ({ $written }); the plan's currency is { $plan }
lint-values-form-currency-help = write the amount in { $plan }, converted at the rate your team uses (planlint does not convert currencies); the rules that need it cannot check the plan until then
lint-values-form-currency-label = another currency
lint-values-form-two-ways = { $field } is written as { $written }, which reads two ways: { $day } if the day comes first, { $month } if the month does
lint-values-form-two-ways-help = write `{ $key }: { $day }` or `{ $key }: { $month }`, whichever you meant; the rules that need this date cannot check the plan until then
lint-values-form-two-ways-label = day or month first?
lint-values-form-choice-day-first = write { $written } as { $day } (day first)
lint-values-form-choice-month-first = write { $written } as { $month } (month first)
lint-values-form-unreadable-help = write { $noun }: the rules that need this value cannot check the plan until then

## YAML mistakes (src/lint/syntax_help.rs)

lint-values-syntax-tab-help = replace the tab on line { $line } with spaces (two per level), or let your editor convert tabs to spaces
# `$quote` is `"` or `'`.
lint-values-syntax-quote = the { $quote } on line { $line } opens a quoted value that is never closed
lint-values-syntax-quote-help = end the value with a matching { $quote } on the same line, e.g. `{ $key }: { $quote }Spring launch{ $quote }`
lint-values-syntax-never-closed = never closed
lint-values-syntax-colon = line { $line }: the value of `{ $key }` contains `: `, which YAML reads as the start of another field
lint-values-syntax-colon-help = put the value in quotes: `{ $key }: "{ $value }"`
lint-values-syntax-needs-quotes = needs quotes
lint-values-syntax-over-indented = line { $line } is indented more than `{ $previous }` on line { $previous_line }, so YAML cannot read `{ $key }` as a field
lint-values-syntax-over-indented-help = indent `{ $key }:` with { $spaces } spaces, like `{ $previous }:` above
lint-values-syntax-indentation = indentation
lint-values-syntax-missing-dash = line { $line } looks like a new item of the list that starts on line { $list_line }, but it has no `-`
lint-values-syntax-missing-dash-help = start each item with `- `: write `- { $shown }`; or, if it belongs to the item above, indent it by { $spaces } spaces
lint-values-syntax-missing-dash-label = missing `-`
lint-values-syntax-wrong-indent = line { $line } is indented { $indent } spaces, but the fields of the list item on line { $item_line } are indented { $fields }
lint-values-syntax-wrong-indent-help = indent `{ $key }` with { $fields } spaces, like the fields above it
lint-values-syntax-bracket-list = the `[` on line { $line } opens a list that is never closed with `]`
lint-values-syntax-bracket-list-help = end it with `]` on the same line, e.g. `channels: [WeChat, Douyin]`
lint-values-syntax-bracket-group = the `{"{"}` on line { $line } opens a group of fields that is never closed with `{"}"}`
lint-values-syntax-bracket-group-help = end it with `{"}"}` on the same line, e.g. `period: {"{"}start: 2026-01-01, end: 2026-03-31{"}"}`
lint-values-syntax-comma = a `,` is missing between line { $previous } and line { $line }: entries inside `{"{"} {"}"}` or `[ ]` are separated by commas
lint-values-syntax-comma-help = end line { $line } with `,`
lint-values-syntax-comma-label = a `,` belongs after this
# A message of the YAML parser that planlint cannot say better: as it is
# in English (in other languages, said to come from the parser).
lint-values-syntax-parser-said = { $detail }
# The YAML parser's messages, said in other languages than English (the
# English text is the parser's own, in plain words).
lint-values-syntax-colon-starts-field = a `:` here starts a field where none can start (if it is part of a value, put the value in quotes)
lint-values-syntax-no-field-here = a field cannot start here
lint-values-syntax-no-item-here = a list item (`- `) cannot start here
lint-values-syntax-invalid-indentation = invalid indentation
# `while reading a group of fields, expected a field here`
lint-values-syntax-while = while reading a { $context }, { $problem }
lint-values-syntax-context-block-mapping = group of fields
lint-values-syntax-context-block-collection = list
lint-values-syntax-context-flow-mapping = `{"{"} {"}"}` group of fields
lint-values-syntax-context-flow-sequence = `[ ]` list
lint-values-syntax-context-quoted-scalar = quoted value
lint-values-syntax-context-value = value
lint-values-syntax-context-block-scalar = value written over several lines
lint-values-syntax-problem-expected-key = expected a field (`name: value`) here
lint-values-syntax-problem-expected-dash = expected a list item starting with `- ` here
lint-values-syntax-problem-end-of-stream = the file ended
lint-values-syntax-problem-comma-or-bracket = expected `,` or `]` here
lint-values-syntax-problem-comma-or-brace = expected `,` or `{"}"}` here
lint-values-syntax-problem-no-value = expected a value here
lint-values-syntax-problem-document-marker = found a line that starts a new document (`---` or `...`)
lint-values-syntax-problem-tab = found a tab

## `# planlint-disable` comments (src/lint/suppress.rs)

lint-values-suppress-no-rule = this suppression names no rule
lint-values-suppress-unknown = `{ $id }` is not a rule id, so nothing is suppressed
lint-values-suppress-unknown-label = unknown rule
lint-values-suppress-rules-help = `planlint rules` lists every rule id
lint-values-suppress-unused-file = `{ $id }` reports nothing in this file: this suppression is unused
lint-values-suppress-unused-line = `{ $id }` reports nothing on the next line: this suppression is unused
lint-values-suppress-unused-help = remove it, so it cannot hide a future finding
lint-values-suppress-unused-label = suppresses nothing
