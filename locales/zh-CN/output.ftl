# planlint 的各种输出格式：终端输出、指标表、计划对比、GitHub 步骤摘要与标注，
# 以及各 CI 格式里给人读的文字。

## 问题的级别（机器格式仍用 `error`、`warning`、`info`）。

output-severity-error = 错误
output-severity-warning = 警告
output-severity-info = 提示
output-severity-rule = { $severity }[{ $rule }]

## 终端输出（`planlint check`）

output-human-help = 建议：
output-human-undrawn = { $finding } { $file }：{ $message }（{ $why }）
output-human-changed-since-checked = 文件在检查之后被改动过
output-human-excerpt-not-drawn = 无法显示它所在的原文
output-human-unchecked = 已检查 { $files } 个文件，没有发现问题；另有 { $paths } 个路径无法检查（见下文）。
output-human-clean = { $files } 个文件中没有发现问题。

## `planlint metrics`

output-quoted = 「{ $value }」
output-metrics-channels = 渠道
output-metrics-channel = 渠道
output-metrics-not-read = 未能读取（用到这些值的数字显示为 -，或不计入它们）
output-metrics-not-read-value = { $field } 写的是{ $written }，不是{ $noun }

## `planlint diff` 的文字输出

output-diff-versions = { $old } -> { $new }
output-diff-numbers = 单位经济与预算
output-diff-unchanged = （未变）
output-diff-channels = 渠道
output-diff-no-channel-changed = 没有渠道发生变化
output-diff-channel-added = { $channel }（新增）
output-diff-channel-removed = { $channel }（已删除）
output-diff-introduced = 新出现的问题（{ $count }）
output-diff-resolved = 已解决的问题（{ $count }）
output-diff-changed = 有变化的问题（{ $count }）
output-diff-was = 原先：{ $message }
output-diff-now = 现在：{ $message }
output-diff-totals = 新出现 { $introduced } 个，已解决 { $resolved } 个，有变化 { $changed } 个

## `planlint diff --format markdown`（拉取请求评论、任务摘要）

output-diff-md-title = ## 计划对比：{ $plan }
output-diff-md-totals = 问题：**新出现 { $introduced } 个，已解决 { $resolved } 个，有变化 { $changed } 个**。
output-diff-md-numbers-header = | | 之前 | 之后 | 变化 |
output-diff-md-no-channel-changed = 没有渠道发生变化。
output-diff-md-channels-header = | 渠道 | | 之前 | 之后 | 变化 |
output-diff-md-changed = 有变化的问题
output-diff-md-changed-header = | 位置 | 规则 | 之前 | 之后 |
output-diff-md-budget-after = 改动后的预算
output-diff-md-none = 无。
output-diff-md-findings-header = | 级别 | 位置 | 规则 | 问题 |

## `--format github`：标注、日志行、步骤摘要

output-github-help = 建议：{ $help }
output-github-note = 另见：{ $note }（第 { $line } 行，第 { $column } 列）
output-github-unchecked = 已检查 { $files } 个文件，没有发现问题；另有 { $paths } 个路径无法检查
output-github-clean = { $files } 个文件中没有发现问题
output-github-summary-unchecked = 已检查 { $files } 个文件，没有发现问题；**另有 { $paths } 个路径无法检查**（见日志）。
output-github-capped-errors = GitHub 只把 { $count } 个错误中的前 { $limit } 个显示为标注；下面列出了全部。
output-github-capped-warnings = GitHub 只把 { $count } 个警告中的前 { $limit } 个显示为标注；下面列出了全部。
output-github-capped-infos = GitHub 只把 { $count } 条提示中的前 { $limit } 条显示为标注；下面列出了全部。
output-github-capped-errors-logged = GitHub 只把 { $count } 个错误中的前 { $limit } 个显示为标注；全部都在本步骤的日志中。
output-github-capped-warnings-logged = GitHub 只把 { $count } 个警告中的前 { $limit } 个显示为标注；全部都在本步骤的日志中。
output-github-capped-infos-logged = GitHub 只把 { $count } 条提示中的前 { $limit } 条显示为标注；全部都在本步骤的日志中。
output-github-summary-cut = 下面的表格只列出 { $count } 个问题中的前 { $shown } 个：GitHub 的步骤摘要最多保留 1 MiB。所有问题都在本步骤的日志中。
output-github-findings-header = | 位置 | 级别 | 规则 | 问题 |
output-github-rules-fired = 触发的规则
output-github-rules-header = | 规则 | 级别 | 问题数 | 规则要求 |

## SARIF：给人读的文字（规则 id 和字段名不变）

output-sarif-full-stop = 。
output-sarif-help-markdown = **如何修正**：{ $help }

    {"**"}为什么**：{ $why }
output-sarif-documentation = [文档]({ $url })
output-sarif-unlisted-summary = planlint 规则 { $rule }。
output-sarif-unlisted-description = planlint 规则 { $rule } 发现的问题。
output-sarif-message-help = { $message }建议：{ $help }

## 把报告写入文件（`--output`）

output-too-many-links = 符号链接的层数太多
output-no-temporary-file = 无法创建临时文件
