//! The export holds exactly the stored reports.

use std::process::Command;

use crate::helpers::spawn_app;

#[tokio::test]
async fn export_holds_exactly_the_stored_reports() {
    let (app, _dir) = spawn_app().await;
    let mut p = app.phone("daiichi");
    p.dial().await;
    p.press("1").await;
    for student in ["10203#", "30412#"] {
        p.press(student).await;
        p.press("2").await; // absence, another reason
        p.press("6").await; // infectious disease
        p.press("1").await; // influenza
        p.press("1").await; // today
        p.press("1").await; // save
        p.press("1").await; // another child
    }
    let stored = app.reports("daiichi");
    assert_eq!(stored.len(), 2);
    let day = stored[0].school_day.clone();

    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
            .args([
                "--config",
                app.config_path.to_str().unwrap(),
                "export",
                "--school",
                "daiichi",
                "--date",
                &day,
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };

    let csv = run("csv");
    assert!(
        csv.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, absence_line::export::CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), stored.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, r) in rows.iter().zip(&stored) {
        assert_eq!(row[col("reference")], r.reference.to_string());
        assert_eq!(&row[col("school_day")], r.school_day);
        assert_eq!(&row[col("student")], r.student.as_deref().unwrap());
        assert_eq!(&row[col("kind")], "absence");
        assert_eq!(&row[col("kind_label")], "欠席");
        assert_eq!(&row[col("reason")], "infectious");
        assert_eq!(&row[col("disease")], "influenza");
        assert_eq!(&row[col("disease_label")], "インフルエンザ");
        // `+81…` is a formula to a spreadsheet: written as text, with a `'`.
        assert_eq!(
            row[col("caller")],
            format!("'{}", r.caller.as_deref().unwrap())
        );
    }

    let json: Vec<serde_json::Value> = serde_json::from_slice(&run("json")).unwrap();
    assert_eq!(json.len(), 2);
    assert_eq!(json[1]["student"], "30412");
    assert_eq!(json[1]["disease"], "influenza");
    for (j, r) in json.iter().zip(&stored) {
        assert_eq!(j["reference"], r.reference);
        assert_eq!(j["call_sid"], r.call_sid.as_str());
        assert_eq!(j["kind_label"], "欠席");
    }

    // Another day has none of them.
    let other = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .unwrap()
        .pred_opt()
        .unwrap()
        .to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .args([
            "--config",
            app.config_path.to_str().unwrap(),
            "export",
            "--school",
            "daiichi",
            "--date",
            &other,
        ])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    assert_eq!(reader.records().count(), 0);
}
