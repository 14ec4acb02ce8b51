# planlint's output formats: human output, the metrics table, the diff, the
# GitHub step summary and annotations, and the human texts of the CI formats.

## Severities as people read them (machine formats keep `error`, `warning`, `info`).

output-severity-error = error
output-severity-warning = warning
output-severity-info = info
# `error[vague-goal]`
output-severity-rule = { $severity }[{ $rule }]

## Human output (`planlint check`)

# The label of the help line under a finding; the lines after it are
# indented to its width.
output-human-help = help:{" "}
# A finding whose excerpt cannot be shown: `error[vague-goal] a.plan.yaml: goal ... (why)`
output-human-undrawn = { $finding } { $file }: { $message } ({ $why })
output-human-changed-since-checked = the file changed since it was checked
output-human-excerpt-not-drawn = its excerpt could not be drawn
output-human-unchecked = { $files ->
    [one] 1 file
   *[other] { $files } files
} checked without findings; { $paths ->
    [one] 1 path
   *[other] { $paths } paths
} could not be checked (see below).
output-human-clean = No problems in { $files ->
    [one] 1 file
   *[other] { $files } files
}.

## `planlint metrics`

# A value as the plan wrote it, in a sentence: `"9万"`.
output-quoted = "{ $value }"
output-metrics-channels = Channels
# The heading of the channel names' column.
output-metrics-channel = channel
output-metrics-not-read = Not read (numbers that need these are shown as - or leave them out)
# `budget.items[1].amount is "9万x", which is not a number`
output-metrics-not-read-value = { $field } is { $written }, which is not { $noun }

## `planlint diff` as text

# `origin/main:plans/a.plan.yaml -> plans/a.plan.yaml`
output-diff-versions = { $old } -> { $new }
output-diff-numbers = Unit economics and budget
output-diff-unchanged = (unchanged)
output-diff-channels = Channels
output-diff-no-channel-changed = no channel changed
output-diff-channel-added = { $channel } (added)
output-diff-channel-removed = { $channel } (removed)
output-diff-introduced = Findings introduced ({ $count })
output-diff-resolved = Findings resolved ({ $count })
output-diff-changed = Findings changed ({ $count })
# A changed finding's message before and after.
output-diff-was = was: { $message }
output-diff-now = now: { $message }
output-diff-totals = { $introduced } introduced, { $resolved } resolved, { $changed } changed

## `planlint diff --format markdown` (pull request comments, job summaries)

output-diff-md-title = ## Plan diff: { $plan }
output-diff-md-totals = **{ $introduced } introduced, { $resolved } resolved, { $changed } changed** findings.
# The header row of the numbers' table (the first column holds their names).
output-diff-md-numbers-header = | | Before | After | Change |
output-diff-md-no-channel-changed = No channel changed.
output-diff-md-channels-header = | Channel | | Before | After | Change |
output-diff-md-changed = Findings changed
output-diff-md-changed-header = | Place | Rule | Before | After |
output-diff-md-budget-after = Budget after the change
output-diff-md-none = None.
output-diff-md-findings-header = | Severity | Place | Rule | Message |

## `--format github`: annotations, the log line, the step summary

# Lines under an annotation's message.
output-github-help = help: { $help }
output-github-note = note: { $note } (line { $line }, column { $column })
# After `planlint: ` in the log.
output-github-unchecked = { $files ->
    [one] 1 file
   *[other] { $files } files
} checked without findings; { $paths ->
    [one] 1 path
   *[other] { $paths } paths
} could not be checked
output-github-clean = no problems in { $files ->
    [one] 1 file
   *[other] { $files } files
}
output-github-summary-unchecked = { $files ->
    [one] 1 file
   *[other] { $files } files
} checked without findings; **{ $paths ->
    [one] 1 path
   *[other] { $paths } paths
} could not be checked** (see the log).
output-github-capped-errors = GitHub shows the first { $limit } of { $count } errors as annotations; all are listed below.
output-github-capped-warnings = GitHub shows the first { $limit } of { $count } warnings as annotations; all are listed below.
output-github-capped-infos = GitHub shows the first { $limit } of { $count } infos as annotations; all are listed below.
output-github-capped-errors-logged = GitHub shows the first { $limit } of { $count } errors as annotations; all are in this step's log.
output-github-capped-warnings-logged = GitHub shows the first { $limit } of { $count } warnings as annotations; all are in this step's log.
output-github-capped-infos-logged = GitHub shows the first { $limit } of { $count } infos as annotations; all are in this step's log.
output-github-summary-cut = The tables below list the first { $shown } of { $count } findings: GitHub keeps a step summary only up to 1 MiB. Every finding is in this step's log.
output-github-findings-header = | Place | Severity | Rule | Message |
output-github-rules-fired = Rules that fired
output-github-rules-header = | Rule | Severity | Findings | What it wants |

## SARIF: the human texts (rule ids and field names stay as they are)

# What a sentence ends with when it has no full stop.
output-sarif-full-stop = .
# A rule's help in Markdown: how to fix it, then why it matters.
output-sarif-help-markdown = **How to fix:** { $help }

    {"**"}Why:** { $why }
output-sarif-documentation = [Documentation]({ $url })
# A rule a finding names that the run did not list.
output-sarif-unlisted-summary = planlint rule { $rule }.
output-sarif-unlisted-description = Findings of the planlint rule { $rule }.
# A result's message with the finding's help after it.
output-sarif-message-help = { $message } Help: { $help }

## Writing a report to a file (`--output`)

output-too-many-links = too many levels of symbolic links
output-no-temporary-file = cannot create a temporary file
