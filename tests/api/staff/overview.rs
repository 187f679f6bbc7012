//! The board's overview: every school and today's counts.

use super::*;

#[tokio::test]
async fn the_board_sees_every_school_and_todays_counts() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    absent_with_fever(&mut p).await;
    let day = day_of(&app, "daiichi");

    let board = login(&app, "board", BOARD_PASSWORD).await;
    let res = board.get(format!("{}/", app.base)).send().await.unwrap();
    assert_eq!(location(&res), "/board", "the board's home");
    let (status, page) = get(&board, &format!("{}/board", app.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains("墨田区立第一小学校") && page.contains("墨田区立中央中学校"));
    // The board shows one calendar day for every school; after the
    // cut-off the report is for a later day, which the picker opens.
    let (status, page) = get(&board, &format!("{}/board?day={day}", app.base)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!(r#"href="/schools/daiichi/days/{day}""#)),
        "links to daiichi's list for its school day"
    );
    assert!(page.contains(r#"href="/schools/chuo/days/"#));
    let daiichi_row = &page[page.find("墨田区立第一小学校").unwrap()..];
    let daiichi_row = &daiichi_row[..daiichi_row.find("</tr>").unwrap()];
    assert!(
        daiichi_row.contains(r#"data-label="欠席">1<"#),
        "one absence today: {daiichi_row}"
    );

    for school in ["daiichi", "chuo"] {
        let (status, _) = get(&board, &format!("{}/schools/{school}/days/{day}", app.base)).await;
        assert_eq!(status, 200, "{school}");
        let (status, _) = get(
            &board,
            &format!("{}/schools/{school}/calls/{day}", app.base),
        )
        .await;
        assert_eq!(status, 200, "{school}");
        let (status, _) = get(
            &board,
            &format!("{}/schools/{school}/export?from={day}&to={day}", app.base),
        )
        .await;
        assert_eq!(status, 200, "{school}");
    }
    let (_, list) = get(&board, &format!("{}/schools/daiichi/days/{day}", app.base)).await;
    assert!(list.contains("10203"));
}
