# planlint 怎样读计划里的值、怎样称呼它们的位置：计划格式的问题、
# 按个人习惯写的值、YAML 写法错误和 `# planlint-disable` 注释（src/lint/）。
# 占位符两边的空格在值不需要时会自动去掉（两个汉字之间、全角标点旁边），
# 所以占位符两边一律留空格即可。

## 句子里围绕计划内容的字词

lint-values-list-separator = 、
lint-values-or = { $first } 或 { $second }
lint-values-did-you-mean = 是不是想写 `{ $suggestion }`？

## 计划里的位置：第 2 个目标 `awareness` 的 `deadline`

lint-values-place-plan = 计划
lint-values-place-goal = 第 { $n } 个目标
lint-values-place-budget-item = 第 { $n } 个预算项
lint-values-place-channel = 第 { $n } 个渠道
lint-values-place-target-customer = 第 { $n } 个目标客户
lint-values-place-competitor = 第 { $n } 个竞争对手
lint-values-place-funnel-stage = 第 { $n } 个漏斗阶段
lint-values-place-team-role = 第 { $n } 个团队角色
lint-values-place-spend-tier = 第 { $n } 个投放档位
lint-values-place-strength = 第 { $n } 个优势
lint-values-place-weakness = 第 { $n } 个劣势
lint-values-place-opportunity = 第 { $n } 个机会
lint-values-place-threat = 第 { $n } 个威胁
lint-values-place-need = 第 { $n } 个需求
lint-values-place-feature = 第 { $n } 个产品特点
lint-values-place-characteristic = 第 { $n } 个特征
lint-values-place-metric = 第 { $n } 个指标
lint-values-place-method = 第 { $n } 个方法
lint-values-place-item = 第 { $n } 项
lint-values-place-list-item = `{ $list }` 的第 { $n } 项
lint-values-place-named = { $item } `{ $name }`
# 第 1 个渠道 `Douyin` 的第 3 个投放档位
lint-values-place-inside = { $outer } 的 { $item }
lint-values-place-field-of = { $item } 的 `{ $field }`
lint-values-place-field = `{ $field }`

## 字段的值是哪一类

lint-values-type-object = 一组字段
lint-values-type-array = 列表
lint-values-type-string = 文本
lint-values-type-number = 数字
lint-values-type-integer = 整数
lint-values-type-boolean = true 或 false
lint-values-type-null = 空值
lint-values-type-any = 值
lint-values-fields-item = 条目

lint-values-found-nothing = 空值
lint-values-found-number = 数字 { $value }
lint-values-found-text = 文本 { $text }

## 计划格式的问题（`$field` 是一个位置）

lint-values-schema-invalid = `schema` 不是有效的 JSON 结构定义：{ $error }
lint-values-schema-root-value = 这个值
lint-values-schema-root-rule = 这条规则
lint-values-schema-root-config = 配置文件
lint-values-schema-fix-rename = 把 `{ $written }` 改名为 `{ $meant }`
lint-values-schema-fix-change = 把 `{ $written }` 改为 `{ $meant }`
lint-values-schema-here-label = 这里
lint-values-schema-empty = { $field } 不能为空
lint-values-schema-empty-label = 为空
lint-values-schema-must-be = { $field } 必须是 { $expected }，实际是 { $found }
lint-values-schema-constant-label = 不是要求的值
lint-values-schema-wrong-type-label = 值的类型不对
lint-values-schema-date = { $field } 必须是真实存在的日期，按 YYYY-MM-DD 写，实际是 { $found }
lint-values-schema-date-label = 不是有效日期
lint-values-schema-date-help = 日期按「年-月-日」写，例如 2026-08-31
lint-values-schema-pattern = { $field } 的写法不符合计划格式，实际是 { $found }
lint-values-schema-pattern-label = 写法不对
lint-values-schema-pattern-help = 照这样写：{ $examples }
lint-values-schema-min-items = { $field } 至少要列出 { $limit } 项
lint-values-schema-min-items-label = 条目太少
lint-values-schema-other = { $field } 的写法不符合计划格式
lint-values-schema-other-help = 计划格式的要求：{ $error }
lint-values-schema-unknown = { $field } 里有未知字段 `{ $key }`
lint-values-schema-unknown-label = 未知字段
lint-values-schema-known-fields = 这里可以写的字段：{ $known }
lint-values-schema-known-fields-x = 这里可以写的字段：{ $known }；自己加的字段请以 `x-` 开头
lint-values-schema-missing = { $field } 缺少必填字段 `{ $name }`
lint-values-schema-missing-label = 缺少这个字段
lint-values-schema-missing-help = 在这里加上 `{ $name }:`
lint-values-schema-one-of = { $field } 必须是 { $allowed } 之一，实际是 { $found }
lint-values-schema-one-of-label = 不是允许的值
lint-values-schema-at-least = { $field } 不能小于 { $limit }，实际是 { $found }
lint-values-schema-at-least-label = 太小
lint-values-schema-at-most = { $field } 不能大于 { $limit }，实际是 { $found }
lint-values-schema-at-most-label = 太大
lint-values-schema-no-form = { $field } 的写法不符合计划格式允许的任何一种形式，实际是 { $found }
lint-values-schema-no-form-help = 请写成 { $kinds }

## 按个人习惯写的值

lint-values-noun-amount = 数字
lint-values-noun-fraction = 0 到 1 之间的小数（如 0.45）
lint-values-noun-rank = 名次（如 1 或 2）
lint-values-noun-date = 真实存在的日期（YYYY-MM-DD）
lint-values-noun-measure = 按目标单位计的数字
lint-values-noun-target = 数字或百分比（如 15%）
lint-values-noun-currency = 货币代码（如 CNY 或 USD）
lint-values-form-message = { $place } 写的是 { $written }，planlint 读作 { $shown }
lint-values-form-label = 读作 { $shown }
lint-values-form-help = 写成 `{ $key }: { $shown }`，这样所有读取计划的工具都能看懂
lint-values-form-help-currency = 写成 `{ $key }: { $shown }`，并设置 `currency: { $currency }`（计划里的金额都用同一种货币）
lint-values-form-fix = 把 { $written } 写成 { $shown }
lint-values-form-currency = { $field } 用的是 { $currency }（{ $written }），而计划的货币是 { $plan }
lint-values-form-currency-help = 请按团队采用的汇率把金额换算成 { $plan } 再写（planlint 不换算货币）；在此之前，需要这个金额的规则无法检查计划
lint-values-form-currency-label = 其他货币
lint-values-form-two-ways = { $field } 写的是 { $written }，有两种读法：日在前是 { $day }，月在前是 { $month }
lint-values-form-two-ways-help = 写成 `{ $key }: { $day }` 或 `{ $key }: { $month }`，看你指的是哪一天；在此之前，需要这个日期的规则无法检查计划
lint-values-form-two-ways-label = 日在前还是月在前？
lint-values-form-choice-day-first = 把 { $written } 写成 { $day }（日在前）
lint-values-form-choice-month-first = 把 { $written } 写成 { $month }（月在前）
lint-values-form-unreadable-help = 请写成 { $noun }：在此之前，需要这个值的规则无法检查计划

## YAML 写法错误

lint-values-syntax-tab-help = 把第 { $line } 行的制表符换成空格（每级缩进两个空格），或者让编辑器自动把制表符转成空格
lint-values-syntax-quote = 第 { $line } 行的 `{ $quote }` 开始了一个带引号的值，但这个引号没有闭合
lint-values-syntax-quote-help = 在同一行用配对的 `{ $quote }` 结束这个值，例如 `{ $key }: { $quote }春季上新{ $quote }`
lint-values-syntax-never-closed = 没有闭合
lint-values-syntax-colon = 第 { $line } 行：`{ $key }` 的值里有 `: `，YAML 会把它当成另一个字段的开头
lint-values-syntax-colon-help = 给这个值加上引号：`{ $key }: "{ $value }"`
lint-values-syntax-needs-quotes = 需要加引号
lint-values-syntax-over-indented = 第 { $line } 行比第 { $previous_line } 行的 `{ $previous }` 缩进得更深，所以 YAML 无法把 `{ $key }` 读成字段
lint-values-syntax-over-indented-help = `{ $key }:` 前面用 { $spaces } 个空格缩进，和上面的 `{ $previous }:` 对齐
lint-values-syntax-indentation = 缩进不对
lint-values-syntax-missing-dash = 第 { $line } 行看起来是第 { $list_line } 行开始的列表里的新条目，但它前面没有 `-`
lint-values-syntax-missing-dash-help = 每个条目都以 `- ` 开头：写成 `- { $shown }`；如果它属于上面那个条目，就缩进 { $spaces } 个空格
lint-values-syntax-missing-dash-label = 缺少 `-`
lint-values-syntax-wrong-indent = 第 { $line } 行缩进了 { $indent } 个空格，但第 { $item_line } 行那个列表条目的字段缩进的是 { $fields } 个空格
lint-values-syntax-wrong-indent-help = `{ $key }` 前面用 { $fields } 个空格缩进，和上面的字段对齐
lint-values-syntax-bracket-list = 第 { $line } 行的 `[` 开始了一个列表，但没有用 `]` 结束
lint-values-syntax-bracket-list-help = 在同一行用 `]` 结束，例如 `channels: [微信, 抖音]`
lint-values-syntax-bracket-group = 第 { $line } 行的 `{"{"}` 开始了一组字段，但没有用 `{"}"}` 结束
lint-values-syntax-bracket-group-help = 在同一行用 `{"}"}` 结束，例如 `period: {"{"}start: 2026-01-01, end: 2026-03-31{"}"}`
lint-values-syntax-comma = 第 { $previous } 行和第 { $line } 行之间缺少 `,`：`{"{"} {"}"}` 或 `[ ]` 里的各项要用逗号隔开
lint-values-syntax-comma-help = 在第 { $line } 行末尾加上 `,`
lint-values-syntax-comma-label = 这后面应该有 `,`
# 读取文件时的英文原话（还没有对应的中文说法时）。
lint-values-syntax-parser-said = 文件写法有误（英文原文：{ $detail }）
lint-values-syntax-colon-starts-field = 这里的 `:` 会开始一个新字段，但这里不能开始字段（如果它是值的一部分，请给值加上引号）
lint-values-syntax-no-field-here = 这里不能开始一个字段
lint-values-syntax-no-item-here = 这里不能开始一个列表条目（`- `）
lint-values-syntax-invalid-indentation = 缩进不对
# 「读取一组字段时：这里应该是一个字段」
lint-values-syntax-while = 读取 { $context } 时：{ $problem }
lint-values-syntax-context-block-mapping = 一组字段
lint-values-syntax-context-block-collection = 列表
lint-values-syntax-context-flow-mapping = `{"{"} {"}"}` 里的一组字段
lint-values-syntax-context-flow-sequence = `[ ]` 列表
lint-values-syntax-context-quoted-scalar = 带引号的值
lint-values-syntax-context-value = 值
lint-values-syntax-context-block-scalar = 多行文本
lint-values-syntax-problem-expected-key = 这里应该是一个字段（`name: value`）
lint-values-syntax-problem-expected-dash = 这里应该是以 `- ` 开头的列表条目
lint-values-syntax-problem-end-of-stream = 文件就结束了
lint-values-syntax-problem-comma-or-bracket = 这里应该是 `,` 或 `]`
lint-values-syntax-problem-comma-or-brace = 这里应该是 `,` 或 `{"}"}`
lint-values-syntax-problem-no-value = 这里缺少值
lint-values-syntax-problem-document-marker = 遇到了开始新文档的一行（`---` 或 `...`）
lint-values-syntax-problem-tab = 遇到了制表符

## `# planlint-disable` 注释

lint-values-suppress-no-rule = 这条屏蔽注释没有写规则 ID
lint-values-suppress-unknown = `{ $id }` 不是规则 ID，所以什么也没有屏蔽
lint-values-suppress-unknown-label = 未知规则
lint-values-suppress-rules-help = 用 `planlint rules` 可以看到所有规则 ID
lint-values-suppress-unused-file = `{ $id }` 在这个文件里没有报告任何问题：这条屏蔽注释没有起作用
lint-values-suppress-unused-line = `{ $id }` 在下一行没有报告任何问题：这条屏蔽注释没有起作用
lint-values-suppress-unused-help = 删掉它，免得它以后把新出现的问题也藏起来
lint-values-suppress-unused-label = 没有屏蔽任何问题
