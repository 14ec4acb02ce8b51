//! The values planlint's checks put into Chinese rule messages (issue 25):
//! `{ltv_basis}` after the LTV, `{side}` after 执行周期, `{placeholder}`
//! after 没有负责人, remedies and their quick fixes, the derived numbers'
//! labels, what-if mistakes and `test-rules`, all in Chinese with
//! `--lang zh`. (English is held by the snapshots and the other modules.)

use serde_json::Value;
use std::path::Path;

/// A Chinese tea brand's plan breaking several numeric rules at once.
const PLAN: &str = r#"version: 1
name: 茶饮新品推广
owner: 李娜
sponsor: 待定
period: {start: 2026-03-01, end: 2026-08-31}
currency: CNY
goals:
  - {id: 营收, statement: 线上营收达到138万元, target: 1380000, deadline: 2026-12-31, owner: 待定}
  - {id: 会员, statement: 会员达到5万, target: 50000, deadline: 2026-01-15, owner: TBD}
budget:
  total: 12.000
unit_economics: {cac: 400, average_order_value: 60, gross_margin: 0.5, purchases_per_year: 4, lifetime_years: 2}
channels:
  - name: 抖音
    type: social
    budget: 60000
    metrics: [曝光]
    test: {budget: 5000, revenue: 3000}
    spend_tiers:
      - {spend: 20000, new_customers: 100}
      - {spend: 40000, new_customers: 110}
  - {name: 小红书, type: social, budget: 8000, metrics: [曝光], note: {reach: 10,000}}
team:
  - {role: 运营, owner: 待招聘, kpi: 暂无}
positioning: {category: 新中式茶饮, rank: 前几名}
"#;

fn planlint_zh(dir: &Path) -> assert_cmd::Command {
    let mut command = crate::planlint_in_english();
    command.current_dir(dir).args(["--lang", "zh"]);
    command
}

/// The plan's findings as JSON, checked in Chinese.
fn findings() -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("茶饮.plan.yaml"), PLAN).unwrap();
    let output = planlint_zh(dir.path())
        .args(["check", "茶饮.plan.yaml", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    report["files"][0]["findings"].as_array().unwrap().clone()
}

fn of<'a>(findings: &'a [Value], rule: &str, pointer: &str) -> &'a Value {
    findings
        .iter()
        .find(|finding| finding["rule"] == rule && finding["pointer"] == pointer)
        .unwrap_or_else(|| panic!("no {rule} at {pointer}: {findings:#?}"))
}

fn text<'a>(finding: &'a Value, key: &str) -> &'a str {
    finding[key].as_str().unwrap_or_default()
}

fn titles(finding: &Value) -> Vec<&str> {
    finding["choices"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|choice| choice["title"].as_str())
        .collect()
}

#[test]
fn a_derived_ltv_and_its_remedies_are_said_in_chinese() {
    let findings = findings();
    let finding = of(&findings, "cac-exceeds-ltv", "/unit_economics/cac");
    assert_eq!(
        text(finding, "message"),
        "获客成本 400 高于客户终身价值 240（客单价 60 × 毛利率 0.5 × 每年购买 4 次 × 2 年）：每多一个新客户，花的钱都比他能带来的多"
    );
    assert!(
        text(finding, "help").starts_with(
            "按这份方案的数字：获客成本 240 CNY（保本：比 400 CNY 低 160 CNY，即降低 40%）；\
             或者，其余不变、只调整其中一项：客单价 100 CNY；或每年购买 6.67 次；或毛利率 0.834；\
             或客户留存 40 个月（`lifetime_years: 3.3334`）；降低获客成本"
        ),
        "{}",
        text(finding, "help")
    );
    let titles = titles(finding);
    assert!(titles.contains(&"把获客成本设为 240（保本）"), "{titles:?}");
    assert!(titles.contains(&"把客单价设为 100（保本）"), "{titles:?}");
    let labels: Vec<&str> = finding["remedies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|remedy| remedy["label"].as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "获客成本",
            "客单价",
            "每年购买次数",
            "毛利率",
            "客户生命周期（年）"
        ]
    );

    let low = of(&findings, "cac-payback-too-long", "/unit_economics/cac");
    assert!(
        text(low, "help").starts_with("按这份方案的数字：获客成本 120 CNY（12 个月回本，降低 280 CNY）"),
        "{}",
        text(low, "help")
    );
}

#[test]
fn a_deadline_outside_the_period_says_before_or_after_in_chinese() {
    let findings = findings();
    let late = of(&findings, "deadline-outside-period", "/goals/0/deadline");
    assert_eq!(
        text(late, "message"),
        "目标 `营收` 的截止日期 2026-12-31 在执行周期之后（2026-08-31）"
    );
    assert!(
        text(late, "help")
            .contains("或更早；或者，其余不变、只调整其中一项：执行周期延长到 2026-12-31 结束；"),
        "{}",
        text(late, "help")
    );
    assert!(
        titles(late).contains(&"把执行周期的结束日期（`period.end`）设为 2026-12-31（覆盖截止日期）"),
        "{:?}",
        titles(late)
    );
    let early = of(&findings, "deadline-outside-period", "/goals/1/deadline");
    assert_eq!(
        text(early, "message"),
        "目标 `会员` 的截止日期 2026-01-15 在执行周期之前（2026-03-01）"
    );
    assert!(
        text(early, "help").contains("执行周期提前到 2026-01-15 开始"),
        "{}",
        text(early, "help")
    );
}

#[test]
fn a_placeholder_answer_is_named_in_chinese_quotes() {
    let findings = findings();
    let message = |rule: &str, pointer: &str| text(of(&findings, rule, pointer), "message").to_owned();
    assert_eq!(
        message("goal-without-owner", "/goals/0/owner"),
        "目标 `营收` 没有负责人：「待定」只是占位词"
    );
    assert_eq!(
        message("goal-without-owner", "/goals/1/owner"),
        "目标 `会员` 没有负责人：「TBD」只是占位词"
    );
    assert_eq!(
        message("missing-sponsor", "/sponsor"),
        "方案没有写明支持它的领导：「待定」只是占位词"
    );
    let team: Vec<&str> = findings
        .iter()
        .filter(|finding| finding["rule"] == "unowned-team-role")
        .map(|finding| text(finding, "message"))
        .collect();
    assert_eq!(
        team,
        [
            "团队岗位 `运营` 没有负责人：「待招聘」只是占位词",
            "团队岗位 `运营` 没有 KPI：「暂无」只是占位词"
        ]
    );
}

#[test]
fn channel_remedies_and_values_a_rule_cannot_read_are_said_in_chinese() {
    let findings = findings();
    let scaling = of(&findings, "marginal-cac-exceeds-ltv", "/channels/0/spend_tiers/1");
    assert!(
        text(scaling, "message")
            .starts_with("投入从 20,000 加到 40,000 时，边际获客成本为 2,000 CNY，高于客户终身价值 240 CNY"),
        "{}",
        text(scaling, "message")
    );
    assert!(
        text(scaling, "help").starts_with(
            "按这份方案的数字：渠道 `抖音` 的投入停在 20,000 CNY：再往上一档，每个新客户要花 2,000 CNY，超过了客户终身价值 240 CNY；"
        ),
        "{}",
        text(scaling, "help")
    );
    assert_eq!(
        titles(scaling),
        ["把渠道 `抖音` 的预算设为 20,000（最后一个赚钱的投入档位）"]
    );

    let unprofitable = of(&findings, "unprofitable-channel", "/channels/0/test/revenue");
    assert!(
        text(unprofitable, "help")
            .contains("渠道 `抖音` 的测试用 5,000 CNY 的预算带来 5,000 CNY 的收入（回报 1）"),
        "{}",
        text(unprofitable, "help")
    );

    // `rank: 前几名` is no rank: the rule says it could not check it.
    let rank = of(&findings, "weak-positioning", "/positioning/rank");
    assert!(
        text(rank, "message").contains("写的是 「前几名」，不是")
            && text(rank, "message").ends_with("：这条规则无法检查它"),
        "{}",
        text(rank, "message")
    );
    assert!(
        text(rank, "help").starts_with("请在这里写上") && text(rank, "help").ends_with("，规则才能检查方案"),
        "{}",
        text(rank, "help")
    );
}

#[test]
fn numbers_yaml_splits_or_reads_two_ways_are_explained_in_chinese() {
    let findings = findings();
    let decimal = of(&findings, "schema", "/budget/total");
    assert!(
        text(decimal, "message").ends_with(
            "写成了 12.000，有两种读法：按小数点读是 12，按千位分隔读是 12000；planlint 按 12 读取"
        ),
        "{}",
        text(decimal, "message")
    );
    assert_eq!(
        titles(decimal),
        ["把 12.000 写成 12000（千位分隔）", "把 12.000 写成 12（小数点）"]
    );
    let split = of(&findings, "non-canonical-value", "/channels/1/note/reach");
    assert!(
        text(split, "message").ends_with(
            "写成了不带引号的 10,000：在 `{...}` 里，逗号会结束一个值，所以 YAML 读到的是 `10`，外加另外的字段 `000`；planlint 按原文读取"
        ),
        "{}",
        text(split, "message")
    );
    assert_eq!(
        text(split, "help"),
        "写成 10000（不带逗号）或 \"10,000\"，这样每个工具读到的都一样"
    );
}

#[test]
fn metrics_labels_and_units_are_chinese() {
    let output = crate::planlint_in_english()
        .args(["--lang", "zh", "metrics", "examples/scaling-channels.plan.yaml"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let table = String::from_utf8_lossy(&output.stdout);
    for said in [
        "单位经济模型\n",
        "  获客成本 ",
        "  客户终身价值 ",
        "2,160 CNY  （客单价 3,200 × 毛利率 0.45 × 每年购买 0.5 次 × 3 年）\n",
        "4.5  3 或以上为健康\n",
        "0.22  大于 1 则每个客户都在亏钱\n",
        "  回本周期 ",
        "8 个月\n",
        "60 CNY  每位客户\n",
        "\n预算\n  总额 ",
        "  其他费用 ",
        "各投入档位的边际获客成本",
        "0-20,000：400，20,000-40,000：500",
    ] {
        assert!(table.contains(said), "lacks {said:?}:\n{table}");
    }
    for english in ["Unit economics", "Total", "healthy", "months", "marginal CAC"] {
        assert!(!table.contains(english), "{english:?} left in:\n{table}");
    }
}

#[test]
fn what_if_mistakes_are_said_in_chinese() {
    for (set, said) in [
        ("cak=250", "是不是想写 `cac`？"),
        (
            "payback_months=6",
            "`payback_months`（回本周期）是由其他数字算出来的，不能直接设置",
        ),
        ("cac=很多", "`cac=很多`：`很多` 不是数字"),
    ] {
        let output = crate::planlint_in_english()
            .args([
                "--lang",
                "zh",
                "metrics",
                "examples/cac-exceeds-ltv.plan.yaml",
                "--set",
                set,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{set}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(said), "{set}: {stderr}");
    }
}

#[test]
fn test_rules_says_in_chinese_why_an_example_misbehaves() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(".planlint.yaml", "rule_packs: [acme]\n");
    write(
        "acme/typo.yaml",
        "id: typo\ngiven: $.chanels[*]\ncheck: {field: owner, function: defined}\nmessage: 没有负责人\n\
         examples:\n  fails: [\"channels: [{name: a}]\", \"channels: [{name: b}]\"]\n",
    );
    write(
        "acme/cap.yaml",
        "id: cap\ngiven: $.channels[*]\ncheck: {field: budget, function: expr, options: {expression: \"this <= plan.budget.totl\"}}\n\
         message: 超支\nexamples:\n  fails: \"budget: {total: 10}\\nchannels: [{name: a, budget: 50}]\"\n",
    );
    let output = planlint_zh(dir.path()).arg("test-rules").output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("第 2 个应触发的示例没有让规则触发：`given` 在其中什么也没选中（请检查 JSONPath 和示例里的字段名）"),
        "{stdout}"
    );
    // CEL's own reason, without the rule-error sentence around it.
    let line = stdout
        .lines()
        .find(|line| line.contains("应触发的示例在 `/channels/0/budget` 处无法求值："))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        line.contains("totl") && !line.contains("规则 `acme/cap`"),
        "{line}"
    );
}
