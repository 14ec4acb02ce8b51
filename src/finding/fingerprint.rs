//! Stable identities for findings, for tools that track a finding across
//! commits (GitHub code scanning's `partialFingerprints`, GitLab Code
//! Quality's `fingerprint`).
//!
//! A fingerprint hashes what the finding *is* (its rule, the JSON pointer of
//! the offending node, its message with whitespace and any line, column or
//! byte numbers normalized), never where it sits: inserting or removing
//! lines above a finding leaves its fingerprint unchanged. Two findings with
//! the same identity in one file are told apart by their order
//! (`…:1`, `…:2`), as GitHub does for its own line hashes.

use crate::finding::FileReport;
use std::collections::HashMap;

/// The `partialFingerprints` key planlint's fingerprints are stored under.
/// Bump the version if the hashed parts ever change.
pub const KEY: &str = "planlint/v1";

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// `message` with runs of whitespace collapsed to one space, and the number
/// after `line`, `column`, `byte` or `offset` replaced by `N` (in Chinese
/// the number of `第 12 行`, `第 3 列`, `第 1024 个字节`), so that a message
/// which mentions a place does not change when the place moves.
pub fn normalize_message(message: &str) -> String {
    chinese_places(&english_places(message))
}

fn english_places(message: &str) -> String {
    const PLACE_WORDS: [&str; 4] = ["line", "column", "byte", "offset"];
    let mut normalized = String::with_capacity(message.len());
    let mut previous = "";
    for word in message.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        let digits = word.trim_end_matches([',', '.', ':', ';', ')']);
        if PLACE_WORDS.contains(&previous.to_ascii_lowercase().as_str())
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            normalized.push('N');
            normalized.push_str(&word[digits.len()..]);
        } else {
            normalized.push_str(word);
        }
        previous = word;
    }
    normalized
}

/// `第 12 行` (line 12), `第3列`, `第 1024 个字节` with the number as `N`.
fn chinese_places(message: &str) -> String {
    const PLACE_WORDS: [&str; 4] = ["行", "列", "个字节", "字节"];
    if !message.contains('第') {
        return message.to_owned();
    }
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find('第') {
        let after = &rest[at + '第'.len_utf8()..];
        let spaced = after.strip_prefix(' ').unwrap_or(after);
        let digits = spaced.len() - spaced.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let tail = &spaced[digits..];
        let tail = tail.strip_prefix(' ').unwrap_or(tail);
        out.push_str(&rest[..at + '第'.len_utf8()]);
        if digits > 0 && PLACE_WORDS.iter().any(|word| tail.starts_with(word)) {
            // Kept as written, but for the number.
            out.push_str(&after[..after.len() - spaced.len()]);
            out.push('N');
            rest = &spaced[digits..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The identity of one finding: rule, pointer and normalized message.
pub fn identity(rule: &str, pointer: &str, message: &str) -> u64 {
    let mut bytes = Vec::with_capacity(rule.len() + pointer.len() + message.len() + 2);
    bytes.extend_from_slice(rule.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(pointer.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(normalize_message(message).as_bytes());
    fnv1a64(&bytes)
}

/// The fingerprint of every finding of `report`, in order: the identity as
/// 16 hex digits, then `:` and its occurrence among equal identities in the
/// file (`0f3c…a1:1`).
pub fn fingerprints(report: &FileReport) -> Vec<String> {
    let mut seen: HashMap<u64, usize> = HashMap::new();
    report
        .findings
        .iter()
        .map(|finding| {
            let hash = identity(&finding.rule, &finding.pointer, &finding.message);
            let occurrence = seen.entry(hash).or_default();
            *occurrence += 1;
            format!("{hash:016x}:{occurrence}")
        })
        .collect()
}

/// A fingerprint that is unique in a whole report: the file's path hashed
/// together with the finding's per-file fingerprint (GitLab wants one
/// fingerprint per issue across all files).
pub fn with_path(path: &str, fingerprint: &str) -> String {
    let mut bytes = Vec::with_capacity(path.len() + fingerprint.len() + 1);
    bytes.extend_from_slice(path.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(fingerprint.as_bytes());
    format!("{:016x}", fnv1a64(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_known_values() {
        // The reference values of the FNV specification.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn normalization() {
        assert_eq!(normalize_message("  a \n b\tc "), "a b c");
        assert_eq!(
            normalize_message("expected a value at line 12, column 3"),
            "expected a value at line N, column N"
        );
        assert_eq!(
            normalize_message("invalid UTF-8 at byte 1024:"),
            "invalid UTF-8 at byte N:"
        );
        assert_eq!(
            normalize_message("CAC 315 is above LTV 270"),
            "CAC 315 is above LTV 270"
        );
        assert_eq!(normalize_message("line two"), "line two");
    }

    #[test]
    fn chinese_places_are_normalized_too() {
        assert_eq!(
            normalize_message("第 12 行，第 3 列缺少一个值"),
            "第 N 行，第 N 列缺少一个值"
        );
        assert_eq!(normalize_message("第12行第3列"), "第N行第N列");
        assert_eq!(normalize_message("在第 1024 个字节处"), "在第 N 个字节处");
        // Numbers that are not places stay.
        assert_eq!(normalize_message("第 2 个渠道"), "第 2 个渠道");
        assert_eq!(
            normalize_message("获客成本 315 EUR 高于客户终身价值 270 EUR"),
            "获客成本 315 EUR 高于客户终身价值 270 EUR"
        );
        assert_eq!(normalize_message("第"), "第");
    }

    #[test]
    fn identity_separates_its_parts() {
        assert_ne!(identity("ab", "c", "m"), identity("a", "bc", "m"));
        assert_eq!(identity("r", "/a", "x  y"), identity("r", "/a", "x y"));
    }
}
