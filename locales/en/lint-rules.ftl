# What the rules' checks say: the values code puts into rule messages, the
# check functions' own messages, remedies, user expressions (CEL), the
# derived numbers and their labels, what-if (`metrics --set`), test-rules.

## Pieces of rule messages

# A plan's text, quoted (`"TBD"`).
lint-rules-quoted = "{ $text }"
lint-rules-list-separator = {", "}
lint-rules-or-separator = {" or "}
lint-rules-and-separator = {" and "}
# The first few values of a longer list.
lint-rules-list-and-more = { $list }, ...
# `{placeholder}`, said right after "has no owner".
lint-rules-answered-placeholder = : { $text } is a placeholder
# `{side}`: "is due 2026-12-31, after the plan period (2026-08-31)".
lint-rules-date-before = before
lint-rules-date-after = after
# `{marginal_cac}`: "marginal CAC rises to 500 CNY between ...".
lint-rules-marginal-cac-rises = rises to { $amount }
lint-rules-marginal-cac-unbounded = is unbounded (no new customers)
# `{value}` of a value that is not there.
lint-rules-numeric-nothing = nothing
# `{ltv_basis}`, said right after the LTV amount.
lint-rules-ltv-basis = {" "}(average order value { $order_value } x gross margin { $margin } x { $purchases } purchases a year x { $years } years)
# A channel without a name, in the derived numbers.
lint-rules-unnamed-channel = channel { $ordinal }

## What a value should be (`{noun}`)

lint-rules-noun-number = a number
lint-rules-noun-one-way-date = a date that reads only one way (YYYY-MM-DD)
lint-rules-noun-amount-in-currency = an amount in the plan's currency

## Findings

lint-rules-label-here = here
lint-rules-no-field-here = no { $field } here
lint-rules-label-cannot-be-read = cannot be read
lint-rules-unreadable = { $place } is { $written }, which is not { $noun }: this rule could not check it
lint-rules-unreadable-help = write { $noun } there, so that the rule can check the plan
lint-rules-remedy-then-help = { $remedy }; { $help }
lint-rules-help-then-note = { $help }; { $note }
lint-rules-shared-anchor = this value comes from an anchor (`&name`) shared with other places: change it where the anchor is written
lint-rules-rule-error = rule `{ $rule }` ({ $place }) cannot be evaluated here: { $reason }
# What `lint-rules-rule-error` says just before the reason.
lint-rules-rule-error-reason-marker = cannot be evaluated here:{" "}
lint-rules-rule-error-help = fix the rule in { $place }; `planlint test-rules` runs it on its examples
lint-rules-label-rule-fails = the rule fails here
lint-rules-placeholder-unfilled = the message placeholder `{"{"}{ $name }{"}"}` has no value here: use a field the node or plan always has, an option, or a derived number as `{"{"}metrics.NAME{"}"}`

## Numbers split by YAML, and a decimal point that may be a thousands dot

lint-rules-flow-yaml-read = inside `{"{"}...{"}"}` a comma ends a value, so YAML reads `{ $value }` and the separate { $count ->
        [one] field
       *[other] fields
    } { $fields }
lint-rules-flow-explained = { $message } ({ $read })
lint-rules-flow-help-quote = { $help }; or quote it, or write the item in block style (one field per line)
lint-rules-flow-help-no-comma = { $help }, with no comma inside `{"{"}...{"}"}`
lint-rules-flow-split = { $place } is written { $written } without quotes: { $read }; planlint reads the text as written
lint-rules-flow-split-help = write it as { $quoted }, so that every tool reads it the same way
lint-rules-flow-split-help-number = write it as { $number } (no comma) or as { $quoted }, so that every tool reads it the same way
lint-rules-flow-split-label = split at its commas by YAML
lint-rules-flow-split-fix = write { $written } as { $replacement }
lint-rules-decimal-point = { $place } is written { $written }, which reads two ways: { $decimal } with a decimal point, { $thousands } with a dot between thousands; planlint reads { $decimal }
lint-rules-decimal-point-help = write { $thousands } if you mean { $thousands }, or { $decimal } if you mean { $decimal }
lint-rules-decimal-point-label = decimal point or thousands?
lint-rules-decimal-point-fix-thousands = write { $written } as { $number } (thousands)
lint-rules-decimal-point-fix-decimal = write { $written } as { $number } (decimal point)

## Remedies: the value of one field that meets the rule

# A quick fix's title.
lint-rules-remedy-action = Set { $label } to { $value }
lint-rules-remedy-action-because = Set { $label } to { $value } ({ $reason })
# What each lever is called.
lint-rules-lever-cac = CAC
lint-rules-lever-ltv = LTV
lint-rules-lever-average-order-value = average order value
lint-rules-lever-purchases-per-year = purchases a year
lint-rules-lever-gross-margin = gross margin
lint-rules-lever-lifetime-years = lifetime in years
lint-rules-lever-budget-total = the budget total
lint-rules-lever-amount-of = the amount of { $line }
lint-rules-lever-channel-budget = the budget of channel `{ $channel }`
lint-rules-lever-test-revenue = the test revenue of channel `{ $channel }`
lint-rules-lever-period-start = `period.start`
lint-rules-lever-period-end = `period.end`
# Why the value (after it, in the quick fix's title).
lint-rules-remedy-break-even = break-even
lint-rules-remedy-profit-per-customer = { $amount } profit per customer
lint-rules-remedy-ltv-cac = LTV/CAC { $ratio }
lint-rules-remedy-cac-ltv = CAC/LTV { $ratio }
lint-rules-remedy-payback = payback { $months }
lint-rules-remedy-covers-the-plan = covers the plan
lint-rules-remedy-less = { $amount } less
lint-rules-remedy-last-profitable-tier = last profitable tier
lint-rules-remedy-return = return { $ratio }
lint-rules-remedy-test-size = test size
lint-rules-remedy-inside-the-period = inside the plan period
lint-rules-remedy-covers-the-deadline = covers the deadline
lint-rules-remedy-needs-no = needs no { $excuses }
# Each remedy in words.
lint-rules-remedy-cac-lower = CAC { $cac } ({ $reason }: { $lower } or { $percent }% lower than { $current })
lint-rules-remedy-cac-payback = CAC { $cac } ({ $reason }, { $lower } lower)
lint-rules-remedy-ltv = LTV { $amount }
lint-rules-remedy-average-order-value = average order value { $amount }
lint-rules-remedy-purchases-per-year = { $purchases } purchases a year
lint-rules-remedy-gross-margin = gross margin { $margin }
lint-rules-remedy-lifetime-years = customers staying { $months } months (`lifetime_years: { $years }`)
lint-rules-remedy-budget-cut = cut { $excess } from channels or items, or raise `budget.total` to { $total }
lint-rules-remedy-budget-cut-for-example = cut { $excess } from channels or items (e.g. { $example }), or raise `budget.total` to { $total }
lint-rules-line-channel = channel `{ $name }`
lint-rules-line-budget-item = budget item `{ $name }`
lint-rules-remedy-line-to-zero = { $line } to 0
lint-rules-remedy-line-from-to = { $line } from { $from } to { $to }
lint-rules-remedy-cut-line = cut { $line } from { $from } to { $to }
lint-rules-this-channel = this channel
lint-rules-remedy-stop-scaling = stop channel `{ $channel }` at { $spend } of spend: the next tier's customers cost { $cost } each, over LTV { $ltv }
lint-rules-remedy-stop-scaling-no-customers = stop channel `{ $channel }` at { $spend } of spend: the next tier brings no new customers
lint-rules-remedy-test-revenue = a test of channel `{ $channel }` that brings in { $revenue } on its { $budget } budget (a return of { $ratio })
lint-rules-remedy-keep-test-budget = keep channel `{ $channel }` at its test budget of { $budget } until a new test pays
lint-rules-remedy-date-or-earlier = { $place } on { $date } or earlier
lint-rules-remedy-date-or-later = { $place } on { $date } or later
lint-rules-remedy-period-ends = a plan period that ends on { $date }
lint-rules-remedy-period-starts = a plan period that starts on { $date }
lint-rules-remedy-below-threshold = { $place } at { $amount } or less, which needs no { $excuses }

## The derived numbers (metrics table, report, diff, hover)

lint-rules-section-unit-economics = Unit economics
lint-rules-section-budget = Budget
lint-rules-direction-at-least = at least
lint-rules-direction-at-most = at most
lint-rules-unit-months = { $months } months
lint-rules-unit-month = 1 month
lint-rules-metric-cac-label = CAC
lint-rules-metric-cac-meaning = cost to win one customer
lint-rules-metric-ltv-label = LTV
lint-rules-metric-ltv-meaning = as given in the plan
lint-rules-metric-ltv-cac-ratio-label = LTV/CAC
lint-rules-metric-ltv-cac-ratio-note = healthy at 3 or more
lint-rules-metric-ltv-cac-ratio-meaning = what a customer is worth per unit spent to win one
lint-rules-metric-cac-ltv-ratio-label = CAC/LTV
lint-rules-metric-cac-ltv-ratio-note = above 1 loses money on every customer
lint-rules-metric-profit-per-customer-label = Profit per customer
lint-rules-metric-profit-per-customer-note = LTV - CAC
lint-rules-metric-monthly-margin-per-customer-label = Gross margin a month
lint-rules-metric-monthly-margin-per-customer-note = per customer
lint-rules-metric-payback-months-label = CAC payback
lint-rules-metric-budget-total-label = Total budget
lint-rules-metric-budget-total-short-label = Total
lint-rules-metric-budget-planned-label = Planned spend
lint-rules-metric-budget-planned-short-label = Planned
lint-rules-metric-budget-channels-label = Channel spend
lint-rules-metric-budget-channels-short-label = Channels
lint-rules-metric-budget-other-costs-label = Other costs
lint-rules-metric-budget-remaining-label = Remaining
# A channel's numbers.
lint-rules-metric-budget-label = budget
lint-rules-metric-budget-share-label = share
lint-rules-metric-budget-share-meaning = of budget
lint-rules-metric-test-return-label = test return
lint-rules-metric-test-return-meaning = revenue per unit spent
lint-rules-metric-marginal-cac-label = marginal CAC (top tier)
lint-rules-marginal-cac = marginal CAC
lint-rules-marginal-cac-by-tier = marginal CAC by spend tier
lint-rules-no-new-customers = no new customers
lint-rules-derived-by-planlint = Derived by planlint
# One spend tier's marginal CAC: `20,000-40,000: 500`.
lint-rules-tier-cac = { $range }: { $cac }
lint-rules-tier-separator = {", "}

## What-if: `planlint metrics --set KEY=VALUE`

lint-rules-set-no-value = `--set { $argument }` has no value
lint-rules-set-no-value-help = write `--set KEY=VALUE`, e.g. `--set cac=250` or `--set channels.Douyin.budget=60000`
lint-rules-set-single-value = `{ $key }`: { $place } holds a single value, with no `{ $segment }` in it
lint-rules-set-single-value-help = set `{ $key }` itself
lint-rules-set-several-values = `{ $key }` is { $place }, which holds several values, not one
lint-rules-set-name-an-item = name one item of it
lint-rules-set-name-a-field = name one of its fields, e.g. `{ $field }`
lint-rules-set-the-plan = the plan
lint-rules-set-name-by-id-or-place = name the item by its id or name ({ $names }), or by its place counted from 1: `{ $key }`
lint-rules-did-you-mean = did you mean `{ $suggestion }`?
lint-rules-set-check-the-path = check the path against the plan
lint-rules-set-place-has = { $place } has: { $names }
lint-rules-set-no-such = `{ $key }`: there is no `{ $segment }` in { $place }
lint-rules-set-derived = `{ $key }` ({ $label }) is worked out from other numbers, so it cannot be set
lint-rules-set-derived-help = set one of the numbers it comes from: { $names }
lint-rules-set-unknown-name = `{ $key }` is not a number or channel of this plan
lint-rules-set-unknown-name-help = name a number the plan states ({ $names }), a channel by name, or a field path such as `channels.NAME.budget`
lint-rules-set-not-a-date = `{ $key }={ $text }`: `{ $text }` is not a date
lint-rules-set-not-a-date-help = write the date as YYYY-MM-DD, e.g. 2026-09-30
lint-rules-set-not-a-number = `{ $key }={ $text }`: `{ $text }` is not a number
lint-rules-set-not-a-number-help = write a number, e.g. `--set { $key }=250`

## Rules that cannot be compiled (users' rule packs)

lint-rules-unknown-function = unknown function: expected one of { $functions }
lint-rules-unknown-function-suggestion = unknown function (did you mean `{ $suggestion }`?)
lint-rules-options-unreadable = { $error }
lint-rules-function-error = function `{ $function }`: { $reason }
lint-rules-rule-does-not-compile = { $file }: rule `{ $rule }`: { $reason }
lint-rules-built-in-rule-does-not-compile = internal error in planlint's rule `{ $rule }`: { $reason }
lint-rules-does-not-compile = the rule does not compile
lint-rules-invalid-json-path = invalid JSONPath `{ $path }`: { $error }
lint-rules-json-path-unknown-option = `{ $path }` uses unknown option `{ $option }`
lint-rules-json-path-option-not-single = option `{ $option }` cannot be used in a JSONPath: it is not a single value
lint-rules-json-path-too-long = the JSONPath is { $length } bytes long, over the limit of { $limit }
lint-rules-json-path-too-deep = the JSONPath nests brackets and parentheses { $depth } levels deep, over the limit of { $limit }
lint-rules-not-a-plan-pointer = `{ $pointer }` must be a JSON pointer into the plan, starting with `/`
lint-rules-any-truthy-no-fields = `fields` must list at least one field
lint-rules-at-least-threshold-not-number = the threshold for `{ $code }` must be a number
lint-rules-channel-return-min-return = `min_return` must be a non-negative number
lint-rules-no-values = `values` must list at least one value
lint-rules-date-range-no-bound = give `not_before`, `not_after` or both
lint-rules-length-no-bound = give `min`, `max` or both
lint-rules-length-min-above-max = `min` { $min } is above `max` { $max }
lint-rules-metric-no-bound = give `max`, `min` or both
lint-rules-metric-unknown = unknown metric `{ $metric }`: expected one of { $metrics }
lint-rules-pattern-invalid = invalid regex in `{ $option }`: { $error }
lint-rules-pattern-no-pattern = give `match`, `not_match` or both
lint-rules-vague-text-no-phrases = `phrases` must list at least one phrase

## User expressions (CEL)

lint-rules-cel-invalid = invalid CEL expression `{ $expression }`: { $error }
lint-rules-cel-too-long = the expression is { $length } bytes long, over the limit of { $limit }: split the rule into several checks
lint-rules-cel-too-many-operators = the expression has { $operators } operators, over the limit of { $limit }: split the rule into several checks
lint-rules-cel-too-deep = the expression nests more than { $limit } levels deep: split it into several checks
lint-rules-cel-too-many-steps = the expression would take about { $amount } steps on this plan (limit { $limit }), iterating lists of up to { $items } items: nest fewer comprehensions or select fewer nodes with `given`
lint-rules-cel-too-many-values = the expression would take about { $amount } values in memory on this plan (limit { $limit }), iterating lists of up to { $items } items: nest fewer comprehensions or select fewer nodes with `given`
lint-rules-cel-plan-budget = the expressions evaluated on this plan have used up its budget of { $steps } steps: select fewer nodes with `given`, or nest fewer comprehensions
lint-rules-expr-not-boolean = the expression gives { $kind }, not true or false
lint-rules-expr-kind-text = a text
lint-rules-expr-kind-list = a list
lint-rules-expr-kind-fields = a group of fields
lint-rules-expr-kind-null = null
lint-rules-expr-kind-value = a value

## `planlint test-rules`: a rule's own examples

lint-rules-example-failing = the failing example
lint-rules-example-failing-nth = failing example { $ordinal }
lint-rules-example-passing = the passing example
lint-rules-example-passing-nth = passing example { $ordinal }
lint-rules-example-does-not-parse = { $example } does not parse: { $error }
lint-rules-example-selects-nothing = { $example } does not make the rule fire: `given` selects nothing in it (check the JSONPath and the example's field names)
lint-rules-example-passes = { $example } does not make the rule fire: every node `given` selects passes the check
lint-rules-example-flagged-elsewhere = { $example } is flagged at { $found }, expected { $expected }
lint-rules-example-flagged = { $example } is flagged at `{ $pointer }`: { $message }
lint-rules-example-cannot-be-evaluated = { $example } cannot be evaluated at `{ $pointer }`: { $reason }
lint-rules-placeholder-no-metric = the placeholder `{"{"}{ $name }{"}"}` names no derived number: `planlint metrics --format json` lists them
lint-rules-placeholder-plan-field = the placeholder `{"{"}{ $name }{"}"}` reads the plan's own field, which a plan may leave out when planlint derives the number: write `{"{"}metrics.{ $name }{"}"}`
