# The command line's own texts: errors and notes of the commands
# (`check`, `fix`, `diff`, `report`, `metrics --set`, `init`, `schema`,
# `test-rules`, `explain`). `--help` texts stay in English (clap's).

cli-internal-rules = internal error in planlint's rules: { $error }
# When an error cannot be drawn with its excerpt.
cli-error-line = error: { $error }
# The label before an error's help, as the terminal draws it (8 columns).
cli-help-label = {"  help: "}
cli-working-directory = cannot read the working directory: { $error }
cli-list-separator = {", "}
# Where a plan is read from with `-`.
cli-stdin = stdin
cli-cannot-write = cannot write { $file }: { $error }

## planlint rules
cli-rules-meta = {" "}(meta)
cli-severity-error = error
cli-severity-warning = warning
cli-severity-info = info

## planlint explain
cli-unknown-rule = unknown rule id `{ $id }`
cli-unknown-rule-did-you-mean = did you mean `{ $suggestion }`? `planlint rules` lists them all
cli-unknown-rule-help = `planlint rules` lists every rule id

## planlint metrics
cli-stdin-unreadable = cannot read stdin: { $error }
cli-stdin-too-big = stdin is over the { $limit }-byte limit for a plan: not read
cli-stdin-refused = stdin { $reason }
cli-metrics-unrenderable = cannot render the metrics: { $error }
cli-what-if-unwritable = cannot write the changed plan: { $error }
# The name of the plan with the settings, beside the plan as written.
cli-what-if-label = { $plan } with { $settings }
cli-what-if-unrenderable = cannot render the what-if: { $error }

## planlint test-rules (the first word is a column 8 wide)
cli-test-rules-ok = ok      { $rule }
cli-test-rules-ok-untested = ok      { $rule }  (no failing example: nothing was run)
cli-test-rules-failed = FAILED  { $rule }
cli-test-rules-untested = without examples: { $rules } (add `examples: {"{"}fails: ..., passes: ...{"}"}` so that a rule that never fires is noticed)
cli-test-rules-total = { $passed } passed, { $failed } failed

## planlint schema and init
# Followed by the modeline on its own line.
cli-schema-written = Wrote { $count } schemas to { $dir }. Start a plan with (the path is relative to the plan):
cli-init-json-internal = internal error: the starter plan could not be written as JSON
cli-init-written = Wrote { $file }: fill it in, then run `planlint check { $file }`.
cli-init-exists = { $file } already exists: planlint init never overwrites a file
cli-init-exists-help = pass another file name, e.g. `planlint init launch.plan.yaml`

## planlint check
cli-changed-while-checking = { $file } changed while planlint was checking it: the report places its findings at the start of the file
cli-check-again = check it again
cli-fix-stdin = --fix rewrites files: for a plan read from stdin use --fix --diff
cli-fixed = planlint fixed { $findings ->
    [one] 1 finding
   *[other] { $findings } findings
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}
cli-would-fix = planlint would fix { $findings ->
    [one] 1 finding
   *[other] { $findings } findings
} in { $files ->
    [one] 1 file
   *[other] { $files } files
}
cli-no-plan-in-folder = warning: no plan file in { $folder }: planlint checks files named *.plan.yaml, *.plan.yml or *.plan.json, or those the config's `include` names
cli-link-not-followed = warning: { $path } is a symlink, not checked: a folder is walked without following links; name what it leads to, or name the link itself (it must lead inside the repository)
cli-nothing-checked = nothing was checked: no plan file was found
cli-nothing-checked-help = name the plan files, or a folder holding *.plan.yaml files; check the config's `include`
cli-cannot-write-report = cannot write the report: { $error }
cli-baseline-recorded = Recorded { $count ->
    [one] 1 finding
   *[other] { $count } findings
} in { $file }.
# After a rule's reason, in reports that describe the rules (SARIF).
cli-rule-source = Source: { $source }
cli-step-summary-unwritable = cannot write the step summary { $file }: { $error }

## planlint diff
cli-diff-internal = internal error: diff needs two versions
cli-diff-unrenderable = cannot render the diff: { $error }
cli-diff-name-a-plan = name a plan file, or `REV:PATH` for a version in git (e.g. `HEAD~1:plans/a.plan.yaml`)
cli-diff-no-file = `{ $argument }` names no file after the `:`
cli-diff-no-file-help = write `REV:PATH`, e.g. `origin/main:plans/a.plan.yaml`
cli-diff-revision-help = for a file whose name holds a `:`, write `./{ $argument }`; for a revision, name a branch, tag or commit, e.g. `origin/main:{ $file }`
cli-diff-not-in-revision = { $file } does not exist in `{ $revision }`
cli-diff-not-in-revision-help = git reads PATH from the repository root; write `./PATH` for a path from the current folder

## planlint report
cli-report-nothing = no plan files found: nothing to report
cli-report-nothing-help = name plan files or folders holding *.plan.yaml, *.plan.yml or *.plan.json
cli-report-unrenderable = cannot render the report: { $error }
cli-report-written = Wrote { $file } ({ $count ->
    [one] 1 plan
   *[other] { $count } plans
}).

## Writing files (--fix, schema)
cli-cannot-read-folder = cannot read the folder { $folder }: { $error }
cli-cannot-create = cannot create { $folder }: { $error }
cli-fix-outside = { $file } leads outside the repository { $root }: --fix does not write there
cli-fix-outside-help = --fix rewrites only files inside the repository it runs in (a symlink is followed only to a file inside it); run it from the repository that holds the file (see docs/security.md)
cli-not-regular-file = cannot write { $file }: it is not a regular file
cli-read-only = { $file } is read-only: --fix leaves it as it is
cli-read-only-help = make it writable first if it should be fixed, or see the fixes with `--fix --diff`
cli-changed-while-fixing = { $file } changed while planlint was fixing it: nothing was written
cli-fix-again = run `planlint check --fix` again
cli-symlink-refused = { $file } is a symlink: planlint does not write through it
cli-symlink-refused-help = remove the link (a repository can plant one to send the write elsewhere), or name another folder
