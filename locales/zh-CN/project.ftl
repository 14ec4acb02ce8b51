# 计划周围的文件：配置文件、规则包、基线文件、Git 版本，以及文件的读取。每条错误都会写明是哪个文件。

project-here = 这里
# 名称列表（预设、选项）中各项之间的分隔符。
project-list-separator = 、

## 读取文件

# 带类型的文件名，在下面的消息中作为 `$file` 使用。
project-file-plan = 计划 { $path }
project-file-config = 配置文件 { $path }
project-file-rule-file = 规则文件 { $path }
project-file-baseline = 基线文件 { $path }
project-io-not-found = 文件或文件夹不存在
project-io-permission-denied = 没有权限
# 其他原因，是操作系统的原话。
project-io-other = 系统提示「{ $system }」
project-cannot-read = 无法读取 { $file }：{ $reason }
project-cannot-read-folder = 无法读取文件夹 { $folder }：{ $reason }
project-cannot-walk = 无法遍历文件夹 { $folder }：{ $reason }
project-file-too-big = { $file } 超过了 { $limit } 字节的上限：没有读取
project-plan-too-big = { $file } 超过了计划文件 { $max } 字节的上限：没有检查
project-plan-too-big-size = { $file } 有 { $size } 字节，超过了计划文件 { $max } 字节的上限：没有检查
project-plan-too-big-help = 如果这个文件确实是计划，请在 .planlint.yaml 中调高 `max_file_size`
# 文件没有打开的原因，接在文件名之后（project-refused 中的 `$reason`）。
project-unopened-folder = 是文件夹，不是文件
project-unopened-not-regular = 不是普通文件（而是设备、管道或套接字）：没有读取
project-unopened-pseudo-file = 是系统的伪文件（/proc、/sys、/dev）：planlint 从不读取这类文件
project-unopened-changed = 在打开时变成了非普通文件：没有读取
project-refused = { $file } { $reason }
project-refused-help = planlint 只打开普通文件；计划仍然可以用 `-` 从标准输入传入

## 仓库中的文件所写的路径

project-refused-git-data = `{ $name }` 在仓库的 .git 文件夹中：没有读取
project-refused-unreadable = 无法读取 `{ $name }`：{ $reason }
project-refused-outside = `{ $name }` 在仓库（{ $root }）之外：没有读取
project-outside-help = 仓库 { $root } 中的文件只能引用仓库内的文件（不能是 .git 中的文件），符号链接会先解析再判断；仓库外的文件请在命令行中传入（见 docs/security.md）
project-not-read-label = 没有读取

## 配置文件

project-config-refused = 配置文件 { $refusal }
project-link-outside = `{ $file }` 经由符号链接指向仓库（{ $root }）之外：没有读取
project-link-git-data = `{ $file }` 经由符号链接指向仓库的 .git 文件夹：没有读取
project-link-help = 仓库中的符号链接只会跟随到仓库内的位置（不含 .git），否则拉取请求就能让 planlint 把机器上的文件打印出来；要检查仓库外的文件，请直接写出该文件本身的路径
project-config-extends-itself = 配置文件 { $file } 继承了它自己：{ $chain }
project-config-extends-too-deep = 配置文件之间的继承超过了 { $depth } 层：{ $chain }
project-config-extends-too-deep-help = 请直接继承共用的基础配置，不要经过一长串配置文件
project-extends-help = 预设：{ $presets }；配置文件要写成路径，例如 ./base.planlint.yaml
project-extends-not-regular = { $file } 不是普通文件：没有读取
project-extends-not-regular-label = 不是文件
project-extends-missing = 配置文件不存在：{ $file }
project-extends-missing-label = 找不到
project-rule-pack-label = 这个规则包
project-rule-defined-twice = 规则 `{ $rule }` 定义了两次
project-rule-defined-twice-label = 在这里又加载了一次
project-invalid-override = 无效的 `overrides` 条目
project-rule-always-on = `{ $rule }` 不能配置：它总会被报告
project-rule-always-on-label = 始终开启
project-unknown-rule = 未知的规则 `{ $rule }`
project-unknown-rule-label = 未知的规则
project-unknown-rule-did-you-mean = 是不是想写 `{ $rule }`？`planlint rules` 会列出所有规则
project-unknown-rule-help = `planlint rules` 会列出所有规则
project-option-none = `{ $rule }` 没有选项
project-option-list = `{ $rule }` 的选项有：{ $options }
project-option-unknown = 规则 `{ $rule }` 没有选项 `{ $option }`
project-option-unknown-label = 未知的选项
project-option-expected-kind = 应为{ $kind }
project-option-expected-range = 应为{ $range }
project-option-refused = `{ $rule }` 的选项 `{ $option }` { $why }
project-option-default = 默认值：{ $default }
project-invalid-glob = 无效的文件匹配模式：{ $reason }
project-invalid-glob-label = 无效的匹配模式
project-invalid-globs = 无效的文件匹配模式：{ $reason }
project-invalid-globs-label = 无效的匹配模式

## 规则包

project-pack-not-regular = { $path } 不是普通文件或文件夹：没有读取
project-pack-missing = 规则文件或文件夹不存在：{ $path }
project-pack-file-refused = 规则文件 { $refusal }
project-pack-file-unreadable = 无法读取规则文件 `{ $name }`：{ $reason }
project-pack-empty = `{ $entry }` 中没有规则文件
project-pack-key-not-a-name = `pack` 必须是一个名称，例如 `acme`
project-pack-key-not-a-name-label = 不是名称
project-pack-name-not-kebab = 规则包名称 `{ $name }` 不是 kebab-case（小写字母和数字，用 `-` 连接）
project-pack-name-label = 规则包名称
project-pack-name-help = 规则 ID 的写法是 kebab-case 的 `PACK/ID`：请把规则包命名为 `house-rules` 这样的形式
project-pack-no-name = 这个规则文件没有规则包名称
project-pack-no-name-label = 属于哪个规则包？
project-pack-no-name-help = 请在文件开头加上 `pack: NAME`，或在 .planlint.yaml 中写成 `rule_packs: [{"{"}path: FILE, pack: NAME{"}"}]`；放在仓库某个文件夹中的规则文件会以文件夹名作为规则包名称
project-pack-unknown-key = 包含多条规则的文件中有未知的字段 `{ $key }`
project-pack-unknown-key-label = 未知的字段
project-pack-unknown-key-help = 包含多条规则的文件只能有 `pack`、`docs_url` 和 `rules`；每条规则的字段写在 `rules` 中它自己的条目里
project-pack-rules-not-a-list = `rules` 必须是由规则组成的列表
project-pack-rules-not-a-list-label = 不是规则列表
project-pack-not-a-rule = 不是有效的规则定义：{ $reason }
project-pack-rule-problem = 规则 `{ $rule }`：{ $problem }

## 基线文件

project-not-a-baseline = { $file } 不是 planlint 的基线文件：{ $reason }
project-not-a-baseline-help = 可用 `planlint check --write-baseline FILE` 生成一个
project-baseline-version = { $file }：不支持第 { $version } 版的基线文件（这个 planlint 只能读取第 1 版）
project-baseline-no-version = { $file }：基线文件没有写版本，无法读取（这个 planlint 只能读取第 1 版）
project-baseline-version-help = 请用这个 planlint 重新生成：`planlint check --write-baseline FILE`

## Git 版本

project-git-revision-empty = Git 版本是空的
project-git-revision-dash = `{ $revision }` 不是 Git 版本：版本不能以 `-` 开头
project-git-revision-control = { $revision } 不是 Git 版本
project-git-no-repository = { $folder } 不在 Git 仓库中：无法读取 Git 版本
project-git-no-repository-help = 请在仓库的工作目录中运行 planlint
project-git-not-a-commit = `{ $revision }` 不是这个 Git 仓库中的提交
project-git-not-a-commit-help = 请写分支、标签或提交，例如 `origin/main` 或 `HEAD~1`（浅克隆的仓库请先拉取它）
project-git-outside = { $file } 在 Git 仓库 { $root } 之外：它在仓库中没有版本
project-git-unnameable = { $file } 无法在 Git 中表示
project-git-not-a-path = `{ $path }` 不是仓库中的路径
project-git-not-a-path-help = 请写从仓库根目录开始的路径，或从当前文件夹开始的 `./PATH`
project-git-folder = `{ $named }` 在 Git 中是文件夹，不是计划文件
project-git-not-a-file = `{ $named }` 在 Git 中不是文件，不是计划文件
project-git-not-a-file-help = 请写计划文件，例如 `origin/main:plans/spring.plan.yaml`
project-git-too-big-size = `{ $file }` 有 { $size } 字节，超过了计划文件 { $max } 字节的上限：没有读取
project-git-too-big-help = 如果计划确实这么大，请在 .planlint.yaml 中调高 `max_file_size`
project-git-too-big = `{ $named }` 超过了计划文件 { $limit } 字节的上限：没有读取
project-git-no-output = 无法读取 Git 的输出
project-git-could-not-read = Git 无法读取 `{ $named }`：{ $git }
project-git-read-failed = 无法从 Git 读取 `{ $named }`：{ $reason }
project-git-cannot-talk = 无法与 Git 通信：{ $reason }
project-git-cannot-run = 无法运行 Git：{ $reason }
project-git-cannot-run-help = 请安装 Git，或者改为比较两个文件，而不是一个 Git 版本

## 文件匹配模式哪里写错了

project-glob-invalid-recursive = `**` 的用法不对：它必须单独作为路径中的一级
project-glob-unclosed-class = 字符组没有闭合：`[` 之后缺少 `]`
project-glob-invalid-range = 无效的字符范围：`{ $start }` 排在 `{ $end }` 之后
project-glob-unopened-alternates = 多了一个 `{"}"}`：前面缺少对应的 `{"{"}`（如果要匹配 `{"}"}` 本身，请写成 `[{"}"}]`）
project-glob-unclosed-alternates = `{"{"}` 没有闭合：缺少对应的 `{"}"}`（如果要匹配 `{"{"}` 本身，请写成 `[{"{"}]`）
project-glob-nested-alternates = 不能在 `{"{"} {"}"}` 中再嵌套 `{"{"} {"}"}`
project-glob-dangling-escape = 末尾多了一个 `\`
project-baseline-language = { $file }：这份基线是用 `{ $written }` 写的，而这次检查用的是 `{ $speaking }`；问题按文字比对，换了语言就一条也对不上
project-baseline-language-help = 加上 `--lang { $written }` 再运行（或者在 .planlint.yaml 里写上 `lang: { $written }`，让每次检查都用同一种语言），或者用 `--write-baseline` 按现在的语言重新生成基线
