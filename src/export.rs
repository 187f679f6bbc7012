//! Exports of a school's reports for its records system: CSV (UTF-8 with a
//! BOM, so Excel opens Japanese correctly) and JSON.

use crate::store::ReportRow;

/// Column names, in order; documented in the README.
pub const CSV_COLUMNS: [&str; 18] = [
    "reference",
    "school_day",
    "received_at",
    "student",
    "grade",
    "class",
    "attendance_no",
    "kind",
    "reason",
    "symptom",
    "temperature",
    "disease",
    "time",
    "recording_url",
    "language",
    "channel",
    "caller",
    "call_sid",
];

pub fn to_csv(rows: &[ReportRow]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(CSV_COLUMNS).expect("write to Vec");
        for r in rows {
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            w.write_record([
                r.reference.to_string(),
                r.school_day.clone(),
                r.received_at.clone(),
                opt(&r.student),
                opt(&r.grade),
                opt(&r.class),
                opt(&r.attendance_no),
                opt(&r.kind),
                opt(&r.reason),
                opt(&r.symptom),
                r.temperature.map(|t| format!("{t:.1}")).unwrap_or_default(),
                opt(&r.disease),
                opt(&r.time),
                opt(&r.recording_url),
                r.language.clone(),
                r.channel.clone(),
                opt(&r.caller),
                r.call_sid.clone(),
            ])
            .expect("write to Vec");
        }
        w.flush().expect("write to Vec");
    }
    out
}

pub fn to_json(rows: &[ReportRow]) -> String {
    serde_json::to_string_pretty(rows).expect("reports serialise")
}
