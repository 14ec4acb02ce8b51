use planlint::document::*;

fn dump(text: &str) {
    println!("==== {:?}", text);
    match load(text, &LoadLimits::default()) {
        Ok(doc) => {
            println!("{}", doc.value);
            let mut all: Vec<_> = doc.iter().collect();
            all.sort_by_key(|(_, s)| (s.value.start, s.value.end));
            for (p, s) in all {
                let k = s.key.map(|k| format!("{:?}", &text[k.start..k.end])).unwrap_or_default();
                println!("  {:<20} key={:<10} value={:?}", p, k, &text[s.value.start..s.value.end]);
            }
        }
        Err(e) => println!("  ERR {} @ {:?} {:?} {:?} related={:?}", e.message, e.span, text.get(e.span.start..e.span.end), e.label, e.related),
    }
}

#[test]
#[ignore]
fn zz_dump() {
    for t in [
        "a: 1\nb:\n  c: \"x\"   # hi\n  d: [1, {e: f}]\n\n# comment\ng:\n- h\n- i\n\n",
        "a: |\n  line\n  two\n\nb: >-\n  x\n\n\nc: plain\n  multi\n  line  \n\nd:\ne: &x !!str foo\nf: *x\n",
        "- 'it''s'  # c\n- \"a\\\"b\"\n- -\n-\n- |\n\n  x\n# c\n- >+\n\n- &a |-\n  y\n- last\n",
        "k: |\n", "--- |\n  root\n", "|\n  r\n",
        "{a, b: , c: d, : e}", "[a: , : b]", "a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n",
        "? [a]\n: b\n", "*u\n", "a: &x\n  - 1\n  - {q: 2}\nb: !!map\n  c: 1\nc: *x\n",
        "---\na: 1\n---\nb: 2\n", "a: 1\n---\n", "---\n---\na: 1\n", "", "# c\n\n", "---\n",
        "a: 1\na: 2\n", "a: &a [*a]\n", "&k a: 1\nb: *k\n", "x: !!int 12\ny: !!float '3'\nz: ! 5\n",
        "\u{feff}a: 1\n", "a: 1\r\nb:\r\n  - x\r\n\r\n", "名前: 中文\n値: \"😀\"\n",
        "a: .nan\n", "[[[[1]]]]", "key: &a\nb: *a\n",
    ] { dump(t); }
}
