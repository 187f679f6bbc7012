//! The roster file's bytes as text: UTF-8 (with or without BOM) or
//! Shift_JIS, as Excel saves "CSV" on a Japanese PC; anything else is
//! refused where it goes wrong.

use std::borrow::Cow;
use std::fmt;

use crate::diagnostics::Located;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    ShiftJis,
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 with BOM",
            SourceEncoding::ShiftJis => "Shift_JIS",
        })
    }
}

/// The file's text: UTF-8 (a BOM is dropped), or else Shift_JIS (Windows'
/// code page 932, as Excel saves "CSV" on a Japanese PC).
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<(Cow<'a, str>, SourceEncoding), Located> {
    let at_start = |message: &str| Located::file_start(file, message);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(at_start(
            "this file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8 (comma delimited)\" or \"CSV (comma delimited)\"",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), SourceEncoding::Utf8Bom)),
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default();
                Err(Located::at(
                    file,
                    valid,
                    valid.len(),
                    "this file starts with a UTF-8 BOM but is not UTF-8 from here on; save it again as \"CSV UTF-8 (comma delimited)\"",
                ))
            }
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), SourceEncoding::Utf8)),
        Err(e) => {
            let (text, malformed) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
            if !malformed {
                return Ok((Cow::Owned(text.into_owned()), SourceEncoding::ShiftJis));
            }
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(Located::at(
                file,
                valid,
                valid.len(),
                "this file is neither UTF-8 nor Shift_JIS from here on; save it from Excel as \"CSV UTF-8 (comma delimited)\"",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::test_support::*;

    #[test]
    fn a_bom_is_skipped_in_text_and_in_bytes() {
        let text = format!("\u{feff}{}", row("10203,1,2,3,山田 花子,やまだ,"));
        assert_eq!(ok(&text).len(), 1);
        let (r, enc) = Roster::parse_bytes(text.as_bytes(), "roster.csv").unwrap();
        assert_eq!((r.len(), enc), (1, SourceEncoding::Utf8Bom));
        // The BOM is not a column.
        let e = error(&format!(
            "\u{feff}{}",
            row("１０２０３,1,2,3,山田 花子,やまだ,")
        ));
        assert!(e.starts_with("roster.csv:2:1: "), "{e}");
    }

    #[test]
    fn shift_jis_files_are_read_and_errors_located() {
        let text = "生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話\r\n10203,1,2,3,山田 花子,やまだ はなこ,090-1234-5678\r\n10215,1,い,0,佐藤 健太,さとう けんた,\r\n";
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(text);
        assert!(!bad);
        assert!(std::str::from_utf8(&sjis).is_err(), "really not UTF-8");
        let (r, enc) = Roster::parse_bytes(&ok_row_fixed(&sjis), "roster.csv").unwrap();
        assert_eq!(enc, SourceEncoding::ShiftJis);
        assert_eq!(r.get("10203").unwrap().name, "山田 花子");
        assert_eq!(r.get("10203").unwrap().kana, "やまだ はなこ");
        let e = Roster::parse_bytes(&sjis, "roster.csv").unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "roster.csv:3:11: attendance number \"0\" must be a number from 1 to 99"
        );
    }

    /// The Shift_JIS file above with its bad attendance number fixed.
    fn ok_row_fixed(sjis: &[u8]) -> Vec<u8> {
        let (text, _, _) = encoding_rs::SHIFT_JIS.decode(sjis);
        let text = text.replace(",い,0,", ",い,1,");
        let (fixed, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        fixed.into_owned()
    }

    #[test]
    fn bytes_that_are_neither_utf8_nor_shift_jis_are_refused_where_they_go_wrong() {
        let mut bytes = HEAD.as_bytes().to_vec();
        bytes.extend_from_slice(b"10203,1,2,3,\xFF\xFF,,\n");
        let e = Roster::parse_bytes(&bytes, "roster.csv").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(
            e[0].to_string()
                .starts_with("roster.csv:2:13: this file is neither UTF-8 nor Shift_JIS"),
            "{}",
            e[0]
        );
        let e = Roster::parse_bytes(b"\xFF\xFEs\0t\0", "roster.csv").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("roster.csv:1:1: this file is UTF-16"),
            "{}",
            e[0]
        );
    }
}
