//! Values written in a person's way (`"¥3,200"`, `No.1`, `2026年6月30日`):
//! a value read exactly is a matter of form, reported by its own rule
//! with the plain form as a certain fix; a value that cannot be read is
//! named by the plan format's finding, with what to write instead.

use crate::document::Document;
use crate::finding::{Finding, Fix, Severity};
use crate::i18n::{self, t};
use crate::lint::normalize::Reading;
use crate::lint::place;
use crate::lint::words::{fluent_args, quoted, tidy};
use crate::rule::meta::NON_CANONICAL_VALUE;
use serde_json::Value;
use std::sync::Arc;

/// The finding of form for a value read exactly (`None` for one that could
/// not be read). The plain form is a certain fix unless the value named a
/// currency the plan does not use: writing the bare number would then lose
/// what the sign said.
pub(crate) fn finding(
    reading: &Reading,
    document: &Document,
    text: &str,
    severity: Severity,
) -> Option<Finding> {
    let canonical = reading.canonical.as_ref()?;
    let span = document.pointer_span(&reading.pointer);
    let written = text.get(span.start..span.end).unwrap_or_default();
    let shown = match canonical {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let key = reading.pointer.rsplit('/').next().unwrap_or_default();
    let plan_currency = crate::lint::values::plan_currency(&document.value);
    let other_currency = reading
        .currency
        .filter(|code| !same_currency(code, plan_currency.as_deref(), &reading.written));
    let args = fluent_args!(
        key = key,
        shown = shown.as_str(),
        currency = other_currency.unwrap_or_default(),
        written = quoted(&reading.written),
        place = place::describe(&reading.pointer, &document.value),
    );
    let help = match other_currency {
        Some(_) => i18n::message("lint-values-form-help-currency", Some(&args)),
        None => i18n::message("lint-values-form-help", Some(&args)),
    };
    let fix = match other_currency {
        None => crate::lint::scalar_text::replacement(written, canonical).map(|replacement| Fix {
            title: tidy(i18n::message("lint-values-form-fix", Some(&args))),
            span,
            replacement,
        }),
        Some(_) => None,
    };
    Some(Finding {
        rule: NON_CANONICAL_VALUE.into(),
        severity,
        message: tidy(i18n::message("lint-values-form-message", Some(&args))),
        help: Some(tidy(help).into()),
        pointer: reading.pointer.clone(),
        span,
        label: tidy(t!("lint-values-form-label", shown = shown)),
        related: Vec::new(),
        fix: fix.map(Box::new),
        choices: Vec::new(),
        remedies: Vec::new(),
    })
}

/// Whether the currency a value's sign names is the plan's: `¥` is the
/// sign of the yuan and of the yen alike.
fn same_currency(code: &str, plan_currency: Option<&str>, written: &str) -> bool {
    let yen_sign = written.contains(['¥', '￥']);
    match plan_currency {
        Some(plan) if plan.eq_ignore_ascii_case(code) => true,
        Some(plan) => yen_sign && ["CNY", "JPY"].iter().any(|yen| plan.eq_ignore_ascii_case(yen)),
        None => false,
    }
}

/// The plan format's finding about a value that could not be read, in
/// words that say why and what it costs: an amount in another currency
/// than the plan's, a date that reads two ways (with each reading as a
/// choice), or a value of the wrong kind. `written` is its source text.
pub(crate) fn explain_unreadable(
    finding: &mut Finding,
    reading: &Reading,
    document: &Document,
    written: &str,
) {
    let field = place::describe(&reading.pointer, &document.value);
    let key = reading.pointer.rsplit('/').next().unwrap_or_default();
    if let Some(currency) = reading.currency {
        // `"$850,000"` in a CNY plan: another currency, named as such;
        // changing the plan's currency would re-denominate every amount.
        let plan_currency = crate::lint::values::plan_currency(&document.value).unwrap_or_default();
        let args = fluent_args!(
            field = field,
            currency = currency,
            written = quoted(&reading.written),
            plan = plan_currency.as_ref(),
        );
        finding.message = tidy(i18n::message("lint-values-form-currency", Some(&args)));
        let help = i18n::message("lint-values-form-currency-help", Some(&args));
        finding.help = Some(Arc::from(tidy(help)));
        finding.label = t!("lint-values-form-currency-label");
        finding.fix = None;
    } else if let [day_first, month_first] = reading.choices.as_slice() {
        // `05/06/2026`: both readings are real dates; the writer picks.
        let shown = [day_first, month_first].map(crate::numbers::display_value);
        let (day, month) = (shown[0].as_str(), shown[1].as_str());
        let args = fluent_args!(
            field = field,
            key = key,
            written = quoted(&reading.written),
            day = day,
            month = month,
        );
        finding.message = tidy(i18n::message("lint-values-form-two-ways", Some(&args)));
        let help = i18n::message("lint-values-form-two-ways-help", Some(&args));
        finding.help = Some(Arc::from(tidy(help)));
        finding.label = t!("lint-values-form-two-ways-label");
        finding.fix = None;
        let titles = [
            i18n::message("lint-values-form-choice-day-first", Some(&args)),
            i18n::message("lint-values-form-choice-month-first", Some(&args)),
        ];
        finding.choices = [day_first, month_first]
            .into_iter()
            .zip(titles)
            .filter_map(|(choice, title)| {
                Some(Fix {
                    title: tidy(title),
                    span: finding.span,
                    replacement: crate::lint::scalar_text::replacement(written, choice)?,
                })
            })
            .collect();
    } else {
        // The plan format's own words ("must be a number, found the text
        // \"lots\"") say it; the help says what it costs.
        let help = t!("lint-values-form-unreadable-help", noun = reading.kind.noun());
        finding.help = Some(Arc::from(tidy(help)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    /// The plan's findings about its values as written, in Chinese: the
    /// finding of form for each value read exactly, and the plan format's
    /// finding, explained, for each that could not be read.
    fn in_chinese(text: &str) -> Vec<Finding> {
        let _zh = scoped(Lang::Zh);
        let document = crate::document::load(text, &crate::document::LoadLimits::default()).unwrap();
        let normalized = crate::lint::normalize::normalize(&document.value);
        let mut found: Vec<Finding> = normalized
            .readings
            .iter()
            .filter_map(|reading| finding(reading, &document, text, Severity::Warning))
            .collect();
        for mut schema in crate::lint::schema::check(normalized.meant(&document.value), &document) {
            if let Some(reading) = normalized.reading(&schema.pointer) {
                let written = text.get(schema.span.start..schema.span.end).unwrap_or_default();
                explain_unreadable(&mut schema, reading, &document, written);
                found.push(schema);
            }
        }
        found
    }

    #[test]
    fn values_written_by_hand_are_reported_in_chinese() {
        let text =
            "version: 1\nname: 春季上新\ncurrency: CNY\nproduct: {price: 85万}\npositioning: {rank: 第二}\n\
                    goals:\n  - {id: 营收, deadline: 2026年6月30日}\n  - {id: 会员, deadline: 05/06/2026}\n\
                    budget: {total: \"$850,000\", items: [{name: 广告, amount: 很多}]}\n";
        let found = in_chinese(text);
        let said = |pointer: &str| {
            let finding = found.iter().find(|f| f.pointer == pointer).unwrap();
            (
                finding.message.clone(),
                finding.help.as_deref().unwrap_or_default().to_owned(),
                finding.label.clone(),
            )
        };
        assert_eq!(
            said("/product/price"),
            (
                "`product.price` 写的是「85万」，planlint 读作 850000".to_owned(),
                "写成 `price: 850000`，这样所有读取计划的工具都能看懂".to_owned(),
                "读作 850000".to_owned()
            )
        );
        assert_eq!(
            said("/positioning/rank").0,
            "`positioning.rank` 写的是「第二」，planlint 读作 2"
        );
        let deadline = found.iter().find(|f| f.pointer == "/goals/0/deadline").unwrap();
        assert_eq!(
            deadline.message,
            "第 1 个目标 `营收` 的 `deadline` 写的是「2026年6月30日」，planlint 读作 2026-06-30"
        );
        assert_eq!(
            deadline.fix.as_ref().map(|fix| fix.title.as_str()),
            Some("把「2026年6月30日」写成 2026-06-30")
        );
        let (message, help, label) = said("/goals/1/deadline");
        assert_eq!(
            message,
            "第 2 个目标 `会员` 的 `deadline` 写的是「05/06/2026」，有两种读法：日在前是 2026-06-05，月在前是 2026-05-06"
        );
        assert_eq!(
            help,
            "写成 `deadline: 2026-06-05` 或 `deadline: 2026-05-06`，看你指的是哪一天；在此之前，需要这个日期的规则无法检查计划"
        );
        assert_eq!(label, "日在前还是月在前？");
        let choices: Vec<&str> = found
            .iter()
            .find(|f| f.pointer == "/goals/1/deadline")
            .map(|f| f.choices.iter().map(|choice| choice.title.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            choices,
            [
                "把「05/06/2026」写成 2026-06-05（日在前）",
                "把「05/06/2026」写成 2026-05-06（月在前）"
            ]
        );
        assert_eq!(
            said("/budget/total"),
            (
                "`budget.total` 用的是 USD（「$850,000」），而计划的货币是 CNY".to_owned(),
                "请按团队采用的汇率把金额换算成 CNY 再写（planlint 不换算货币）；在此之前，需要这个金额的规则无法检查计划".to_owned(),
                "其他货币".to_owned()
            )
        );
        assert_eq!(
            said("/budget/items/0/amount"),
            (
                "第 1 个预算项 `广告` 的 `amount` 必须是数字，实际是文本「很多」".to_owned(),
                "请写成数字：在此之前，需要这个值的规则无法检查计划".to_owned(),
                "值的类型不对".to_owned()
            )
        );
    }
}
