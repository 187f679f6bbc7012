//! A call's progress: where it is in the flow, in which language, what the
//! caller has answered so far and how many tries the current step has had.
//!
//! Small enough to travel with each request (the Twilio channel carries it in
//! the action URL), so any instance can serve the next step of any call and a
//! restart loses nothing. [`CallState::to_pairs`] / [`CallState::from_pairs`]
//! give a flat, validated key/value form for that.

use std::collections::BTreeMap;

use super::model::is_name;
use crate::domain::LangTag;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallState {
    /// The step waiting for input, by name so it survives a flow reload.
    pub step: String,
    pub lang: LangTag,
    pub answers: BTreeMap<String, String>,
    pub no_input: u8,
    pub no_match: u8,
    /// How many reports this call has saved: keys the next save so a
    /// repeated request stores it once.
    pub saved: u16,
    /// The step to go back to after `*` and a language choice.
    pub ret: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("call state is missing {0:?}")]
    Missing(&'static str),
    #[error("call state field {0:?} is malformed")]
    Malformed(String),
}

/// Room for a family of `MAX_CHILDREN` (six answers each: number, grade,
/// class, attendance number, reading, name) besides the report's own.
const MAX_ANSWERS: usize = 80;
const MAX_VALUE_LEN: usize = 512;

impl CallState {
    pub fn new(step: &str, lang: LangTag) -> Self {
        CallState {
            step: step.to_owned(),
            lang,
            answers: BTreeMap::new(),
            no_input: 0,
            no_match: 0,
            saved: 0,
            ret: None,
        }
    }

    /// Flat pairs: `s` step, `l` language, `t` tries and saves, `a.NAME` answers.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::with_capacity(4 + self.answers.len());
        self.each_pair(|k, v| out.push((k.to_owned(), v.to_owned())));
        out
    }

    /// The pairs of [`to_pairs`](Self::to_pairs), handed to `f` one by one
    /// without building them: every answer a webhook gives writes them into
    /// its action URL.
    pub fn each_pair(&self, mut f: impl FnMut(&str, &str)) {
        f("s", &self.step);
        f("l", self.lang.as_str());
        let mut buf = String::with_capacity(32);
        crate::decimal::push(&mut buf, self.no_input.into());
        buf.push('.');
        crate::decimal::push(&mut buf, self.no_match.into());
        buf.push('.');
        crate::decimal::push(&mut buf, self.saved.into());
        f("t", &buf);
        if let Some(r) = &self.ret {
            f("r", r);
        }
        for (k, v) in &self.answers {
            buf.clear();
            buf.push_str("a.");
            buf.push_str(k);
            f(&buf, v);
        }
    }

    /// Read pairs written by [`to_pairs`](Self::to_pairs); other keys are
    /// ignored so a channel can put its own beside them.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, StateError> {
        let (mut step, mut lang, mut tries, mut ret) = (None, None, None, None);
        let mut answers = BTreeMap::new();
        for (k, v) in pairs {
            match k {
                "s" if is_name(v) => step = Some(v.to_owned()),
                "l" => {
                    lang = Some(LangTag::parse(v).map_err(|_| StateError::Malformed("l".into()))?)
                }
                "t" => {
                    tries = Some(parse_tries(v).ok_or_else(|| StateError::Malformed("t".into()))?)
                }
                "s" => return Err(StateError::Malformed("s".into())),
                "r" if is_name(v) => ret = Some(v.to_owned()),
                "r" => return Err(StateError::Malformed("r".into())),
                _ => {
                    if let Some(name) = k.strip_prefix("a.") {
                        if !is_name(name) || v.len() > MAX_VALUE_LEN || answers.len() >= MAX_ANSWERS
                        {
                            return Err(StateError::Malformed(k.chars().take(40).collect()));
                        }
                        answers.insert(name.to_owned(), v.to_owned());
                    }
                }
            }
        }
        let (no_input, no_match, saved) = tries.ok_or(StateError::Missing("t"))?;
        Ok(CallState {
            step: step.ok_or(StateError::Missing("s"))?,
            lang: lang.ok_or(StateError::Missing("l"))?,
            answers,
            no_input,
            no_match,
            saved,
            ret,
        })
    }
}

fn parse_tries(v: &str) -> Option<(u8, u8, u16)> {
    let mut it = v.split('.');
    let t = (
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    );
    it.next().is_none().then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn pairs_round_trip(
            step in "[a-z][a-z0-9-]{0,20}",
            answers in proptest::collection::btree_map("[a-z][a-z_]{0,10}", "\\PC{0,60}", 0..10),
            ni in 0u8..9, nm in 0u8..9, saved in 0u16..100,
        ) {
            let s = CallState { step, lang: LangTag::parse("ja").unwrap(), answers, no_input: ni, no_match: nm, saved, ret: None };
            let pairs = s.to_pairs();
            let back = CallState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
            prop_assert_eq!(back, s);
        }

        #[test]
        fn arbitrary_pairs_never_panic(pairs in proptest::collection::vec(("\\PC{0,8}", "\\PC{0,20}"), 0..12)) {
            let _ = CallState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
    }

    #[test]
    fn refuses_bad_fields() {
        let bad = [("s", "x/../y"), ("l", "ja"), ("t", "0.0.0")];
        assert!(CallState::from_pairs(bad).is_err());
        assert!(CallState::from_pairs([("s", "kind"), ("l", "ja")]).is_err());
        assert!(CallState::from_pairs([("s", "kind"), ("l", "ja"), ("t", "1.2")]).is_err());
    }
}
