//! The report's charts, drawn as SVG from the plan's numbers: the budget
//! split, each channel's test return, and each channel's marginal CAC by
//! spend tier against LTV (where the curve crosses LTV is where to stop
//! scaling).

use super::svg::{shorten, Anchor, Svg};
use super::{budget_parts, PartKind};
use crate::i18n::t;
use crate::lint::derive::ChannelMetrics;
use crate::lint::metric_catalog::{
    capitalized, CHANNEL_BUDGET, CHANNEL_TEST_RETURN, LTV, MARGINAL_CAC, MARGINAL_CAC_BY_TIER,
    NO_NEW_CUSTOMERS,
};
use crate::numbers::format_number;
use crate::output::plan_view::PlanView;

/// Colours that stay apart for most colour vision and in grey print.
const CHANNEL_COLOURS: [&str; 8] = [
    "#2563eb", "#d97706", "#059669", "#9333ea", "#0891b2", "#db2777", "#65a30d", "#b45309",
];
const OTHER_COSTS: &str = "#64748b";
const REMAINING: &str = "#cbd5e1";
const OVER: &str = "#dc2626";
const GOOD: &str = "#16a34a";
const AXIS: &str = "#475569";
const LTV_LINE: &str = "#0f172a";

const WIDTH: f64 = 720.0;

pub fn colour_of(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Channel(index) => CHANNEL_COLOURS[index % CHANNEL_COLOURS.len()],
        PartKind::OtherCosts => OTHER_COSTS,
        PartKind::Remaining => REMAINING,
        PartKind::Overrun => OVER,
    }
}

/// The budget as one stacked bar (channels, other costs, what remains) with
/// a legend; spending past the total runs beyond a marked total line.
pub fn budget_chart(view: &PlanView) -> Option<String> {
    let parts = budget_parts(view);
    let budget = &view.metrics.budget;
    let planned = budget.planned.unwrap_or_default().max(0.0);
    let scale_max = budget.total.unwrap_or(0.0).max(planned);
    if parts.is_empty() || scale_max <= 0.0 {
        return None;
    }
    let (left, bar_width, bar_top, bar_height, row) = (10.0, WIDTH - 20.0, 24.0, 36.0, 22.0);
    let legend_top = bar_top + bar_height + 30.0;
    let height = legend_top + row * parts.len() as f64 + 8.0;
    let title = t!("report-chart-budget", plan = view.heading());
    let mut svg = Svg::new(WIDTH, height, &title);
    let x_of = |amount: f64| left + amount / scale_max * bar_width;

    let mut at = 0.0;
    for part in parts.iter().filter(|part| part.kind != PartKind::Overrun) {
        let amount = part.amount.max(0.0);
        let tip = t!(
            "report-chart-part",
            part = part.label.as_str(),
            amount = view.money(part.amount)
        );
        svg.rect(
            x_of(at),
            bar_top,
            x_of(at + amount) - x_of(at),
            bar_height,
            colour_of(part.kind),
            Some(&tip),
        );
        at += amount;
    }
    if let Some(total) = budget.total.filter(|total| *total > 0.0) {
        let x = x_of(total);
        let over = planned > total;
        let colour = if over { OVER } else { AXIS };
        svg.line(
            (x, bar_top - 8.0),
            (x, bar_top + bar_height + 8.0),
            colour,
            2.0,
            over,
        );
        let label = t!("report-chart-total", total = view.money(total));
        let anchor = if x > WIDTH / 2.0 {
            Anchor::End
        } else {
            Anchor::Start
        };
        svg.text(
            x,
            bar_top - 11.0,
            &label,
            anchor,
            if over { "label over" } else { "label" },
        );
    }
    for (index, part) in parts.iter().enumerate() {
        let y = legend_top + row * index as f64;
        svg.rect(left, y, 14.0, 14.0, colour_of(part.kind), None);
        let class = if part.kind == PartKind::Overrun {
            "label over"
        } else {
            "label"
        };
        svg.text(
            left + 22.0,
            y + 12.0,
            &shorten(&part.label, 48),
            Anchor::Start,
            class,
        );
        svg.text(
            left + 520.0,
            y + 12.0,
            &view.money(part.amount),
            Anchor::End,
            class,
        );
        let share = part
            .share
            .map(|share| format!("{}%", format_number(share * 100.0)))
            .unwrap_or_default();
        svg.text(left + 600.0, y + 12.0, &share, Anchor::End, "label muted");
    }
    Some(svg.finish())
}

/// Each channel's test return (test revenue / test spend) as a bar, with
/// the break-even line at 1; a channel with no test says so.
pub fn test_return_chart(view: &PlanView) -> Option<String> {
    let channels = &view.metrics.channels;
    if channels.is_empty() {
        return None;
    }
    let (label_width, row, top) = (200.0, 28.0, 28.0);
    let plot_width = WIDTH - label_width - 70.0;
    let largest = channels
        .iter()
        .filter_map(|channel| channel.test_return)
        .fold(1.0_f64, f64::max)
        * 1.1;
    let height = top + row * channels.len() as f64 + 10.0;
    let title = t!(
        "report-chart-returns",
        label = capitalized(CHANNEL_TEST_RETURN.label),
        plan = view.heading()
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    let x_of = |value: f64| label_width + value.max(0.0) / largest * plot_width;
    for (index, channel) in channels.iter().enumerate() {
        let y = top + row * index as f64;
        svg.text(
            label_width - 8.0,
            y + 15.0,
            &shorten(&channel.name, 28),
            Anchor::End,
            "label",
        );
        let Some(test_return) = channel.test_return else {
            svg.text(
                label_width + 6.0,
                y + 15.0,
                &t!("report-chart-not-tested"),
                Anchor::Start,
                "label muted",
            );
            continue;
        };
        let colour = if test_return >= 1.0 { GOOD } else { OVER };
        let tip = t!(
            "report-chart-return-tip",
            channel = channel.name.as_str(),
            label = CHANNEL_TEST_RETURN.label.to_string(),
            value = format_number(test_return)
        );
        svg.rect(
            label_width,
            y + 3.0,
            x_of(test_return) - label_width,
            row - 8.0,
            colour,
            Some(&tip),
        );
        svg.text(
            x_of(test_return) + 6.0,
            y + 15.0,
            &format!("{}×", format_number(test_return)),
            Anchor::Start,
            "label",
        );
    }
    let even = x_of(1.0);
    svg.line((even, top - 6.0), (even, height - 4.0), AXIS, 1.5, true);
    svg.text(
        even,
        top - 10.0,
        &t!("report-chart-break-even"),
        Anchor::Middle,
        "label muted",
    );
    Some(svg.finish())
}

/// A plot area and the ranges it shows: values in, coordinates out.
struct Plot {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    x_max: f64,
    y_max: f64,
}

impl Plot {
    fn x_of(&self, x: f64) -> f64 {
        self.left + x.clamp(0.0, self.x_max) / self.x_max * self.width
    }

    fn y_of(&self, y: f64) -> f64 {
        self.top + self.height - y.clamp(0.0, self.y_max) / self.y_max * self.height
    }

    fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// The axes of `plot`, with ticks at 0, half and the top of each range,
/// `x_label` under the x axis (at `label_y`) and `y_label` over the y axis.
fn axes(svg: &mut Svg, plot: &Plot, x_label: &str, label_y: f64, y_label: &str) {
    svg.line(
        (plot.left, plot.top),
        (plot.left, plot.bottom()),
        AXIS,
        1.0,
        false,
    );
    svg.line(
        (plot.left, plot.bottom()),
        (plot.left + plot.width, plot.bottom()),
        AXIS,
        1.0,
        false,
    );
    for fraction in [0.0, 0.5, 1.0] {
        let y = plot.y_max * fraction;
        svg.text(
            plot.left - 6.0,
            plot.y_of(y) + 4.0,
            &format_number(y),
            Anchor::End,
            "tick",
        );
        let x = plot.x_max * fraction;
        let anchor = if fraction == 1.0 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        svg.text(
            plot.x_of(x),
            plot.bottom() + 16.0,
            &format_number(x),
            anchor,
            "tick",
        );
    }
    svg.text(
        plot.left + plot.width / 2.0,
        label_y,
        x_label,
        Anchor::Middle,
        "tick",
    );
    svg.text(plot.left, plot.top - 14.0, y_label, Anchor::Middle, "tick");
}

/// A channel's marginal CAC per spend tier as steps over its spend, against
/// LTV: tiers above LTV are red, and the first of them is where to stop.
pub fn marginal_cac_chart(view: &PlanView, channel: &ChannelMetrics) -> Option<String> {
    if channel.tiers.is_empty() {
        return None;
    }
    let ltv = view.metrics.unit_economics.ltv;
    let highest_cac = channel
        .tiers
        .iter()
        .filter_map(|tier| tier.marginal_cac)
        .fold(0.0_f64, f64::max);
    let y_max = highest_cac.max(ltv.unwrap_or(0.0)).max(1.0) * 1.15;
    let spend_max = channel
        .tiers
        .iter()
        .map(|tier| tier.to_spend.max(tier.from_spend))
        .fold(channel.budget.unwrap_or(0.0), f64::max);
    if spend_max <= 0.0 || !spend_max.is_finite() || !y_max.is_finite() {
        return None;
    }
    let (left, right, top, bottom) = (80.0, 20.0, 30.0, 44.0);
    let height = 260.0;
    let plot = Plot {
        left,
        top,
        width: WIDTH - left - right,
        height: height - top - bottom,
        x_max: spend_max,
        y_max,
    };
    let title = t!(
        "report-chart-tiers",
        tiers = capitalized(MARGINAL_CAC_BY_TIER),
        channel = channel.name.as_str()
    );
    let mut svg = Svg::new(WIDTH, height, &title);
    let x_label = t!("report-chart-cumulative-spend");
    axes(&mut svg, &plot, &x_label, height - 6.0, &MARGINAL_CAC);
    let stop_at = tier_bars(&mut svg, &plot, channel, ltv);
    reference_lines(&mut svg, &plot, channel, ltv, stop_at);
    Some(svg.finish())
}

/// One bar per spend tier at its marginal CAC (red above LTV, full height
/// when it won no customer); returns the spend where scaling should stop.
fn tier_bars(svg: &mut Svg, plot: &Plot, channel: &ChannelMetrics, ltv: Option<f64>) -> Option<f64> {
    let mut stop_at = None;
    for tier in &channel.tiers {
        let (x0, x1) = (plot.x_of(tier.from_spend), plot.x_of(tier.to_spend));
        match tier.marginal_cac {
            Some(cac) => {
                let above = ltv.is_some_and(|ltv| cac > ltv);
                let colour = if above { OVER } else { CHANNEL_COLOURS[0] };
                let tip = t!(
                    "report-chart-tier-tip",
                    from = format_number(tier.from_spend),
                    to = format_number(tier.to_spend),
                    label = MARGINAL_CAC.to_string(),
                    value = format_number(cac)
                );
                let y = plot.y_of(cac);
                svg.rect(x0 + 1.0, y, x1 - x0 - 2.0, plot.y_of(0.0) - y, colour, Some(&tip));
                svg.text(
                    (x0 + x1) / 2.0,
                    y - 5.0,
                    &format_number(cac),
                    Anchor::Middle,
                    "label",
                );
                if above && stop_at.is_none() {
                    stop_at = Some(tier.from_spend);
                }
            }
            None => {
                // No new customer for this spend: the marginal cost is unbounded.
                svg.rect(
                    x0 + 1.0,
                    plot.top,
                    x1 - x0 - 2.0,
                    plot.height,
                    OVER,
                    Some(NO_NEW_CUSTOMERS.get()),
                );
                svg.text(
                    (x0 + x1) / 2.0,
                    plot.top + 14.0,
                    &NO_NEW_CUSTOMERS,
                    Anchor::Middle,
                    "label inverse",
                );
                stop_at.get_or_insert(tier.from_spend);
            }
        }
    }
    stop_at
}

/// The LTV line, the channel's budget, and where to stop scaling.
fn reference_lines(
    svg: &mut Svg,
    plot: &Plot,
    channel: &ChannelMetrics,
    ltv: Option<f64>,
    stop_at: Option<f64>,
) {
    if let Some(ltv) = ltv {
        // Dark, so that it shows over the red tiers above it too.
        let y = plot.y_of(ltv);
        svg.line((plot.left, y), (plot.left + plot.width, y), LTV_LINE, 2.0, true);
        let label = format!("{} {}", LTV.label, format_number(ltv));
        svg.text(plot.left + 6.0, y - 6.0, &label, Anchor::Start, "label strong");
    }
    if let Some(budget) = channel.budget.filter(|budget| *budget > 0.0) {
        let x = plot.x_of(budget);
        svg.line((x, plot.top), (x, plot.bottom()), AXIS, 1.5, true);
        svg.text(x, plot.top - 4.0, &CHANNEL_BUDGET.label, Anchor::End, "tick");
    }
    if let Some(spend) = stop_at {
        let x = plot.x_of(spend);
        svg.line((x, plot.top - 4.0), (x, plot.bottom()), OVER, 2.5, false);
        svg.text(
            x - 6.0,
            plot.top + 12.0,
            &t!("report-chart-stop-here"),
            Anchor::End,
            "label over",
        );
    }
}
