//! The editors' commands, run as an editor runs them.

use std::process::Command;

use crate::helpers::{copy_assets, write_config};

fn run(config: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .arg("--config")
        .arg(config)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn lint_passes_the_shipped_files_and_fails_a_broken_edit_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    let config = write_config(dir.path());
    let (ok, out) = run(&config, &["lint"]);
    assert!(ok, "{out}");
    assert!(out.contains("0 error(s)"), "{out}");

    let ftl = dir.path().join("locales/ko/absence.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&ftl, text.replacen("ask-kind = ", "ask-kind = { ", 1)).unwrap();
    let (ok, out) = run(&config, &["lint"]);
    assert!(!ok, "exit status 1 on errors: {out}");
    assert!(
        out.contains("locales/ko/absence.ftl:") && out.contains(": error: "),
        "{out}"
    );
    let (ok, json) = run(&config, &["lint", "--format", "json"]);
    assert!(!ok);
    let start = json.find('{').unwrap();
    let end = json.rfind('}').unwrap();
    let v: serde_json::Value = serde_json::from_str(&json[start..=end]).unwrap();
    assert!(v["errors"].as_u64().unwrap() >= 1, "{v}");
}

#[test]
fn prompts_tells_what_is_recorded_spoken_or_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path());
    let (ok, out) = run(&config, &["prompts"]);
    assert!(ok, "{out}");
    let ne = out.split("\nne ").nth(1).expect("a Nepali section");
    assert!(ne.contains("no text-to-speech"), "{ne}");
    assert!(
        ne.contains("ask-kind"),
        "ask-kind is recorded in Nepali: {ne}"
    );
    // Read-backs are assembled from recordings: none falls back, and the
    // recordings still missing (the test school's name) are listed.
    let ne = ne.split("\nja ").next().unwrap_or(ne);
    assert!(!ne.contains("falls back  "), "no Nepali fallback: {ne}");
    assert!(
        ne.contains("summary-kind") && !ne.contains("summary-kind (en)"),
        "read-backs are recorded in Nepali: {ne}"
    );
    assert!(
        ne.contains("to record") && ne.contains("school-daiichi"),
        "{ne}"
    );
    let ja = out.split("\nja ").nth(1).expect("a Japanese section");
    assert!(
        ja.contains("text-to-speech ja-JP Polly.Kazuha-Neural"),
        "{ja}"
    );
}
