use std::fmt;

use super::DomainError;

/// Keys pressed on a telephone keypad: `0-9`, `*` and `#`, at most 32 of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Digits(String);

impl Digits {
    pub const MAX_LEN: usize = 32;

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        if s.len() <= Self::MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b == b'*' || b == b'#')
        {
            Ok(Digits(s.to_owned()))
        } else {
            Err(DomainError::Digits)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn keypad_strings_parse(s in "[0-9*#]{0,32}") {
            let d = Digits::parse(&s).unwrap();
            prop_assert_eq!(d.as_str(), s.as_str());
        }

        #[test]
        fn anything_else_is_refused(s in ".*[^0-9*#].*") {
            prop_assert!(Digits::parse(&s).is_err());
        }
    }

    #[test]
    fn too_long_is_refused() {
        assert!(Digits::parse(&"1".repeat(33)).is_err());
    }
}
