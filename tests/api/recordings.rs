//! Recorded prompts: played instead of text-to-speech wherever they exist,
//! served by the server itself with caching headers, and nothing else.

use absence_line::audio::pcm16_wav;

use crate::helpers::{copy_assets, spawn_app_in};

#[tokio::test]
async fn a_recording_replaces_text_to_speech_and_is_served_with_caching_headers() {
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    std::fs::create_dir_all(dir.path().join("prompts/ja")).unwrap();
    let kind = pcm16_wav(8000, &vec![1000; 8000]);
    std::fs::write(dir.path().join("prompts/ja/ask-reason.wav"), &kind).unwrap();
    // The fixed text before the reference number, in a read-back.
    std::fs::write(
        dir.path().join("prompts/ja/saved.1.wav"),
        pcm16_wav(8000, &vec![5; 4000]),
    )
    .unwrap();
    let app = spawn_app_in(dir.path()).await;

    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("1").await;
    p.press("1234#").await;
    let t = p.press("2").await; // absence, another reason: the reason menu
    assert_eq!(t.plays.len(), 1, "{}", t.raw);
    assert!(
        t.says.is_empty(),
        "no text-to-speech for a recorded prompt: {}",
        t.raw
    );
    let url = &t.plays[0];
    assert!(
        url.starts_with(&format!("{}/prompts/ja/ask-reason.wav?v=", app.base)),
        "absolute URL: {url}"
    );

    let res = app.client.get(url).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "audio/wav");
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    let etag = res.headers()["etag"].clone();
    assert_eq!(res.bytes().await.unwrap().as_ref(), kind.as_slice());
    let again = app
        .client
        .get(url)
        .header("If-None-Match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // A read-back: its fixed text recorded, the number by text-to-speech.
    p.press("9").await;
    p.press("1").await;
    let t = p.press("1").await;
    assert!(
        t.heard[0].starts_with("play:") && t.heard[0].contains("/prompts/ja/saved.1.wav"),
        "{:?}",
        t.heard
    );
    assert!(
        t.heard[1].starts_with("say:") && t.heard[1].contains('1'),
        "the reference number is spoken: {:?}",
        t.heard
    );
}

#[tokio::test]
async fn only_loaded_recordings_can_be_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_app_in(dir.path()).await;
    let ok = app
        .client
        .get(format!("{}/prompts/ne/ask-reason.wav", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    for path in [
        "/prompts/ne/..%2F..%2FCargo.toml",
        "/prompts/..%2Fsrc/lib.rs",
        "/prompts/ne/README.md",
        "/prompts/ne/%2e%2e%2fja%2fabsence.ftl",
        "/prompts/xx/ask-kind.wav",
        "/prompts/ja/ask-kind.wav",
    ] {
        let res = app
            .client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn audio_twilio_cannot_play_is_refused_at_startup() {
    use absence_line::http::{Application, Secrets, Source};
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    std::fs::create_dir_all(dir.path().join("prompts/ja")).unwrap();
    let mut float = pcm16_wav(8000, &[0; 100]);
    float[20] = 3; // IEEE float samples
    std::fs::write(dir.path().join("prompts/ja/ask-kind.wav"), float).unwrap();
    let config = crate::helpers::write_config(dir.path());
    let err = Application::build(Source::new(&config), Secrets::default())
        .await
        .err()
        .expect("refused");
    let msg = err.to_string();
    assert!(
        msg.contains("prompts/ja/ask-kind.wav") && msg.contains("WAV encoding 3"),
        "{msg}"
    );
}
