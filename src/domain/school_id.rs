use std::fmt;

use super::DomainError;

/// A school's id as it appears in URLs, file names and the config.
///
/// Restricted to `[a-z0-9-]` so it is safe as a file name and a path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolId(String);

impl SchoolId {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-');
        if ok {
            Ok(SchoolId(s.to_owned()))
        } else {
            Err(DomainError::SchoolId(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SchoolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for SchoolId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SchoolId::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_ids() {
        assert_eq!(SchoolId::parse("sumida-1").unwrap().as_str(), "sumida-1");
    }

    #[test]
    fn refuses_path_tricks_and_odd_characters() {
        for bad in ["", "../etc", "a/b", "Sumida", "-x", "a b", &"x".repeat(41)] {
            assert!(SchoolId::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
