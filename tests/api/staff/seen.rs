//! Seen marks on the morning list: the CSRF token, and "new" badges that
//! go after a look.

use super::*;

#[tokio::test]
async fn marking_seen_needs_the_token_and_new_badges_go_after_a_look() {
    let (app, _dir) = spawn_app().await;
    let mut first = app.phone("daiichi");
    absent_with_fever(&mut first).await;
    let day = day_of(&app, "daiichi");
    let list = format!("{}/schools/daiichi/days/{day}", app.base);
    let store = app.store("daiichi");
    let r1 = store.reports_on(&day).unwrap()[0].id;
    // Times are stored to the second: let the first look come after it.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let client = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, look1) = get(&client, &list).await;
    assert!(
        row_html(&look1, r1).contains("badge new"),
        "never looked: new"
    );
    assert!(row_html(&look1, r1).contains("確認"));

    // A second report arrives between two looks.
    let mut second = app.phone("daiichi");
    late_with_message(&mut second).await;
    let r2 = store
        .reports_on(&day)
        .unwrap()
        .into_iter()
        .find(|r| r.id != r1)
        .unwrap()
        .id;
    let (_, look2) = get(&client, &list).await;
    assert!(
        !row_html(&look2, r1).contains("badge new"),
        "seen on the last look: not new"
    );
    assert!(
        row_html(&look2, r2).contains("badge new"),
        "came after the last look"
    );
    assert_eq!(count(&look2, "unseen"), 2);

    // Without the token, or with a wrong one: 403, and nothing changes.
    let action = format!("{}{}", app.base, seen_action(&look2, r2));
    let since = since_of(&look2, r2);
    for form in [
        vec![("since", since.as_str())],
        vec![("csrf", "forged"), ("since", since.as_str())],
        vec![("csrf", ""), ("since", since.as_str())],
    ] {
        let res = post_form(&client, &action, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{form:?}");
    }
    assert!(store.seen_on("daiichi", &day).unwrap().is_empty());
    // Another session's token is not this one's either.
    let other = login(&app, "daiichi", DAIICHI_PASSWORD).await;
    let (_, other_page) = get(&other, &list).await;
    let res = post_form(&client, &action, &[("csrf", &csrf_of(&other_page))]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(store.seen_on("daiichi", &day).unwrap().is_empty());

    // With it: seen, and back to the same view of the list.
    let token = csrf_of(&look2);
    let res = post_form(&client, &action, &[("csrf", &token), ("since", &since)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = location(&res);
    assert!(
        back.starts_with(&format!("/schools/daiichi/days/{day}?since=")),
        "{back}"
    );
    let seen = store.seen_on("daiichi", &day).unwrap();
    assert_eq!(seen.keys().copied().collect::<Vec<_>>(), [r2]);
    let (_, after) = get(&client, &format!("{}{back}", app.base)).await;
    let row2 = row_html(&after, r2);
    assert!(
        row2.contains("確認済") && !row2.contains("badge new"),
        "{row2}"
    );
    assert!(!row2.contains("/seen\""), "no button once seen");
    assert_eq!(count(&after, "unseen"), 1);
    // The board's marks are its own.
    let board = login(&app, "board", BOARD_PASSWORD).await;
    let (_, board_view) = get(&board, &list).await;
    assert!(row_html(&board_view, r2).contains("/seen\""));

    // The next look: nothing new any more.
    let (_, look3) = get(&client, &list).await;
    assert!(
        !look3.contains("badge new"),
        "no new badge on the next look"
    );
}
