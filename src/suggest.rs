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

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
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
    }
}
