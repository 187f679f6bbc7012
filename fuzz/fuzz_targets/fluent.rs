//! Fuzz the Fluent side of a deployment: any text an editor could save as
//! `locales/<lang>/absence.ftl`.
//!
//! Each input is tried in two roles, because the code treats them
//! differently: as English (a language with a voice that falls back to the
//! reference) and as Japanese (the reference every flow and every other
//! language is checked against). In each role, with the shipped files in
//! every other place:
//!
//! - `Catalog::load` reads the locales exactly as a deployment does; when
//!   it accepts them, every message the input defines is formatted the
//!   ways a call uses it (`segments` for recordings, `speak` along the
//!   fallback chain) with two sets of answers and with none. None of it
//!   may panic.
//! - `lint::lint` checks the whole small deployment (config, the shipped
//!   flow, both locales), as `absence-line lint` and every hot reload do.
//!   It must not panic, and each finding in the fuzzed file must point at
//!   a line:col inside it.
//!
//! The deployment lives in a temporary directory made once per process;
//! only the fuzzed file is rewritten per input.

#![no_main]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use absence_line::domain::LangTag;
use absence_line::lint::{self, Finding};
use absence_line::locale::{Catalog, Given, call_args};
use fluent_bundle::FluentArgs;
use libfuzzer_sys::fuzz_target;

const SHIPPED_JA: &str = include_str!("../../locales/ja/absence.ftl");
const SHIPPED_EN: &str = include_str!("../../locales/en/absence.ftl");
const SHIPPED_FLOW: &str = include_str!("../../call-flows/absence.toml");

struct Deployment {
    /// Kept so the directory lives as long as the process.
    _dir: tempfile::TempDir,
    config: PathBuf,
    locales: PathBuf,
    ja: LangTag,
    en: LangTag,
}

static DEPLOYMENT: LazyLock<Deployment> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for sub in ["call-flows", "locales/ja", "locales/en", "prompts"] {
        std::fs::create_dir_all(root.join(sub)).expect("create fixture dirs");
    }
    std::fs::write(root.join("call-flows/absence.toml"), SHIPPED_FLOW).expect("write flow");
    std::fs::write(root.join("locales/ja/absence.ftl"), SHIPPED_JA).expect("write ja");
    std::fs::write(root.join("locales/en/absence.ftl"), SHIPPED_EN).expect("write en");
    // Defaults for every path (call-flows, locales, prompts next to it); one
    // school on the shipped flow, as the lint tests use.
    let config = root.join("absence-line.toml");
    std::fs::write(&config, "[schools.fuzz]\nname = \"ファズ小学校\"\n").expect("write config");
    Deployment {
        locales: root.join("locales"),
        config,
        ja: LangTag::parse("ja").expect("tag"),
        en: LangTag::parse("en").expect("tag"),
        _dir: dir,
    }
});

/// The answers a call may have collected by a read-back: one set using
/// every variable the shipped prompts use, so selects and numbers format.
static ANSWERS: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
    [
        ("kind", "absence"),
        ("reason", "illness"),
        ("symptom", "fever"),
        ("disease", "influenza"),
        ("recording", "recording"),
        ("student", "10203"),
        ("grade", "1"),
        ("class", "2"),
        ("number", "3"),
        ("temperature", "38.5"),
        ("day", "2026-11-25"),
        ("days", "3"),
        ("time", "09:05"),
        ("reference", "46"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
});

fuzz_target!(|data: &[u8]| {
    // Locale files are read as UTF-8 (`read_to_string`); other bytes are an
    // I/O error before Fluent sees them.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let d = &*DEPLOYMENT;
    for (lang, shipped) in [(&d.en, SHIPPED_EN), (&d.ja, SHIPPED_JA)] {
        let file = d.locales.join(lang.as_str()).join("absence.ftl");
        std::fs::write(&file, text).expect("write the fuzzed file");
        format_everything(d, lang, text);
        lint_and_check(&d.config, &file, text);
        std::fs::write(&file, shipped).expect("restore the shipped file");
    }
});

/// Load the catalogue as a deployment does and format every message of
/// `text` in `lang` the ways a call can.
fn format_everything(d: &Deployment, lang: &LangTag, text: &str) {
    let Ok(catalog) = Catalog::load(&d.locales, &d.ja, &BTreeMap::new()) else {
        return;
    };
    // The catalogue accepted the file, so it parses; its ids are the ones
    // to format (the other locale is the shipped one and already tested).
    let ids: Vec<&str> = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect(),
        Err(_) => return,
    };
    let with_answers = call_args(&ANSWERS, "ファズ小学校");
    let without = FluentArgs::new();
    for id in ids {
        for args in [&with_answers, &without] {
            let _ = catalog.segments(lang, id, args, &Given::new());
            let _ = catalog.speak(lang, id, args);
            let _ = catalog.has_message(lang, id);
        }
    }
}

/// Lint the deployment; every finding in the fuzzed file must point inside it.
fn lint_and_check(config: &Path, file: &Path, text: &str) {
    let report = lint::lint(config);
    let name = file.display().to_string();
    for f in report.findings.iter().filter(|f| f.file == name) {
        assert_inside(text, f);
    }
}

fn assert_inside(text: &str, f: &Finding) {
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        (1..=lines.len()).contains(&f.line),
        "line {} outside a text of {} lines: {f:?}",
        f.line,
        lines.len()
    );
    let width = lines[f.line - 1].chars().count();
    assert!(
        (1..=width + 1).contains(&f.col),
        "column {} outside line {} of {width} characters: {f:?}",
        f.col,
        f.line
    );
}
