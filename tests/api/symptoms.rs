//! Symptoms as the national surveillance counts them: a parent keys every
//! symptom that applies in one entry, fever still brings the temperature
//! question, and the report stores the list in the national order; the
//! diseases that suspend attendance most often have keys of their own.

use crate::helpers::spawn_app;
use fake_twilio::scenario::{identify, waits_at};

#[tokio::test]
async fn two_symptoms_and_a_temperature_are_stored_for_the_surveillance() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&identify("10203")).await; // 日本語
    let t = p.press("1").await; // absent today, ill
    assert!(t.says_any("症状をすべて押して"), "{}", t.said());
    // Every key until # or a short silence (a 4 s timeout), up to the 32
    // keys one entry holds.
    assert_eq!(t.gather_num_digits.as_deref(), Some("32"), "{}", t.raw);
    assert_eq!(t.gather_finish_on_key.as_deref(), Some("#"));
    assert!(t.raw.contains(r#"timeout="4""#), "{}", t.raw);
    assert!(t.redirect.is_some(), "silence has somewhere to go");

    // A key that is no symptom: asked again, nothing kept.
    let t = p.press("17#").await;
    assert!(t.says_any("選択肢にありません"), "{}", t.said());
    assert!(t.says_any("症状をすべて"), "{}", t.said());
    assert_eq!(t.gather_num_digits.as_deref(), Some("32"));

    let t = p.press("12#").await; // fever and cough
    assert!(
        t.says_any("体温"),
        "fever brings the temperature: {}",
        t.said()
    );
    let t = p.press("385").await; // no day question: the fast path is today
    let summary = t.said();
    assert!(
        summary.contains("症状は発熱、せき、のどの痛み、鼻水。"),
        "the read-back names both: {summary}"
    );
    assert!(summary.contains("38.5"), "{summary}");
    let t = p.press("1").await;
    assert!(t.says_any("受付番号は、1です"), "{}", t.said());

    let r = &app.reports("daiichi")[0];
    assert_eq!(r.reason.as_deref(), Some("illness"));
    assert_eq!(r.symptom.as_deref(), Some("fever,respiratory"));
    assert_eq!(r.temperature, Some(38.5));
    assert_eq!(r.disease, None);
}

#[tokio::test]
async fn symptoms_without_fever_ask_no_temperature_and_are_stored_in_the_national_order() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("chuo");
    p.dial().await;
    p.press("2").await; // English
    p.press("1234#").await; // no roster at this school
    p.press("2").await; // absence, another reason or day
    let t = p.press("1").await; // illness
    assert!(t.says_any("every symptom"), "{}", t.said());
    // 5 (headache) after 2 (cough), ended by silence: Twilio posts "52".
    let t = p.press("52").await;
    assert!(!t.says_any("temperature"), "{}", t.said());
    assert!(waits_at(t.action().unwrap(), "day"), "{}", t.said());
    let t = p.press("1").await;
    assert!(
        t.says_any("Your child has a cough or cold and a headache."),
        "{}",
        t.said()
    );
    p.press("1").await;
    let r = &app.reports("chuo")[0];
    // The national system lists headache before respiratory symptoms.
    assert_eq!(r.symptom.as_deref(), Some("headache,respiratory"));
    assert_eq!(r.temperature, None);
    assert_eq!(r.language, "en");
}

#[tokio::test]
async fn the_diseases_schools_see_most_have_their_own_keys() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&identify("10203")).await;
    p.press("2").await; // absence, another reason
    let t = p.press("6").await; // infectious disease: must stay home
    for said in [
        "インフルエンザは1",
        "溶連菌感染症は4",
        "水ぼうそうは5",
        "おたふくかぜは6",
        "咽頭結膜熱は7",
        "手足口病は8",
        "その他は9",
    ] {
        assert!(t.says_any(said), "{said}: {}", t.said());
    }
    assert_eq!(t.gather_num_digits.as_deref(), Some("1"), "one key");
    let t = p.press("4").await; // strep throat
    assert!(waits_at(t.action().unwrap(), "day"), "{}", t.said());
    let t = p.press("1").await;
    assert!(t.says_any("病名は、溶連菌感染症です。"), "{}", t.said());
    p.press("1").await;
    let r = &app.reports("daiichi")[0];
    assert_eq!(r.reason.as_deref(), Some("infectious"));
    assert_eq!(r.disease.as_deref(), Some("strep"));
    assert_eq!(r.symptom, None);
}
