//! Telephone numbers in one spelling, E.164 (`+819000001203`), so a
//! roster's guardian number written as people write it (`090-0000-1203`,
//! `+81 90 0000 1203`) matches the caller's number as Twilio gives it in
//! `From`. Japanese national numbers (a leading `0`) are taken as `+81`;
//! the roster's format is Japanese, and so are the schools' lines.

use super::CallerId;

/// `raw` in E.164, or `None` if it is no telephone number (a SIP address,
/// a client name, a number without a country or trunk prefix). Hyphens,
/// spaces, dots and brackets are dropped; `0…` becomes `+81…`; `+…` is kept.
pub fn e164(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let (plus, body) = match raw.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | ' ' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    let out = if plus {
        // `+81-090-…`: the trunk 0 kept after the country code by mistake.
        match digits.strip_prefix("810") {
            Some(national) => format!("+81{national}"),
            None => format!("+{digits}"),
        }
    } else if let Some(national) = digits.strip_prefix('0').filter(|n| !n.starts_with('0')) {
        format!("+81{national}")
    } else {
        return None;
    };
    // E.164 allows at most 15 digits; fewer than 8 is no subscriber's number.
    (9..=16).contains(&out.len()).then_some(out)
}

/// Every number of a roster's `phones` field (`;`-separated), in E.164,
/// each once; a value that is no number is left out.
pub fn phones_e164(phones: &str) -> Vec<String> {
    let mut out: Vec<String> = phones.split([';', '/']).filter_map(e164).collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl CallerId {
    /// The caller's number in E.164, if it is a telephone number at all
    /// (a withheld number is no `CallerId`, so never gets here).
    pub fn e164(&self) -> Option<String> {
        e164(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_numbers_become_e164() {
        assert_eq!(e164("090-0000-1203").as_deref(), Some("+819000001203"));
        assert_eq!(e164("03-1111-2222").as_deref(), Some("+81311112222"));
        assert_eq!(e164("0312345678").as_deref(), Some("+81312345678"));
        assert_eq!(e164("+81 90 0000 1203").as_deref(), Some("+819000001203"));
        assert_eq!(e164("+819000001203").as_deref(), Some("+819000001203"));
        assert_eq!(e164("+84 90 000 0101").as_deref(), Some("+84900000101"));
        assert_eq!(e164("(03) 1111-2222").as_deref(), Some("+81311112222"));
    }

    #[test]
    fn what_is_no_number_matches_nothing() {
        for v in [
            "",
            "sip:parent@example.jp",
            "client:alice",
            "anonymous",
            "12345678",      // no trunk or country prefix
            "0012345678901", // an international prefix, not a national number
            "+1",
            "090-0000-12034567890",
        ] {
            assert_eq!(e164(v), None, "{v:?}");
        }
    }

    #[test]
    fn a_roster_field_lists_each_number_once() {
        assert_eq!(
            phones_e164("090-0000-1203;+81 90 0000 1203; 03-1111-2222"),
            vec!["+81311112222".to_owned(), "+819000001203".to_owned()]
        );
        assert!(phones_e164("").is_empty());
    }

    #[test]
    fn a_caller_id_in_e164() {
        let c = CallerId::parse("+819000001203").unwrap();
        assert_eq!(c.e164().as_deref(), Some("+819000001203"));
        assert_eq!(CallerId::parse("client:alice").unwrap().e164(), None);
    }
}
