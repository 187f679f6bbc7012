//! A parent who hangs up while recording a voice message: Twilio still
//! posts the recording (with `Digits=hangup`) and ignores the answer, so
//! what they said is kept in that request — in the report when the call
//! had one ready, otherwise on the call log — and Twilio's recording
//! status callback later says whether the file is there.

use absence_line::store::RecordingRow;
use chrono::Utc;

use crate::helpers::{DAIICHI_PASSWORD, Phone, TestApp, copy_assets, spawn_app, spawn_app_in};

/// Student 10203 absent today for family reasons, at the `<Record>` of the
/// message for the teacher (key 3 at the read-back).
async fn at_the_message(p: &mut Phone<'_>) -> crate::helpers::Twiml {
    student_at_the_message(p, "10203").await
}

/// The same for `student`.
async fn student_at_the_message(p: &mut Phone<'_>, student: &str) -> crate::helpers::Twiml {
    p.dial().await;
    p.press("1").await;
    p.press(&format!("{student}#")).await;
    p.press("2").await; // absence, another reason
    p.press("4").await; // family
    let t = p.press("1").await; // today
    assert!(t.says_any("伝言"), "{}", t.said());
    let t = p.press("3").await; // record one, then save
    assert!(t.record_action.is_some(), "{}", t.raw);
    t
}

/// The call's recordings once `done` holds of them (the call log is
/// committed a moment after Twilio is answered).
async fn recordings_when(
    app: &TestApp,
    call_sid: &str,
    done: impl Fn(&[RecordingRow]) -> bool,
) -> Vec<RecordingRow> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let rows = app.store("daiichi").recordings_of_call(call_sid).unwrap();
        if done(&rows) {
            return rows;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the call log never got there: {rows:#?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn hanging_up_while_recording_the_message_saves_the_report() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    let t = at_the_message(&mut p).await;
    let callback = t
        .record_status_callback
        .clone()
        .expect("the <Record> asks for its status");
    assert_eq!(callback, format!("{}/voice/daiichi/recording", app.base));

    p.record_then_hang_up(14).await;
    let rows = app.store("daiichi").reports_of_call(&p.call_sid).unwrap();
    assert_eq!(rows.len(), 1, "the report is saved in that request");
    let r = &rows[0];
    assert_eq!(r.kind.as_deref(), Some("absence"));
    assert_eq!(r.reason.as_deref(), Some("family"));
    assert_eq!(
        r.recording_url.as_deref(),
        Some(p.recording_url(14).as_str())
    );
    assert!(
        !r.unconfirmed,
        "key 3 came after the read-back: the parent confirmed it"
    );
    assert_eq!(r.status, "active", "it reaches the morning list");

    // Twilio's recording status callback, once the file is ready.
    let res = p.recording_status(&callback, 14, "completed", None).await;
    assert_eq!(res.status(), 200);
    let sid = p.call_sid.clone();
    let kept = recordings_when(&app, &sid, |r| {
        r.first().is_some_and(|r| r.status.is_some())
    })
    .await;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (
            kept[0].status.as_deref(),
            kept[0].duration_secs,
            kept[0].reference,
            kept[0].url.as_deref()
        ),
        (
            Some("completed"),
            Some(14),
            Some(r.reference),
            Some(p.recording_url(14).as_str())
        )
    );

    p.hang_up(40).await;
    let calls = app.calls("daiichi");
    let call = calls.iter().find(|c| c.call_sid == sid).unwrap();
    assert_eq!((call.outcome.as_str(), call.reports), ("reported", 1));
}

#[tokio::test]
async fn a_voice_message_for_an_unknown_student_is_saved_and_its_absence_noted() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("1").await;
    p.press("99999#").await;
    p.press("99998#").await;
    let t = p.press("99997#").await;
    let callback = t
        .record_status_callback
        .clone()
        .expect("the voice message asks for its status too");

    p.record_then_hang_up(3).await;
    let rows = app.store("daiichi").reports_of_call(&p.call_sid).unwrap();
    assert_eq!(rows.len(), 1, "the recording is the report");
    assert_eq!(rows[0].kind, None);
    assert_eq!(
        rows[0].recording_url.as_deref(),
        Some(p.recording_url(3).as_str())
    );
    assert!(
        !rows[0].unconfirmed,
        "this report has no read-back to confirm"
    );

    // A silent message: Twilio says it is absent.
    let res = p
        .recording_status(&callback, 3, "absent", Some("16102"))
        .await;
    assert_eq!(res.status(), 200);
    let sid = p.call_sid.clone();
    let kept = recordings_when(&app, &sid, |r| {
        r.first().is_some_and(|r| r.status.is_some())
    })
    .await;
    assert_eq!(
        (
            kept[0].status.as_deref(),
            kept[0].error_code.as_deref(),
            kept[0].reference
        ),
        (Some("absent"), Some("16102"), Some(rows[0].reference))
    );
}

#[tokio::test]
async fn a_recording_with_no_report_to_hold_it_stays_on_the_call_log() {
    // A flow whose message for the teacher comes back to the kind, not to
    // a read-back: hanging up there leaves nothing a report could hold.
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    let flow = dir.path().join("call-flows/absence.toml");
    let text = std::fs::read_to_string(&flow).unwrap();
    let edited = text.replacen(
        "save_as = \"recording\"\nnext = \"save\"",
        "save_as = \"recording\"\nnext = \"restart\"",
        1,
    );
    assert_ne!(edited, text, "the flow's record step moved");
    std::fs::write(&flow, edited).unwrap();
    let app = spawn_app_in(dir.path()).await;

    let mut p = app.phone("daiichi");
    at_the_message(&mut p).await;
    p.record_then_hang_up(9).await;
    let sid = p.call_sid.clone();
    assert!(
        app.store("daiichi")
            .reports_of_call(&sid)
            .unwrap()
            .is_empty(),
        "no report"
    );
    // Kept before Twilio was answered: no waiting for a later commit.
    let kept = app.store("daiichi").recordings_of_call(&sid).unwrap();
    assert_eq!(kept.len(), 1, "the recording is on the call log");
    assert_eq!(
        (
            kept[0].url.as_deref(),
            kept[0].duration_secs,
            kept[0].hung_up,
            kept[0].reference
        ),
        (Some(p.recording_url(9).as_str()), Some(9), true, None)
    );

    p.hang_up(30).await;
    let calls = app.calls("daiichi");
    let call = calls.iter().find(|c| c.call_sid == sid).unwrap();
    assert_eq!(
        call.outcome, "abandoned",
        "a call the office should call back"
    );
}

/// The school's staff see both: the unconfirmed report on the morning list
/// and the call log, and a message no report holds (the parent recorded it,
/// heard the read-back and hung up) on the call log, each to call back. A
/// flow whose message comes back to the read-back (as the shipped flow's
/// did before key 3 saved it) makes both.
#[tokio::test]
async fn staff_see_what_to_call_back_about() {
    let dir = tempfile::tempdir().unwrap();
    copy_assets(dir.path());
    let flow = dir.path().join("call-flows/absence.toml");
    let text = std::fs::read_to_string(&flow).unwrap();
    let edited = text.replacen(
        "save_as = \"recording\"\nnext = \"save\"",
        "save_as = \"recording\"\nnext = \"summary\"",
        1,
    );
    assert_ne!(edited, text, "the flow's record step moved");
    std::fs::write(&flow, edited).unwrap();
    let app = spawn_app_in(dir.path()).await;
    let _dir = dir;
    let mut unconfirmed = app.phone("daiichi");
    at_the_message(&mut unconfirmed).await;
    unconfirmed.record_then_hang_up(14).await;
    unconfirmed.hang_up(40).await;
    let report = app
        .store("daiichi")
        .reports_of_call(&unconfirmed.call_sid)
        .unwrap()
        .remove(0);

    let mut left = app.phone("daiichi");
    let t = student_at_the_message(&mut left, "30412").await;
    let callback = t.record_status_callback.clone().unwrap();
    let t = left.record(20).await;
    assert!(t.says_any("確認します。"), "the read-back: {}", t.said());
    left.hang_up(60).await; // without confirming
    let res = left
        .recording_status(&callback, 20, "completed", None)
        .await;
    assert_eq!(res.status(), 200);
    let sid = left.call_sid.clone();
    recordings_when(&app, &sid, |r| !r.is_empty()).await;

    let client = crate::helpers::login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let page = |path: String| {
        let client = client.clone();
        let url = format!("{}{path}", app.base);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };

    let list = page(format!("/schools/daiichi/days/{}", report.school_day)).await;
    let row = list
        .split("<tr class=\"report")
        .find(|r| r.contains(&format!(">{}</td>", report.reference)))
        .expect("the report is on the morning list");
    assert!(row.contains("badge unconfirmed"), "{row}");

    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    let log = page(format!("/schools/daiichi/calls/{today}")).await;
    let rows: Vec<&str> = log.split("<tr class=\"call ").skip(1).collect();
    let row_of = |p: &Phone| {
        *rows
            .iter()
            .find(|r| r.contains(&p.from[3..]))
            .unwrap_or_else(|| panic!("{} is not on the call log: {log}", p.from))
    };
    let a = row_of(&unconfirmed);
    assert!(
        a.starts_with("outcome-reported attention\"") && a.contains("未確認"),
        "{a}"
    );
    let b = row_of(&left);
    assert!(b.starts_with("outcome-abandoned attention\""), "{b}");
    assert!(
        b.contains(&format!("src=\"{}.mp3\"", left.recording_url(20))),
        "the message can be heard: {b}"
    );
}
