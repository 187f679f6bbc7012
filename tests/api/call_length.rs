//! `absence-line call-length` on the demo config: the standard report is
//! walked in all nine languages, and the keys it reports are the keys the
//! walk pressed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn call_length(extra: &[&str]) -> (bool, String) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .current_dir(repo)
        .arg("--config")
        .arg(repo.join("absence-line.toml"))
        .arg("call-length")
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// Whether the demo flow's student number needs `#`: a number whose length
/// is not fixed (fewer digits than the most the step takes).
fn student_needs_hash() -> bool {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |f: &str| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(repo.join(f)).unwrap()).unwrap()
    };
    // A school that declares its numbers' length is keyed without `#`.
    let config = read("absence-line.toml");
    if config["schools"]["sumida-daiichi"]
        .get("student_digits")
        .is_some()
    {
        return false;
    }
    let flow = read("call-flows/absence.toml");
    let student = &flow["steps"]["student"];
    let max = student.get("max").and_then(toml::Value::as_integer);
    student.get("finish_key").is_some() && max.is_some_and(|m| m > 5)
}

fn secs(v: &Value, name: &str) -> f64 {
    v[name].as_f64().unwrap_or_else(|| panic!("{name} in {v}"))
}

#[test]
fn call_length_walks_the_standard_report_in_nine_languages_and_counts_the_keys_it_pressed() {
    let (ok, out) = call_length(&["--json"]);
    assert!(ok, "{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let langs = report["languages"].as_array().unwrap();
    let names: Vec<&str> = langs.iter().map(|l| l["lang"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 9, "{names:?}");
    for l in ["ja", "en", "zh-CN", "ko", "vi", "fil", "pt-BR", "es", "ne"] {
        assert!(names.contains(&l), "{l} missing from {names:?}");
    }
    let mut language_keys = Vec::new();
    for l in langs {
        let lang = l["lang"].as_str().unwrap();
        let call = &l["first_time_caller"];
        let steps = call["steps"].as_array().unwrap();
        let pressed = |step: &str| {
            steps
                .iter()
                .find(|s| s["step"] == step)
                .and_then(|s| s["pressed"].as_str())
                .unwrap_or_else(|| panic!("{lang}: no step {step} in {steps:?}"))
                .to_owned()
        };
        // The keys reported are the keys of the entries the walk made.
        let typed: usize = steps
            .iter()
            .map(|s| s["pressed"].as_str().unwrap().chars().count())
            .sum();
        assert_eq!(call["keys"].as_u64().unwrap() as usize, typed, "{lang}");
        let hash = if student_needs_hash() { "#" } else { "" };
        assert_eq!(pressed("student"), format!("10203{hash}"), "{lang}");
        // Three digits are the whole temperature: no `#`.
        assert_eq!(pressed("temperature"), "385", "{lang}");
        // Fever, then silence ends the entry: waited, not keyed.
        assert_eq!(pressed("symptom"), "1", "{lang}");
        assert_eq!(pressed("summary"), "1", "{lang}");
        language_keys.push(pressed("language"));
        // Plausible seconds: each step heard no longer by the first-time
        // caller than by one who listens to everything, the totals their
        // sums, waiting the symptom step's silence.
        let (mut first, mut full) = (0.0, 0.0);
        for s in steps {
            let (f, w) = (secs(s, "first_time_secs"), secs(s, "full_listen_secs"));
            assert!(f >= 0.0 && f <= w + 1e-9, "{lang}: {s}");
            first += f;
            full += w;
        }
        assert!(
            (first - secs(call, "first_time_secs")).abs() < 1e-6,
            "{lang}"
        );
        assert!(
            (full - secs(call, "full_listen_secs")).abs() < 1e-6,
            "{lang}"
        );
        assert!(first < full, "{lang}: {first} vs {full}");
        assert!((20.0..400.0).contains(&full), "{lang}: {full} s");
        assert!(secs(call, "waiting_secs") > 0.0, "{lang}");
        // The recognised caller: measured once the flow has a `caller`
        // step, and then never with more keys.
        match l["recognised_caller"].as_object() {
            None => assert_eq!(l["recognised_note"], "not available in this flow"),
            Some(r) => assert!(
                r["keys"].as_u64().unwrap() <= call["keys"].as_u64().unwrap(),
                "{lang}"
            ),
        }
    }
    // Each language pressed its own key of the language menu.
    language_keys.sort();
    language_keys.dedup();
    assert_eq!(language_keys.len(), 9, "{language_keys:?}");
    assert!(language_keys.iter().all(|k| k.len() == 1));
}

#[test]
fn call_length_check_fails_exactly_when_a_language_misses_the_targets() {
    let (ok, out) = call_length(&["--json"]);
    assert!(ok, "{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let missed = report["languages"].as_array().unwrap().iter().any(|l| {
        let c = &l["first_time_caller"];
        let r = &l["recognised_caller"];
        c["keys"].as_u64().unwrap() > 12
            || secs(c, "first_time_secs") > 60.0
            || secs(c, "full_listen_secs") > 100.0
            || r.as_object().is_some_and(|_| {
                r["keys"].as_u64().unwrap() > 6
                    || secs(r, "first_time_secs") > 60.0
                    || secs(r, "full_listen_secs") > 100.0
            })
    });
    let (ok, out) = call_length(&["--check"]);
    assert_eq!(ok, !missed, "{out}");
    if missed {
        assert!(out.contains("targets missed"), "{out}");
    }
    // The table names every language.
    for l in ["ja", "en", "ne"] {
        assert!(out.contains(&format!("\n{l} ")), "{out}");
    }
}
