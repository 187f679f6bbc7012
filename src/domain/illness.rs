//! What a report says about an illness, in the national surveillance's own
//! categories (学校等欠席者・感染症情報システム): the symptoms a parent gave
//! (several at once), whether they make an influenza-like illness, and the
//! disease behind an attendance suspension (出席停止).
//!
//! The values are the words the call flow stores (`symptom = "fever,respiratory"`,
//! `disease = "influenza"`), so the flow file, the store and the sheet agree
//! on one spelling.

use std::fmt;

/// One of the national system's symptom categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Symptom {
    /// 発熱 (with the measured temperature).
    Fever,
    /// 頭痛.
    Headache,
    /// 呼吸器症状: cough, runny or blocked nose, sore throat (asthma too).
    Respiratory,
    /// 下痢・腹痛.
    Diarrhoea,
    /// 嘔気・嘔吐.
    Vomiting,
    /// 発疹.
    Rash,
    /// その他.
    Other,
}

impl Symptom {
    /// In the order the national system's entry screen lists them.
    pub const ALL: [Symptom; 7] = [
        Symptom::Fever,
        Symptom::Headache,
        Symptom::Respiratory,
        Symptom::Diarrhoea,
        Symptom::Vomiting,
        Symptom::Rash,
        Symptom::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Symptom::Fever => "fever",
            Symptom::Headache => "headache",
            Symptom::Respiratory => "respiratory",
            Symptom::Diarrhoea => "diarrhoea",
            Symptom::Vomiting => "vomiting",
            Symptom::Rash => "rash",
            Symptom::Other => "other",
        }
    }

    /// The stored word. `digestive` is what the line stored before
    /// stomach ache and vomiting were asked apart ("stomach ache,
    /// diarrhoea or vomiting"); it counts as diarrhoea or stomach ache.
    pub fn parse(s: &str) -> Option<Symptom> {
        Some(match s {
            "fever" => Symptom::Fever,
            "headache" => Symptom::Headache,
            "respiratory" => Symptom::Respiratory,
            "diarrhoea" | "digestive" => Symptom::Diarrhoea,
            "vomiting" => Symptom::Vomiting,
            "rash" => Symptom::Rash,
            "other" => Symptom::Other,
            _ => return None,
        })
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Every symptom a parent gave, each once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Symptoms(u8);

impl Symptoms {
    /// A stored list (`fever,respiratory`). Words that are not symptoms are
    /// left out: a symptom list is never refused whole for one bad word.
    pub fn parse(list: &str) -> Symptoms {
        list.split(',')
            .filter_map(|w| Symptom::parse(w.trim()))
            .collect()
    }

    pub fn contains(self, s: Symptom) -> bool {
        self.0 & s.bit() != 0
    }

    pub fn insert(&mut self, s: Symptom) {
        self.0 |= s.bit();
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// In the national order.
    pub fn iter(self) -> impl Iterator<Item = Symptom> {
        Symptom::ALL.into_iter().filter(move |s| self.contains(*s))
    }

    /// Influenza-like illness as the national system defines it: 38.0 °C
    /// or more together with a respiratory symptom. A fever without a
    /// reading is not counted: nobody measured 38.
    pub fn is_ili(self, temperature: Option<f64>) -> bool {
        self.contains(Symptom::Respiratory) && temperature.is_some_and(|t| t >= 38.0 - 1e-9)
    }
}

impl FromIterator<Symptom> for Symptoms {
    fn from_iter<I: IntoIterator<Item = Symptom>>(iter: I) -> Self {
        let mut set = Symptoms::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

/// The stored form: the words in the national order, comma-separated.
impl fmt::Display for Symptoms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(s.as_str())?;
        }
        Ok(())
    }
}

/// A disease that suspends attendance (学校保健安全法施行規則 第18条), as
/// parents key it. The keypad offers the ones schools see most; the rest is
/// `Other` (the parent may name it in the voice message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Disease {
    /// インフルエンザ (第二種).
    Influenza,
    /// 流行性耳下腺炎 (mumps, 第二種).
    Mumps,
    /// 水痘 (chickenpox, 第二種).
    Chickenpox,
    /// 咽頭結膜熱 (pharyngoconjunctival fever, adenovirus; 第二種).
    Pharyngoconjunctival,
    /// 新型コロナウイルス感染症 (第二種 since 2023).
    Covid19,
    /// 感染性胃腸炎 (norovirus, rotavirus; 第三種 その他).
    Gastroenteritis,
    /// 溶連菌感染症 (streptococcal pharyngitis; 第三種 その他).
    Strep,
    /// 手足口病 (hand, foot and mouth disease; 第三種 その他).
    HandFootMouth,
    /// その他.
    Other,
}

impl Disease {
    /// In the regulation's order (第二種 as article 18 lists them, then
    /// 第三種), which is the order of the sheet's columns.
    pub const ALL: [Disease; 9] = [
        Disease::Influenza,
        Disease::Mumps,
        Disease::Chickenpox,
        Disease::Pharyngoconjunctival,
        Disease::Covid19,
        Disease::Gastroenteritis,
        Disease::Strep,
        Disease::HandFootMouth,
        Disease::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Disease::Influenza => "influenza",
            Disease::Mumps => "mumps",
            Disease::Chickenpox => "chickenpox",
            Disease::Pharyngoconjunctival => "pharyngoconjunctival-fever",
            Disease::Covid19 => "covid-19",
            Disease::Gastroenteritis => "gastroenteritis",
            Disease::Strep => "strep",
            Disease::HandFootMouth => "hand-foot-mouth",
            Disease::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Disease> {
        Disease::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

impl fmt::Display for Disease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_list_is_stored_in_the_national_order_each_once() {
        let s = Symptoms::parse("rash,fever,rash, respiratory,nonsense");
        assert_eq!(s.to_string(), "fever,respiratory,rash");
        assert_eq!(Symptoms::parse("").to_string(), "");
        assert!(Symptoms::parse("").is_empty());
    }

    #[test]
    fn the_old_digestive_counts_as_diarrhoea_or_stomach_ache() {
        let s = Symptoms::parse("digestive");
        assert!(s.contains(Symptom::Diarrhoea));
        assert!(!s.contains(Symptom::Vomiting));
    }

    #[test]
    fn ili_needs_38_and_a_respiratory_symptom() {
        let both = Symptoms::parse("fever,respiratory");
        assert!(both.is_ili(Some(38.0)));
        assert!(both.is_ili(Some(39.2)));
        assert!(!both.is_ili(Some(37.9)));
        assert!(!both.is_ili(None));
        assert!(!Symptoms::parse("fever").is_ili(Some(39.0)));
        // The temperature is what makes it, not the word "fever".
        assert!(Symptoms::parse("respiratory").is_ili(Some(38.4)));
    }

    #[test]
    fn every_disease_word_round_trips() {
        for d in Disease::ALL {
            assert_eq!(Disease::parse(d.as_str()), Some(d));
        }
        assert_eq!(Disease::parse("plague"), None);
    }

    proptest! {
        #[test]
        fn stored_lists_round_trip(bits in 0u8..128) {
            let s: Symptoms = Symptom::ALL.into_iter().filter(|x| bits & x.bit() != 0).collect();
            prop_assert_eq!(Symptoms::parse(&s.to_string()), s);
        }
    }
}
