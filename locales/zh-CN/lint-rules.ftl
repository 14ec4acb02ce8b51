# 规则检查说的话：代码填进规则消息的值、检查函数自己的消息、补救办法、
# 用户表达式（CEL）、推算出的数字及其名称、假设分析（`metrics --set`）、test-rules。

## 规则消息里的片段

# 引用方案里的文字（「待定」）。
lint-rules-quoted = 「{ $text }」
lint-rules-list-separator = 、
lint-rules-or-separator = {" 或 "}
lint-rules-and-separator = ，
# 较长列表的前几项。
lint-rules-list-and-more = { $list }等
# `{placeholder}`，紧跟在「没有负责人」之后。
lint-rules-answered-placeholder = ：{ $text }只是占位词
# `{side}`：「截止日期 2026-12-31 在执行周期之后（2026-08-31）」。
lint-rules-date-before = 之前
lint-rules-date-after = 之后
# `{marginal_cac}`：「边际获客成本为 500 CNY」。
lint-rules-marginal-cac-rises = { $amount }
lint-rules-marginal-cac-unbounded = 无上限（加大投入也没有新客户）
# 没有填写的值，作 `{value}`。
lint-rules-numeric-nothing = （空）
# `{ltv_basis}`，紧跟在客户终身价值的金额之后。
lint-rules-ltv-basis = （客单价 { $order_value } × 毛利率 { $margin } × 每年购买 { $purchases } 次 × { $years } 年）
# 推算数字里没有名称的渠道。
lint-rules-unnamed-channel = 第 { $ordinal } 个渠道

## 值应当是什么（`{noun}`）

lint-rules-noun-number = 数字
lint-rules-noun-one-way-date = 只有一种读法的日期（YYYY-MM-DD）
lint-rules-noun-amount-in-currency = 以方案币种计的金额

## 问题

lint-rules-label-here = 这里
lint-rules-no-field-here = 这里没有 { $field }
lint-rules-label-cannot-be-read = 无法读取
lint-rules-unreadable = { $place } 写的是 { $written }，不是{ $noun }：这条规则无法检查它
lint-rules-unreadable-help = 请在这里写上{ $noun }，规则才能检查方案
lint-rules-remedy-then-help = { $remedy }；{ $help }
lint-rules-help-then-note = { $help }；{ $note }
lint-rules-shared-anchor = 这个值来自锚点（`&name`），其他地方也在共用：请到写锚点的地方修改
lint-rules-rule-error = 规则 `{ $rule }`（{ $place }）无法在这里求值：{ $reason }
# `lint-rules-rule-error` 里紧挨在原因之前的文字。
lint-rules-rule-error-reason-marker = 无法在这里求值：
lint-rules-rule-error-help = 请修改 { $place } 中的这条规则；`planlint test-rules` 会用规则自带的示例运行它
lint-rules-label-rule-fails = 规则在这里出错
lint-rules-placeholder-unfilled = 消息占位符 `{"{"}{ $name }{"}"}` 在这里没有值：请改用这个位置或方案一定会有的字段、规则的选项，或写成 `{"{"}metrics.NAME{"}"}` 的推算数字

## 被 YAML 拆开的数字，以及可能是千位分隔的小数点

lint-rules-flow-yaml-read = 在 `{"{"}...{"}"}` 里，逗号会结束一个值，所以 YAML 读到的是 `{ $value }`，外加另外的{ $count ->
       *[other] 字段
    } { $fields }
lint-rules-flow-explained = { $message }（{ $read }）
lint-rules-flow-help-quote = { $help }；或者给它加上引号，或者把这一项改写成块格式（每行一个字段）
lint-rules-flow-help-no-comma = { $help }，`{"{"}...{"}"}` 里不要有逗号
lint-rules-flow-split = { $place } 写成了不带引号的 { $written }：{ $read }；planlint 按原文读取
lint-rules-flow-split-help = 写成 { $quoted }，这样每个工具读到的都一样
lint-rules-flow-split-help-number = 写成 { $number }（不带逗号）或 { $quoted }，这样每个工具读到的都一样
lint-rules-flow-split-label = YAML 在逗号处把它拆开了
lint-rules-flow-split-fix = 把 { $written } 写成 { $replacement }
lint-rules-decimal-point = { $place } 写成了 { $written }，有两种读法：按小数点读是 { $decimal }，按千位分隔读是 { $thousands }；planlint 按 { $decimal } 读取
lint-rules-decimal-point-help = 如果指的是 { $thousands }，就写 { $thousands }；如果指的是 { $decimal }，就写 { $decimal }
lint-rules-decimal-point-label = 是小数点还是千位分隔？
lint-rules-decimal-point-fix-thousands = 把 { $written } 写成 { $number }（千位分隔）
lint-rules-decimal-point-fix-decimal = 把 { $written } 写成 { $number }（小数点）

## 补救办法：只改一个字段就能满足规则的值

# 快速修正的标题。
lint-rules-remedy-action = 把{ $label }设为 { $value }
lint-rules-remedy-action-because = 把{ $label }设为 { $value }（{ $reason }）
# 每个可调整项的名称。
lint-rules-lever-cac = 获客成本
lint-rules-lever-ltv = 客户终身价值
lint-rules-lever-average-order-value = 客单价
lint-rules-lever-purchases-per-year = 每年购买次数
lint-rules-lever-gross-margin = 毛利率
lint-rules-lever-lifetime-years = 客户生命周期（年）
lint-rules-lever-budget-total = 预算总额
lint-rules-lever-amount-of = { $line } 的金额
lint-rules-lever-channel-budget = 渠道 `{ $channel }` 的预算
lint-rules-lever-test-revenue = 渠道 `{ $channel }` 的测试收入
lint-rules-lever-period-start = 执行周期的开始日期（`period.start`）
lint-rules-lever-period-end = 执行周期的结束日期（`period.end`）
# 为什么是这个值（在快速修正的标题里跟在值后面）。
lint-rules-remedy-break-even = 保本
lint-rules-remedy-profit-per-customer = 每位客户赚 { $amount }
lint-rules-remedy-ltv-cac = LTV/CAC 达到 { $ratio }
lint-rules-remedy-cac-ltv = CAC/LTV 降到 { $ratio }
lint-rules-remedy-payback = { $months }回本
lint-rules-remedy-covers-the-plan = 足够覆盖方案的支出
lint-rules-remedy-less = 减少 { $amount }
lint-rules-remedy-last-profitable-tier = 最后一个赚钱的投入档位
lint-rules-remedy-return = 回报达到 { $ratio }
lint-rules-remedy-test-size = 保持测试规模
lint-rules-remedy-inside-the-period = 落在执行周期之内
lint-rules-remedy-covers-the-deadline = 覆盖截止日期
lint-rules-remedy-needs-no = 无需 { $excuses }
# 用文字说出的每个补救办法。
lint-rules-remedy-cac-lower = 获客成本 { $cac }（{ $reason }：比 { $current } 低 { $lower }，即降低 { $percent }%）
lint-rules-remedy-cac-payback = 获客成本 { $cac }（{ $reason }，降低 { $lower }）
lint-rules-remedy-ltv = 客户终身价值 { $amount }
lint-rules-remedy-average-order-value = 客单价 { $amount }
lint-rules-remedy-purchases-per-year = 每年购买 { $purchases } 次
lint-rules-remedy-gross-margin = 毛利率 { $margin }
lint-rules-remedy-lifetime-years = 客户留存 { $months } 个月（`lifetime_years: { $years }`）
lint-rules-remedy-budget-cut = 从渠道或其他费用中削减 { $excess }，或者把 `budget.total` 提高到 { $total }
lint-rules-remedy-budget-cut-for-example = 从渠道或其他费用中削减 { $excess }（例如{ $example }），或者把 `budget.total` 提高到 { $total }
lint-rules-line-channel = 渠道 `{ $name }`
lint-rules-line-budget-item = 预算条目 `{ $name }`
lint-rules-remedy-line-to-zero = 把{ $line }降到 0
lint-rules-remedy-line-from-to = 把{ $line }从 { $from } 降到 { $to }
lint-rules-remedy-cut-line = 把{ $line }从 { $from } 削减到 { $to }
lint-rules-this-channel = 这个渠道
lint-rules-remedy-stop-scaling = 渠道 `{ $channel }` 的投入停在 { $spend }：再往上一档，每个新客户要花 { $cost }，超过了客户终身价值 { $ltv }
lint-rules-remedy-stop-scaling-no-customers = 渠道 `{ $channel }` 的投入停在 { $spend }：再往上一档不会带来新客户
lint-rules-remedy-test-revenue = 渠道 `{ $channel }` 的测试用 { $budget } 的预算带来 { $revenue } 的收入（回报 { $ratio }）
lint-rules-remedy-keep-test-budget = 在新的测试证明能赚钱之前，渠道 `{ $channel }` 只投测试预算 { $budget }
lint-rules-remedy-date-or-earlier = { $place } 定在 { $date } 或更早
lint-rules-remedy-date-or-later = { $place } 定在 { $date } 或更晚
lint-rules-remedy-period-ends = 执行周期延长到 { $date } 结束
lint-rules-remedy-period-starts = 执行周期提前到 { $date } 开始
lint-rules-remedy-below-threshold = { $place } 不超过 { $amount }，这样就无需 { $excuses }

## 推算出的数字（metrics 表、报告、对比、悬停提示）

lint-rules-section-unit-economics = 单位经济模型
lint-rules-section-budget = 预算
lint-rules-direction-at-least = 不低于
lint-rules-direction-at-most = 不超过
lint-rules-unit-months = { $months } 个月
lint-rules-unit-month = 1 个月
lint-rules-metric-cac-label = 获客成本
lint-rules-metric-cac-meaning = 赢得一位客户的成本
lint-rules-metric-ltv-label = 客户终身价值
lint-rules-metric-ltv-meaning = 方案中直接给出的值
lint-rules-metric-ltv-cac-ratio-label = LTV/CAC
lint-rules-metric-ltv-cac-ratio-note = 3 或以上为健康
lint-rules-metric-ltv-cac-ratio-meaning = 每投入一单位获客成本，客户带来的价值
lint-rules-metric-cac-ltv-ratio-label = CAC/LTV
lint-rules-metric-cac-ltv-ratio-note = 大于 1 则每个客户都在亏钱
lint-rules-metric-profit-per-customer-label = 每位客户的利润
lint-rules-metric-profit-per-customer-note = LTV - CAC
lint-rules-metric-monthly-margin-per-customer-label = 每月毛利
lint-rules-metric-monthly-margin-per-customer-note = 每位客户
lint-rules-metric-payback-months-label = 回本周期
lint-rules-metric-budget-total-label = 预算总额
lint-rules-metric-budget-total-short-label = 总额
lint-rules-metric-budget-planned-label = 计划支出
lint-rules-metric-budget-planned-short-label = 计划支出
lint-rules-metric-budget-channels-label = 渠道支出
lint-rules-metric-budget-channels-short-label = 渠道
lint-rules-metric-budget-other-costs-label = 其他费用
lint-rules-metric-budget-remaining-label = 剩余
# 每个渠道的数字。
lint-rules-metric-budget-label = 预算
lint-rules-metric-budget-share-label = 占比
lint-rules-metric-budget-share-meaning = 占总预算
lint-rules-metric-test-return-label = 测试回报
lint-rules-metric-test-return-meaning = 每单位投入带来的收入
lint-rules-metric-marginal-cac-label = 边际获客成本（最高档）
lint-rules-marginal-cac = 边际获客成本
lint-rules-marginal-cac-by-tier = 各投入档位的边际获客成本
lint-rules-no-new-customers = 没有新客户
lint-rules-derived-by-planlint = planlint 推算的数字
# 一个投入档位的边际获客成本：`20,000-40,000：500`。
lint-rules-tier-cac = { $range }：{ $cac }
lint-rules-tier-separator = ，

## 假设分析：`planlint metrics --set 字段=值`

lint-rules-set-no-value = `--set { $argument }` 没有给出值
lint-rules-set-no-value-help = 请写成 `--set 字段=值`，例如 `--set cac=250` 或 `--set channels.Douyin.budget=60000`
lint-rules-set-single-value = `{ $key }`：{ $place } 只有一个值，里面没有 `{ $segment }`
lint-rules-set-single-value-help = 请直接设置 `{ $key }`
lint-rules-set-several-values = `{ $key }` 是 { $place }，里面有多个值，而不是一个
lint-rules-set-name-an-item = 请指明其中的一个条目
lint-rules-set-name-a-field = 请指明其中的一个字段，例如 `{ $field }`
lint-rules-set-the-plan = 方案
lint-rules-set-name-by-id-or-place = 请用条目的 id 或名称（{ $names }）指明它，或者用从 1 数起的位置：`{ $key }`
lint-rules-did-you-mean = 是不是想写 `{ $suggestion }`？
lint-rules-set-check-the-path = 请对照方案检查这个路径
lint-rules-set-place-has = { $place } 里有：{ $names }
lint-rules-set-no-such = `{ $key }`：{ $place } 里没有 `{ $segment }`
lint-rules-set-derived = `{ $key }`（{ $label }）是由其他数字算出来的，不能直接设置
lint-rules-set-derived-help = 请设置它所依据的数字之一：{ $names }
lint-rules-set-unknown-name = `{ $key }` 既不是这份方案里的数字，也不是它的渠道
lint-rules-set-unknown-name-help = 请写方案给出的某个数字（{ $names }）、某个渠道的名称，或者字段路径，例如 `channels.渠道名.budget`
lint-rules-set-not-a-date = `{ $key }={ $text }`：`{ $text }` 不是日期
lint-rules-set-not-a-date-help = 日期请写成 YYYY-MM-DD，例如 2026-09-30
lint-rules-set-not-a-number = `{ $key }={ $text }`：`{ $text }` 不是数字
lint-rules-set-not-a-number-help = 请写一个数字，例如 `--set { $key }=250`

## 无法编译的规则（用户的规则包）

lint-rules-unknown-function = 没有这个函数：可用的有 { $functions }
lint-rules-unknown-function-suggestion = 没有这个函数（是不是想写 `{ $suggestion }`？）
lint-rules-options-unreadable = 选项写得不对：{ $error }
lint-rules-function-error = 函数 `{ $function }`：{ $reason }
lint-rules-rule-does-not-compile = { $file }：规则 `{ $rule }`：{ $reason }
lint-rules-built-in-rule-does-not-compile = planlint 内置规则 `{ $rule }` 出现内部错误：{ $reason }
lint-rules-does-not-compile = 这条规则无法编译
lint-rules-invalid-json-path = JSONPath `{ $path }` 写得不对：{ $error }
lint-rules-json-path-unknown-option = `{ $path }` 用了不存在的选项 `{ $option }`
lint-rules-json-path-option-not-single = 选项 `{ $option }` 不能用在 JSONPath 里：它不是单个值
lint-rules-json-path-too-long = JSONPath 长 { $length } 字节，超过了 { $limit } 字节的上限
lint-rules-json-path-too-deep = JSONPath 的方括号和圆括号嵌套了 { $depth } 层，超过了 { $limit } 层的上限
lint-rules-not-a-plan-pointer = `{ $pointer }` 必须是以 `/` 开头、指向方案中某个字段的路径
lint-rules-any-truthy-no-fields = `fields` 至少要列出一个字段
lint-rules-at-least-threshold-not-number = `{ $code }` 的门槛必须是数字
lint-rules-channel-return-min-return = `min_return` 必须是不小于 0 的数字
lint-rules-no-values = `values` 至少要列出一个值
lint-rules-date-range-no-bound = 请给出 `not_before`、`not_after` 或两者
lint-rules-length-no-bound = 请给出 `min`、`max` 或两者
lint-rules-length-min-above-max = `min`（{ $min }）大于 `max`（{ $max }）
lint-rules-metric-no-bound = 请给出 `max`、`min` 或两者
lint-rules-metric-unknown = 没有名为 `{ $metric }` 的推算数字：可用的有 { $metrics }
lint-rules-pattern-invalid = `{ $option }` 中的正则表达式写得不对：{ $error }
lint-rules-pattern-no-pattern = 请给出 `match`、`not_match` 或两者
lint-rules-vague-text-no-phrases = `phrases` 至少要列出一个短语

## 用户表达式（CEL）

lint-rules-cel-invalid = CEL 表达式 `{ $expression }` 写得不对：{ $error }
lint-rules-cel-too-long = 表达式长 { $length } 字节，超过了 { $limit } 字节的上限：请把这条规则拆成几个检查
lint-rules-cel-too-many-operators = 表达式有 { $operators } 个运算符，超过了 { $limit } 个的上限：请把这条规则拆成几个检查
lint-rules-cel-too-deep = 表达式嵌套超过了 { $limit } 层：请把它拆成几个检查
lint-rules-cel-too-many-steps = 在这份方案上，这个表达式大约要执行 { $amount } 步（上限 { $limit }），要遍历的列表最多有 { $items } 项：请少嵌套几层推导（`all`、`map` 等），或者用 `given` 少选一些位置
lint-rules-cel-too-many-values = 在这份方案上，这个表达式大约要在内存中生成 { $amount } 个值（上限 { $limit }），要遍历的列表最多有 { $items } 项：请少嵌套几层推导（`all`、`map` 等），或者用 `given` 少选一些位置
lint-rules-cel-plan-budget = 在这份方案上求值的表达式已经用完了 { $steps } 步的预算：请用 `given` 少选一些位置，或者少嵌套几层推导（`all`、`map` 等）
lint-rules-expr-not-boolean = 表达式的结果是{ $kind }，不是 true 或 false
lint-rules-expr-kind-text = 文本
lint-rules-expr-kind-list = 列表
lint-rules-expr-kind-fields = 一组字段
lint-rules-expr-kind-null = 空值
lint-rules-expr-kind-value = 其他值

## `planlint test-rules`：规则自带的示例

lint-rules-example-failing = 应触发的示例
lint-rules-example-failing-nth = 第 { $ordinal } 个应触发的示例
lint-rules-example-passing = 应通过的示例
lint-rules-example-passing-nth = 第 { $ordinal } 个应通过的示例
lint-rules-example-does-not-parse = { $example }无法读取：{ $error }
lint-rules-example-selects-nothing = { $example }没有让规则触发：`given` 在其中什么也没选中（请检查 JSONPath 和示例里的字段名）
lint-rules-example-passes = { $example }没有让规则触发：`given` 选中的每个位置都通过了检查
lint-rules-example-flagged-elsewhere = { $example }报告的位置是 { $found }，应为 { $expected }
lint-rules-example-flagged = { $example }在 `{ $pointer }` 处被报告：{ $message }
lint-rules-example-cannot-be-evaluated = { $example }在 `{ $pointer }` 处无法求值：{ $reason }
lint-rules-placeholder-no-metric = 占位符 `{"{"}{ $name }{"}"}` 不是任何推算出的数字：`planlint metrics --format json` 会把它们都列出来
lint-rules-placeholder-plan-field = 占位符 `{"{"}{ $name }{"}"}` 读取的是方案自己的字段，而方案可以不写这个字段、由 planlint 推算：请写成 `{"{"}metrics.{ $name }{"}"}`
