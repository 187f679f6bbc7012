//! A flow file as TOML gives it, spans kept so every later check can point
//! at file:line:col. `deny_unknown_fields` everywhere: a misspelt field is
//! an error, never silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub(super) flow: RawHeader,
    pub(super) steps: BTreeMap<Spanned<String>, Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub(super) start: Spanned<String>,
    pub(super) timeout: Option<u32>,
    pub(super) tries: Option<u8>,
    pub(super) give_up: Spanned<String>,
    pub(super) no_input: Spanned<String>,
    pub(super) no_match: Spanned<String>,
    pub(super) star: Option<Spanned<String>>,
    pub(super) resume: Option<Spanned<String>>,
    pub(super) resume_message: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    #[serde(rename = "type")]
    pub(super) kind: Spanned<String>,
    pub(super) when: Option<Spanned<String>>,
    pub(super) prompt: Option<Vec<Spanned<RawPrompt>>>,
    pub(super) help: Option<Vec<Spanned<RawPrompt>>>,
    pub(super) timeout: Option<u32>,
    pub(super) tries: Option<u8>,
    pub(super) give_up: Option<Spanned<String>>,
    pub(super) no_input: Option<Spanned<String>>,
    pub(super) no_match: Option<Spanned<String>>,
    pub(super) save_as: Option<Spanned<String>>,
    pub(super) options: Option<BTreeMap<Spanned<String>, Spanned<RawChoice>>>,
    pub(super) default_key: Option<Spanned<String>>,
    pub(super) default: Option<Spanned<RawChoice>>,
    pub(super) min: Option<u32>,
    pub(super) max: Option<u32>,
    pub(super) finish_key: Option<Spanned<String>>,
    pub(super) skip_on_finish_key: Option<bool>,
    pub(super) validate: Option<Spanned<RawValidate>>,
    pub(super) max_length: Option<u32>,
    pub(super) lookup: Option<Spanned<String>>,
    /// A `children` step's list answer (`known`).
    pub(super) list: Option<Spanned<String>>,
    pub(super) required: Option<bool>,
    pub(super) yes: Option<Spanned<RawChoice>>,
    pub(super) no: Option<Spanned<RawChoice>>,
    pub(super) next: Option<Spanned<RawNext>>,
    /// Answers set on entering the step, e.g. `{ today = "$today" }`.
    pub(super) set: Option<Spanned<BTreeMap<String, String>>>,
    /// A digits step: the answer holding its fixed length, if any.
    pub(super) length: Option<Spanned<String>>,
    /// A digits step: said when the entry has the wrong number of keys.
    pub(super) wrong_length: Option<Vec<Spanned<RawPrompt>>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawPrompt {
    Id(String),
    Full(RawPromptFull),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPromptFull {
    pub(super) msg: String,
    pub(super) lang: Option<String>,
    pub(super) when: Option<String>,
    /// Said once per item of this list answer.
    pub(super) each: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice {
    /// Required in a menu; a `choices` step's options have none.
    pub(super) next: Option<Spanned<String>>,
    pub(super) value: Option<String>,
    pub(super) language: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) set: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) clear: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawValidate {
    Named(String),
    Range {
        range: [i64; 2],
        #[serde(default)]
        decimals: u32,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawNext {
    Goto(String),
    Branches(Vec<RawBranch>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBranch {
    pub(super) when: Option<String>,
    pub(super) goto: String,
}
