//! "Did you mean ...?" for mistyped field names and rule ids.

/// The candidate closest to `typo`, if it is close enough to be a guess
/// (about one edit in three characters).
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|name| (edit_distance(typo, name), name))
        .filter(|(distance, name)| *distance <= (name.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// The one candidate close enough to `typo` to be a guess, when exactly one
/// is: a rename that can be made without asking which was meant.
pub fn only_close<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut close = candidates
        .into_iter()
        .filter(|name| *name != typo && edit_distance(typo, name) <= (name.chars().count() / 3).max(1));
    let first = close.next()?;
    close.next().is_none().then_some(first)
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit ("hlep" is one edit from "help").
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for swaps), the previous, the current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_near_misses() {
        let known = ["deadline", "owner", "vague-goal"];
        assert_eq!(closest("dedline", known), Some("deadline"));
        assert_eq!(closest("vauge-goal", known), Some("vague-goal"));
        assert_eq!(closest("budget", known), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("hlep", "help"), 1);
        assert_eq!(closest("hlep", ["help", "id"]), Some("help"));
        assert_eq!(only_close("dealine", ["deadline", "baseline"]), Some("deadline"));
        assert_eq!(only_close("hel", ["help", "held"]), None);
        assert_eq!(only_close("budget", known), None);
    }
}
