//! What callers hear (issue 13, items 5 and 7): a Nepali caller hears the
//! read-back in Nepali, assembled from recordings (no English `<Say>`),
//! and the voices are Twilio's Neural ones, with SSML where it helps.

use crate::helpers::spawn_app;

/// The recorded prompt a Nepali TwiML plays, by key (`ask-kind`).
fn keys(plays: &[String]) -> Vec<String> {
    plays
        .iter()
        .filter_map(|u| u.split("/prompts/ne/").nth(1))
        .map(|f| f.split(".wav").next().unwrap_or(f).to_owned())
        .collect()
}

/// The answer a parent gives to the Nepali prompt `key` (the flow's order
/// may change; the questions keep their message ids).
fn answer(key: &str, finish: bool) -> &'static str {
    match key {
        "ask-student" if finish => "10203#",
        "ask-student" => "10203",
        "ask-symptom" => "1#",
        "ask-temperature" => "385",
        "ask-message" => "2",
        _ => "1",
    }
}

#[tokio::test]
async fn a_nepali_read_back_is_all_recordings_in_nepali() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    let mut t = p.press("9").await; // नेपाली
    for _ in 0..20 {
        let keys = keys(&t.plays);
        if keys.iter().any(|k| k.starts_with("summary-temperature")) {
            // The read-back: Nepali recordings only, no English voice.
            assert!(
                t.says.is_empty(),
                "a <Say> in a Nepali read-back: {}",
                t.raw
            );
            assert!(
                t.plays.iter().all(|u| u.contains("/prompts/ne/")),
                "{}",
                t.raw
            );
            let said = keys.join(" ");
            for needle in [
                "summary-student.1 digit-1 digit-0 digit-2 digit-0 digit-3",
                "number-38 decimal-point digit-5",
                "summary-kind.absence",
                "summary-reason.illness",
                "symptom-name.fever",
            ] {
                assert!(said.contains(needle), "{needle:?} in {said}");
            }
            return;
        }
        assert!(
            t.says.is_empty(),
            "Nepali heard in another language: {}",
            t.raw
        );
        let last = keys.last().cloned().unwrap_or_default();
        let finish = t.gather_finish_on_key.as_deref() == Some("#");
        t = if t.record_action.is_some() {
            p.record(5).await
        } else {
            p.press(answer(&last, finish)).await
        };
    }
    panic!("no read-back within 20 answers: {}", t.raw);
}

/// Neural voices by default, and the two Japanese prompts of the greeting
/// said in one `<Say>` with a pause between them.
#[tokio::test]
async fn the_greeting_is_said_by_neural_voices_with_a_pause_between_prompts() {
    let (app, _dir) = spawn_app().await;
    let t = app.phone("daiichi").dial().await;
    for voice in [
        "Polly.Kazuha-Neural",
        "Polly.Joanna-Neural",
        "Polly.Zhiyu-Neural",
        "Polly.Seoyeon-Neural",
        "Google.vi-VN-Wavenet-A",
        "Google.fil-PH-Wavenet-A",
        "Polly.Camila-Neural",
        "Polly.Mia-Neural",
    ] {
        assert!(t.voices.iter().any(|v| v == voice), "{voice}: {}", t.raw);
    }
    assert!(t.raw.contains(r#"<break time="300ms"/>"#), "{}", t.raw);
}
