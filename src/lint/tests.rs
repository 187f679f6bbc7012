//! One fixture per class of mistake: the shipped files copied into a
//! temporary directory with one edit, linted, and the exact finding checked.

use std::path::{Path, PathBuf};

use super::*;
use crate::audio::pcm16_wav;

struct Fixture {
    dir: tempfile::TempDir,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for name in ["call-flows", "locales", "prompts"] {
            copy_tree(&repo.join(name), &dir.path().join(name));
        }
        std::fs::write(
            dir.path().join("absence-line.toml"),
            "[schools.test]\nname = \"テスト小学校\"\n",
        )
        .unwrap();
        Fixture { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{from:?} not in {rel}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    }

    fn append(&self, rel: &str, more: &str) {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        std::fs::write(&p, format!("{text}\n{more}\n")).unwrap();
    }

    fn lint(&self) -> Report {
        lint(&self.path("absence-line.toml"))
    }

    /// The 1-based line of the first line of `rel` containing `needle`.
    fn line_of(&self, rel: &str, needle: &str) -> usize {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        text.lines()
            .position(|l| l.contains(needle))
            .expect("needle present")
            + 1
    }
}

/// The one finding of `severity` in `file` whose message contains `phrase`.
fn find<'a>(r: &'a Report, severity: Severity, file: &str, phrase: &str) -> &'a Finding {
    let hits: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.severity == severity && f.file.ends_with(file) && f.message.contains(phrase))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one {severity:?} in {file} with {phrase:?}, got:\n{}",
        r.to_human()
    );
    hits[0]
}

#[test]
fn the_shipped_files_have_no_errors() {
    let r = Fixture::new().lint();
    println!("{}", r.to_human());
    assert_eq!(r.errors(), 0, "{}", r.to_human());
    // Only the known Nepali fallbacks: read-backs have variables.
    assert!(
        r.findings
            .iter()
            .all(|f| f.file.ends_with("locales/ne/absence.ftl")),
        "{}",
        r.to_human()
    );
}

#[test]
fn fluent_syntax_error() {
    let f = Fixture::new();
    f.edit(
        "locales/ko/absence.ftl",
        "ask-kind = ",
        "ask-kind = { $unclosed ",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "locales/ko/absence.ftl",
        "Fluent syntax",
    );
    assert_eq!(
        e.line,
        f.line_of("locales/ko/absence.ftl", "ask-kind = { $unclosed")
    );
    assert!(r.has_errors());
}

#[test]
fn a_message_missing_from_a_locale_falls_back_and_is_reported() {
    let f = Fixture::new();
    let line = f.line_of("locales/ko/absence.ftl", "ask-disease =");
    f.edit("locales/ko/absence.ftl", "ask-disease =", "ask-diseases =");
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "no message \"ask-disease\"",
    );
    assert!(
        w.message.contains("callers will hear it in en"),
        "{}",
        w.message
    );
    // And the misspelt one is unused, at its line.
    let u = find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "\"ask-diseases\" is not spoken",
    );
    assert_eq!((u.line, u.col), (line, 1));
    assert_eq!(r.errors(), 0);
}

#[test]
fn a_message_missing_from_the_japanese_reference_is_an_error() {
    let f = Fixture::new();
    f.edit("locales/ja/absence.ftl", "ask-disease =", "ask-diseases =");
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "\"ask-disease\" is not in the Japanese locale",
    );
    assert!(e.line > 1);
}

#[test]
fn variables_that_differ_from_the_japanese_reference() {
    let f = Fixture::new();
    let line = f.line_of("locales/vi/absence.ftl", "summary-temperature =");
    f.edit(
        "locales/vi/absence.ftl",
        "{ $temperature }",
        "{ $temprature }",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "locales/vi/absence.ftl",
        "\"summary-temperature\"",
    );
    assert_eq!((e.line, e.col), (line, 1));
    assert!(
        e.message.contains("$temprature") && e.message.contains("lacks $temperature"),
        "{}",
        e.message
    );
}

#[test]
fn unused_messages() {
    let f = Fixture::new();
    f.append("locales/en/absence.ftl", "old-greeting = Hello.");
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/en/absence.ftl",
        "\"old-greeting\" is not spoken",
    );
    assert_eq!(
        w.line,
        f.line_of("locales/en/absence.ftl", "old-greeting =")
    );
}

#[test]
fn plural_variants_a_language_never_selects() {
    let f = Fixture::new();
    f.edit(
        "locales/vi/absence.ftl",
        "summary-student = ",
        "summary-student = { $grade ->\n    [one] một\n   *[other] {\"\"}\n} ",
    );
    // Keep Vietnamese's variables equal to Japanese's: $grade is extra, which
    // is its own error; the plural finding is what this test is about.
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/vi/absence.ftl",
        "[one] is never chosen in vi",
    );
    assert_eq!(w.line, f.line_of("locales/vi/absence.ftl", "[one] một"));
    assert_eq!(w.col, 6);
    // English does choose [one]: the same text there is fine.
    f.edit(
        "locales/en/absence.ftl",
        "goodbye = ",
        "goodbye = { $grade ->\n    [one] {\"\"}\n   *[other] {\"\"}\n}",
    );
    let r = f.lint();
    assert!(
        !r.findings
            .iter()
            .any(|x| x.file.ends_with("en/absence.ftl") && x.message.contains("never chosen")),
        "{}",
        r.to_human()
    );
}

#[test]
fn a_key_used_twice_in_a_menu() {
    let f = Fixture::new();
    f.edit("call-flows/absence.toml", "options.9 = { value = \"other\", next = \"day\" }", "options.9 = { value = \"other\", next = \"day\" }\noptions.9 = { value = \"again\", next = \"day\" }");
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "duplicate key",
    );
    assert_eq!(
        e.line,
        f.line_of("call-flows/absence.toml", "value = \"again\"")
    );
}

#[test]
fn a_menu_key_never_spoken() {
    let f = Fixture::new();
    f.edit("call-flows/absence.toml", "options.9 = { value = \"other\", next = \"day\" }\n\n[steps.symptom]", "options.9 = { value = \"other\", next = \"day\" }\noptions.7 = { value = \"school\", next = \"day\" }\n\n[steps.symptom]");
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "offers key 7",
    );
    assert!(e.message.contains("in any language"), "{}", e.message);
    assert_eq!(
        e.line,
        f.line_of("call-flows/absence.toml", "[steps.reason]")
    );
    // Spoken in some languages only: a warning naming the others.
    let f = Fixture::new();
    f.edit(
        "locales/es/absence.ftl",
        "Por cualquier otro motivo, marque 9.",
        "Por cualquier otro motivo, marque nueve.",
    );
    f.edit(
        "locales/es/absence.ftl",
        "Por cualquier otro motivo, marque 9.",
        "Por cualquier otro motivo, marque nueve.",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "call-flows/absence.toml",
        "menu \"reason\" offers key 9",
    );
    assert!(w.message.contains("in es"), "{}", w.message);
}

#[test]
fn unreachable_steps() {
    let f = Fixture::new();
    f.append(
        "call-flows/absence.toml",
        "[steps.orphan]\ntype = \"hangup\"\nprompt = [\"goodbye\"]",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "\"orphan\" can never be reached",
    );
    assert_eq!(
        e.line,
        f.line_of("call-flows/absence.toml", "[steps.orphan]")
    );
}

#[test]
fn a_language_without_text_to_speech_lacking_a_recording() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("prompts/ne/ask-kind.wav")).unwrap();
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ne/absence.ftl",
        "no recording",
    );
    assert!(
        w.message.contains("ask-kind.wav") && w.message.contains("in en"),
        "{}",
        w.message
    );
    assert_eq!(w.line, f.line_of("locales/ne/absence.ftl", "ask-kind ="));
}

#[test]
fn audio_twilio_cannot_play() {
    let f = Fixture::new();
    let mut wav = pcm16_wav(8000, &[0; 400]);
    wav[34] = 24; // 24-bit samples
    std::fs::write(f.path("prompts/ne/ask-kind.wav"), wav).unwrap();
    std::fs::write(f.path("prompts/ne/ask-day.ogg"), b"OggS....").unwrap();
    let r = f.lint();
    find(&r, Severity::Error, "prompts/ne/ask-kind.wav", "24-bit");
    find(
        &r,
        Severity::Error,
        "prompts/ne/ask-day.ogg",
        "convert to WAV",
    );
}

#[test]
fn recordings_that_belong_to_no_message() {
    let f = Fixture::new();
    std::fs::create_dir_all(f.path("prompts/ja")).unwrap();
    std::fs::write(
        f.path("prompts/ja/ask-kinds.wav"),
        pcm16_wav(8000, &[0; 800]),
    )
    .unwrap();
    std::fs::write(f.path("prompts/ja/saved.2.wav"), pcm16_wav(8000, &[0; 800])).unwrap();
    let r = f.lint();
    find(
        &r,
        Severity::Warning,
        "prompts/ja/ask-kinds.wav",
        "belongs to no message",
    );
    assert!(
        !r.findings.iter().any(|x| x.file.ends_with("saved.2.wav")),
        "a piece of a read-back is fine"
    );
}

#[test]
fn several_mistakes_are_all_reported_even_when_loading_fails() {
    let f = Fixture::new();
    f.edit(
        "locales/ko/absence.ftl",
        "ask-kind = ",
        "ask-kind = { $unclosed ",
    );
    f.edit(
        "locales/vi/absence.ftl",
        "{ $temperature }",
        "{ $temprature }",
    );
    let r = f.lint();
    find(
        &r,
        Severity::Error,
        "locales/ko/absence.ftl",
        "Fluent syntax",
    );
    find(
        &r,
        Severity::Error,
        "locales/vi/absence.ftl",
        "\"summary-temperature\"",
    );
}

#[test]
fn json_has_the_counts_and_every_finding() {
    let f = Fixture::new();
    f.edit(
        "locales/vi/absence.ftl",
        "{ $temperature }",
        "{ $temprature }",
    );
    let r = f.lint();
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["errors"], r.errors());
    assert_eq!(v["warnings"], r.warnings());
    assert_eq!(v["findings"].as_array().unwrap().len(), r.findings.len());
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["severity"] == "error" && x["line"].as_u64() > Some(1))
    );
}
