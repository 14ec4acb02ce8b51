# Reading plan files, configs and rule files (YAML and JSON): why a file
# could not be read, and where. Also the small helpers' texts (internal
# errors, a number that cannot be shown).

## Any file

document-here = here
document-not-utf8 = invalid UTF-8 at byte { $at }: planlint reads plans as UTF-8 text
document-not-utf8-label = not UTF-8
document-empty = the file is empty: a plan needs at least `version` and `name`
document-empty-label = empty
document-too-many-nodes = the document has more nodes than planlint can number
document-too-deep = nesting deeper than { $depth } levels
document-too-deep-label = too deep
# The file ends before a `[` or `{` is closed (YAML and JSON).
document-unclosed-list = the file ends inside a list: the `[` at line { $line }, column { $column } is never closed with `]`
document-unclosed-group = the file ends inside a `{"{"}...{"}"}`: the `{"{"}` at line { $line }, column { $column } is never closed with `{"}"}`
document-unclosed-label = never closed
document-file-ends-here = the file ends here
# `$value` is the value as written, in backticks.
document-not-finite = { $value } is not a finite number; planlint needs plain finite numbers
document-not-finite-label = not a finite number

## YAML

document-parser-panicked = internal error in the YAML parser while reading this file
document-parser-unbalanced = internal error: unbalanced collection events from the YAML parser
document-several-documents = multiple YAML documents in one file; a plan file holds one document
document-several-documents-label = second document
# `$key` is the field name, in backticks.
document-duplicate-key = duplicate key { $key }
document-duplicate-key-label = duplicate key
document-duplicate-key-first = first defined here
document-key-is-group = a field name must be plain text, not a group of fields
document-key-is-list = a field name must be plain text, not a list
document-key-is-alias = a field name must be plain text, but `*{ $name }` is a list or a group of fields
document-not-a-key-label = not a field name
document-alias-bytes = alias expansion exceeds { $limit } bytes (possible alias bomb)
document-alias-nodes = alias expansion exceeds { $limit } nodes (possible alias bomb)
document-alias-too-far-label = expands too far
document-alias-recursive = alias `*{ $name }` refers to a node that contains it
document-alias-recursive-label = recursive alias
# `$message` says what is wrong with the anchored value.
document-alias-value = alias `*{ $name }`: { $message }
document-alias-lost = internal error: anchored node of `*{ $name }` not found
document-alias-undefined = undefined alias `*{ $name }`: no anchor `&{ $name }` is defined before it
document-alias-undefined-label = undefined alias
document-yaml-control-character = control character U+{ $code } cannot appear in YAML; remove it, or write it as an escape in a double-quoted string
document-control-character-label = control character
# `$parser` is what the parser said (a document-yaml-... message).
document-yaml-tabs = tabs cannot be used for indentation in YAML; indent with spaces (parser: { $parser })
document-yaml-tabs-label = tab
document-merge-not-group = `<<` merges groups of fields (`&name` anchors on `key: value` lines), but this is not one (or a list of them)
document-merge-not-group-label = nothing to merge
document-tag-not-int = { $value } is tagged !!int but is not an integer
document-tag-not-float = { $value } is tagged !!float but is not a number
document-tag-not-bool = { $value } is tagged !!bool but is not a boolean
document-tag-not-null = { $value } is tagged !!null but is not null
document-tag-mismatch-label = does not match its tag

## What the YAML parser (saphyr) says: its own words, exactly.

document-yaml-block-scalar-tab = a block scalar content cannot start with a tab
document-yaml-bom-inside = a byte order mark must not appear inside a document
document-yaml-dash-not-allowed = block sequence entries are not allowed in this context
document-yaml-comment-in-text = comment intercepting the multiline text
document-yaml-document-start = did not find expected <document start>
document-yaml-document-start-dash = did not find expected <document-start>
document-yaml-stream-start = did not find expected <stream-start>
document-yaml-next-token = did not find expected next token
document-yaml-version-twice = duplicate version directive
document-yaml-whitespace = expected whitespace
document-yaml-incompatible = found incompatible YAML document
document-yaml-unprintable = found unprintable character
document-yaml-colon-placement = illegal placement of ':' indicator
document-yaml-after-document-end = invalid content after document end marker
document-yaml-tag-character = invalid global tag character
document-yaml-anchor-indentation = invalid indentation for anchor
document-yaml-flow-indentation = invalid indentation in flow construct
document-yaml-quoted-indentation = invalid indentation in quoted scalar
document-yaml-indentation = invalid indentation
document-yaml-after-double-quoted = invalid trailing content after double-quoted scalar
document-yaml-key-not-allowed = mapping keys are not allowed in this context
document-yaml-colon-not-allowed = mapping values are not allowed in this context
document-yaml-misplaced-bracket = misplaced bracket
document-yaml-end-before-directive = missing explicit document end marker before directive
document-yaml-dash-then-bracket = plain scalar cannot start with '-' followed by ,[]{"{"}{"}"}
document-yaml-recursion = recursion limit exceeded
document-yaml-key-colon = simple key expect ':'
document-yaml-key-expected = simple key expected
document-yaml-tab-indentation = tab cannot be used as indentation
document-yaml-tabs-here = tabs disallowed in this context
document-yaml-tabs-block = tabs disallowed within this context (block indentation)
document-yaml-tag-twice = the TAG directive must only be given at most once per handle in the same document
document-yaml-handle-undeclared = the handle wasn't declared
document-yaml-plain-end = unexpected end of plain scalar
document-yaml-eof = unexpected eof
document-yaml-expected-dash = while parsing a block collection, did not find expected '-' indicator
document-yaml-expected-key = while parsing a block mapping, did not find expected key
document-yaml-flow-mapping = while parsing a flow mapping, did not find expected ',' or '{"}"}'
document-yaml-flow-sequence = while parsing a flow sequence, expected ',' or ']'
document-yaml-node-content = while parsing a node, did not find expected node content
document-yaml-escape-hex = while parsing a quoted scalar, did not find expected hexadecimal number
document-yaml-escape-unicode = while parsing a quoted scalar, found invalid Unicode character escape code
document-yaml-escape-unknown = while parsing a quoted scalar, found unknown escape character
document-yaml-tag-directive-bang = while parsing a tag directive, did not find expected '!'
document-yaml-tag-uri = while parsing a tag, did not find expected tag URI
document-yaml-tag-leading-byte = while parsing a tag, found an incorrect leading UTF-8 byte
document-yaml-tag-trailing-byte = while parsing a tag, found an incorrect trailing UTF-8 byte
document-yaml-tag-codepoint = while parsing a tag, found an invalid UTF-8 codepoint
document-yaml-tag-escape = while parsing a tag, found an invalid escape sequence
document-yaml-anchor-twice = while parsing anchor, found duplicated anchor
document-yaml-unknown-anchor = while parsing node, found unknown anchor
document-yaml-tag-directive-space = while scanning TAG, did not find expected whitespace or line break
document-yaml-version-digit = while scanning a YAML directive, did not find expected digit or '.' character
document-yaml-version-number = while scanning a YAML directive, did not find expected version number
document-yaml-version-long = while scanning a YAML directive, found extremely long version number
document-yaml-block-header = while scanning a block scalar, did not find expected comment or line break
document-yaml-block-indent-zero = while scanning a block scalar, found an indentation indicator equal to 0
document-yaml-directive-name = while scanning a directive, could not find expected directive name
document-yaml-directive-end = while scanning a directive, did not find expected comment or line break
document-yaml-directive-character = while scanning a directive, found unexpected non-alphabetical character
document-yaml-plain-tab = while scanning a plain scalar, found a tab
document-yaml-quoted-document = while scanning a quoted scalar, found unexpected document indicator
document-yaml-quoted-end = while scanning a quoted scalar, found unexpected end of stream
document-yaml-tag-bang = while scanning a tag, did not find expected '!'
document-yaml-tag-space = while scanning a tag, did not find expected whitespace or line break
document-yaml-verbatim-tag = while scanning a verbatim tag, did not find the expected '>'
document-yaml-anchor-character = while scanning an anchor or alias, did not find expected alphabetic or numeric character
document-yaml-block-line-indent = wrongly indented line in block scalar
document-yaml-unexpected-character = unexpected character: `{ $character }'

## JSON

# What was expected, standing in `document-json-found...` and
# `document-json-ends-early`.
document-json-wanted-end = the end of the file after the JSON value
document-json-wanted-key = a field name in double quotes
document-json-wanted-colon = `:` after the field name
document-json-wanted-comma-or-brace = `,` or `{"}"}`
document-json-wanted-comma-or-bracket = `,` or `]`
document-json-wanted-value = a value
document-json-wanted-any-value = a value (text in double quotes, a number, true, false or null)
document-json-wanted-digit = a digit
document-json-wanted-fraction-digit = a digit after the decimal point
document-json-wanted-exponent-digit = a digit in the exponent
document-json-found = expected { $wanted }, found `{ $found }`
document-json-found-single-quote = expected { $wanted }, found a single quote: JSON text is written in double quotes
document-json-found-control = expected { $wanted }, found the control character U+{ $code }
document-json-not-json-label = not JSON here
document-json-ends-early = the file ends too early: expected { $wanted }
document-json-ends-early-label = ends here
document-json-comment = JSON has no comments: remove this comment (or write the plan as .plan.yaml, where `#` comments are allowed)
document-json-comment-label = a comment
document-json-holds-yaml = this .json file holds YAML, not JSON: write it as JSON or rename it to .plan.yaml
document-json-holds-yaml-label = YAML here
document-json-trailing-comma = a comma after the last item: JSON allows no trailing comma; remove this comma
document-json-trailing-comma-label = trailing comma
document-json-closes-here = the list or `{"{"}...{"}"}` closes here
document-json-duplicate-field = the field `{ $field }` is given twice here
document-json-duplicate-field-label = given again
document-json-duplicate-field-first = first given here
document-json-leading-zero = a number with a leading zero: JSON numbers start with 1-9 (or are 0)
document-json-leading-zero-label = leading zero
document-json-too-large-label = too large
document-json-unclosed-text = the text is not closed: a `"` is missing
document-json-unclosed-text-label = opened here
document-json-unknown-escape = an unknown escape: JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX
document-json-unknown-escape-label = unknown escape
document-json-line-break-in-text = a line break inside text: JSON text stays on one line (write \n)
document-json-control-in-text = the control character U+{ $code } inside text: write it as an escape
document-json-in-text-label = inside text
document-json-half-pair = a \u escape that is half of a character pair without its other half
document-json-half-pair-label = not a character
document-json-short-escape = a \u escape needs four hex digits
document-json-short-escape-label = incomplete escape

## Helpers

# A number that is infinite or not a number, where a number is shown.
document-not-a-finite-number = n/a
document-unknown-panic = unknown panic
# Printed when planlint panics outside the check of a file.
document-internal-error = error: internal error in planlint: { $panic }
    please report it at { $url }
document-internal-error-checking = internal error in planlint while checking { $file }: please report it
document-internal-error-help = { $panic }
    report it at { $url }, with the file if you can share it
