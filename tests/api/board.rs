//! The board of education's dashboard: every school on the same day
//! whatever its cut-off, district totals and rates, sorting by rate, the
//! drill-down school → grade → class, who may see what, and no child's
//! number or name on any of its pages. Then the same in a real browser,
//! with screenshots and axe-core.
//!
//! The reports are saved straight into the stores (as the line saves
//! them, counts kept by the same triggers) on days worked out here, in a
//! deployment of two schools whose cut-offs are 08:30 and 16:00, in a time
//! zone where it is now late morning: between the two cut-offs.

use std::path::{Path, PathBuf};

use absence_line::domain::{Channel, ReportKind};
use absence_line::http::{Application, Secrets, Source};
use absence_line::store::{NewReport, Store};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};
use reqwest::StatusCode;

use crate::helpers::{BOARD_PASSWORD, CHUO_PASSWORD, DAIICHI_PASSWORD, TOKEN, browser, post_form};
use crate::webdriver::Browser;

/// The staff logins' Argon2 hashes (of the helpers' passwords).
const BOARD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$zRKjdkCZPoXeeZA5D2fmFg$HlUcSndHuueFRaF4v/pd7rsUYL0Tcu8e9PXKP6AoQXE";
const EARLY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$XOObDe3Y0h4tMHcfX1U9tg$bS0kBhOtrURvkX5wtpLc9FWMMbbTNt/f80/SQRKW1ok";
const LATE_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$qN5eqi1nqLsKxBesV4Ytvg$P1YlVv1Fa5M0Ks8Z5nQ6EtWZZ10TWaVN5q9I686BmYg";

/// The students of `late`'s roster: none of it may show on a board page.
const ROSTER: &str = "student,grade,class,number,name,kana\n\
    71001,3,1,1,佐藤 太郎,さとう たろう\n\
    71002,3,1,2,高橋 次郎,たかはし じろう\n\
    71003,3,1,3,田中 三郎,たなか さぶろう\n\
    71004,3,1,4,伊藤 四郎,いとう しろう\n";
const SECRETS: [&str; 8] = [
    "71001",
    "71002",
    "佐藤",
    "高橋",
    "70001",
    "70005",
    "さとう",
    "太郎",
];

struct Board {
    base: String,
    dir: tempfile::TempDir,
    /// The calendar date now in the schools' zone: a school day (the
    /// calendar opens it if it is a weekend day).
    today: NaiveDate,
    server: tokio::task::JoinHandle<()>,
}

/// A zone where it is now 11:xx, so that 08:30 has passed and 16:00 not.
fn late_morning_zone(now: DateTime<Utc>) -> (String, i64) {
    let offset = 11 - i64::from(now.hour());
    let name = match offset {
        0 => "Etc/GMT".to_owned(),
        // The Etc zones' signs are POSIX's: Etc/GMT-9 is UTC+9.
        o if o > 0 => format!("Etc/GMT-{o}"),
        o => format!("Etc/GMT+{}", -o),
    };
    (name, offset)
}

/// Two schools: `early` (あおば小学校, cut-off 08:30, enrolment from the
/// config: 1-1 20, 1-2 20, 2-1 40) and `late` (さくら中学校, cut-off
/// 16:00, four students from its roster).
async fn spawn_board() -> Board {
    let now = Utc::now();
    let (zone, offset) = late_morning_zone(now);
    let today = (now + chrono::TimeDelta::hours(offset)).date_naive();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(dir.path().join("roster.csv"), ROSTER).unwrap();
    // Weekends of the last five weeks open, so that every test day is a
    // school day whatever today is.
    let mut calendar = String::new();
    for k in 0..35 {
        let d = today - chrono::TimeDelta::days(k);
        if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            calendar.push_str(&format!("+{d} open for the test\n"));
        }
    }
    std::fs::write(dir.path().join("calendar.txt"), calendar).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = format!(
        r#"
listen = "127.0.0.1:0"
data_dir = "data"
flows_dir = "{flows}"
locales_dir = "{locales}"
prompts_dir = "{prompts}"

[board]
password_hash = "{BOARD_HASH}"

[schools.early]
name = "あおば小学校"
names = {{ en = "Aoba Elementary" }}
time_zone = "{zone}"
cutoff = "08:30"
calendar = "calendar.txt"
staff_password_hash = "{EARLY_HASH}"
enrolment = {{ "1" = {{ "1" = 20, "2" = 20 }}, "2" = {{ "1" = 40 }} }}

[schools.late]
name = "さくら中学校"
names = {{ en = "Sakura Junior High" }}
time_zone = "{zone}"
cutoff = "16:00"
calendar = "calendar.txt"
roster = "roster.csv"
staff_password_hash = "{LATE_HASH}"
"#,
        flows = repo.join("call-flows").display(),
        locales = repo.join("locales").display(),
        prompts = repo.join("prompts").display(),
    );
    let config_path = dir.path().join("absence-line.toml");
    std::fs::write(&config_path, config).unwrap();
    let app = Application::build(
        Source::new(&config_path),
        Secrets {
            auth_token: Some(TOKEN.into()),
            ..Secrets::default()
        },
    )
    .await
    .expect("server starts");
    let base = format!("http://{}", app.local_addr());
    let server = tokio::spawn(async move {
        app.run_until_stopped().await.expect("server runs");
    });
    Board {
        base,
        dir,
        today,
        server,
    }
}

impl Board {
    fn store_path(&self, school: &str) -> PathBuf {
        let id = absence_line::domain::SchoolId::parse(school).unwrap();
        absence_line::store::file_for(&self.dir.path().join("data"), &id)
    }

    /// Save one report, committed, as the line would.
    async fn report(&self, school: &str, r: Rep) {
        let path = self.store_path(school);
        let sid = format!("CA{school}{}", r.student);
        tokio::task::spawn_blocking(move || {
            let store = Store::open(&path).unwrap();
            store
                .save_report_blocking(&NewReport {
                    call_sid: sid,
                    student: Some(r.student),
                    grade: Some(r.grade.into()),
                    class: Some(r.class.into()),
                    kind: ReportKind::parse(r.kind),
                    reason: r.reason.map(Into::into),
                    symptom: r.symptom.map(Into::into),
                    disease: r.disease.map(Into::into),
                    temperature: r.temperature,
                    days: r.days.iter().map(|d| d.to_string()).collect(),
                    language: "ja".into(),
                    channel: Channel::Twilio,
                    received_at: "2026-01-01T00:00:00Z".into(),
                    ..Default::default()
                })
                .unwrap();
        })
        .await
        .unwrap();
    }

    async fn login(&self, account: &str, password: &str) -> reqwest::Client {
        let client = browser();
        let res = post_form(
            &client,
            &format!("{}/login", self.base),
            &[("account", account), ("password", password)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "login as {account}");
        client
    }

    async fn get(&self, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
        let res = client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.text().await.unwrap())
    }
}

impl Drop for Board {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// A report to save.
#[derive(Clone)]
struct Rep {
    student: String,
    grade: &'static str,
    class: &'static str,
    kind: &'static str,
    reason: Option<&'static str>,
    symptom: Option<&'static str>,
    disease: Option<&'static str>,
    temperature: Option<f64>,
    days: Vec<NaiveDate>,
}

fn ill(
    student: String,
    grade: &'static str,
    class: &'static str,
    symptom: &'static str,
    day: NaiveDate,
) -> Rep {
    Rep {
        student,
        grade,
        class,
        kind: "absence",
        reason: Some("illness"),
        symptom: Some(symptom),
        disease: None,
        temperature: None,
        days: vec![day],
    }
}

fn influenza(student: String, grade: &'static str, class: &'static str, day: NaiveDate) -> Rep {
    Rep {
        reason: Some("infectious"),
        symptom: None,
        disease: Some("influenza"),
        ..ill(student, grade, class, "fever", day)
    }
}

/// Today's reports: `early` has 4 influenza suspensions in 1-1, a fever in
/// 1-2, a headache and a family absence in 2-1 and a late arrival (6 ill
/// of 80: 7.5%); `late` has one fever with a cough at 38.4 in 3-1 (1 ill of
/// 4: 25.0%, ILI 1).
async fn todays_reports(b: &Board) {
    let d = b.today;
    for n in 1..=4 {
        b.report("early", influenza(format!("7000{n}"), "1", "1", d))
            .await;
    }
    b.report("early", ill("70005".into(), "1", "2", "fever", d))
        .await;
    b.report("early", ill("70006".into(), "2", "1", "headache", d))
        .await;
    let family = Rep {
        reason: Some("family"),
        symptom: None,
        ..ill("70007".into(), "2", "1", "other", d)
    };
    b.report("early", family).await;
    let late = Rep {
        kind: "late",
        reason: Some("medical"),
        symptom: None,
        ..ill("70008".into(), "2", "1", "other", d)
    };
    b.report("early", late).await;
    let cough = Rep {
        symptom: Some("fever,respiratory"),
        temperature: Some(38.4),
        ..ill("71001".into(), "3", "1", "fever", d)
    };
    b.report("late", cough).await;
}

/// The `<tr>` of a table whose row header holds `name`.
fn row<'a>(page: &'a str, name: &str) -> &'a str {
    let at = page
        .find(&format!(">{name}</a>"))
        .unwrap_or_else(|| panic!("no row for {name}: {page}"));
    let start = page[..at].rfind("<tr").unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    &page[start..end]
}

/// The text of the cell labelled `label` in `row`.
fn cell<'a>(row: &'a str, label: &str) -> &'a str {
    let at = row
        .find(&format!("data-label=\"{label}\""))
        .unwrap_or_else(|| panic!("no {label} in {row}"));
    let rest = &row[at..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</t").unwrap();
    &rest[open..close]
}

#[tokio::test]
async fn every_school_shows_the_same_day_between_the_cut_offs_with_that_days_reports() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    let board = b.login("board", BOARD_PASSWORD).await;
    let (status, page) = b.get(&board, "/board").await;
    assert_eq!(status, 200);
    let today = b.today;
    // Both schools' rows link to today's lists, the early school's too:
    // its cut-off (08:30) has passed, yet the board shows today, not the
    // next school day that evening calls are for.
    for school in ["early", "late"] {
        assert!(
            page.contains(&format!("href=\"/schools/{school}/days/{today}\"")),
            "{school} shows {today}: {page}"
        );
    }
    assert!(
        !page.contains(&format!("/days/{}\"", today.succ_opt().unwrap())),
        "no school on the next day"
    );
    let early = row(&page, "あおば小学校");
    assert_eq!(cell(early, "欠席"), "7", "{early}");
    assert_eq!(cell(early, "病欠"), "6");
    assert_eq!(cell(early, "出席停止"), "4", "the four influenza cases");
    assert_eq!(cell(early, "遅刻"), "1");
}

#[tokio::test]
async fn district_totals_rates_levels_and_sorting_by_rate() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    let board = b.login("board", BOARD_PASSWORD).await;
    let (_, page) = b.get(&board, &format!("/board?day={}", b.today)).await;
    let early = row(&page, "あおば小学校");
    assert_eq!(cell(early, "在籍"), "80", "from the config's table");
    assert_eq!(cell(early, "病欠率"), "7.5%");
    assert_eq!(cell(early, "水準"), "注意", "below the 8% warning");
    assert!(early.contains("class=\"school lv2\""), "{early}");
    let late = row(&page, "さくら中学校");
    assert_eq!(cell(late, "在籍"), "4", "from the roster");
    assert_eq!(cell(late, "病欠率"), "25.0%");
    assert_eq!(cell(late, "水準"), "閉鎖検討");
    assert_eq!(cell(late, "インフルエンザ様疾患"), "1", "38.4 with a cough");
    // District: 7 ill of 84.
    let foot = &page[page.find("<tfoot>").unwrap()..page.find("</tfoot>").unwrap()];
    for n in [">84<", ">8<", ">7<", ">8.3%<", ">4<", ">1<"] {
        assert!(foot.contains(n), "{n} in {foot}");
    }
    // By name, then by rate.
    let order = |p: &str| p.find("あおば小学校</a>").unwrap() < p.find("さくら中学校</a>").unwrap();
    assert!(order(&page), "by name: あおば first");
    assert!(page.contains("sort=rate"), "a link sorts by rate");
    let (_, by_rate) = b
        .get(&board, &format!("/board?day={}&sort=rate", b.today))
        .await;
    assert!(!order(&by_rate), "by rate: さくら (25%) first");
    // The legend says the bands in words and numbers.
    assert!(page.contains("閉鎖検討</strong> ≥ 15%"), "{page}");
    // English as the other pages.
    let (_, en) = b
        .get(&board, &format!("/board?day={}&lang=en", b.today))
        .await;
    assert!(en.contains("Aoba Elementary") && en.contains("Ill rate"));
}

#[tokio::test]
async fn the_drill_down_counts_a_grade_and_a_class() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    // Yesterday's cases are on yesterday only.
    let yesterday = b.today - chrono::TimeDelta::days(1);
    b.report("early", influenza("70009".into(), "1", "1", yesterday))
        .await;
    let board = b.login("board", BOARD_PASSWORD).await;
    let q = format!("day={}", b.today);
    let (status, school) = b.get(&board, &format!("/board/schools/early?{q}")).await;
    assert_eq!(status, 200);
    let g1 = row(&school, "1年");
    assert_eq!(cell(g1, "在籍"), "40");
    assert_eq!(cell(g1, "病欠"), "5");
    assert_eq!(cell(g1, "病欠率"), "12.5%");
    assert_eq!(cell(g1, "出席停止"), "4");
    assert_eq!(cell(g1, "出席停止の内訳"), "インフルエンザ 4");
    let g2 = row(&school, "2年");
    assert_eq!((cell(g2, "欠席"), cell(g2, "病欠")), ("2", "1"));
    assert!(school.contains("<svg"), "the grades' trend");

    let (status, grade) = b
        .get(&board, &format!("/board/schools/early/grades/1?{q}"))
        .await;
    assert_eq!(status, 200);
    let c1 = row(&grade, "1年1組");
    assert_eq!(cell(c1, "在籍"), "20");
    assert_eq!(cell(c1, "病欠率"), "20.0%");
    assert_eq!(cell(c1, "水準"), "閉鎖検討", "20% of a class");
    let c2 = row(&grade, "1年2組");
    assert_eq!(cell(c2, "病欠率"), "5.0%");

    let (status, class) = b
        .get(
            &board,
            &format!("/board/schools/early/grades/1/classes/1?{q}"),
        )
        .await;
    assert_eq!(status, 200);
    let title = |d: NaiveDate| {
        let weekday =
            ["月", "火", "水", "木", "金", "土", "日"][d.weekday().num_days_from_monday() as usize];
        format!("{}年{}月{}日({weekday})", d.year(), d.month(), d.day())
    };
    let on_today = row(&class, &title(b.today));
    let on_yesterday = row(&class, &title(yesterday));
    assert_eq!(cell(on_today, "出席停止"), "4", "{on_today}");
    assert_eq!(cell(on_yesterday, "出席停止"), "1", "{on_yesterday}");
    let (status, _) = b
        .get(
            &board,
            &format!("/board/schools/early/grades/1/classes/9?{q}"),
        )
        .await;
    assert_eq!(status, 404, "no such class");
}

#[tokio::test]
async fn a_school_sees_its_own_dashboard_only_and_no_board_page_names_a_child() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    let early = b.login("early", DAIICHI_PASSWORD).await;
    for path in [
        "/board",
        "/board/schools/late",
        "/board/schools/late/grades/3",
    ] {
        let (status, body) = b.get(&early, path).await;
        assert_eq!(status, 403, "{path}");
        assert!(!body.contains("さくら中学校"), "{path}");
    }
    let (status, own) = b.get(&early, "/board/schools/early").await;
    assert_eq!(status, 200);
    assert!(own.contains("1年"), "{own}");
    let late = b.login("late", CHUO_PASSWORD).await;
    let (status, _) = b.get(&late, "/board/schools/late/grades/3/classes/1").await;
    assert_eq!(status, 200);

    let board = b.login("board", BOARD_PASSWORD).await;
    let q = format!("day={}", b.today);
    for path in [
        format!("/board?{q}"),
        format!("/board?{q}&sort=rate"),
        format!("/board/schools/early?{q}"),
        format!("/board/schools/early/grades/1?{q}"),
        format!("/board/schools/early/grades/1/classes/1?{q}"),
        format!("/board/schools/late?{q}"),
        format!("/board/schools/late/grades/3?{q}"),
        format!("/board/schools/late/grades/3/classes/1?{q}"),
    ] {
        let (status, body) = b.get(&board, &path).await;
        assert_eq!(status, 200, "{path}");
        for secret in SECRETS {
            assert!(!body.contains(secret), "{path} shows {secret}");
        }
    }
    let (status, _) = b.get(&board, "/board?day=2026-13-01").await;
    assert_eq!(status, 400);
    let (status, _) = b.get(&board, "/board?from=2026-11-30&to=2026-11-01").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn the_alert_list_says_which_classes_counts_rule_and_level() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    // Yesterday: influenza in two classes of grade 1, two of them in 1-1.
    let yesterday = b.today - chrono::TimeDelta::days(1);
    for (student, class) in [("70011", "1"), ("70012", "1"), ("70013", "2")] {
        b.report("early", influenza(student.into(), "1", class, yesterday))
            .await;
    }
    let board = b.login("board", BOARD_PASSWORD).await;
    let (_, page) = b.get(&board, &format!("/board?day={}", b.today)).await;
    // Today: 1-1 at the closure level (4 of 20), a sharp rise at あおば
    // (6 ill against a mean of 0.6), さくら's school rate (1 of 4).
    assert_eq!(cell(row(&page, "あおば小学校"), "警報"), "2");
    assert_eq!(cell(row(&page, "さくら中学校"), "警報"), "1");
    assert!(
        page.contains(&format!(
            "href=\"/board/schools/early/grades/1/classes/1?day={}&amp;",
            b.today
        )),
        "the alert links to its class: {page}"
    );
    let (status, list) = b
        .get(
            &board,
            &format!("/board/alerts?from={yesterday}&to={}", b.today),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        list.matches("<tr class=\"alert alert-").count(),
        5,
        "{list}"
    );
    for text in [
        "1年1組: 病欠 4 / 在籍 20（20.0%）、基準 20% 以上",
        "1年1組: 病欠 2 / 在籍 20（10.0%）、基準 10% 以上",
        "1年の 2 学級でインフルエンザ（計 3 人）",
        "学校全体: 病欠 1 / 在籍 4（25.0%）、基準 15% 以上",
        "病欠 6 人、直前の登校日の平均 0.6 人の 2 倍以上",
    ] {
        assert!(list.contains(text), "{text} in {list}");
    }
    assert!(
        list.find("alert-closure").unwrap() < list.find("alert-warning").unwrap(),
        "the newest day first, its closure levels first"
    );

    let res = board
        .get(format!(
            "{}/board/alerts.json?from={yesterday}&to={}",
            b.base, b.today
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let json: serde_json::Value = res.json().await.unwrap();
    let alerts = json["alerts"].as_array().unwrap();
    assert_eq!(alerts.len(), 5);
    let class_rate = alerts
        .iter()
        .find(|a| a["rule"] == "class-rate" && a["level"] == "closure")
        .unwrap();
    assert_eq!(class_rate["school"], "early");
    assert_eq!(class_rate["school_day"], b.today.to_string());
    assert_eq!(class_rate["count"], 4);
    assert_eq!(class_rate["enrolment"], 20);
    assert_eq!(class_rate["classes"][0]["class"]["grade"], "1");
    let spread = alerts.iter().find(|a| a["rule"] == "grade-spread").unwrap();
    assert_eq!(spread["cause"], "influenza");
    assert_eq!(spread["classes"].as_array().unwrap().len(), 2);

    // The school's dashboard shows its own day's alerts.
    let (_, school) = b
        .get(&board, &format!("/board/schools/early?day={}", b.today))
        .await;
    assert_eq!(school.matches("<tr class=\"alert alert-").count(), 2);

    let early = b.login("early", DAIICHI_PASSWORD).await;
    for path in ["/board/alerts", "/board/alerts.json"] {
        let (status, _) = b.get(&early, path).await;
        assert_eq!(status, 403, "{path}");
    }
}

/// The board's pages keep each school's counts between looks: a report
/// saved since (here through another connection, as another process
/// would) shows on the next look, on the district view and the alert list.
#[tokio::test]
async fn a_report_saved_between_two_looks_shows_on_the_next() {
    let b = spawn_board().await;
    todays_reports(&b).await;
    let board = b.login("board", BOARD_PASSWORD).await;
    let day = format!("/board?day={}", b.today);
    let alerts = format!("/board/alerts?from={0}&to={0}", b.today);
    let (_, page) = b.get(&board, &day).await;
    assert_eq!(cell(row(&page, "さくら中学校"), "病欠"), "1");
    let (_, list) = b.get(&board, &alerts).await;
    let before = list.matches("<tr class=\"alert alert-").count();
    // Two more ill in 3-1 of さくら: 3 of its 4 students.
    for n in 2..=3 {
        b.report("late", ill(format!("7100{n}"), "3", "1", "fever", b.today))
            .await;
    }
    let (_, page) = b.get(&board, &day).await;
    assert_eq!(cell(row(&page, "さくら中学校"), "病欠"), "3");
    let (_, list) = b.get(&board, &alerts).await;
    assert!(
        list.matches("<tr class=\"alert alert-").count() > before,
        "the class-rate alert of 3-1 is listed: {list}"
    );
    assert!(list.contains("3年1組"), "{list}");
}

/// axe-core's script: `AXE_CORE_JS`, or where `.ci/run` installs it.
fn axe_source() -> String {
    let path = std::env::var("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/npm/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is needed at {} ({e}): npm install --prefix target/npm axe-core@4 (.ci/run does)",
            path.display()
        )
    })
}

/// axe-core's serious and critical violations on the page shown.
async fn serious_violations(browser: &Browser, axe: &str) -> Vec<String> {
    let v = browser
        .execute_async(&format!(
            "{axe}\nconst done = arguments[arguments.length - 1];\
             axe.run(document, {{ resultTypes: ['violations'] }}).then(r => done(r.violations\
               .filter(v => v.impact === 'serious' || v.impact === 'critical')\
               .map(v => v.id + ': ' + v.help + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));"
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

async fn scroll_to(browser: &Browser, css: &str) {
    browser
        .execute_async(&format!(
            "document.querySelector({css:?}).scrollIntoView(); arguments[arguments.length - 1](null);"
        ))
        .await;
}

fn shots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

#[tokio::test]
async fn the_board_drills_down_to_a_class_in_a_browser_on_a_projector_and_a_phone() {
    let axe = axe_source();
    let b = spawn_board().await;
    // Four weeks of a winter: a few ill every day, an influenza wave
    // building in 1-1 and a cold in さくら.
    for k in 0..20i64 {
        let d = b.today - chrono::TimeDelta::days(k);
        let wave = (20 - k) / 4;
        for n in 0..wave {
            b.report("early", influenza(format!("8{k:02}{n}"), "1", "1", d))
                .await;
        }
        let symptom =
            ["fever", "headache", "respiratory", "diarrhoea", "vomiting"][(k % 5) as usize];
        b.report("early", ill(format!("82{k:02}"), "2", "1", symptom, d))
            .await;
        if k % 3 == 0 {
            b.report("late", ill(format!("9{k:02}"), "3", "1", "fever", d))
                .await;
        }
    }
    let browser = Browser::start().await;
    browser.goto(&format!("{}/login", b.base)).await;
    browser.click("#account option[value='board']").await;
    browser.type_into("#password", BOARD_PASSWORD).await;
    browser.click("button.primary").await;
    assert_eq!(
        browser.wait_for("table.district", 1).await,
        1,
        "the dashboard opens"
    );
    assert_eq!(browser.count("table.heat tbody tr").await, 2);
    assert_eq!(browser.count("svg.chart").await, 2, "symptoms and diseases");
    browser
        .screenshot(&shots().join("board-01-district.png"))
        .await;
    let v = serious_violations(&browser, &axe).await;
    assert!(v.is_empty(), "axe on the district view: {v:#?}");
    browser.set_window_size(390, 844).await;
    browser
        .screenshot(&shots().join("board-02-district-390.png"))
        .await;
    scroll_to(&browser, ".heat-wrap").await;
    browser
        .screenshot(&shots().join("board-02b-heat-390.png"))
        .await;
    browser.set_window_size(1280, 1400).await;
    browser.click("a[href^='/board/alerts?']").await;
    assert!(
        browser.wait_for("tr.alert", 1).await >= 1,
        "the wave in 1-1 is an alert"
    );
    browser
        .screenshot(&shots().join("board-02c-alerts.png"))
        .await;
    let v = serious_violations(&browser, &axe).await;
    assert!(v.is_empty(), "axe on the alert list: {v:#?}");
    browser.goto(&format!("{}/board", b.base)).await;

    // School → grade → class, by the links a person follows.
    browser
        .click("table.district a[href^='/board/schools/early']")
        .await;
    assert_eq!(browser.wait_for("table.drill", 1).await, 1);
    browser
        .screenshot(&shots().join("board-03-school.png"))
        .await;
    let v = serious_violations(&browser, &axe).await;
    assert!(v.is_empty(), "axe on the school: {v:#?}");
    browser.click("table.drill a[href*='/grades/1?']").await;
    assert_eq!(
        browser
            .wait_for("table.drill a[href*='/classes/1?']", 1)
            .await,
        1
    );
    browser.click("table.drill a[href*='/classes/1?']").await;
    assert_eq!(browser.wait_for("table.days-table", 1).await, 1);
    let url = browser.url().await;
    assert!(
        url.contains("/board/schools/early/grades/1/classes/1"),
        "{url}"
    );
    assert_eq!(browser.count("table.days-table tbody tr").await, 20);
    browser
        .screenshot(&shots().join("board-04-class.png"))
        .await;
    let v = serious_violations(&browser, &axe).await;
    assert!(v.is_empty(), "axe on the class: {v:#?}");
    browser.set_window_size(390, 844).await;
    browser
        .screenshot(&shots().join("board-05-class-390.png"))
        .await;
    browser.set_window_size(1280, 1400).await;

    // The school's surveillance sheet for the day.
    let sheet = browser
        .attribute("nav.tools a[href*='/sheet/']", "href")
        .await;
    assert!(
        sheet.ends_with(&format!("/schools/early/sheet/{}", b.today)),
        "{sheet}"
    );
    browser.click("nav.tools a[href*='/sheet/']").await;
    // The sheet is another branch's page: shown once it is there.
    if browser.count("main").await == 1 && !browser.source().await.contains("見つかりません")
    {
        browser
            .screenshot(&shots().join("board-06-sheet.png"))
            .await;
    }
    browser.quit().await;
}
