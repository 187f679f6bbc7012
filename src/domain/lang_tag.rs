use std::fmt;

use unic_langid::LanguageIdentifier;

use super::DomainError;

/// A BCP 47 language tag in its canonical form (`ja`, `en`, `zh-CN`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangTag(String);

impl LangTag {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        if s.is_empty() || s.len() > 35 {
            return Err(DomainError::LangTag(s.chars().take(40).collect()));
        }
        let id: LanguageIdentifier = s.parse().map_err(|_| DomainError::LangTag(s.to_owned()))?;
        Ok(LangTag(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn langid(&self) -> LanguageIdentifier {
        self.0.parse().expect("validated on parse")
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LangTag::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises() {
        assert_eq!(LangTag::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert_eq!(LangTag::parse("zh-CN").unwrap().as_str(), "zh-CN");
    }

    #[test]
    fn refuses_garbage() {
        for bad in ["", "../ja", "ja JP", "x"] {
            assert!(LangTag::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
