//! Which findings two versions of one plan share: what a change introduced,
//! what it resolved, and what it only changed (same rule at the same node,
//! with a new message, e.g. a CAC that moved but still exceeds LTV).
//!
//! Findings are matched by fingerprint (rule, pointer, normalized message),
//! as baselines are, so moved lines never count as a change.

use crate::finding::fingerprint::identity;
use crate::finding::Finding;
use std::collections::HashMap;

/// Indices into the old and the new findings.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// New findings with no counterpart in the old version.
    pub introduced: Vec<usize>,
    /// Old findings with no counterpart in the new version.
    pub resolved: Vec<usize>,
    /// (old, new): same rule and node, different message.
    pub changed: Vec<(usize, usize)>,
    /// (old, new): the same finding in both.
    pub unchanged: Vec<(usize, usize)>,
}

/// Matches `new` against `old`: equal fingerprints first, in order (so two
/// equal findings pair one to one), then the rest by rule and pointer.
pub fn compare(old: &[Finding], new: &[Finding]) -> Comparison {
    let mut comparison = Comparison::default();
    let mut old_by_identity: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, finding) in old.iter().enumerate().rev() {
        old_by_identity
            .entry(identity(&finding.rule, &finding.pointer, &finding.message))
            .or_default()
            .push(index);
    }
    let mut old_matched = vec![false; old.len()];
    let mut unmatched_new = Vec::new();
    for (index, finding) in new.iter().enumerate() {
        let key = identity(&finding.rule, &finding.pointer, &finding.message);
        match old_by_identity.get_mut(&key).and_then(Vec::pop) {
            Some(old_index) => {
                old_matched[old_index] = true;
                comparison.unchanged.push((old_index, index));
            }
            None => unmatched_new.push(index),
        }
    }
    for index in unmatched_new {
        let finding = &new[index];
        let counterpart = old.iter().enumerate().position(|(old_index, candidate)| {
            !old_matched[old_index] && candidate.rule == finding.rule && candidate.pointer == finding.pointer
        });
        match counterpart {
            Some(old_index) => {
                old_matched[old_index] = true;
                comparison.changed.push((old_index, index));
            }
            None => comparison.introduced.push(index),
        }
    }
    comparison.resolved = (0..old.len()).filter(|index| !old_matched[*index]).collect();
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::finding::Severity;

    fn finding(rule: &str, pointer: &str, message: &str, at: usize) -> Finding {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message: message.into(),
            help: None,
            pointer: pointer.into(),
            span: Span::new(at, at + 1),
            label: "here".into(),
            related: Vec::new(),
            fix: None,
            choices: Vec::new(),
            remedies: Vec::new(),
        }
    }

    #[test]
    fn introduced_resolved_changed_and_moved() {
        let old = vec![
            finding("vague-goal", "/goals/0", "vague", 10),
            finding(
                "cac-exceeds-ltv",
                "/unit_economics/cac",
                "CAC 315 is above LTV 270",
                20,
            ),
            finding("missing-sponsor", "", "no sponsor", 0),
        ];
        let new = vec![
            // Moved lines: still the same finding.
            finding("vague-goal", "/goals/0", "vague", 99),
            finding(
                "cac-exceeds-ltv",
                "/unit_economics/cac",
                "CAC 400 is above LTV 270",
                20,
            ),
            finding("weak-positioning", "/positioning", "no rank", 5),
        ];
        let comparison = compare(&old, &new);
        assert_eq!(comparison.unchanged, vec![(0, 0)]);
        assert_eq!(comparison.changed, vec![(1, 1)]);
        assert_eq!(comparison.introduced, vec![2]);
        assert_eq!(comparison.resolved, vec![2]);
    }

    #[test]
    fn equal_findings_pair_one_to_one() {
        let old = vec![finding("r", "/a", "m", 1)];
        let new = vec![finding("r", "/a", "m", 1), finding("r", "/a", "m", 2)];
        let comparison = compare(&old, &new);
        assert_eq!(comparison.unchanged, vec![(0, 0)]);
        assert_eq!(comparison.introduced, vec![1]);
        assert!(comparison.resolved.is_empty());
    }
}
