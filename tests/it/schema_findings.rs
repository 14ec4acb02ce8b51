//! Schema findings name the field, say what was expected and point at the
//! offending node: the key for an unknown key, the mapping for a missing one.

use planlint::Settings;
use planlint::{registry, Finding, Linter};

fn schema_findings(text: &str) -> Vec<(Finding, String)> {
    findings_of("schema", text)
}

fn findings_of(rule: &str, text: &str) -> Vec<(Finding, String)> {
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    linter
        .lint("t.plan.yaml", text)
        .findings
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| {
            let underlined = text[finding.span.start..finding.span.end].to_owned();
            (finding, underlined)
        })
        .collect()
}

#[test]
fn an_unknown_key_is_underlined_with_a_suggestion() {
    let found = schema_findings("version: 1\nname: x\ngoals:\n  - id: g\n    dedline: 2026-01-01\n");
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(underlined, "dedline");
    assert_eq!(finding.pointer, "/goals/0/dedline");
    assert_eq!(finding.message, "unknown field `dedline` in goal 1 `g`");
    assert_eq!(finding.help.as_deref(), Some("did you mean `deadline`?"));
}

#[test]
fn extension_keys_are_allowed_anywhere() {
    let found =
        schema_findings("version: 1\nname: x\nx-team: growth\ngoals:\n  - id: g\n    x-jira: MKT-1\n");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_missing_required_key_points_at_the_mapping_that_lacks_it() {
    let text = "# header\nversion: 1\nowner: Li\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(finding.message, "the plan is missing the required field `name`");
    assert_eq!(finding.pointer, "");
    assert_eq!(underlined, "version: 1\nowner: Li");
}

#[test]
fn wrong_types_bad_dates_and_ranges_name_the_field() {
    let text = "version: 1\nname: x\nperiod: {start: 2026-02-30, end: 2026-08-31}\n\
                budget: {total: -5}\npositioning: {rank: first}\nchannels: [{name: a, type: tv}]\n";
    let found = schema_findings(text);
    let messages: Vec<(&str, &str)> = found
        .iter()
        .map(|(f, u)| (f.message.as_str(), u.as_str()))
        .collect();
    assert_eq!(
        messages,
        vec![
            ("`period.start` must be a real calendar date as YYYY-MM-DD, found \"2026-02-30\"", "2026-02-30"),
            ("`budget.total` must be at least 0, found -5", "-5"),
            (
                "`type` of channel 1 `a` must be one of \"search\", \"social\", \"display\", \"video\", \"email\", \"affiliate\", \"seo\", \"content\", \"marketplace\", \"offline\", \"other\", found \"tv\"",
                "tv"
            ),
        ]
    );
}

#[test]
fn json_plans_get_the_same_findings_with_spans() {
    let text = "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"budgte\": {\"total\": 5}\n}\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "\"budgte\"");
    assert_eq!(found[0].0.help.as_deref(), Some("did you mean `budget`?"));
}

#[test]
fn a_root_that_is_not_a_mapping() {
    let found = schema_findings("- just\n- a list\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0.message,
        "the plan must be a group of fields, found a list"
    );
}

/// A JSON export writes `null` for what it leaves empty: absent, not a
/// schema error per null. A required field that is null is still missing.
#[test]
fn nulls_in_optional_fields_are_absent() {
    let text = r#"{"version": 1, "name": "Export", "sponsor": null, "payment": null,
      "goals": [{"id": "g", "statement": "Sell 100 rings", "target": 100, "baseline": null, "owner": null}]}"#;
    assert_eq!(schema_findings(text), Vec::new());
    let required = schema_findings(r#"{"version": 1, "name": null}"#);
    assert_eq!(required.len(), 1, "{required:?}");
    assert_eq!(
        required[0].0.message,
        "the plan is missing the required field `name`"
    );
}

/// A value written in a person's way and read exactly is a matter of form:
/// a warning of its own rule with the plain form as the fix, and the
/// currency its sign names when the plan does not say it (then no fix:
/// the bare number would lose what the sign said).
#[test]
fn values_as_written_get_their_plain_form() {
    let text = "version: 1\nname: x\nproduct: {price: \"¥3,200\"}\nunit_economics: {gross_margin: \"12%\"}\npositioning: {rank: 第二}\n";
    assert_eq!(
        schema_findings(text),
        Vec::new(),
        "values read exactly are not broken"
    );
    let found = findings_of("non-canonical-value", text);
    let messages: Vec<(&str, Option<&str>, &str, bool)> = found
        .iter()
        .map(|(finding, underlined)| {
            (
                finding.message.as_str(),
                finding.help.as_deref(),
                underlined.as_str(),
                finding.fix.is_some(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (
                "`product.price` is written as \"¥3,200\", which planlint reads as 3200",
                Some("write `price: 3200` and set `currency: CNY` (the plan's money is all in one currency)"),
                "\"¥3,200\"",
                false,
            ),
            (
                "`unit_economics.gross_margin` is written as \"12%\", which planlint reads as 0.12",
                Some("write `gross_margin: 0.12` so that every tool reading the plan understands it"),
                "\"12%\"",
                true,
            ),
            (
                "`positioning.rank` is written as \"第二\", which planlint reads as 2",
                Some("write `rank: 2` so that every tool reading the plan understands it"),
                "第二",
                true,
            ),
        ]
    );
    assert!(found
        .iter()
        .all(|(f, _)| f.severity == planlint::Severity::Warning));
}

/// `¥` is the yen's sign as much as the yuan's: in a JPY plan "¥4,800" is
/// 4800 yen, and writing 4800 is a certain fix.
#[test]
fn the_yen_sign_is_the_plans_currency_in_a_yen_plan() {
    let found = findings_of(
        "non-canonical-value",
        "version: 1\nname: x\ncurrency: JPY\nproduct: {price: \"¥4,800\"}\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.fix.is_some(), "{found:?}");
    assert_eq!(
        found[0].0.help.as_deref(),
        Some("write `price: 4800` so that every tool reading the plan understands it")
    );
}

/// The plan format checks the value as read: a margin written "145%" is
/// read exactly (form) and is still more than the whole price (substance).
#[test]
fn the_value_as_read_is_checked() {
    let text = "version: 1\nname: x\nunit_economics: {gross_margin: \"145%\"}\n";
    let found = schema_findings(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0.message,
        "`unit_economics.gross_margin` must be at most 1, found 1.45"
    );
    assert_eq!(findings_of("non-canonical-value", text).len(), 1);
}

/// A deadline that is not a date at all is a missing deadline: one
/// finding, at the value, not three (plan format, missing deadline and the
/// period check that could not run).
#[test]
fn an_unreadable_deadline_is_one_missing_deadline() {
    let text = "version: 1\nname: x\nperiod: {start: 2026-01-01, end: 2026-06-30}\ngoals:\n  - {id: g, statement: Sell 100 rings, target: 100, deadline: ASAP, owner: Li}\n";
    let linter = Linter::new(registry::builtin(), &Settings::default()).unwrap();
    let at_deadline: Vec<(String, String)> = linter
        .lint("t.plan.yaml", text)
        .findings
        .into_iter()
        .filter(|finding| finding.pointer == "/goals/0/deadline")
        .map(|finding| (finding.rule, finding.message))
        .collect();
    assert_eq!(
        at_deadline,
        [(
            "missing-deadline".to_owned(),
            "goal `g` has no deadline: \"ASAP\" is not a date".to_owned()
        )]
    );
}

/// A value not in its field's form says how to write it, with the plan
/// format's own examples, never the pattern it was checked against.
#[test]
fn a_currency_written_wrongly_says_how_to_write_it() {
    // Which dollar: US, Hong Kong, Singapore ...? Not read, so not guessed.
    let found = schema_findings("version: 1\nname: x\ncurrency: dollars\n");
    assert_eq!(found.len(), 1, "{found:?}");
    let (finding, underlined) = &found[0];
    assert_eq!(underlined, "dollars");
    assert_eq!(
        finding.message,
        "`currency` is not written as the plan format expects, found \"dollars\""
    );
    assert_eq!(finding.help.as_deref(), Some("write it like CNY, USD or EUR"));
}

/// A currency named as people name it (人民币, RMB, 美元, `usd`) is read
/// as its code: a matter of form with the code as a certain fix, and the
/// amounts in it are the plan's own (`300元` in a 人民币 plan), never "CNY,
/// while the plan's currency is 人民币".
#[test]
fn a_currency_named_in_words_is_read_as_its_code() {
    for (written, code) in [
        ("人民币", "CNY"),
        ("RMB", "CNY"),
        ("美元", "USD"),
        ("usd", "USD"),
        ("港币", "HKD"),
    ] {
        let text = format!(
            "version: 1\nname: x\ncurrency: {written}\nunit_economics: {{cac: 120, average_order_value: 300元}}\n"
        );
        let found = findings_of("non-canonical-value", &text);
        let currency: Vec<_> = found.iter().filter(|(f, _)| f.pointer == "/currency").collect();
        assert_eq!(currency.len(), 1, "{written}: {found:?}");
        let (finding, underlined) = currency[0];
        assert_eq!(underlined, written);
        assert_eq!(
            finding.message,
            format!("`currency` is written as \"{written}\", which planlint reads as {code}")
        );
        let fix = finding.fix.as_ref().expect("a certain fix");
        assert_eq!(fix.replacement, code);
        let schema = schema_findings(&text);
        if code == "CNY" {
            assert_eq!(schema, Vec::new(), "{written}");
        } else {
            // 元 is the yuan: in a dollar plan it is another currency.
            assert_eq!(schema.len(), 1, "{written}: {schema:?}");
            assert!(
                schema[0]
                    .0
                    .message
                    .contains(&format!("the plan's currency is {code}")),
                "{schema:?}"
            );
        }
    }
}

/// A Chinese team's plan with the mistakes people make by hand: an unknown
/// field, a value of the wrong kind, an enum value mistyped, a rule id
/// mistyped in a suppression, and numbers, percentages, a rank and dates
/// written as people write them (`¥3,200`, 30万, 45%, No.1, 2026年8月31日,
/// 2026/7/31). With `--lang zh`, every finding speaks Chinese.
const SPRING_PLAN_IN_CHINESE: &str = r#"version: 1
name: 春季高端珠宝上新
owner: 李娜
sponsor: 王军（CEO）
period: {start: 2026-03-01, end: 2026-08-31}
currency: CNY
mission: 让年轻白领想在网上买高端珠宝时，第一个想到我们。

product:
  name: 流明戒指
  description: 培育钻石戒指，按单定制，附 IGI 证书发货
  price: "¥3,200"
  features: [7 天内定制完成, IGI 认证培育钻石, 终身免费改圈, 免费刻字]

situation:
  strengths: [自有设计工作室, 自有工坊，7 天交货]
  weaknesses: [品牌知名度低, 没有线下门店]
  opportunities: [35 岁以下人群越来越接受培育钻石, 七夕和纪念日送礼高峰]
  threats: [电商平台价格战, 商场连锁品牌推出自有培育钻石系列]
  competitors:
    - name: 电商平台卖家
      note: 便宜，没有证书，售后慢
    - name: 商场珠宝连锁
      note: 名气大，同等钻石价格贵两到三倍

target_customers:
  - name: 年轻白领
    characteristics: [25-35 岁女性, 一线城市, 用手机购物, 关注微信和小红书上的生活方式账号]
    needs: [不想付商场溢价的有证书钻石, 纪念日之前能收到的戒指]
    buying_habits: 会研究好几周，比较证书，在纪念日和七夕前后下单
    size: 25万

positioning:
  category: 线上培育钻石戒指
  rank: No.1
  statement: 对于想要有证书的钻石、又不想付商场溢价的年轻白领，流明是 7 天按单定制的线上戒指工作室，不同于电商平台卖家。
  competitors: [电商平台卖家, 商场珠宝连锁]

goals:
  - id: revenue
    statement: 线上营收比 2025 年同期增长 15%，达到 1,840,000 元
    metric: 线上营收
    baseline: 1600000
    target: 1840000
    unit: CNY
    deadline: 2026年8月31日
    owner: 李娜
    ownr: 李娜
  - id: new-customers
    statement: 7 月底前获得 550 位首次购买的客户
    metric: 首单数
    baseline: 460
    target: 550
    unit: 客户
    deadline: 2026/7/31
    owner: 陈浩

budget:
  total: 30万
  items:
    - name: 内容团队工资
      amount: 90000
    - name: 产品摄影和包装设计
      amount: 20000

unit_economics:
  cac: 480
  average_order_value: 3200
  gross_margin: 45%
  purchases_per_year: 0.5
  lifetime_years: 3

channels:
  # planlint-disable-next-line untested-chanel
  - name: 微信
    type: socail
    budget: 60000
    metrics: [曝光, 转化率, 订单]
    test: {budget: 2000, revenue: 6400, exposure: 40000, conversion_rate: 0.012}
  - name: 小红书
    type: social
    budget: 40000
    metrics: [曝光, 收藏, 转化率, 订单]
    test: {budget: 2000, revenue: 3200, exposure: 25000, conversion_rate: 2%}
  - name: 百度搜索广告
    type: search
    budget: 30000
    metrics: [点击, 单次点击成本, 转化率, 订单]
    test: {budget: 2000, revenue: 3200, exposure: 8000, conversion_rate: 0.03}
  - name: 选戒指攻略（SEO）
    type: seo
    budget: 20000
    metrics: [自然流量, 排名关键词, 订单]
    test: {budget: 1500, revenue: 3200, exposure: 6000, conversion_rate: 0.01}

funnel:
  - {stage: 接触, metric: 曝光}
  - {stage: 信任, metric: 商品页访问}
  - {stage: 购买, metric: 订单}

team:
  - role: 内容负责人
    owner: 赵敏
    responsibilities: 每周的微信和小红书内容、产品摄影、选购攻略
    kpi: 文章到商品页的转化率
    incentive: 按 KPI 发季度奖金
  - role: 效果营销
    owner: 陈浩
    responsibilities: 渠道测试、百度广告、投放档位决策
    kpi: 综合获客成本不超过 480 元
    incentive: 按 KPI 发季度奖金
  - role: 客服与会员运营
    owner: 刘洋
    responsibilities: 售前咨询、会员邮件、退换货和改圈
    kpi: 4.6
    incentive: 每月团队奖

payment:
  methods: [支付宝, 微信支付, 银行卡]
  guarantee: 与合作银行做担保交易，确认收货前资金由银行托管，30 天退货

evaluation:
  cadence: 每周
  metrics: [流量, 转化率, 新客户数, 综合获客成本, 客户满意度]
  methods: [数据看板, 每周渠道报告, 购后满意度调查]
"#;

#[test]
fn a_plan_written_by_hand_is_checked_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spring.plan.yaml"), SPRING_PLAN_IN_CHINESE).unwrap();
    let output = crate::planlint_in_english()
        .current_dir(dir.path())
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "--lang", "zh", "--color", "never", "spring.plan.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!(text);
}

/// Amounts in Chinese numerals are read when they have one reading (四百八十,
/// 两万, 壹仟贰佰 on an invoice) and named as unreadable when only a guess
/// would read them (一百五 is said for 150, but written it is 100 and 5).
#[test]
fn amounts_in_chinese_numerals_are_read_exactly_or_named() {
    let text = "version: 1\nname: x\ncurrency: CNY\nproduct: {price: 四百八十}\nbudget: {total: 两万, items: [{name: 广告, amount: 壹仟贰佰元}, {name: 物料, amount: 一百五}]}\n";
    let read: Vec<(String, String, String)> = findings_of("non-canonical-value", text)
        .into_iter()
        .map(|(finding, underlined)| {
            let fix = finding.fix.expect("a certain fix").replacement;
            (finding.pointer, underlined, fix)
        })
        .collect();
    let expected = [
        ("/budget/items/0/amount", "壹仟贰佰元", "1200"),
        ("/budget/total", "两万", "20000"),
        ("/product/price", "四百八十", "480"),
    ]
    .map(|(pointer, underlined, fix)| (pointer.to_owned(), underlined.to_owned(), fix.to_owned()));
    let mut read = read;
    read.sort();
    assert_eq!(read, expected);
    let unreadable = schema_findings(text);
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert_eq!(unreadable[0].1, "一百五");
    assert_eq!(unreadable[0].0.pointer, "/budget/items/1/amount");
}

/// A count written with the unit its field already names (`3年` in
/// `lifetime_years`, `每年2次` in `purchases_per_year`, `80人` new
/// customers) is that count: read, with the bare number as a certain fix.
/// A unit the field does not name (`3个月` of a lifetime in years, a
/// currency on a count) is not dropped: it would change the number.
#[test]
fn counts_with_their_fields_unit_are_read_exactly() {
    let text = "version: 1\nname: x\ncurrency: CNY\n\
        target_customers: [{name: 白领, size: 500万人}]\n\
        unit_economics: {purchases_per_year: 每年2次, lifetime_years: 3 years}\n\
        channels:\n  - name: 抖音\n    test: {budget: 1000, exposure: 4万人次}\n    spend_tiers:\n      - {spend: 10000, new_customers: 80人}\n      - {spend: 20000, new_customers: 36个月}\n";
    let mut read: Vec<(String, String)> = findings_of("non-canonical-value", text)
        .into_iter()
        .map(|(finding, _)| (finding.pointer, finding.fix.expect("a certain fix").replacement))
        .collect();
    read.sort();
    let expected = [
        ("/channels/0/spend_tiers/0/new_customers", "80"),
        ("/channels/0/test/exposure", "40000"),
        ("/target_customers/0/size", "5000000"),
        ("/unit_economics/lifetime_years", "3"),
        ("/unit_economics/purchases_per_year", "2"),
    ]
    .map(|(pointer, fix)| (pointer.to_owned(), fix.to_owned()));
    assert_eq!(read, expected);
    let unreadable: Vec<String> = schema_findings(text)
        .into_iter()
        .map(|(_, underlined)| underlined)
        .collect();
    assert_eq!(unreadable, ["36个月"]);
    let months = "version: 1\nname: x\nunit_economics: {lifetime_years: 36个月, purchases_per_year: ¥2次}\n";
    let unreadable: Vec<String> = schema_findings(months)
        .into_iter()
        .map(|(_, underlined)| underlined)
        .collect();
    assert_eq!(unreadable, ["36个月", "¥2次"]);
}
