//! The staff pages in a real browser (Debian's headless Chromium through
//! chromedriver): a teacher logs in after calls came in through the
//! webhook, reads the morning list, marks a report seen, looks at the call
//! log and downloads the CSV. Screenshots go to `target/screenshots/`.

use std::path::PathBuf;

use crate::helpers::{DAIICHI_PASSWORD, spawn_app};
use crate::webdriver::Browser;
use fake_twilio::scenario::identify;

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

#[tokio::test]
async fn a_teacher_reads_the_morning_list_marks_a_report_seen_and_downloads_the_csv() {
    let (app, _dir) = spawn_app().await;
    // The morning's calls, through the webhook as Twilio makes them.
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.follow(&identify("10203")).await;
    p.press("1").await; // absent today, ill
    p.press("1").await; // fever
    p.press("385").await;
    p.press("3").await; // a message, then save
    p.record(9).await;
    p.press("1").await; // another child
    p.press("30412#").await;
    p.press("3").await; // late
    p.press("3").await; // medical
    p.press("0950#").await;
    p.press("1").await;
    p.silence().await;
    p.hang_up(120).await;
    let mut broke_off = app.phone("daiichi");
    broke_off.dial().await;
    broke_off.hang_up(8).await;
    let day = app.reports("daiichi")[0].school_day.clone();
    // The call log is by the day the calls came in: after the cut-off that
    // is not the day the reports are for.
    let call_day = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Tokyo)
        .date_naive();

    let browser = Browser::start().await;
    browser.goto(&format!("{}/login", app.base)).await;
    browser.screenshot(&shots().join("01-login.png")).await;
    browser.click("#account option[value='daiichi']").await;
    browser.type_into("#password", DAIICHI_PASSWORD).await;
    browser.click("button.primary").await;
    browser.wait_for("tr.report", 2).await;
    let url = browser.url().await;
    assert!(
        url.contains(&format!("/schools/daiichi/days/{day}")),
        "logged in to today's list: {url}"
    );

    let page = browser.source().await;
    for expected in ["山田 花子", "鈴木 一郎", "38.5", "09:50", "欠席", "遅刻"] {
        assert!(page.contains(expected), "the morning list shows {expected}");
    }
    assert_eq!(browser.count("tr.report").await, 2);
    assert_eq!(
        browser.count("tr.report.new").await,
        2,
        "both are new on the first look"
    );
    assert_eq!(
        browser.count("audio").await,
        1,
        "the voice message is playable"
    );
    browser
        .screenshot(&shots().join("02-morning-list.png"))
        .await;

    browser.click("form.seen button").await;
    assert_eq!(
        browser.wait_for("span.seen", 1).await,
        1,
        "one report is marked seen"
    );
    assert_eq!(
        browser.count("form.seen").await,
        1,
        "the other can still be marked"
    );
    browser.screenshot(&shots().join("03-after-seen.png")).await;
    let pdf = shots().join("04-morning-list-a4.pdf");
    browser.print_a4(&pdf).await;
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    browser
        .goto(&format!("{}/schools/daiichi/calls/{call_day}", app.base))
        .await;
    assert_eq!(browser.wait_for("tr.call", 2).await, 2);
    assert_eq!(
        browser.count("tr.call.attention").await,
        1,
        "the call that broke off stands out"
    );
    browser.screenshot(&shots().join("05-call-log.png")).await;

    // The CSV, downloaded with the browser's session.
    browser
        .goto(&format!("{}/schools/daiichi/days/{day}", app.base))
        .await;
    let href = browser.attribute("a[href*='format=csv']", "href").await;
    let cookie = browser.cookie_header().await;
    browser.quit().await;
    let url = if href.starts_with("http") {
        href
    } else {
        format!("{}{href}", app.base)
    };
    let res = app
        .client
        .get(&url)
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.bytes().await.unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    assert!(
        text.contains("10203") && text.contains("30412") && text.contains("欠席"),
        "{text}"
    );
    // And nobody else can fetch it.
    let res = app.client.get(&url).send().await.unwrap();
    assert_eq!(res.status(), 401);
}
