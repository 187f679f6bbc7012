//! Fuzz the call-flow loader (`src/flow/load/`): any text an editor could
//! save as `call-flows/*.toml`.
//!
//! Checks that `load_flow` never panics, and that when it refuses a file
//! every error points at a real place in it: the loader promises editors
//! file:line:col, so a line past the end or a column past the end of its
//! line would send them looking for nothing. Message ids are those of the
//! shipped Japanese locale, as in a deployment, so that the shipped flow
//! (the seed) loads and the fuzzer can reach the checks that run after
//! parsing: unknown and unreachable steps, menus, conditions.

#![no_main]

use std::collections::HashSet;
use std::sync::LazyLock;

use absence_line::diagnostics::Located;
use absence_line::flow::{FlowError, load_flow};
use libfuzzer_sys::fuzz_target;

const FILE: &str = "fuzz.toml";

/// The message ids of the reference (Japanese) locale.
static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let ftl = include_str!("../../locales/ja/absence.ftl");
    let resource = fluent_syntax::parser::parse(ftl).expect("the shipped ja locale parses");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    // Flow files are read as UTF-8; anything else is refused before the
    // loader sees it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let known = &*KNOWN;
    match load_flow("fuzz", FILE, text, &|id| known.contains(id)) {
        Ok(_) => {}
        Err(FlowError::Invalid(errors)) => {
            assert!(!errors.is_empty(), "refused without saying why");
            for e in &errors {
                assert_inside(text, e);
            }
        }
    }
});

/// `e` names this file, and its line:col is a position in `text`: a line
/// that exists, and a column from 1 to one past the line's last character
/// (where "missing X at the end of the line" points).
fn assert_inside(text: &str, e: &Located) {
    assert_eq!(e.file, FILE, "{e}");
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        (1..=lines.len()).contains(&e.line),
        "line {} outside a text of {} lines: {e}",
        e.line,
        lines.len()
    );
    let width = lines[e.line - 1].chars().count();
    assert!(
        (1..=width + 1).contains(&e.col),
        "column {} outside line {} of {width} characters: {e}",
        e.col,
        e.line
    );
}
