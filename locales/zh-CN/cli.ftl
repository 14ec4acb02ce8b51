# 命令行自己的文字：各命令（`check`、`fix`、`diff`、`report`、`metrics --set`、
# `init`、`schema`、`test-rules`、`explain`）的错误和说明。`--help` 保持英文。

cli-internal-rules = planlint 内置规则出现内部错误：{ $error }
cli-error-line = 错误：{ $error }
# 终端里错误下方建议前的标签，和英文一样占 8 列。
cli-help-label = {"  "}建议：
cli-working-directory = 无法读取当前文件夹：{ $error }
cli-list-separator = 、
cli-stdin = 标准输入
cli-cannot-write = 无法写入 { $file }：{ $error }

## planlint rules
cli-rules-meta = （系统规则）
cli-severity-error = 错误
cli-severity-warning = 警告
cli-severity-info = 提示

## planlint explain
cli-unknown-rule = 没有名为 `{ $id }` 的规则
cli-unknown-rule-did-you-mean = 你要找的是不是 `{ $suggestion }`？`planlint rules` 会列出所有规则
cli-unknown-rule-help = `planlint rules` 会列出所有规则名

## planlint metrics
cli-stdin-unreadable = 无法读取标准输入：{ $error }
cli-stdin-too-big = 标准输入超过了计划文件 { $limit } 字节的上限：未读取
cli-stdin-refused = 标准输入{ $reason }
cli-metrics-unrenderable = 无法生成指标表：{ $error }
cli-what-if-unwritable = 无法写出改动后的计划：{ $error }
# 「a.plan.yaml（假设 cac=300、budget.total=50000）」
cli-what-if-label = { $plan }（假设 { $settings }）
cli-what-if-unrenderable = 无法生成假设对比：{ $error }

## planlint test-rules（第一个词占 8 列）
cli-test-rules-ok = 通过    { $rule }
cli-test-rules-ok-untested = 通过    { $rule }（没有应当触发规则的示例，所以什么也没运行）
cli-test-rules-failed = 失败    { $rule }
cli-test-rules-untested = 没有示例的规则：{ $rules }（请加上 `examples: {"{"}fails: ..., passes: ...{"}"}`，这样从不触发的规则才会被发现）
cli-test-rules-total = { $passed } 条通过，{ $failed } 条失败

## planlint schema 和 init
cli-schema-written = 已将 { $count } 个 JSON 架构文件写入 { $dir }。在计划开头写上这一行（路径相对于计划文件）：
cli-init-json-internal = 内部错误：无法把起步计划写成 JSON
cli-init-written = 已写入 { $file }：填好内容后，运行 `planlint check { $file }`。
cli-init-exists = { $file } 已经存在：planlint init 从不覆盖已有文件
cli-init-exists-help = 换一个文件名，例如 `planlint init launch.plan.yaml`

## planlint check
cli-changed-while-checking = { $file } 在 planlint 检查期间被改动过：报告把它的问题都放在了文件开头
cli-check-again = 请重新检查一次
cli-fix-stdin = --fix 会改写文件：从标准输入读取的计划请用 --fix --diff
cli-fixed = planlint 已修正 { $files } 个文件中的 { $findings } 个问题
cli-would-fix = planlint 可以修正 { $files } 个文件中的 { $findings } 个问题
cli-link-not-followed = 警告：{ $path } 是符号链接，未检查：遍历文件夹时不跟随链接；请直接指定它指向的位置，或直接指定该链接（它必须指向仓库之内）
cli-no-plan-in-folder = 警告：{ $folder } 中没有计划文件：planlint 检查名为 *.plan.yaml、*.plan.yml 或 *.plan.json 的文件，以及配置中 `include` 指定的文件
cli-nothing-checked = 没有检查任何文件：找不到计划文件
cli-nothing-checked-help = 请指定计划文件，或存放 *.plan.yaml 文件的文件夹；并看看配置中的 `include`
cli-cannot-write-report = 无法写入报告：{ $error }
cli-baseline-recorded = 已将 { $count } 个问题记入 { $file }。
cli-rule-source = 出处：{ $source }
cli-step-summary-unwritable = 无法写入步骤摘要 { $file }：{ $error }

## planlint diff
cli-diff-internal = 内部错误：对比需要两个版本
cli-diff-unrenderable = 无法生成对比：{ $error }
cli-diff-name-a-plan = 请指定一个计划文件，或用 `REV:PATH` 指定 Git 中的某个版本（例如 `HEAD~1:plans/a.plan.yaml`）
cli-diff-no-file = `{ $argument }` 的 `:` 后面没有文件名
cli-diff-no-file-help = 请写成 `REV:PATH`，例如 `origin/main:plans/a.plan.yaml`
cli-diff-revision-help = 如果文件名本身含有 `:`，请写成 `./{ $argument }`；如果是版本，请写分支、标签或提交，例如 `origin/main:{ $file }`
cli-diff-not-in-revision = `{ $revision }` 中没有 { $file }
cli-diff-not-in-revision-help = Git 从仓库根目录读取 PATH；要写从当前文件夹算起的路径，请用 `./PATH`

## planlint report
cli-report-nothing = 没有找到计划文件：没有可报告的内容
cli-report-nothing-help = 请指定计划文件，或存放 *.plan.yaml、*.plan.yml 或 *.plan.json 文件的文件夹
cli-report-unrenderable = 无法生成报告：{ $error }
cli-report-written = 已写入 { $file }（{ $count } 份计划）。

## 写入文件（--fix、schema）
cli-cannot-read-folder = 无法读取文件夹 { $folder }：{ $error }
cli-cannot-create = 无法创建 { $folder }：{ $error }
cli-fix-outside = { $file } 指向仓库 { $root } 之外：--fix 不会写到那里
cli-fix-outside-help = --fix 只改写所在仓库里的文件（符号链接只有指向仓库内的文件时才会跟随）；请在存放该文件的仓库里运行（见 docs/security.md）
cli-not-regular-file = 无法写入 { $file }：它不是普通文件
cli-read-only = { $file } 是只读文件：--fix 不会改动它
cli-read-only-help = 如果需要修正，请先把它改为可写；或者用 `--fix --diff` 查看要做的修正
cli-changed-while-fixing = { $file } 在 planlint 修正期间被改动过：没有写入任何内容
cli-fix-again = 请重新运行 `planlint check --fix`
cli-symlink-refused = { $file } 是符号链接：planlint 不会通过它写入
cli-symlink-refused-help = 请删除这个链接（仓库里的链接可能被人用来把写入引到别处），或者换一个文件夹
