# 读取计划文件、配置文件和规则文件（YAML 和 JSON）：文件为什么读不了，问题在哪里。
# 另有几个小工具的文字（内部错误、无法显示的数字）。

## 所有文件

document-here = 这里
document-not-utf8 = 前 { $at } 个字节之后的内容不是有效的 UTF-8：planlint 按 UTF-8 文本读取计划（GBK 等编码的文件请先另存为 UTF-8）
document-not-utf8-label = 不是 UTF-8
document-empty = 文件是空的：计划至少要写 `version` 和 `name`
document-empty-label = 空文件
document-too-many-nodes = 文件中的条目和字段太多，planlint 无法逐一编号
document-too-deep = 嵌套超过了 { $depth } 层
document-too-deep-label = 嵌套太深
document-unclosed-list = 文件已经结束，列表却没有闭合：第 { $line } 行第 { $column } 列的 `[` 缺少对应的 `]`
document-unclosed-group = 文件已经结束，`{"{"}...{"}"}` 却没有闭合：第 { $line } 行第 { $column } 列的 `{"{"}` 缺少对应的 `{"}"}`
document-unclosed-label = 没有闭合
document-file-ends-here = 文件在这里结束
document-not-finite = { $value } 不是有限的数字；planlint 只接受普通的有限数字
document-not-finite-label = 不是有限的数字

## YAML

document-parser-panicked = 读取这个文件时，YAML 解析器出现了内部错误
document-parser-unbalanced = 内部错误：YAML 解析器给出的列表和字段组的开头与结尾对不上
document-several-documents = 一个文件中有多个 YAML 文档；一个计划文件只能写一个文档
document-several-documents-label = 第二个文档
document-duplicate-key = 字段 { $key } 写了两次
document-duplicate-key-label = 重复的字段
document-duplicate-key-first = 第一次写在这里
document-key-is-group = 字段名必须是普通文本，不能是一组字段
document-key-is-list = 字段名必须是普通文本，不能是列表
document-key-is-alias = 字段名必须是普通文本，但 `*{ $name }` 是列表或一组字段
document-not-a-key-label = 不是字段名
document-alias-bytes = 别名展开后超过了 { $limit } 字节（可能是故意构造的「别名炸弹」）
document-alias-nodes = 别名展开后超过了 { $limit } 项内容（可能是故意构造的「别名炸弹」）
document-alias-too-far-label = 展开的内容太多
document-alias-recursive = 别名 `*{ $name }` 引用了包含它自己的内容
document-alias-recursive-label = 循环引用
document-alias-value = 别名 `*{ $name }`：{ $message }
document-alias-lost = 内部错误：找不到 `*{ $name }` 引用的锚点内容
document-alias-undefined = 别名 `*{ $name }` 没有定义：在它之前没有定义锚点 `&{ $name }`
document-alias-undefined-label = 没有定义的别名
document-yaml-control-character = YAML 中不能出现控制字符 U+{ $code }；请删掉它，或在双引号文本中写成转义形式
document-control-character-label = 控制字符
document-yaml-tabs = YAML 不能用制表符（Tab 键）缩进，请改用空格（解析器：{ $parser }）
document-yaml-tabs-label = 制表符
document-merge-not-group = `<<` 合并的是一组字段（在 `名称: 值` 这样的行上用 `&名称` 定义的锚点），但这里既不是一组字段，也不是由它们组成的列表
document-merge-not-group-label = 没有可合并的内容
document-tag-not-int = { $value } 标注为 !!int，但不是整数
document-tag-not-float = { $value } 标注为 !!float，但不是数字
document-tag-not-bool = { $value } 标注为 !!bool，但不是 true 或 false
document-tag-not-null = { $value } 标注为 !!null，但不是空值
document-tag-mismatch-label = 与标注的类型不符

## YAML 解析器（saphyr）的话，用营销人员看得懂的中文说

document-yaml-block-scalar-tab = 多行文本（`|` 或 `>` 之后）的内容不能以制表符开头
document-yaml-bom-inside = 文件中间不能出现字节顺序标记（BOM）
document-yaml-dash-not-allowed = 这里不能开始以 `- ` 开头的列表条目
document-yaml-comment-in-text = 注释打断了多行文本
document-yaml-document-start = 这里应是文档的开头（`---`）
document-yaml-document-start-dash = 这里应是文档的开头（`---`）
document-yaml-stream-start = 无法从文件开头读起
document-yaml-next-token = 这里的内容无法读取
document-yaml-version-twice = `%YAML` 版本声明写了两次
document-yaml-whitespace = 这里应有空格
document-yaml-incompatible = 不支持这个 YAML 版本（见 `%YAML` 声明）
document-yaml-unprintable = 出现了无法显示的控制字符
document-yaml-colon-placement = `:` 放错了位置
document-yaml-after-document-end = 文档结束标记（`...`）之后还有内容
document-yaml-tag-character = 标签（`!`）中有无效的字符
document-yaml-anchor-indentation = 锚点（`&`）的缩进不对
document-yaml-flow-indentation = `[ ]` 或 `{"{"} {"}"}` 中的缩进不对
document-yaml-quoted-indentation = 引号中的文本缩进不对
document-yaml-indentation = 缩进不对
document-yaml-after-double-quoted = 双引号文本之后还有多余的内容
document-yaml-key-not-allowed = 这里不能开始一个字段
document-yaml-colon-not-allowed = 这里的 `:` 开始了一个字段，但这里不能开始字段（如果 `:` 是值的一部分，请给值加上引号）
document-yaml-misplaced-bracket = 括号放错了位置
document-yaml-end-before-directive = `%` 声明之前缺少文档结束标记（`...`）
document-yaml-dash-then-bracket = 不加引号的值不能以 `-` 加上 `,`、`[`、`]`、`{"{"}` 或 `{"}"}` 开头（请给值加上引号）
document-yaml-recursion = 嵌套层数太多
document-yaml-key-colon = 字段名之后应有 `:`
document-yaml-key-expected = 这里应有字段名
document-yaml-tab-indentation = 不能用制表符缩进
document-yaml-tabs-here = 这里不能使用制表符
document-yaml-tabs-block = 这里的缩进不能使用制表符
document-yaml-tag-twice = 在同一个文档中，每个标签前缀只能用 `%TAG` 声明一次
document-yaml-handle-undeclared = 这个标签前缀没有声明
document-yaml-plain-end = 不加引号的值意外结束
document-yaml-eof = 文件意外结束
document-yaml-expected-dash = 读取列表时，这里应是以 `- ` 开头的条目
document-yaml-expected-key = 读取一组字段时，这里应是一个字段（`名称: 值`）
document-yaml-flow-mapping = 读取 `{"{"} {"}"}` 中的字段时，这里应是 `,` 或 `{"}"}`
document-yaml-flow-sequence = 读取 `[ ]` 列表时，这里应是 `,` 或 `]`
document-yaml-node-content = 这里应有一个值
document-yaml-escape-hex = 读取引号中的文本时，转义中应是十六进制数字
document-yaml-escape-unicode = 读取引号中的文本时，发现无效的 Unicode 转义
document-yaml-escape-unknown = 读取引号中的文本时，发现未知的转义（`\` 之后的字符）
document-yaml-tag-directive-bang = 读取 `%TAG` 声明时，这里应是 `!`
document-yaml-tag-uri = 读取标签（`!`）时，找不到标签的名称
document-yaml-tag-leading-byte = 读取标签（`!`）时，发现无效的 UTF-8 编码
document-yaml-tag-trailing-byte = 读取标签（`!`）时，发现无效的 UTF-8 编码
document-yaml-tag-codepoint = 读取标签（`!`）时，发现无效的 UTF-8 字符
document-yaml-tag-escape = 读取标签（`!`）时，发现无效的转义
document-yaml-anchor-twice = 锚点（`&`）重复了
document-yaml-unknown-anchor = 别名（`*`）引用的锚点不存在
document-yaml-tag-directive-space = 读取 `%TAG` 声明时，这里应是空格或换行
document-yaml-version-digit = 读取 `%YAML` 声明时，这里应是数字或 `.`
document-yaml-version-number = 读取 `%YAML` 声明时，这里应是版本号
document-yaml-version-long = 读取 `%YAML` 声明时，发现版本号太长
document-yaml-block-header = 读取多行文本时，`|` 或 `>` 之后应是注释或换行
document-yaml-block-indent-zero = 读取多行文本时，`|` 或 `>` 之后表示缩进的数字不能是 0
document-yaml-directive-name = 读取 `%` 声明时，找不到声明的名称
document-yaml-directive-end = 读取 `%` 声明时，这里应是注释或换行
document-yaml-directive-character = 读取 `%` 声明时，发现了非字母的字符
document-yaml-plain-tab = 读取不加引号的值时，发现了制表符
document-yaml-quoted-document = 读取引号中的文本时，发现了文档标记（`---` 或 `...`）：引号可能没有闭合
document-yaml-quoted-end = 读取引号中的文本时文件就结束了：引号没有闭合
document-yaml-tag-bang = 读取标签时，这里应是 `!`
document-yaml-tag-space = 读取标签时，这里应是空格或换行
document-yaml-verbatim-tag = 读取 `!<...>` 标签时，找不到结尾的 `>`
document-yaml-anchor-character = 读取锚点（`&`）或别名（`*`）时，这里应是字母或数字
document-yaml-block-line-indent = 多行文本中有一行的缩进不对
document-yaml-unexpected-character = 值不能以 `{ $character }` 开头：它在 YAML 中有特殊含义（请给值加上引号）

## JSON

# 这里应是什么，用在 `document-json-found...` 和 `document-json-ends-early` 中。
document-json-wanted-end = JSON 内容之后的文件结尾
document-json-wanted-key = 用双引号括起来的字段名
document-json-wanted-colon = 字段名之后的 `:`
document-json-wanted-comma-or-brace = 逗号 `,` 或 `{"}"}`
document-json-wanted-comma-or-bracket = 逗号 `,` 或 `]`
document-json-wanted-value = 一个值
document-json-wanted-any-value = 一个值（双引号中的文本、数字、true、false 或 null）
document-json-wanted-digit = 数字
document-json-wanted-fraction-digit = 小数点后的数字
document-json-wanted-exponent-digit = 指数中的数字
document-json-found = 这里应是{ $wanted }，却写了 `{ $found }`
document-json-found-single-quote = 这里应是{ $wanted }，却写了单引号：JSON 的文本要用双引号
document-json-found-control = 这里应是{ $wanted }，却出现了控制字符 U+{ $code }
document-json-not-json-label = 这里不是 JSON
document-json-ends-early = 文件结束得太早：这里应是{ $wanted }
document-json-ends-early-label = 在这里结束
document-json-comment = JSON 不能写注释：请删掉这条注释（或者把计划写成 .plan.yaml，YAML 中可以用 `#` 写注释）
document-json-comment-label = 注释
document-json-holds-yaml = 这个 .json 文件里写的是 YAML，不是 JSON：请改写成 JSON，或把文件改名为 .plan.yaml
document-json-holds-yaml-label = 这里是 YAML
document-json-trailing-comma = 最后一项之后多了一个逗号：JSON 不允许结尾的逗号，请删掉它
document-json-trailing-comma-label = 多余的逗号
document-json-closes-here = 列表或 `{"{"}...{"}"}` 在这里结束
document-json-duplicate-field = 字段 `{ $field }` 在这里又写了一次
document-json-duplicate-field-label = 又写了一次
document-json-duplicate-field-first = 第一次写在这里
document-json-leading-zero = 数字以 0 开头：JSON 的数字以 1-9 开头（或者就是 0）
document-json-leading-zero-label = 以 0 开头
document-json-too-large-label = 数字太大
document-json-unclosed-text = 文本没有闭合：缺少一个 `"`
document-json-unclosed-text-label = 从这里开始
document-json-unknown-escape = 未知的转义：JSON 只认 \" \\ \/ \b \f \n \r \t 和 \uXXXX
document-json-unknown-escape-label = 未知的转义
document-json-line-break-in-text = 文本中有换行：JSON 的文本只能写在一行里（换行请写成 \n）
document-json-control-in-text = 文本中有控制字符 U+{ $code }：请写成转义形式
document-json-in-text-label = 在文本中
document-json-half-pair = 这个 \u 转义只是一对字符编码中的一半，缺少另一半
document-json-half-pair-label = 不是完整的字符
document-json-short-escape = \u 转义需要四位十六进制数字
document-json-short-escape-label = 转义不完整

## 小工具

document-not-a-finite-number = 无法计算
document-unknown-panic = 未知的程序崩溃
document-internal-error = 错误：planlint 内部错误：{ $panic }
    请到 { $url } 报告这个问题
document-internal-error-checking = planlint 检查 { $file } 时出现内部错误：请报告这个问题
document-internal-error-help = { $panic }
    请到 { $url } 报告，方便的话附上这个文件
