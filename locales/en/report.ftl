# `planlint report`: the page for the people who approve a plan (HTML and
# Markdown), its charts, and the headroom table.

## What the report shows of a plan's numbers

# The budget slice of spending past the total.
report-over-the-total = Over the total
# A number against its rule's threshold.
report-verdict-ok = ok
report-verdict-fails = fails
# A rule's threshold: `at least 3 (low-ltv-cac-ratio)`.
report-threshold-at-least = at least { $value } ({ $rule })
report-threshold-at-most = at most { $value } ({ $rule })
# Beside the CAC payback.
report-payback-margin = at { $margin } gross margin a month per customer

## The report's headings (HTML and Markdown)

report-title = Plan report
# Under the title: `2 plans checked by planlint 0.1.0: 3 errors, 1 warning in 2 files.`
report-checked = { $plans ->
    [one] 1 plan
   *[other] { $plans } plans
} checked by planlint { $version }: { $summary }.
report-findings = Findings
report-no-problems = No problems found.
report-economics = Unit economics
report-headroom = Headroom
report-budget = Budget
report-channels = Channels
report-funnel = Funnel
# The title of the channels' column.
report-channel-column = Channel
# The budget pie: `Budget split (total 300,000 CNY)`.
report-budget-pie = Budget split (total { $total })
report-budget-pie-no-total = Budget split (no total written)

## The Markdown report

report-md-findings-header = | Severity | Place | Rule | Message | Fix |
report-md-economics-header = | | Value | How / meaning | Rule threshold | |
report-md-headroom-header = | Verdict | Now | How far before it flips |
report-md-budget-line = Total **{ $total }**, planned { $planned } (channels { $channels }, other costs { $other }), remaining **{ $remaining }**.
report-md-budget-header = | Part | Amount | Share of total |
# Mermaid charts: the test return of each channel against break-even...
report-md-returns-chart = { $label } (revenue / spend); the line is break-even
report-md-returns-axis = return
# ... and a channel's marginal CAC by spend tier, against LTV.
report-md-tiers-chart-ltv = { $channel }: { $tiers }; the line is { $ltv } { $value }
report-md-tiers-chart = { $channel }: { $tiers }

## Headroom: how far each money verdict is from flipping

# A verdict and its rule: `LTV/CAC at least 3 (low-ltv-cac-ratio)`.
report-headroom-verdict = { $verdict } ({ $rule })
report-headroom-ltv-cac = LTV/CAC at least { $limit }
report-headroom-cac-ltv = CAC/LTV at most { $limit }
report-headroom-payback = CAC payback at most { $limit }
# How far CAC can rise while the verdict holds, or must fall for it to hold.
report-headroom-ltv-cac-room = CAC can rise { $percent } (to { $cac }) before LTV/CAC falls below { $limit }
report-headroom-ltv-cac-short = CAC must fall { $percent } (to { $cac }) for LTV/CAC to reach { $limit }
report-headroom-cac-ltv-room = CAC can rise { $percent } (to { $cac }) before CAC/LTV passes { $limit } (every customer loses money)
report-headroom-cac-ltv-short = CAC must fall { $percent } (to { $cac }) for CAC/LTV to come down to { $limit }
report-headroom-payback-room = CAC can rise { $percent } (to { $cac }) before the payback passes { $limit }
report-headroom-payback-short = CAC must fall { $percent } (to { $cac }) for the payback to come within { $limit }
report-headroom-budget = channel budgets and other costs within the budget total (budget-overrun)
report-headroom-budget-room = { $amount } more can be planned before the total is exceeded
report-headroom-budget-short = { $amount } must be cut, or the total raised by as much
report-headroom-channel = `{ $channel }` short of the turn of its marginal cost ({ $rule })
report-headroom-channel-room = `{ $channel }` can take { $amount } more before its marginal CAC passes LTV
report-headroom-channel-past = `{ $channel }` plans { $amount } past { $turn }, where its marginal CAC passes LTV

## The HTML page

report-html-page-title = planlint report
# A plan's findings in the list of plans.
report-html-no-findings = no findings
report-html-unread = Values that could not be read
# `budget.items[1].amount is <code>9万x</code>, which is not a number: ...`
report-html-unread-value = { $field } is { $written }, which is not { $noun }: the numbers that need it are left out.
# Before a finding's help.
report-html-fix = Fix: { $help }
report-html-economics-header = <tr><th></th><th>value</th><th>how / meaning</th><th>rule threshold</th><th></th></tr>
report-html-headroom-header = <tr><th>verdict</th><th>now</th><th>how far before it flips</th></tr>
report-html-budget-line = Total <b>{ $total }</b> &middot; planned { $planned } (channels { $channels }, other costs { $other }) &middot; remaining <b>{ $remaining }</b>
report-html-no-budget = No budget to chart.
report-html-no-channel = The plan names no channel.
report-html-returns-caption = { $label } (test revenue / test spend)
# `WeChat: marginal CAC by spend tier against LTV`
report-html-tiers-caption = { $channel }: { $tiers } against { $ltv }
report-html-channel-column = channel
report-html-no-funnel = The plan maps no funnel stages.
# A funnel stage that names no metric.
report-html-no-metric = no metric

## The HTML page's charts (titles are what screen readers say)

report-chart-budget = Budget split of { $plan }
# A slice's tooltip: `WeChat: 60,000 CNY`.
report-chart-part = { $part }: { $amount }
# The mark of the budget's total on the bar.
report-chart-total = total { $total }
report-chart-returns = { $label } per channel of { $plan }
report-chart-not-tested = not tested
# A bar's tooltip: `WeChat: test return 3.2`.
report-chart-return-tip = { $channel }: { $label } { $value }
report-chart-break-even = break-even (1×)
report-chart-tiers = { $tiers } of { $channel }
# The x axis of the marginal CAC chart.
report-chart-cumulative-spend = cumulative spend
# A tier's tooltip: `20,000-40,000: marginal CAC 500`.
report-chart-tier-tip = { $from }-{ $to }: { $label } { $value }
report-chart-stop-here = stop scaling here
