//! What the YAML parser says, in the language of the run. saphyr's own
//! messages are English and name YAML's grammar; each known one has a
//! catalog message (its English text is saphyr's, word for word), and one
//! planlint does not know is kept as the parser wrote it.

use crate::i18n::t;

/// `said` (a saphyr error message) in the current language.
pub(super) fn in_words(said: &str) -> String {
    if let Some(words) = while_reading(said).or_else(|| other_words(said)) {
        return words;
    }
    match said
        .strip_prefix("unexpected character: `")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        Some(character) => t!("document-yaml-unexpected-character", character = character),
        None => said.to_owned(),
    }
}

/// The parser's "while parsing/scanning ..." messages.
fn while_reading(said: &str) -> Option<String> {
    Some(match said {
        "while parsing a block collection, did not find expected '-' indicator" => {
            t!("document-yaml-expected-dash")
        }
        "while parsing a block mapping, did not find expected key" => t!("document-yaml-expected-key"),
        "while parsing a flow mapping, did not find expected ',' or '}'" => t!("document-yaml-flow-mapping"),
        "while parsing a flow sequence, expected ',' or ']'" => t!("document-yaml-flow-sequence"),
        "while parsing a node, did not find expected node content" => t!("document-yaml-node-content"),
        "while parsing a quoted scalar, did not find expected hexadecimal number" => {
            t!("document-yaml-escape-hex")
        }
        "while parsing a quoted scalar, found invalid Unicode character escape code" => {
            t!("document-yaml-escape-unicode")
        }
        "while parsing a quoted scalar, found unknown escape character" => t!("document-yaml-escape-unknown"),
        "while parsing a tag directive, did not find expected '!'" => t!("document-yaml-tag-directive-bang"),
        "while parsing a tag, did not find expected tag URI" => t!("document-yaml-tag-uri"),
        "while parsing a tag, found an incorrect leading UTF-8 byte" => t!("document-yaml-tag-leading-byte"),
        "while parsing a tag, found an incorrect trailing UTF-8 byte" => {
            t!("document-yaml-tag-trailing-byte")
        }
        "while parsing a tag, found an invalid UTF-8 codepoint" => t!("document-yaml-tag-codepoint"),
        "while parsing a tag, found an invalid escape sequence" => t!("document-yaml-tag-escape"),
        "while parsing anchor, found duplicated anchor" => t!("document-yaml-anchor-twice"),
        "while parsing node, found unknown anchor" => t!("document-yaml-unknown-anchor"),
        "while scanning TAG, did not find expected whitespace or line break" => {
            t!("document-yaml-tag-directive-space")
        }
        "while scanning a YAML directive, did not find expected digit or '.' character" => {
            t!("document-yaml-version-digit")
        }
        "while scanning a YAML directive, did not find expected version number" => {
            t!("document-yaml-version-number")
        }
        "while scanning a YAML directive, found extremely long version number" => {
            t!("document-yaml-version-long")
        }
        "while scanning a block scalar, did not find expected comment or line break" => {
            t!("document-yaml-block-header")
        }
        "while scanning a block scalar, found an indentation indicator equal to 0" => {
            t!("document-yaml-block-indent-zero")
        }
        "while scanning a directive, could not find expected directive name" => {
            t!("document-yaml-directive-name")
        }
        "while scanning a directive, did not find expected comment or line break" => {
            t!("document-yaml-directive-end")
        }
        "while scanning a directive, found unexpected non-alphabetical character" => {
            t!("document-yaml-directive-character")
        }
        "while scanning a plain scalar, found a tab" => t!("document-yaml-plain-tab"),
        "while scanning a quoted scalar, found unexpected document indicator" => {
            t!("document-yaml-quoted-document")
        }
        "while scanning a quoted scalar, found unexpected end of stream" => t!("document-yaml-quoted-end"),
        "while scanning a tag, did not find expected '!'" => t!("document-yaml-tag-bang"),
        "while scanning a tag, did not find expected whitespace or line break" => {
            t!("document-yaml-tag-space")
        }
        "while scanning a verbatim tag, did not find the expected '>'" => t!("document-yaml-verbatim-tag"),
        "while scanning an anchor or alias, did not find expected alphabetic or numeric character" => {
            t!("document-yaml-anchor-character")
        }
        _ => return None,
    })
}

/// The parser's other messages, but for an unexpected character.
fn other_words(said: &str) -> Option<String> {
    Some(match said {
        "a block scalar content cannot start with a tab" => t!("document-yaml-block-scalar-tab"),
        "a byte order mark must not appear inside a document" => t!("document-yaml-bom-inside"),
        "block sequence entries are not allowed in this context" => t!("document-yaml-dash-not-allowed"),
        "comment intercepting the multiline text" => t!("document-yaml-comment-in-text"),
        "did not find expected <document start>" => t!("document-yaml-document-start"),
        "did not find expected <document-start>" => t!("document-yaml-document-start-dash"),
        "did not find expected <stream-start>" => t!("document-yaml-stream-start"),
        "did not find expected next token" => t!("document-yaml-next-token"),
        "duplicate version directive" => t!("document-yaml-version-twice"),
        "expected whitespace" => t!("document-yaml-whitespace"),
        "found incompatible YAML document" => t!("document-yaml-incompatible"),
        "found unprintable character" => t!("document-yaml-unprintable"),
        "illegal placement of ':' indicator" => t!("document-yaml-colon-placement"),
        "invalid content after document end marker" => t!("document-yaml-after-document-end"),
        "invalid global tag character" => t!("document-yaml-tag-character"),
        "invalid indentation for anchor" => t!("document-yaml-anchor-indentation"),
        "invalid indentation in flow construct" => t!("document-yaml-flow-indentation"),
        "invalid indentation in quoted scalar" => t!("document-yaml-quoted-indentation"),
        "invalid indentation" => t!("document-yaml-indentation"),
        "invalid trailing content after double-quoted scalar" => t!("document-yaml-after-double-quoted"),
        "mapping keys are not allowed in this context" => t!("document-yaml-key-not-allowed"),
        "mapping values are not allowed in this context" => t!("document-yaml-colon-not-allowed"),
        "misplaced bracket" => t!("document-yaml-misplaced-bracket"),
        "missing explicit document end marker before directive" => t!("document-yaml-end-before-directive"),
        "plain scalar cannot start with '-' followed by ,[]{}" => t!("document-yaml-dash-then-bracket"),
        "recursion limit exceeded" => t!("document-yaml-recursion"),
        "simple key expect ':'" => t!("document-yaml-key-colon"),
        "simple key expected" => t!("document-yaml-key-expected"),
        "tab cannot be used as indentation" => t!("document-yaml-tab-indentation"),
        "tabs disallowed in this context" => t!("document-yaml-tabs-here"),
        "tabs disallowed within this context (block indentation)" => t!("document-yaml-tabs-block"),
        "the TAG directive must only be given at most once per handle in the same document" => {
            t!("document-yaml-tag-twice")
        }
        "the handle wasn't declared" => t!("document-yaml-handle-undeclared"),
        "unexpected end of plain scalar" => t!("document-yaml-plain-end"),
        "unexpected eof" => t!("document-yaml-eof"),
        "wrongly indented line in block scalar" => t!("document-yaml-block-line-indent"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{scoped, Lang};

    #[test]
    fn english_is_the_parser_word_for_word() {
        let _english = scoped(Lang::En);
        for said in [
            "mapping values are not allowed in this context",
            "while parsing a flow mapping, did not find expected ',' or '}'",
            "plain scalar cannot start with '-' followed by ,[]{}",
            "unexpected character: `@'",
            "something saphyr may say one day",
        ] {
            assert_eq!(in_words(said), said);
        }
    }

    #[test]
    fn chinese_in_a_marketer_s_words() {
        let _chinese = scoped(Lang::Zh);
        assert!(in_words("mapping values are not allowed in this context").contains("请给值加上引号"));
        assert_eq!(
            in_words("while parsing a flow sequence, expected ',' or ']'"),
            "读取 `[ ]` 列表时，这里应是 `,` 或 `]`"
        );
        assert!(in_words("unexpected character: `@'").contains("`@`"));
        assert_eq!(in_words("something new"), "something new");
    }
}
