//! One fixture per class of mistake: the shipped files copied into a
//! temporary directory with one edit, linted, and the exact finding checked
//! (severity, file, line, column, and what it says).

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
            "[schools.test]\nname = \"テスト小学校\"\nnames = { en = \"Test School\" }\n",
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
        self.position_of(rel, needle).0
    }

    /// The 1-based line and column (in characters) of `needle` in `rel`.
    fn position_of(&self, rel: &str, needle: &str) -> (usize, usize) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        let at = text.find(needle).expect("needle present");
        let line = text[..at].matches('\n').count() + 1;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..at].chars().count() + 1)
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

fn at(f: &Finding) -> (usize, usize) {
    (f.line, f.col)
}

#[test]
fn the_shipped_files_have_no_errors() {
    let f = Fixture::new();
    let started = std::time::Instant::now();
    let r = f.lint();
    println!("lint took {:?}\n{}", started.elapsed(), r.to_human());
    assert_eq!(r.errors(), 0, "{}", r.to_human());
    // Only the schools: the fixture's own, whose name nobody recorded in
    // Nepali, and the demo's, whose recordings it copied.
    assert!(
        r.findings.iter().all(|x| x
            .message
            .contains("no recording of the name of school test")
            || x.message.contains("which the config does not have")),
        "{}",
        r.to_human()
    );
}

/// Nepali has no voice: with the fragments of numbers.ftl and every piece
/// and variant recorded, no message (read-backs included) is heard in
/// English.
#[test]
fn no_nepali_message_falls_back_to_english() {
    let f = Fixture::new();
    let r = f.lint();
    let fallbacks: Vec<_> = r
        .findings
        .iter()
        .filter(|x| x.message.contains("is heard in") || x.message.contains("will hear it in"))
        .collect();
    assert!(fallbacks.is_empty(), "{fallbacks:#?}");
}

/// A read-back whose fragment is not recorded is heard in English, and
/// lint names the file to record.
#[test]
fn a_nepali_read_back_lacking_a_fragment_is_reported() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("prompts/ne/number-38.wav")).unwrap();
    std::fs::remove_file(f.path("prompts/ne/summary-kind.late.wav")).unwrap();
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ne/absence.ftl",
        "message \"summary-temperature\", which has variables, is heard in en",
    );
    assert!(
        w.message.contains("prompts/ne/number-38.wav"),
        "{}",
        w.message
    );
    // A variant the sample answers never choose is listed all the same.
    let w = find(
        &r,
        Severity::Warning,
        "locales/ne/absence.ftl",
        "message \"summary-kind\"",
    );
    assert!(
        w.message.contains("prompts/ne/summary-kind.late.wav"),
        "{}",
        w.message
    );
    find(
        &r,
        Severity::Warning,
        "locales/ne/numbers.ftl",
        "no recording of the fragment \"number-38\"",
    );
}

#[test]
fn a_school_without_an_english_name_is_reported() {
    let f = Fixture::new();
    f.edit(
        "absence-line.toml",
        "names = { en = \"Test School\" }\n",
        "",
    );
    let r = f.lint();
    find(
        &r,
        Severity::Warning,
        "absence-line.toml",
        "school test has no English name",
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
    let (line, col) = f.position_of("locales/ko/absence.ftl", "ask-kind = { $unclosed");
    // The parser stops at the end of the line, where `}` is missing.
    assert_eq!(at(e), (line, col + "ask-kind = { $unclosed ".len()));
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
    assert_eq!(at(w), (1, 1));
    assert!(
        w.message.contains("falls back to en")
            && w.message.contains("callers will hear it in en")
            && w.message.contains("add `ask-disease = …`"),
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
    assert_eq!(at(u), (line, 1));
    assert_eq!(r.errors(), 0);
}

#[test]
fn the_fallback_named_is_the_language_callers_hear() {
    // Korean falls back to Nepali, then Japanese. Nepali has the text but,
    // without a voice, says only what is recorded: without the recording a
    // Korean caller hears the Japanese.
    let f = Fixture::new();
    f.append(
        "absence-line.toml",
        "[languages.ko]\nfallback = [\"ne\", \"ja\"]",
    );
    f.edit(
        "locales/ko/absence.ftl",
        "\nask-reason =",
        "\nask-reasons =",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "no message \"ask-reason\"",
    );
    assert!(
        w.message.contains("callers will hear it in ne"),
        "{}",
        w.message
    );
    std::fs::remove_file(f.path("prompts/ne/ask-reason.wav")).unwrap();
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "no message \"ask-reason\"",
    );
    assert!(
        w.message.contains("callers will hear it in ja"),
        "{}",
        w.message
    );
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
    assert_eq!(
        at(e),
        f.position_of("call-flows/absence.toml", "\"ask-disease\"")
    );
}

#[test]
fn the_apology_missing_from_the_reference_is_an_error() {
    let f = Fixture::new();
    f.edit(
        "locales/ja/absence.ftl",
        "error-apology =",
        "error-apologie =",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "locales/ja/absence.ftl",
        "no message \"error-apology\"",
    );
    assert_eq!(at(e), (1, 1));
    assert!(e.message.contains("when something fails"), "{}", e.message);
}

#[test]
fn the_busy_message_missing_from_the_reference_is_an_error() {
    let f = Fixture::new();
    f.edit("locales/ja/absence.ftl", "error-busy =", "error-bussy =");
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "locales/ja/absence.ftl",
        "no message \"error-busy\"",
    );
    assert!(e.message.contains("too busy"), "{}", e.message);
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
    assert_eq!(at(e), (line, 1));
    assert!(
        e.message.contains("uses $temprature") && e.message.contains("lacks $temperature"),
        "{}",
        e.message
    );
    // A variable inside a select variant counts too.
    let f = Fixture::new();
    let line = f.line_of("locales/en/absence.ftl", "summary-time =");
    f.edit(
        "locales/en/absence.ftl",
        "[5] { $time-hour }:05.",
        "[5] { $time-hours }:05.",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "locales/en/absence.ftl",
        "\"summary-time\"",
    );
    assert_eq!(at(e), (line, 1));
    assert!(e.message.contains("uses $time-hours"), "{}", e.message);
    assert!(!e.message.contains("lacks"), "{}", e.message);
}

#[test]
fn unused_messages() {
    let f = Fixture::new();
    f.append(
        "locales/en/absence.ftl",
        "old-greeting = Hello.\n-brand = Absence line\nquoted = { -brand }: { old-greeting }",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/en/absence.ftl",
        "is not spoken by any call flow",
    );
    // `old-greeting` is referenced by `quoted`; terms are never reported.
    assert!(w.message.contains("\"quoted\""), "{}", w.message);
    assert_eq!(at(w), (f.line_of("locales/en/absence.ftl", "quoted ="), 1));
}

#[test]
fn plural_variants_a_language_never_selects() {
    let f = Fixture::new();
    f.edit(
        "locales/vi/absence.ftl",
        "summary-student = ",
        "summary-student = { $student-digits ->\n    [one] một\n   *[other] {\"\"}\n} ",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/vi/absence.ftl",
        "[one] is never chosen in vi",
    );
    assert_eq!(at(w), (f.line_of("locales/vi/absence.ftl", "[one] một"), 6));
    assert!(w.message.contains("only other"), "{}", w.message);
    // Chinese is tagged zh-CN: its rules are found under zh, as Fluent does.
    f.edit(
        "locales/zh-CN/absence.ftl",
        "summary-student = ",
        "summary-student = { $student-digits ->\n    [one] 一\n   *[other] {\"\"}\n} ",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/zh-CN/absence.ftl",
        "[one] is never chosen in zh-CN",
    );
    assert_eq!(
        at(w),
        (f.line_of("locales/zh-CN/absence.ftl", "[one] 一"), 6)
    );
    // English does choose [one]: the same text there is fine.
    f.edit(
        "locales/en/absence.ftl",
        "summary-student = ",
        "summary-student = { $student-digits ->\n    [one] {\"\"}\n   *[other] {\"\"}\n} ",
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
        at(e),
        f.position_of("call-flows/absence.toml", "9 = { value = \"again\"")
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
        at(e),
        f.position_of("call-flows/absence.toml", "[steps.reason]")
    );
    // Spoken in some languages only: a warning naming the others.
    let f = Fixture::new();
    f.edit(
        "locales/es/absence.ftl",
        "Otro motivo, 9.",
        "Otro motivo, nueve.",
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
    assert!(w.message.contains("in es (Spanish);"), "{}", w.message);
    assert_eq!(
        at(w),
        f.position_of("call-flows/absence.toml", "[steps.reason]")
    );
}

#[test]
fn a_symptom_key_never_spoken() {
    // A `choices` step's keys are checked like a menu's.
    let f = Fixture::new();
    f.edit(
        "call-flows/absence.toml",
        "options.9 = { value = \"other\" }",
        "options.9 = { value = \"other\" }\noptions.7 = { value = \"asthma\" }",
    );
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "menu \"symptom\" offers key 7",
    );
    assert!(e.message.contains("in any language"), "{}", e.message);
    assert_eq!(
        at(e),
        f.position_of("call-flows/absence.toml", "[steps.symptom]")
    );
    // Said in the prompt but not in some language's help: a warning.
    let f = Fixture::new();
    f.edit(
        "locales/vi/absence.ftl",
        "Phát ban, phím 6.",
        "Phát ban, phím sáu.",
    );
    f.edit(
        "locales/vi/absence.ftl",
        "phát ban, bấm phím 6.",
        "phát ban, bấm phím sáu.",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "call-flows/absence.toml",
        "menu \"symptom\" offers key 6",
    );
    assert!(w.message.contains("in vi (Vietnamese);"), "{}", w.message);
}

#[test]
fn the_words_a_symptom_list_is_read_with_are_checked_like_any_message() {
    let f = Fixture::new();
    f.edit("locales/ko/absence.ftl", "list-and =", "list-and-old =");
    let r = f.lint();
    find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "ko has no message \"list-and\"",
    );
    find(
        &r,
        Severity::Warning,
        "locales/ko/absence.ftl",
        "\"list-and-old\" is not spoken",
    );
    // Never spoken alone, so nothing for Nepali to record for them.
    assert!(
        !r.findings.iter().any(|x| x.file.ends_with("ne/absence.ftl")
            && (x.message.contains("\"list-comma\"") || x.message.contains("\"symptom-name\""))),
        "{}",
        r.to_human()
    );
    // Without `symptom-name` in the reference, the list reads its words as
    // they are stored, and the other languages' `symptom-name` is unused.
    let f = Fixture::new();
    f.edit(
        "locales/ja/absence.ftl",
        "\nsymptom-name =",
        "\nsymptom-name-old =",
    );
    let r = f.lint();
    find(
        &r,
        Severity::Warning,
        "locales/en/absence.ftl",
        "\"symptom-name\" is not spoken",
    );
}

#[test]
fn a_key_is_not_said_by_an_answer_read_back() {
    // English's read-back no longer says "press 1"; the grade read back
    // ("grade 1") must not pass for it.
    let f = Fixture::new();
    f.edit(
        "locales/en/absence.ftl",
        "To save, press 1.",
        "To save, press one.",
    );
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "call-flows/absence.toml",
        "menu \"summary\" offers key 1",
    );
    assert!(w.message.contains("in en (English);"), "{}", w.message);
    assert_eq!(
        at(w),
        f.position_of("call-flows/absence.toml", "[steps.summary]")
    );
}

#[test]
fn a_prompt_in_a_fixed_language_does_not_fall_back() {
    // The language menu says "press 9" in Nepali only, from its recording.
    let f = Fixture::new();
    std::fs::remove_file(f.path("prompts/ne/language-option.wav")).unwrap();
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "call-flows/absence.toml",
        "menu \"language\" offers key 9",
    );
    assert!(e.message.contains("in any language"), "{}", e.message);
    let e = find(
        &r,
        Severity::Error,
        "locales/ne/absence.ftl",
        "step \"language\" speaks \"language-option\" in ne (Nepali) only",
    );
    assert_eq!(
        at(e),
        (f.line_of("locales/ne/absence.ftl", "language-option ="), 1)
    );
    assert!(
        e.message.contains("record prompts/ne/language-option.wav"),
        "{}",
        e.message
    );
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
    assert_eq!(e.col, 1);
}

#[test]
fn a_language_without_text_to_speech_lacking_a_recording() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("prompts/ne/ask-reason.wav")).unwrap();
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "locales/ne/absence.ftl",
        "ne has no text-to-speech voice and no recording prompts/ne/ask-reason.wav; callers will hear it in en",
    );
    assert!(
        w.message.contains("record prompts/ne/ask-reason.wav"),
        "{}",
        w.message
    );
    assert_eq!(
        at(w),
        (f.line_of("locales/ne/absence.ftl", "ask-reason ="), 1)
    );
}

#[test]
fn audio_twilio_cannot_play() {
    let f = Fixture::new();
    let mut wav = pcm16_wav(8000, &[0; 400]);
    wav[34] = 24; // 24-bit samples
    std::fs::write(f.path("prompts/ne/ask-kind.wav"), wav).unwrap();
    std::fs::write(f.path("prompts/ne/ask-day.ogg"), b"OggS....").unwrap();
    let r = f.lint();
    let e = find(&r, Severity::Error, "prompts/ne/ask-kind.wav", "24-bit");
    assert_eq!(at(e), (1, 1));
    assert!(e.message.contains("use 8 or 16 bit"), "{}", e.message);
    let e = find(
        &r,
        Severity::Error,
        "prompts/ne/ask-day.ogg",
        "convert to WAV",
    );
    assert_eq!(at(e), (1, 1));
}

#[test]
fn recordings_that_are_never_played() {
    let f = Fixture::new();
    let wav = pcm16_wav(8000, &[0; 800]);
    std::fs::create_dir_all(f.path("prompts/ja")).unwrap();
    for name in [
        "ja/ask-kinds.wav", // no such message
        "ja/saved.2.wav",   // the second piece of a read-back: played
        "ja/saved.4.wav",   // "saved" has three pieces of fixed text
        "ne/welcome.wav",   // has variables: recorded in pieces
        "ne/goodbye.1.wav", // no variables: recorded whole
    ] {
        std::fs::write(f.path(&format!("prompts/{name}")), &wav).unwrap();
    }
    let r = f.lint();
    let w = find(
        &r,
        Severity::Warning,
        "prompts/ja/ask-kinds.wav",
        "belongs to no message",
    );
    assert_eq!(at(w), (1, 1));
    assert!(
        !r.findings.iter().any(|x| x.file.ends_with("saved.2.wav")),
        "a piece of a read-back is fine: {}",
        r.to_human()
    );
    find(
        &r,
        Severity::Warning,
        "prompts/ja/saved.4.wav",
        "only 2 piece(s)",
    );
    find(
        &r,
        Severity::Warning,
        "prompts/ne/welcome.wav",
        "recorded in pieces",
    );
    find(
        &r,
        Severity::Warning,
        "prompts/ne/goodbye.1.wav",
        "recorded whole as goodbye.wav",
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
    let e = find(
        &r,
        Severity::Error,
        "locales/vi/absence.ftl",
        "\"summary-temperature\"",
    );
    assert_eq!(
        at(e),
        (
            f.line_of("locales/vi/absence.ftl", "summary-temperature ="),
            1
        )
    );
}

#[test]
fn config_errors_are_located() {
    let f = Fixture::new();
    std::fs::write(
        f.path("absence-line.toml"),
        "[schools.test]\nname = \"テスト小学校\"\ncutoff = \"25:00\"\n",
    )
    .unwrap();
    let r = f.lint();
    let e = find(
        &r,
        Severity::Error,
        "absence-line.toml",
        "cut-off time \"25:00\"",
    );
    assert_eq!(at(e), (3, 10));
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
    assert_eq!(r.errors(), 1, "{}", r.to_human());
    assert_eq!(v["findings"].as_array().unwrap().len(), r.findings.len());
    assert!(v["findings"].as_array().unwrap().iter().any(|x| {
        x["severity"] == "error"
            && x["file"]
                .as_str()
                .unwrap()
                .ends_with("locales/vi/absence.ftl")
            && x["line"].as_u64() > Some(1)
            && x["col"] == 1
    }));
    assert!(
        r.to_human()
            .ends_with(&format!("1 error(s), {} warning(s)\n", r.warnings()))
    );
}

#[test]
fn the_human_form_is_sorted_by_place() {
    let mut r = Report::default();
    for (file, line, col) in [("b", 1, 1), ("a", 2, 1), ("a", 1, 5), ("a", 1, 5)] {
        r.push(
            Severity::Warning,
            crate::diagnostics::Located {
                file: file.into(),
                line,
                col,
                message: "m".into(),
            },
        );
    }
    r.sort();
    assert_eq!(r.warnings(), 3, "a duplicate is dropped and not counted");
    assert_eq!(
        r.to_human(),
        "a:1:5: warning: m\na:2:1: warning: m\nb:1:1: warning: m\n0 error(s), 3 warning(s)\n"
    );
}

mod arbitrary_fluent {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any edit to a locale file is either loaded or refused with
        /// located findings; neither the loader nor lint panics.
        #[test]
        fn any_ftl_edit_is_loaded_or_refused_with_a_location(
            at in 0usize..4000,
            insert in "[ -~\u{3040}-\u{30ff}\n{}$\\[\\]*=.-]{0,16}",
        ) {
            let f = Fixture::new();
            let path = f.path("locales/ko/absence.ftl");
            let text = std::fs::read_to_string(&path).unwrap();
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            std::fs::write(&path, format!("{}{}{}", &text[..at], insert, &text[at..])).unwrap();
            let r = f.lint();
            for finding in &r.findings {
                prop_assert!(finding.line >= 1 && finding.col >= 1, "{finding:?}");
            }
            prop_assert_eq!(r.errors() + r.warnings(), r.findings.len());
        }
    }
}
