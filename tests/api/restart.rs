//! A call survives the server going away in the middle of it.

use crate::helpers::{spawn_app, spawn_app_in};

#[tokio::test]
async fn a_server_restarted_mid_call_finishes_the_call() {
    let (first, dir) = spawn_app().await;
    let mut p = first.phone("daiichi");
    p.dial().await;
    p.press("2").await;
    p.press("10203#").await;
    let waiting = p.press("3").await; // late arrival; now at the reason menu
    let (sid, from, last) = (p.call_sid.clone(), p.from.clone(), waiting);
    first.stop().await;

    let second = spawn_app_in(dir.path()).await;
    let mut p = second.phone("daiichi");
    p.call_sid = sid;
    p.from = from;
    p.last = Some(last);
    let t = p.press("1").await; // illness
    assert!(
        t.says_any("Fever, 1."),
        "continues in English where it was: {}",
        t.said()
    );
    p.press("5").await; // headache
    p.press("1015#").await;
    let t = p.press("1").await;
    assert!(t.says_any("reference number is 1"), "{}", t.said());
    let r = &second.reports("daiichi")[0];
    assert_eq!(r.student.as_deref(), Some("10203"));
    assert_eq!(r.kind.as_deref(), Some("late"));
    assert_eq!(r.symptom.as_deref(), Some("headache"));
    assert_eq!(r.time.as_deref(), Some("10:15"));
    assert_eq!(r.language, "en");
}
