# 一次检查的结果：问题列表下面的汇总行。

finding-errors = { $count } 个错误
finding-warnings = { $count } 个警告
finding-infos = { $count } 条提示
finding-files = { $count } 个文件
finding-list-separator = 、
# 「2 个文件中有 3 个错误、1 个警告」
finding-summary = { $files }中有 { $counts }
finding-summary-fixable-it = ；可用 `planlint check --fix` 自动修正
finding-summary-fixable = ；其中 { $count } 个可用 `planlint check --fix` 自动修正

# 帮助行里的补救办法：每一项单独调整。
finding-remedy-one = 按这份方案的数字：{ $remedy }
finding-remedy-several = 按这份方案的数字：{ $first }；或者，其余不变、只调整其中一项：{ $others }
finding-remedy-or-separator = ；或
