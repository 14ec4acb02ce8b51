# The language server's own texts: hover, quick fix titles, inlay hints,
# completion details, and the diagnostics it makes itself.

lsp-list-separator = {", "}

## Diagnostics
lsp-plan-too-big = this plan is { $size } bytes, over the { $limit }-byte limit for a plan: not checked
lsp-plan-too-big-help = raise `max_file_size` in .planlint.yaml if this file really is a plan
lsp-help = help: { $help }
# Where a problem that stopped the check comes from (a config).
lsp-cause = the cause

## Hover on a finding
lsp-severity-error = error
lsp-severity-warning = warning
lsp-severity-info = info
lsp-hover-finding = **{ $rule }** ({ $severity }): { $message }
lsp-hover-fix = **Fix:** { $help }
lsp-hover-quick-fix = **Quick fix:** { $title } (also `planlint check --fix`)
lsp-hover-why = **Why:** { $why }
lsp-hover-source = **Source:** { $source }
lsp-hover-docs = [Docs]({ $url }) · `planlint explain { $rule }`

## Hover on a field: **`name`** (kind): description
lsp-hover-field-kind = {" "}({ $kind })
lsp-hover-field-description = : { $description }
lsp-hover-one-of = One of: { $values }

## Hover on the numbers planlint derives
lsp-hover-channel-heading = **{ $title }: { $channel }**
lsp-hover-metric = { $label }: { $value }
lsp-hover-metric-meaning = { $label } ({ $meaning }): { $value }

## Inlay hints: `25% of budget`
lsp-inlay-share = { $share } { $of }

## Completion, outline, quick fixes
lsp-completion-value = a value of `{ $field }`
lsp-unnamed = (unnamed)
lsp-suppress-line = Suppress `{ $rule }` on this line
lsp-suppress-file = Suppress `{ $rule }` in this file
# Written after `--` in a suppression comment, for the writer to replace.
lsp-suppress-reason = reason
