# planlint 对自己规则的说明：`planlint explain`、`planlint rules` 列表、
# 规则页面（`planlint rules --format markdown`），以及规则定义里选项的类型、
# 取值范围和写错时的提示。

## 级别

rule-severity-error = 错误
rule-severity-warning = 警告
rule-severity-info = 提示

## `explain` 和规则页面共用的标题

rule-why = 为什么
rule-source = 出处
rule-options = 选项
rule-fails = 不通过的例子
rule-passes = 通过的例子
rule-always-reported = 总会报告：不能关闭。

## `planlint explain RULE`

rule-explain-title = { $rule }（默认级别：{ $severity }）
rule-explain-defined-in = 定义在 { $file }
rule-explain-not-given = 未写明
rule-explain-no-options = 无
rule-explain-option = { $option }（{ $kind }，默认 { $default }）：{ $description }
rule-explain-option-range = { $option }（{ $kind }，默认 { $default }，{ $range }）：{ $description }
rule-explain-with-rule = 检查例子用的规则
rule-explain-examples = 例子
rule-explain-no-examples = 没有给出
rule-explain-configure = 在 .planlint.yaml 中配置
rule-explain-docs = 文档：{ $url }
rule-snippet-default = 默认值
rule-snippet-your-own = 你自己的
rule-snippet-keeps-built-in = 写上 "{ $marker }" 就保留内置清单

## 规则页面（`planlint rules --format markdown`，docs/rules.md）

rule-docs-title = 规则
rule-docs-intro = 每条规则都有一个 id（在配置和屏蔽注释中使用）、默认级别、存在的理由和思路出处、选项，以及一个不通过的例子和一个通过的例子（测试会把两者都跑一遍）。元规则（下表中标为 *元规则*）是关于文件本身或屏蔽注释的问题。
rule-docs-index-header = | id | 默认级别 | 概要 |
rule-docs-meta = （元规则）
rule-docs-default-severity = **默认级别**：{ $severity }
rule-docs-source = **出处**：{ $source }
rule-docs-no-options = 无。
rule-docs-options-header = | 选项 | 类型 | 默认值 | 说明 |
rule-docs-option-range = { $description }取值范围：{ $range }。
rule-docs-configure = 在 `.planlint.yaml` 中（列表里写上 `"..."` 就保留内置条目，再加上你自己的）：
rule-docs-with-rule = 检查例子用的规则包规则

## 规则的选项：类型、取值，以及值被拒绝的原因

rule-type-integer = 整数
rule-type-number = 数字
rule-type-string = 文字
rule-type-boolean = 是或否
rule-type-string-list = 文字列表
rule-type-number-map = 名称各配一个数字
rule-type-expected-integer = 整数
rule-type-expected-number = 数字
rule-type-expected-string = 文字
rule-type-expected-boolean = 是或否
rule-type-expected-string-list = 文字列表
rule-type-expected-number-map = 名称各配一个数字
rule-list-separator = 、
rule-range-one-of = 取 { $values } 之一
rule-range-between = { $minimum } 到 { $maximum }
rule-range-at-least = 至少 { $minimum }
rule-range-at-most = 至多 { $maximum }
rule-option-must-be = 必须是{ $kind }
rule-option-at-least-not = 必须至少为 { $minimum }，而不是 { $value }
rule-option-at-most-not = 必须至多为 { $maximum }，而不是 { $value }
rule-option-one-of-not = 必须是 { $values } 之一，而不是 { $value }

## 规则包里规则定义的错误

rule-problem-id = 规则 id `{ $rule }` 只能由小写字母、数字和连字符组成，例如 `channel-cap`
rule-problem-default = 选项 `{ $option }`：默认值{ $refusal }
rule-problem-check-option = 检查的选项引用了 `$options.{ $option }`，但规则没有声明这个选项
rule-problem-given-option = `{ $path }` 引用了 `$options.{ $option }`，但规则没有声明这个选项
rule-problem-no-given = 这项检查没有 `given`，规则本身也没有：请说明要检查计划的哪些部分，例如 `given: $.channels[*]`
