# What a run found: the summary line under the findings.

finding-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
finding-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
finding-infos = { $count ->
    [one] 1 info
   *[other] { $count } infos
}
finding-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}
finding-list-separator = {", "}
# `3 errors, 1 warning in 2 files`
finding-summary = { $counts } in { $files }
finding-summary-fixable-it = ; it can be fixed with `planlint check --fix`
finding-summary-fixable = ; { $count } of them can be fixed with `planlint check --fix`

# The help line's remedies: each lever on its own.
finding-remedy-one = from this plan's numbers: { $remedy }
finding-remedy-several = from this plan's numbers: { $first }; or, each on its own with the rest unchanged: { $others }
finding-remedy-or-separator = {", or "}
