# `planlint report`：给审批计划的人看的报告（HTML 和 Markdown）、其中的图表，以及余量表。

## 报告里对计划各项数字的说明

report-over-the-total = 超出总额
report-verdict-ok = 达标
report-verdict-fails = 不达标
report-threshold-at-least = 至少 { $value }（{ $rule }）
report-threshold-at-most = 至多 { $value }（{ $rule }）
report-payback-margin = 按每位客户每月 { $margin } 毛利计

## 报告的各级标题（HTML 和 Markdown）

report-title = 计划报告
report-checked = planlint { $version } 检查了 { $plans } 份计划：{ $summary }。
report-findings = 问题
report-no-problems = 没有发现问题。
report-economics = 单位经济
report-headroom = 安全余量
report-budget = 预算
report-channels = 渠道
report-funnel = 漏斗
report-channel-column = 渠道
report-budget-pie = 预算分配（总额 { $total }）
report-budget-pie-no-total = 预算分配（未写总额）

## Markdown 报告

report-md-findings-header = | 级别 | 位置 | 规则 | 问题 | 修正建议 |
report-md-economics-header = | | 数值 | 算法 / 含义 | 规则阈值 | |
report-md-headroom-header = | 判定 | 现状 | 离判定反转还有多远 |
report-md-budget-line = 总额 **{ $total }**，已计划 { $planned }（渠道 { $channels }，其他费用 { $other }），剩余 **{ $remaining }**。
report-md-budget-header = | 部分 | 金额 | 占总额比例 |
report-md-returns-chart = { $label }（收入 / 花费）；图中横线为盈亏平衡点
report-md-returns-axis = 回报
report-md-tiers-chart-ltv = { $channel }：{ $tiers }；图中横线为 { $ltv } { $value }
report-md-tiers-chart = { $channel }：{ $tiers }

## 安全余量：每项与钱有关的判定离反转还有多远

report-headroom-verdict = { $verdict }（{ $rule }）
report-headroom-ltv-cac = LTV/CAC 至少为 { $limit }
report-headroom-cac-ltv = CAC/LTV 至多为 { $limit }
report-headroom-payback = 回本周期至多 { $limit }
report-headroom-ltv-cac-room = 获客成本还能上涨 { $percent }（到 { $cac }），再高 LTV/CAC 就会低于 { $limit }
report-headroom-ltv-cac-short = 获客成本要降低 { $percent }（到 { $cac }），LTV/CAC 才能达到 { $limit }
report-headroom-cac-ltv-room = 获客成本还能上涨 { $percent }（到 { $cac }），再高 CAC/LTV 就会超过 { $limit }（每个客户都亏钱）
report-headroom-cac-ltv-short = 获客成本要降低 { $percent }（到 { $cac }），CAC/LTV 才能降到 { $limit }
report-headroom-payback-room = 获客成本还能上涨 { $percent }（到 { $cac }），再高回本周期就会超过 { $limit }
report-headroom-payback-short = 获客成本要降低 { $percent }（到 { $cac }），回本周期才能缩短到 { $limit }以内
report-headroom-budget = 渠道预算加其他费用不超出预算总额（budget-overrun）
report-headroom-budget-room = 还能再安排 { $amount }，之后就会超出总额
report-headroom-budget-short = 需要削减 { $amount }，或者把总额提高同样多
report-headroom-channel = `{ $channel }` 的投入停在边际获客成本的拐点之前（{ $rule }）
report-headroom-channel-room = `{ $channel }` 还能再投 { $amount }，之后边际获客成本就会超过客户终身价值
report-headroom-channel-past = `{ $channel }` 计划的投入超出 { $turn } 达 { $amount }，而从 { $turn } 起边际获客成本已超过客户终身价值

## HTML 页面

report-html-page-title = planlint 报告
report-html-no-findings = 没有问题
report-html-unread = 未能读取的值
report-html-unread-value = { $field } 写的是 { $written }，不是{ $noun }：用到它的数字都没有计入。
report-html-fix = 修正建议：{ $help }
report-html-economics-header = <tr><th></th><th>数值</th><th>算法 / 含义</th><th>规则阈值</th><th></th></tr>
report-html-headroom-header = <tr><th>判定</th><th>现状</th><th>离判定反转还有多远</th></tr>
report-html-budget-line = 总额 <b>{ $total }</b> &middot; 已计划 { $planned }（渠道 { $channels }，其他费用 { $other }）&middot; 剩余 <b>{ $remaining }</b>
report-html-no-budget = 没有可画图的预算。
report-html-no-channel = 计划里没有写渠道。
report-html-returns-caption = { $label }（测试收入 / 测试花费）
report-html-tiers-caption = { $channel }：{ $tiers }，对照 { $ltv }
report-html-channel-column = 渠道
report-html-no-funnel = 计划里没有写漏斗各阶段。
report-html-no-metric = 未写指标

## HTML 页面里的图表（标题是读屏软件读出的内容）

report-chart-budget = { $plan } 的预算分配
report-chart-part = { $part }：{ $amount }
report-chart-total = 总额 { $total }
report-chart-returns = { $plan } 各渠道的{ $label }
report-chart-not-tested = 未测试
report-chart-return-tip = { $channel }：{ $label } { $value }
report-chart-break-even = 盈亏平衡（1×）
report-chart-tiers = { $channel } 的{ $tiers }
report-chart-cumulative-spend = 累计花费
report-chart-tier-tip = { $from }-{ $to }：{ $label } { $value }
report-chart-stop-here = 到此停止放量
