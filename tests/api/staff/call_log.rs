//! The call log: every call, an abandoned one standing out.

use super::*;

#[tokio::test]
async fn the_call_log_shows_every_call_and_makes_an_abandoned_one_stand_out() {
    let (app, _dir) = spawn_app().await;
    let mut reported = app.phone("daiichi");
    absent_with_fever(&mut reported).await;
    reported.silence().await;
    reported.hang_up(95).await;
    let mut gave_up = app.phone("daiichi");
    gave_up.dial().await;
    gave_up.press("1").await;
    gave_up.hang_up(20).await;
    let calls = app.calls("daiichi");
    assert_eq!(
        calls.iter().map(|c| c.outcome.as_str()).collect::<Vec<_>>(),
        ["reported", "abandoned"]
    );

    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let res = client
        .get(format!("{}/schools/daiichi/calls", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), format!("/schools/daiichi/calls/{today}"));
    let (status, page) = get(
        &client,
        &format!("{}/schools/daiichi/calls/{today}", app.base),
    )
    .await;
    assert_eq!(status, 200);
    let rows: Vec<&str> = page.split("<tr class=\"call ").skip(1).collect();
    assert_eq!(rows.len(), 2, "{page}");
    let ok = rows
        .iter()
        .find(|r| r.contains(&reported.from[3..]))
        .unwrap();
    let bad = rows
        .iter()
        .find(|r| r.contains(&gave_up.from[3..]))
        .unwrap();
    assert!(ok.starts_with("outcome-reported\""), "{ok}");
    assert!(ok.contains("報告済み") && ok.contains("1:35") && ok.contains(">1</a>"));
    assert!(
        bad.starts_with("outcome-abandoned attention\""),
        "stands out: {bad}"
    );
    assert!(
        bad.contains("保存前に終了") && bad.contains("折り返し"),
        "{bad}"
    );
    assert!(
        bad.contains(&format!("0{}", &gave_up.from[3..])),
        "the number to call back, as dialled in Japan"
    );
    assert!(bad.contains("0:20"));
    let (_, other_day) = get(
        &client,
        &format!("{}/schools/daiichi/calls/2020-01-06", app.base),
    )
    .await;
    assert!(
        !other_day.contains("<tr class=\"call "),
        "only that day's calls"
    );
}
