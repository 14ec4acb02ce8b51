//! The Markdown escapers on arbitrary text: the output is one line, every
//! character that could begin markup is escaped, and a code span's fence is
//! longer than any run of backticks inside it. (The test suite renders the
//! same escapers with a GitHub Flavored Markdown parser.)

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };
    let [text, code, message] = planlint::fuzzing::markdown(value);
    for out in [&text, &code, &message] {
        assert!(!out.contains(['\n', '\r']), "a line break in {out:?}");
        assert!(!out.chars().any(|c| c.is_control()), "a control character in {out:?}");
    }
    // In plain text, every character that could begin markup is escaped
    // by a backslash: a colon only before `/` (`https://`), an underscore
    // only at a word's edge (inside a word it cannot open emphasis).
    let chars: Vec<char> = text.chars().collect();
    let mut escaped = false;
    for (at, &c) in chars.iter().enumerate() {
        let before = at.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(at + 1).copied();
        let must = match c {
            ':' => after == Some('/'),
            '_' => !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)),
            c => "`*~[]!<>&|$@#".contains(c),
        };
        if must {
            assert!(escaped, "unescaped {c:?} in {text:?} from {value:?}");
        }
        escaped = c == '\\' && !escaped;
    }
    // A code span opens and closes with the same fence, longer than any run inside.
    if !code.is_empty() {
        let fence = code.chars().take_while(|&c| c == '`').count();
        let inner = &code[fence..code.len() - fence];
        let longest = inner.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        assert!(code.ends_with(&"`".repeat(fence)) && longest < fence, "{code:?}");
    }
});
