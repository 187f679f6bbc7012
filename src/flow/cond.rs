//! Conditions on collected answers: `symptom == fever`, `grade is set`,
//! `symptom has fever` (a word of a comma list, what a `choices` step
//! saves), joined with ` and `. Small on purpose: editors read and write
//! them.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cond(Vec<Test>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Test {
    Eq(String, String),
    Ne(String, String),
    /// The answer is a comma list (`fever,respiratory`) holding the word.
    Has(String, String),
    Set(String),
    Unset(String),
}

impl Cond {
    pub fn parse(s: &str) -> Result<Cond, String> {
        let mut tests = Vec::new();
        for part in s.split(" and ") {
            let words: Vec<&str> = part.split_whitespace().collect();
            let test = match words.as_slice() {
                [name, "==", value] => Test::Eq(ident(name)?, (*value).to_owned()),
                [name, "!=", value] => Test::Ne(ident(name)?, (*value).to_owned()),
                [name, "has", value] if !value.contains(',') => {
                    Test::Has(ident(name)?, (*value).to_owned())
                }
                [name, "is", "set"] => Test::Set(ident(name)?),
                [name, "is", "unset"] => Test::Unset(ident(name)?),
                _ => {
                    return Err(format!(
                        "cannot read the condition {part:?}; write `name == value`, `name != value`, `name has value` (one word of a list), `name is set` or `name is unset`, joined with `and`"
                    ));
                }
            };
            tests.push(test);
        }
        Ok(Cond(tests))
    }

    pub fn holds(&self, answers: &BTreeMap<String, String>) -> bool {
        self.0.iter().all(|t| match t {
            Test::Eq(n, v) => answers.get(n) == Some(v),
            Test::Ne(n, v) => answers.get(n) != Some(v),
            Test::Has(n, v) => answers
                .get(n)
                .is_some_and(|list| list.split(',').any(|w| w == v)),
            Test::Set(n) => answers.contains_key(n),
            Test::Unset(n) => !answers.contains_key(n),
        })
    }
}

fn ident(s: &str) -> Result<String, String> {
    if super::model::is_name(s) {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "{s:?} is not an answer name (use a-z, 0-9, - and _)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn evaluates() {
        let a = answers(&[("symptom", "fever"), ("grade", "3")]);
        assert!(Cond::parse("symptom == fever").unwrap().holds(&a));
        assert!(!Cond::parse("symptom != fever").unwrap().holds(&a));
        assert!(
            Cond::parse("grade is set and symptom == fever")
                .unwrap()
                .holds(&a)
        );
        assert!(
            !Cond::parse("grade is set and kind is set")
                .unwrap()
                .holds(&a)
        );
        assert!(Cond::parse("kind is unset").unwrap().holds(&a));
    }

    #[test]
    fn has_finds_a_word_of_a_list() {
        let has_fever = Cond::parse("symptom has fever").unwrap();
        for list in [
            "fever",
            "fever,respiratory",
            "headache,fever",
            "rash,fever,other",
        ] {
            assert!(has_fever.holds(&answers(&[("symptom", list)])), "{list}");
        }
        // A whole word, not a part of one; nothing when unanswered.
        for list in ["respiratory", "feverish", "no-fever,rash", ""] {
            assert!(!has_fever.holds(&answers(&[("symptom", list)])), "{list}");
        }
        assert!(!has_fever.holds(&answers(&[])));
        // `==` still compares the whole answer.
        let a = answers(&[("symptom", "fever,respiratory")]);
        assert!(!Cond::parse("symptom == fever").unwrap().holds(&a));
        assert!(
            Cond::parse("symptom == fever,respiratory")
                .unwrap()
                .holds(&a)
        );
        assert!(
            Cond::parse("symptom has respiratory and symptom has fever")
                .unwrap()
                .holds(&a)
        );
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(Cond::parse("symptom has").is_err());
        assert!(Cond::parse("symptom has fever,rash").is_err());
        assert!(Cond::parse("symptom = fever").is_err());
        assert!(Cond::parse("").is_err());
        assert!(Cond::parse("Sym!ptom is set").is_err());
    }
}
