//! Looking a value up by JSON pointer without copying the pointer's tokens
//! (`serde_json::Value::pointer` allocates two strings per token; the rules
//! look values up by pointer for every finding and remedy).

use serde_json::Value;

/// `value.lookup("/goals/0/deadline")`: what `Value::pointer` answers, for
/// the same pointers.
pub trait Lookup {
    /// The value at `pointer` (RFC 6901), if there is one.
    fn lookup(&self, pointer: &str) -> Option<&Value>;
}

impl Lookup for Value {
    fn lookup(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |node, token| {
            let token = super::unescape_token(token);
            match node {
                Value::Object(map) => map.get(token.as_ref()),
                Value::Array(items) => index(&token).and_then(|at| items.get(at)),
                _ => None,
            }
        })
    }
}

/// An array index as RFC 6901 writes it: digits, no sign, no leading zero.
fn index(token: &str) -> Option<usize> {
    let digits = token.as_bytes();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) || (digits.len() > 1 && digits[0] == b'0')
    {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn answers_as_serde_json_does() {
        let plan = json!({
            "goals": [{"id": "a", "deadline": "2026-09-30"}, {"id": "b"}],
            "a/b": {"c~d": 1},
            "": {"": 2},
            "7": "seven",
        });
        let pointers = [
            "",
            "/",
            "//",
            "/goals",
            "/goals/0",
            "/goals/1/id",
            "/goals/01",
            "/goals/+1",
            "/goals/-1",
            "/goals/2",
            "/goals/",
            "/goals/0/deadline/x",
            "/a~1b",
            "/a~1b/c~0d",
            "/a~1b/c~01",
            "/7",
            "goals",
            "/missing",
            "/goals/18446744073709551616",
        ];
        for pointer in pointers {
            assert_eq!(plan.lookup(pointer), plan.pointer(pointer), "{pointer}");
        }
    }
}
