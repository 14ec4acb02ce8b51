//! Charts as Mermaid blocks, which GitHub renders in Markdown files,
//! comments and job summaries: a pie, a bar chart with a reference line
//! (`xychart-beta`), and a left-to-right flow.

use std::fmt::Write as _;

/// Text inside a quoted Mermaid label: no quotes, no line breaks, nothing
/// Mermaid would read as markup.
fn label(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            '\n' | '\r' | '\t' => ' ',
            '<' => '‹',
            '>' => '›',
            '`' => '\'',
            '#' => '№',
            ';' => ',',
            c => c,
        })
        .collect()
}

/// A number as Mermaid data: plain digits, at most two decimals.
fn data(value: f64) -> String {
    // Past 1e15 cents are noise, and scaling by 100 could overflow.
    if value.abs() >= 1e15 {
        return format!("{value:.0}");
    }
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == rounded.trunc() && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn fence(body: &str) -> String {
    format!("```mermaid\n{body}```\n")
}

/// A pie of positive slices, each labelled with its value.
pub fn pie(title: &str, slices: &[(String, f64)]) -> Option<String> {
    let slices: Vec<&(String, f64)> = slices
        .iter()
        .filter(|(_, value)| *value > 0.0 && value.is_finite())
        .collect();
    if slices.is_empty() {
        return None;
    }
    let mut body = format!("pie showData\n    title {}\n", label(title));
    for (name, value) in slices {
        let _ = writeln!(body, "    \"{}\" : {}", label(name), data(*value));
    }
    Some(fence(&body))
}

/// Bars over named categories, with an optional horizontal reference line
/// (LTV, break-even) drawn across them.
pub fn bars(
    title: &str,
    categories: &[String],
    y_label: &str,
    values: &[f64],
    reference: Option<f64>,
) -> Option<String> {
    if categories.is_empty() || values.iter().any(|value| !value.is_finite()) {
        return None;
    }
    let top = values.iter().copied().chain(reference).fold(0.0_f64, f64::max) * 1.15;
    // Values near the largest number overflow the headroom: no axis to draw.
    if !top.is_finite() || reference.is_some_and(|line| !line.is_finite()) {
        return None;
    }
    let quoted: Vec<String> = categories
        .iter()
        .map(|name| format!("\"{}\"", label(name)))
        .collect();
    let numbers = |values: &mut dyn Iterator<Item = f64>| values.map(data).collect::<Vec<_>>().join(", ");
    let mut body = String::from("xychart-beta\n");
    let _ = writeln!(body, "    title \"{}\"", label(title));
    let _ = writeln!(body, "    x-axis [{}]", quoted.join(", "));
    let _ = writeln!(
        body,
        "    y-axis \"{}\" 0 --> {}",
        label(y_label),
        data(top.max(1.0))
    );
    let _ = writeln!(body, "    bar [{}]", numbers(&mut values.iter().copied()));
    if let Some(reference) = reference {
        let _ = writeln!(
            body,
            "    line [{}]",
            numbers(&mut std::iter::repeat_n(reference, values.len()))
        );
    }
    Some(fence(&body))
}

/// Boxes from left to right, each with a heading and a second line.
pub fn flow(steps: &[(String, String)]) -> Option<String> {
    if steps.is_empty() {
        return None;
    }
    let mut body = String::from("flowchart LR\n");
    for (index, (heading, detail)) in steps.iter().enumerate() {
        let _ = write!(body, "    s{index}[\"{}<br/>{}\"]", label(heading), label(detail));
        if index + 1 < steps.len() {
            let _ = write!(body, " --> s{}", index + 1);
        }
        body.push('\n');
    }
    Some(fence(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_break_out() {
        let block = pie("Budget \"x\"\n", &[("a\"b".into(), 1.5), ("none".into(), 0.0)]).unwrap();
        assert_eq!(
            block,
            "```mermaid\npie showData\n    title Budget 'x' \n    \"a'b\" : 1.5\n```\n"
        );
        assert_eq!(pie("t", &[("a".into(), -1.0)]), None);
        assert!(!pie("t", &[("a".into(), 1.7e308)]).unwrap().contains("inf"));
    }

    #[test]
    fn bars_with_a_reference_line() {
        let block = bars(
            "t",
            &["a".into(), "b".into()],
            "CAC",
            &[400.0, 666.666],
            Some(2160.0),
        )
        .unwrap();
        assert!(block.contains("bar [400, 666.67]"), "{block}");
        assert!(block.contains("line [2160, 2160]"), "{block}");
        assert!(block.contains("y-axis \"CAC\" 0 --> 2484"), "{block}");
    }
}
