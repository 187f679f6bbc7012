//! Exports in UTF-8, Shift-JIS and JSON for a range of days.

use super::*;

#[tokio::test]
async fn exports_in_utf8_shift_jis_and_json_for_a_range() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let mut q = app.phone("daiichi");
    late_with_message(&mut q).await;
    let day = day_of(&app, "daiichi");
    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let export = |query: String| {
        let client = client.clone();
        let url = format!("{}/schools/daiichi/export?{query}", app.base);
        async move { client.get(url).send().await.unwrap() }
    };

    let res = export(format!("from={day}&to={day}&format=csv")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(
        res.headers()[CONTENT_DISPOSITION],
        format!("attachment; filename=\"daiichi-{day}-{day}.csv\"").as_str()
    );
    let csv = res.bytes().await.unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    assert!(
        text.contains("欠席") && text.contains("遅刻") && text.contains("10203"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3, "header and two reports");

    let res = export(format!("from={day}&to={day}&format=csv-sjis")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "text/csv; charset=Shift_JIS");
    let sjis = res.bytes().await.unwrap();
    assert!(!sjis.starts_with(b"\xEF\xBB\xBF"));
    assert!(std::str::from_utf8(&sjis).is_err(), "not UTF-8");
    let (decoded, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!had_errors);
    assert!(
        decoded.contains("欠席") && decoded.contains("30412") && decoded.contains("通院"),
        "{decoded}"
    );

    let date = NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap();
    let (from, to) = (
        date - chrono::Duration::days(7),
        date + chrono::Duration::days(7),
    );
    let res = export(format!("from={from}&to={to}&format=json")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/json");
    assert_eq!(
        res.headers()[CONTENT_DISPOSITION],
        format!("attachment; filename=\"daiichi-{from}-{to}.json\"").as_str()
    );
    let json: Vec<serde_json::Value> = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert_eq!(json.len(), 2);
    assert_eq!(json[0]["student"], "10203");
    assert_eq!(json[0]["kind_label"], "欠席");
    assert_eq!(json[1]["kind"], "late");
    let far = format!(
        "from={}&to={}",
        date + chrono::Duration::days(1),
        date + chrono::Duration::days(30)
    );
    let res = export(format!("{far}&format=json")).await;
    let none: Vec<serde_json::Value> = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap();
    assert!(none.is_empty(), "a range without them");

    for (query, says) in [
        (format!("to={day}"), "from"),
        (format!("from={day}"), "to"),
        (format!("from=yesterday&to={day}"), "yesterday"),
        (format!("from={day}&to=2026-02-30"), "2026-02-30"),
        (format!("from={to}&to={from}"), "from"),
        ("from=2025-01-01&to=2026-12-31".to_owned(), "366"),
        (format!("from={day}&to={day}&format=xlsx"), "xlsx"),
    ] {
        let res = export(query.clone()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query}");
        let body = res.text().await.unwrap();
        assert!(body.contains(says), "{query}: {body}");
    }

    // A records system fetches it with the school's export token instead.
    let plain = reqwest::Client::new();
    let url = format!("{}/schools/daiichi/export?from={day}&to={day}", app.base);
    let res = plain
        .get(&url)
        .bearer_auth(DAIICHI_EXPORT_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.bytes().await.unwrap().starts_with(b"\xEF\xBB\xBF"));
    let res = plain
        .get(&url)
        .bearer_auth("wrong-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = plain
        .get(format!(
            "{}/schools/chuo/export?from={day}&to={day}",
            app.base
        ))
        .bearer_auth(DAIICHI_EXPORT_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "daiichi's token is not chuo's"
    );

    // Another school's staff may not export it.
    let chuo = login(&app, "chuo", CHUO_PASSWORD).await;
    let res = chuo.get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(!res.text().await.unwrap().contains("10203"));
}
