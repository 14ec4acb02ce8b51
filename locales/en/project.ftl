# The files around the plans: config files, rule packs, baselines, git
# revisions, and reading files. Each error names the file.

project-here = here
# Between items of a list of names (presets, options).
project-list-separator = {", "}

## Reading files

# A file named with its kind, standing in the messages below as `$file`.
project-file-plan = plan { $path }
project-file-config = config file { $path }
project-file-rule-file = rule file { $path }
project-file-baseline = baseline { $path }
# Why the system could not read a file (`$reason` below).
project-io-not-found = no such file or directory
project-io-permission-denied = permission denied
# Any other reason, in the system's own words.
project-io-other = { $system }
project-cannot-read = cannot read { $file }: { $reason }
project-cannot-read-folder = cannot read the folder { $folder }: { $reason }
project-cannot-walk = cannot walk { $folder }: { $reason }
project-file-too-big = { $file } is over the { $limit }-byte limit: not read
project-plan-too-big = { $file } is over the { $max }-byte limit for a plan: not checked
project-plan-too-big-size = { $file } is { $size } bytes, over the { $max }-byte limit for a plan: not checked
project-plan-too-big-help = raise `max_file_size` in .planlint.yaml if this file really is a plan
# Why a file was not opened, said after its name (`$reason` of project-refused).
project-unopened-folder = is a folder, not a file
project-unopened-not-regular = is not a regular file (a device, FIFO or socket): not read
project-unopened-pseudo-file = is a system pseudo-file (/proc, /sys, /dev): planlint never reads those
project-unopened-changed = changed into a non-regular file while opened: not read
project-refused = { $file } { $reason }
project-refused-help = planlint opens regular files only; a plan can still come through stdin with `-`

## Paths a repository's files name

project-refused-git-data = `{ $name }` is inside the repository's .git folder: not read
project-refused-unreadable = cannot read `{ $name }`: { $reason }
project-refused-outside = `{ $name }` is outside the repository ({ $root }): not read
project-outside-help = files in the repository { $root } may name only files inside it (not in .git), after following symlinks; pass files from elsewhere on the command line (see docs/security.md)
project-not-read-label = not read

## Config files

# `$refusal` is a project-refused-... message.
project-config-refused = config file { $refusal }
project-link-outside = `{ $file }` leads through a symlink to a place outside the repository ({ $root }): not read
project-link-git-data = `{ $file }` leads through a symlink into the repository's .git folder: not read
project-link-help = a symlink in a repository is followed only to a place inside it (not in .git), or a pull request could make planlint print the machine's files; to check a file elsewhere, name the file itself
project-config-extends-itself = config file { $file } extends itself: { $chain }
project-config-extends-too-deep = config files extend each other more than { $depth } deep: { $chain }
project-config-extends-too-deep-help = extend a shared base directly instead of through a long chain
project-extends-help = presets: { $presets }; a config file is a path like ./base.planlint.yaml
project-extends-not-regular = { $file } is not a regular file: not read
project-extends-not-regular-label = not a file
project-extends-missing = no such config file: { $file }
project-extends-missing-label = not found
project-rule-pack-label = this rule pack
project-rule-defined-twice = rule `{ $rule }` is defined twice
project-rule-defined-twice-label = loaded again here
project-invalid-override = invalid override
project-rule-always-on = `{ $rule }` cannot be configured: it is always reported
project-rule-always-on-label = always on
project-unknown-rule = unknown rule id `{ $rule }`
project-unknown-rule-label = unknown rule
project-unknown-rule-did-you-mean = did you mean `{ $rule }`? `planlint rules` lists them all
project-unknown-rule-help = `planlint rules` lists every rule id
project-option-none = `{ $rule }` takes no options
project-option-list = `{ $rule }` takes: { $options }
project-option-unknown = unknown option `{ $option }` for rule `{ $rule }`
project-option-unknown-label = unknown option
# `$kind` is the kind of value (a number, a list of strings ...).
project-option-expected-kind = expected { $kind }
# `$range` is the values allowed (1 to 10, one of "a", "b" ...).
project-option-expected-range = expected { $range }
# `$why` says what the value must be ("must be at least 1, not 0").
project-option-refused = option `{ $option }` of `{ $rule }` { $why }
project-option-default = default: { $default }
# `$reason` is the glob library's own words.
project-invalid-glob = invalid glob: { $reason }
project-invalid-glob-label = invalid glob
project-invalid-globs = invalid globs: { $reason }
project-invalid-globs-label = invalid globs

## Rule packs

project-pack-not-regular = { $path } is not a regular file or folder: not read
project-pack-missing = no such rule file or folder: { $path }
# `$refusal` is a project-refused-... message.
project-pack-file-refused = rule file { $refusal }
project-pack-file-unreadable = rule file cannot read `{ $name }`: { $reason }
project-pack-empty = `{ $entry }` names no rule files
project-pack-key-not-a-name = `pack` must be a name, like `acme`
project-pack-key-not-a-name-label = not a name
project-pack-name-not-kebab = the pack name `{ $name }` is not kebab-case
project-pack-name-label = pack name
project-pack-name-help = rule ids are `PACK/ID` in kebab-case: name the pack like `house-rules`
project-pack-no-name = this rule file has no pack name
project-pack-no-name-label = which pack?
project-pack-no-name-help = add `pack: NAME` at the top of the file, or list it in .planlint.yaml as `rule_packs: [{"{"}path: FILE, pack: NAME{"}"}]`; a file in a folder of the repository takes the folder's name
project-pack-unknown-key = unknown key `{ $key }` in a file of several rules
project-pack-unknown-key-label = unknown key
project-pack-unknown-key-help = a file of several rules holds `pack`, `docs_url` and `rules`; each rule's keys go in its item of `rules`
project-pack-rules-not-a-list = `rules` must be a list of rules
project-pack-rules-not-a-list-label = not a list of rules
# `$reason` is the reader's own words.
project-pack-not-a-rule = not a rule definition: { $reason }
project-pack-rule-problem = rule `{ $rule }`: { $problem }

## Baselines

# `$reason` is the JSON reader's own words.
project-not-a-baseline = { $file } is not a planlint baseline: { $reason }
project-not-a-baseline-help = write one with `planlint check --write-baseline FILE`
project-baseline-version = { $file }: baseline version { $version } is not supported (this planlint reads version 1)
project-baseline-no-version = { $file }: baseline no version is not supported (this planlint reads version 1)
project-baseline-version-help = write it again with this planlint: `planlint check --write-baseline FILE`

## Git revisions

project-git-revision-empty = the git revision is empty
project-git-revision-dash = `{ $revision }` is not a git revision: a revision cannot start with `-`
# `$revision` is quoted, its control characters escaped.
project-git-revision-control = { $revision } is not a git revision
project-git-no-repository = { $folder } is not inside a git repository: cannot read a git revision
project-git-no-repository-help = run planlint inside the repository's work tree
project-git-not-a-commit = `{ $revision }` is not a commit of this git repository
project-git-not-a-commit-help = name a branch, tag or commit, e.g. `origin/main` or `HEAD~1` (fetch it first in a shallow clone)
project-git-outside = { $file } is outside the git repository { $root }: it has no version there
project-git-unnameable = { $file } cannot be named in git
project-git-not-a-path = `{ $path }` is not a path inside the repository
project-git-not-a-path-help = write the path from the repository's root, or `./PATH` from the current folder
# `$named` is `REVISION:PATH`.
project-git-folder = `{ $named }` is a folder in git, not a plan file
project-git-not-a-file = `{ $named }` is not a file in git, not a plan file
project-git-not-a-file-help = name a plan file, e.g. `origin/main:plans/spring.plan.yaml`
project-git-too-big-size = `{ $file }` is { $size } bytes, over the limit of { $max } bytes for a plan: not read
project-git-too-big-help = raise `max_file_size` in .planlint.yaml if the plan really is this big
project-git-too-big = `{ $named }` is over the limit of { $limit } bytes for a plan: not read
project-git-no-output = cannot read git's output
# `$git` is what git said.
project-git-could-not-read = git could not read `{ $named }`: { $git }
project-git-read-failed = cannot read `{ $named }` from git: { $reason }
project-git-cannot-talk = cannot talk to git: { $reason }
project-git-cannot-run = cannot run git: { $reason }
project-git-cannot-run-help = install git, or compare two files instead of a revision

## What is wrong with a glob (the glob library's words, exactly)

project-glob-invalid-recursive = invalid use of **; must be one path component
project-glob-unclosed-class = unclosed character class; missing ']'
project-glob-invalid-range = invalid range; '{ $start }' > '{ $end }'
project-glob-unopened-alternates = unopened alternate group; missing '{"{"}' (maybe escape '{"}"}' with '[{"}"}]'?)
project-glob-unclosed-alternates = unclosed alternate group; missing '{"}"}' (maybe escape '{"{"}' with '[{"{"}]'?)
project-glob-nested-alternates = nested alternate groups are not allowed
project-glob-dangling-escape = dangling '\'
project-baseline-language = { $file }: this baseline was written in `{ $written }` and this run speaks `{ $speaking }`; findings are matched by their words, so none would match
project-baseline-language-help = run with `--lang { $written }` (or set `lang: { $written }` in .planlint.yaml so every run speaks the same), or write the baseline again in this language with `--write-baseline`
