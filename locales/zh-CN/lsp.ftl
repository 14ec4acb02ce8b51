# 语言服务器自己的文字：悬停说明、快速修正的标题、内嵌提示、补全说明，
# 以及它自己生成的诊断。

lsp-list-separator = 、

## 诊断
lsp-plan-too-big = 这份计划有 { $size } 字节，超过了计划文件 { $limit } 字节的上限：未检查
lsp-plan-too-big-help = 如果这个文件确实是计划，请在 .planlint.yaml 中调高 `max_file_size`
lsp-help = 建议：{ $help }
lsp-cause = 问题出处

## 问题的悬停说明（冒号放在 ** 外面：「**出处：**正文」在 Markdown 里不会变粗）
lsp-severity-error = 错误
lsp-severity-warning = 警告
lsp-severity-info = 提示
lsp-hover-finding = **{ $rule }**（{ $severity }）：{ $message }
lsp-hover-fix = **怎么改**：{ $help }
lsp-hover-quick-fix = **快速修正**：{ $title }（也可以运行 `planlint check --fix`）
lsp-hover-why = **为什么重要**：{ $why }
lsp-hover-source = **出处**：{ $source }
lsp-hover-docs = [文档]({ $url }) · `planlint explain { $rule }`

## 字段的悬停说明：**`name`**（类型）：说明
lsp-hover-field-kind = （{ $kind }）
lsp-hover-field-description = ：{ $description }
lsp-hover-one-of = 可选值：{ $values }

## planlint 算出的数字
lsp-hover-channel-heading = **{ $title }：{ $channel }**
lsp-hover-metric = { $label }：{ $value }
lsp-hover-metric-meaning = { $label }（{ $meaning }）：{ $value }

## 内嵌提示：「占预算 25%」
lsp-inlay-share = { $of } { $share }

## 补全、大纲、快速修正
lsp-completion-value = `{ $field }` 的可选值
lsp-unnamed = （未命名）
lsp-suppress-line = 在这一行忽略 `{ $rule }`
lsp-suppress-file = 在整个文件中忽略 `{ $rule }`
lsp-suppress-reason = 原因
