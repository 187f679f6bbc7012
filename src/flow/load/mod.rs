//! Reading a flow file: TOML → checked [`Flow`], or every mistake found with
//! its file:line:col and what to do about it.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::Cond;
use super::model::*;
use crate::diagnostics::{Located, one_per_line};
use crate::domain::LangTag;

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("{}", one_per_line(.0))]
    Invalid(Vec<Located>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    flow: RawHeader,
    steps: BTreeMap<Spanned<String>, Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    start: Spanned<String>,
    timeout: Option<u32>,
    tries: Option<u8>,
    give_up: Spanned<String>,
    no_input: Spanned<String>,
    no_match: Spanned<String>,
    star: Option<Spanned<String>>,
    resume: Option<Spanned<String>>,
    resume_message: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    when: Option<Spanned<String>>,
    prompt: Option<Vec<Spanned<RawPrompt>>>,
    help: Option<Vec<Spanned<RawPrompt>>>,
    timeout: Option<u32>,
    tries: Option<u8>,
    give_up: Option<Spanned<String>>,
    no_input: Option<Spanned<String>>,
    no_match: Option<Spanned<String>>,
    save_as: Option<Spanned<String>>,
    options: Option<BTreeMap<Spanned<String>, Spanned<RawChoice>>>,
    default_key: Option<Spanned<String>>,
    default: Option<Spanned<RawChoice>>,
    min: Option<u32>,
    max: Option<u32>,
    finish_key: Option<Spanned<String>>,
    skip_on_finish_key: Option<bool>,
    validate: Option<Spanned<RawValidate>>,
    max_length: Option<u32>,
    lookup: Option<Spanned<String>>,
    required: Option<bool>,
    yes: Option<Spanned<RawChoice>>,
    no: Option<Spanned<RawChoice>>,
    next: Option<Spanned<RawNext>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawPrompt {
    Id(String),
    Full(RawPromptFull),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPromptFull {
    msg: String,
    lang: Option<String>,
    when: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    /// Required in a menu; a `choices` step's options have none.
    next: Option<Spanned<String>>,
    value: Option<String>,
    language: Option<Spanned<String>>,
    #[serde(default)]
    set: BTreeMap<String, String>,
    #[serde(default)]
    clear: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValidate {
    Named(String),
    Range {
        range: [i64; 2],
        #[serde(default)]
        decimals: u32,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawNext {
    Goto(String),
    Branches(Vec<RawBranch>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBranch {
    when: Option<String>,
    goto: String,
}

/// Load and check one flow. `file` names it in errors; `has_message` says
/// whether the reference locale defines a message id.
pub fn load_flow(
    name: &str,
    file: &str,
    text: &str,
    has_message: &dyn Fn(&str) -> bool,
) -> Result<Flow, FlowError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        FlowError::Invalid(vec![Located::at(file, text, at, toml_message(&e))])
    })?;
    let mut cx = Checker {
        file,
        text,
        errors: Vec::new(),
        has_message,
        names: HashMap::new(),
    };
    for (i, (step_name, _)) in raw.steps.iter().enumerate() {
        if !is_name(step_name.get_ref()) {
            cx.err(
                step_name.span().start,
                format!(
                    "{:?} is not a usable step name: use a-z, 0-9, - and _ (at most 32)",
                    step_name.get_ref()
                ),
            );
        }
        cx.names.insert(step_name.get_ref().clone(), i);
    }
    let start = cx.step_ref(&raw.flow.start);
    let star = raw.flow.star.as_ref().map(|s| cx.step_ref(s));
    let resume = raw.flow.resume.as_ref().map_or(start, |s| cx.step_ref(s));
    let resume_message = raw.flow.resume_message.as_ref().map(|m| cx.msg(m));
    let default_give_up = cx.step_ref(&raw.flow.give_up);
    let default_no_input = cx.msg(&raw.flow.no_input);
    let default_no_match = cx.msg(&raw.flow.no_match);
    let default_timeout = raw.flow.timeout.unwrap_or(6).clamp(1, 60);
    let default_tries = raw.flow.tries.unwrap_or(3).clamp(1, 9);

    let mut steps = Vec::with_capacity(raw.steps.len());
    for (step_name, step) in &raw.steps {
        let s = step.get_ref();
        let at = step.span().start;
        let kind = cx.kind(step_name.get_ref(), s, at);
        let next = match &s.next {
            None => Next::End,
            Some(n) => cx.next(n),
        };
        if s.when.is_some() && matches!(next, Next::End) {
            cx.err(at, format!("step {:?} has `when` but no `next`: say where the call goes when the condition does not hold", step_name.get_ref()));
        }
        match (&kind, &next) {
            (StepKind::Say | StepKind::Save | StepKind::Lookup { .. }, Next::End) => cx.err(
                at,
                format!(
                    "step {:?} needs `next`: where does the call go after it?",
                    step_name.get_ref()
                ),
            ),
            (
                StepKind::Digits { .. } | StepKind::Record { .. } | StepKind::Choices { .. },
                Next::End,
            ) => cx.err(
                at,
                format!(
                    "step {:?} needs `next`: where does the call go with the answer?",
                    step_name.get_ref()
                ),
            ),
            (StepKind::Hangup, Next::Goto(_) | Next::Branches(_)) => cx.err(
                at,
                format!(
                    "step {:?} ends the call, so `next` would never be used: remove it",
                    step_name.get_ref()
                ),
            ),
            _ => {}
        }
        let prompt = cx.prompts(s.prompt.as_deref().unwrap_or_default());
        if prompt.is_empty() && !matches!(kind, StepKind::Save | StepKind::Lookup { .. }) {
            cx.err(
                at,
                format!(
                    "step {:?} has no `prompt`: the caller would hear silence",
                    step_name.get_ref()
                ),
            );
        }
        steps.push(Step {
            name: step_name.get_ref().clone(),
            when: s.when.as_ref().and_then(|w| cx.cond(w)),
            kind,
            prompt,
            help: cx.prompts(s.help.as_deref().unwrap_or_default()),
            no_input: s
                .no_input
                .as_ref()
                .map(|m| cx.msg(m))
                .unwrap_or_else(|| default_no_input.clone()),
            no_match: s
                .no_match
                .as_ref()
                .map(|m| cx.msg(m))
                .unwrap_or_else(|| default_no_match.clone()),
            timeout_secs: s.timeout.unwrap_or(default_timeout).clamp(1, 60),
            tries: s.tries.unwrap_or(default_tries).clamp(1, 9),
            give_up: s
                .give_up
                .as_ref()
                .map(|g| cx.step_ref(g))
                .unwrap_or(default_give_up),
            next,
        });
    }
    if cx.errors.is_empty() {
        let roots: Vec<StepIdx> = [start, resume].into_iter().chain(star).collect();
        cx.unreachable(&raw, &steps, &roots);
    }
    if !cx.errors.is_empty() {
        cx.errors.sort_by_key(|e| (e.line, e.col));
        return Err(FlowError::Invalid(cx.errors));
    }
    Ok(Flow {
        name: name.to_owned(),
        start,
        steps,
        star,
        resume,
        resume_message,
        by_name: cx.names,
    })
}

fn toml_message(e: &toml::de::Error) -> String {
    let m = e.message().trim_end();
    if m.contains("duplicate key") {
        format!("{m}: a key may appear only once in a menu; give each option its own key")
    } else if m.contains("untagged enum RawPrompt") {
        "a prompt is a message id (\"ask-kind\") or { msg = \"ask-kind\", lang = \"en\", when = \"…\" }; check the spelling of the fields".to_owned()
    } else if m.contains("untagged enum RawNext") {
        "`next` is a step name (\"kind\") or a list of { when = \"…\", goto = \"step\" }; check the spelling of the fields".to_owned()
    } else if m.contains("untagged enum RawValidate") {
        "`validate` is \"roster\", \"time\" or { range = [min, max], decimals = 1 }".to_owned()
    } else {
        format!("{m}; check the TOML syntax here (quotes, `=`, brackets)")
    }
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<Located>,
    has_message: &'a dyn Fn(&str) -> bool,
    names: HashMap<String, StepIdx>,
}

impl Checker<'_> {
    fn err(&mut self, at: usize, message: String) {
        self.errors
            .push(Located::at(self.file, self.text, at, message));
    }

    fn step_ref(&mut self, name: &Spanned<String>) -> StepIdx {
        match self.names.get(name.get_ref()) {
            Some(&i) => i,
            None => {
                self.err(
                    name.span().start,
                    format!(
                        "there is no step {:?}; define [steps.{}] or correct the name",
                        name.get_ref(),
                        name.get_ref()
                    ),
                );
                0
            }
        }
    }

    /// Like `step_ref` for names without their own span: errors point at `at`.
    fn step_ref_at(&mut self, name: &str, at: usize) -> StepIdx {
        match self.names.get(name) {
            Some(&i) => i,
            None => {
                self.err(
                    at,
                    format!("there is no step {name:?}; define [steps.{name}] or correct the name"),
                );
                0
            }
        }
    }

    fn msg(&mut self, id: &Spanned<String>) -> MsgId {
        self.msg_at(id.get_ref(), id.span().start)
    }

    fn msg_at(&mut self, id: &str, at: usize) -> MsgId {
        if !(self.has_message)(id) {
            self.err(at, format!("message {id:?} is not in the Japanese locale (locales/ja/*.ftl); add it there or correct the id"));
        }
        Arc::from(id)
    }

    fn cond(&mut self, w: &Spanned<String>) -> Option<Cond> {
        self.cond_at(w.get_ref(), w.span().start)
    }

    fn cond_at(&mut self, w: &str, at: usize) -> Option<Cond> {
        match Cond::parse(w) {
            Ok(c) => Some(c),
            Err(m) => {
                self.err(at, m);
                None
            }
        }
    }

    fn lang_at(&mut self, tag: &str, at: usize) -> Option<LangTag> {
        match LangTag::parse(tag) {
            Ok(l) => Some(l),
            Err(e) => {
                self.err(at, e.to_string());
                None
            }
        }
    }

    fn prompts(&mut self, raw: &[Spanned<RawPrompt>]) -> Vec<Prompt> {
        raw.iter()
            .map(|p| {
                let at = p.span().start;
                match p.get_ref() {
                    RawPrompt::Id(id) => Prompt {
                        msg: self.msg_at(id, at),
                        lang: None,
                        when: None,
                    },
                    RawPrompt::Full(RawPromptFull { msg, lang, when }) => Prompt {
                        msg: self.msg_at(msg, at),
                        lang: lang.as_deref().and_then(|l| self.lang_at(l, at)),
                        when: when.as_deref().and_then(|w| self.cond_at(w, at)),
                    },
                }
            })
            .collect()
    }

    fn key(&mut self, s: &Spanned<String>) -> Option<char> {
        let mut chars = s.get_ref().chars();
        match (chars.next(), chars.next()) {
            (Some(c @ ('0'..='9' | '*' | '#')), None) => Some(c),
            _ => {
                self.err(
                    s.span().start,
                    format!(
                        "{:?} is not a telephone key: use one of 0-9, * or #",
                        s.get_ref()
                    ),
                );
                None
            }
        }
    }

    fn answer_name(&mut self, s: &Spanned<String>) -> String {
        if !is_name(s.get_ref()) {
            self.err(
                s.span().start,
                format!(
                    "{:?} is not a usable answer name: use a-z, 0-9, - and _",
                    s.get_ref()
                ),
            );
        }
        s.get_ref().clone()
    }

    fn value(&mut self, v: &str, at: usize) -> Value {
        match v.strip_prefix('$') {
            Some(var) if super::engine::CALL_VARS.contains(&var) => Value::Var(var.to_owned()),
            Some(var) => {
                self.err(
                    at,
                    format!(
                        "${var} is not a call variable; use one of {}",
                        super::engine::CALL_VARS.map(|v| format!("${v}")).join(", ")
                    ),
                );
                Value::Literal(v.to_owned())
            }
            None => Value::Literal(v.to_owned()),
        }
    }

    fn choice(&mut self, c: &Spanned<RawChoice>) -> Choice {
        let at = c.span().start;
        let r = c.get_ref();
        let set = r
            .set
            .iter()
            .map(|(k, v)| {
                if !is_name(k) {
                    self.err(at, format!("{k:?} is not a usable answer name in `set`"));
                }
                (k.clone(), self.value(v, at))
            })
            .collect();
        for name in &r.clear {
            if name != "*" && !is_name(name) {
                self.err(
                    at,
                    format!("{name:?} in `clear` is not an answer name (or `*` for all)"),
                );
            }
        }
        let next = match &r.next {
            Some(n) => self.step_ref(n),
            None => {
                self.err(
                    at,
                    "this option needs `next`: the step the call goes to after its key".into(),
                );
                0
            }
        };
        Choice {
            next,
            value: r.value.as_deref().map(|v| self.value(v, at)),
            language: r
                .language
                .as_ref()
                .and_then(|l| self.lang_at(l.get_ref(), l.span().start)),
            set,
            clear: r.clear.clone(),
        }
    }

    fn next(&mut self, n: &Spanned<RawNext>) -> Next {
        let at = n.span().start;
        match n.get_ref() {
            RawNext::Goto(s) => Next::Goto(self.step_ref_at(s, at)),
            RawNext::Branches(bs) => {
                if bs.is_empty() {
                    self.err(
                        at,
                        "`next` has no branches; give at least one `{ goto = \"step\" }`".into(),
                    );
                }
                for b in bs.iter().take(bs.len().saturating_sub(1)) {
                    if b.when.is_none() {
                        self.err(at, "only the last branch of `next` may be without `when`: later branches could never be taken".into());
                    }
                }
                if bs.last().is_some_and(|b| b.when.is_some()) {
                    self.err(at, "the last branch of `next` must have no `when`, so the call always has somewhere to go".into());
                }
                Next::Branches(
                    bs.iter()
                        .map(|b| {
                            (
                                b.when.as_deref().and_then(|w| self.cond_at(w, at)),
                                self.step_ref_at(&b.goto, at),
                            )
                        })
                        .collect(),
                )
            }
        }
    }

    fn kind(&mut self, step: &str, s: &RawStep, at: usize) -> StepKind {
        let t = s.kind.get_ref().as_str();
        let not_for = |cx: &mut Self, present: bool, field: &str| {
            if present {
                cx.err(
                    at,
                    format!("step {step:?}: `{field}` is not used by a {t} step; remove it"),
                );
            }
        };
        let is_menu = matches!(t, "menu" | "confirm");
        not_for(
            self,
            !is_menu && t != "choices" && s.options.is_some(),
            "options",
        );
        not_for(self, !is_menu && s.default_key.is_some(), "default_key");
        not_for(self, !is_menu && s.default.is_some(), "default");
        if s.default_key.is_some() && s.default.is_some() {
            self.err(
                at,
                format!("step {step:?} has both `default_key` and `default`: keep one"),
            );
        }
        not_for(
            self,
            t != "confirm" && (s.yes.is_some() || s.no.is_some()),
            "yes/no",
        );
        not_for(
            self,
            t != "digits" && (s.min.is_some() || s.max.is_some()),
            "min/max",
        );
        not_for(self, t != "digits" && s.validate.is_some(), "validate");
        not_for(
            self,
            t != "digits" && s.skip_on_finish_key.is_some(),
            "skip_on_finish_key",
        );
        not_for(
            self,
            !matches!(t, "digits" | "record" | "choices") && s.finish_key.is_some(),
            "finish_key",
        );
        not_for(self, t != "record" && s.max_length.is_some(), "max_length");
        not_for(self, t != "lookup" && s.lookup.is_some(), "lookup");
        not_for(self, t != "record" && s.required.is_some(), "required");
        not_for(
            self,
            matches!(t, "say" | "save" | "hangup" | "lookup") && s.save_as.is_some(),
            "save_as",
        );
        let required_save_as = |cx: &mut Self| match &s.save_as {
            Some(n) => cx.answer_name(n),
            None => {
                cx.err(
                    at,
                    format!(
                        "step {step:?} needs `save_as`: the name under which the answer is kept"
                    ),
                );
                String::new()
            }
        };
        match t {
            "menu" | "confirm" => {
                let mut options = BTreeMap::new();
                if t == "confirm" {
                    if s.options.is_some() {
                        self.err(
                            at,
                            format!(
                                "step {step:?}: a confirm step takes `yes` and `no`, not `options`"
                            ),
                        );
                    }
                    match (&s.yes, &s.no) {
                        (Some(y), Some(n)) => {
                            options.insert('1', self.choice(y));
                            options.insert('2', self.choice(n));
                        }
                        _ => self.err(
                            at,
                            format!("step {step:?} needs both `yes` (key 1) and `no` (key 2)"),
                        ),
                    }
                } else {
                    for (key, choice) in s.options.iter().flatten() {
                        let c = self.choice(choice);
                        if let Some(k) = self.key(key)
                            && options.insert(k, c).is_some()
                        {
                            self.err(key.span().start, format!("key {k} is used twice in menu {step:?}; give each option its own key"));
                        }
                    }
                    if options.is_empty() {
                        self.err(at, format!("menu {step:?} has no `options`"));
                    }
                }
                let default_key = s.default_key.as_ref().and_then(|k| {
                    let key = self.key(k)?;
                    if !options.contains_key(&key) {
                        self.err(
                            k.span().start,
                            format!("default_key {key} is not one of the options of menu {step:?}"),
                        );
                    }
                    Some(key)
                });
                StepKind::Menu {
                    options,
                    default_key,
                    default: s.default.as_ref().map(|c| self.choice(c)),
                    save_as: s.save_as.as_ref().map(|n| self.answer_name(n)),
                }
            }
            "choices" => self.choices(step, s, at, required_save_as),
            "digits" => {
                let (min, max) = (s.min.unwrap_or(1), s.max.unwrap_or(16));
                if min == 0 || min > max || max > 32 {
                    self.err(
                        at,
                        format!("step {step:?}: need 1 <= min <= max <= 32 (min {min}, max {max})"),
                    );
                }
                let finish_key = s.finish_key.as_ref().and_then(|k| self.key(k));
                let skip = s.skip_on_finish_key.unwrap_or(false);
                if skip && finish_key.is_none() {
                    self.err(
                        at,
                        format!("step {step:?}: skip_on_finish_key needs a finish_key"),
                    );
                }
                let validate = match s.validate.as_ref().map(|v| (v.get_ref(), v.span().start)) {
                    None => Validate::None,
                    Some((RawValidate::Named(n), vat)) => match n.as_str() {
                        "roster" => Validate::Roster,
                        "time" => Validate::Time,
                        other => {
                            self.err(vat, format!("unknown validation {other:?}; use \"roster\", \"time\" or {{ range = [min, max] }}"));
                            Validate::None
                        }
                    },
                    Some((
                        RawValidate::Range {
                            range: [lo, hi],
                            decimals,
                        },
                        vat,
                    )) => {
                        if lo > hi || *decimals > 3 {
                            self.err(vat, "range needs min <= max and at most 3 decimals".into());
                        }
                        Validate::Range {
                            min: *lo,
                            max: *hi,
                            decimals: *decimals,
                        }
                    }
                };
                StepKind::Digits {
                    min,
                    max,
                    finish_key,
                    skip_on_finish_key: skip,
                    validate,
                    save_as: required_save_as(self),
                }
            }
            "record" => StepKind::Record {
                max_length_secs: s.max_length.unwrap_or(60).clamp(1, 600),
                finish_key: s
                    .finish_key
                    .as_ref()
                    .and_then(|k| self.key(k))
                    .unwrap_or('#'),
                save_as: required_save_as(self),
                required: s.required.unwrap_or(false),
            },
            "say" => StepKind::Say,
            "save" => StepKind::Save,
            "lookup" => match &s.lookup {
                Some(w) if super::engine::LOOKUPS.contains(&w.get_ref().as_str()) => {
                    StepKind::Lookup {
                        what: w.get_ref().clone(),
                    }
                }
                Some(w) => {
                    self.err(
                        w.span().start,
                        format!(
                            "unknown lookup {:?}; use one of {}",
                            w.get_ref(),
                            super::engine::LOOKUPS.join(", ")
                        ),
                    );
                    StepKind::Say
                }
                None => {
                    self.err(
                        at,
                        format!(
                            "step {step:?} needs `lookup`: what to look up ({})",
                            super::engine::LOOKUPS.join(", ")
                        ),
                    );
                    StepKind::Say
                }
            },
            "hangup" => StepKind::Hangup,
            other => {
                self.err(s.kind.span().start, format!("unknown step type {other:?}; use menu, choices, digits, confirm, record, say, save, lookup or hangup"));
                StepKind::Say
            }
        }
    }

    /// A `choices` step: digit keys, each with a value of its own and
    /// nothing else (the step's `next` decides where the call goes), and a
    /// finish key that is not an option.
    fn choices(
        &mut self,
        step: &str,
        s: &RawStep,
        at: usize,
        save_as: impl FnOnce(&mut Self) -> String,
    ) -> StepKind {
        let finish_key = match &s.finish_key {
            Some(k) => match self.key(k) {
                Some(c @ ('#' | '0'..='9')) => c,
                Some(c) => {
                    self.err(
                        k.span().start,
                        format!("step {step:?}: {c} cannot end the entry (it returns to the language menu); use #"),
                    );
                    '#'
                }
                None => '#',
            },
            None => '#',
        };
        let mut options: BTreeMap<char, String> = BTreeMap::new();
        for (key, choice) in s.options.iter().flatten() {
            let r = choice.get_ref();
            let cat = choice.span().start;
            let misplaced: Vec<&str> = [
                ("next", r.next.is_some()),
                ("language", r.language.is_some()),
                ("set", !r.set.is_empty()),
                ("clear", !r.clear.is_empty()),
            ]
            .into_iter()
            .filter_map(|(f, present)| present.then_some(f))
            .collect();
            if !misplaced.is_empty() {
                self.err(
                    cat,
                    format!(
                        "an option of choices step {step:?} holds only `value`; remove `{}` (the step's own `next` says where the call goes, e.g. next = [{{ when = \"{} has …\", goto = \"…\" }}, {{ goto = \"…\" }}])",
                        misplaced.join("`, `"),
                        s.save_as.as_ref().map_or("answer", |n| n.get_ref().as_str()),
                    ),
                );
            }
            let value = match r.value.as_deref() {
                Some(v) if !v.is_empty() && !v.contains(',') && !v.starts_with('$') => v.to_owned(),
                Some(v) => {
                    self.err(
                        cat,
                        format!("{v:?} cannot be a value of choices step {step:?}: the values are saved as one comma-separated list, so a value is a word without `,` (and not a $variable)"),
                    );
                    continue;
                }
                None => {
                    self.err(
                        cat,
                        format!("this option of choices step {step:?} needs `value`: the word its key adds to the list"),
                    );
                    continue;
                }
            };
            let Some(k) = self.key(key) else { continue };
            if !k.is_ascii_digit() || k == finish_key {
                self.err(
                    key.span().start,
                    format!("key {k} cannot be an option of choices step {step:?}: * returns to the language menu and {finish_key} ends the entry; use the keys 0-9"),
                );
                continue;
            }
            if let Some((other, _)) = options.iter().find(|(_, v)| **v == value) {
                let other = *other;
                self.err(
                    key.span().start,
                    format!("keys {other} and {k} of choices step {step:?} both add {value:?}; give each value one key"),
                );
                continue;
            }
            if options.insert(k, value).is_some() {
                self.err(
                    key.span().start,
                    format!("key {k} is used twice in choices step {step:?}; give each option its own key"),
                );
            }
        }
        if options.is_empty() && s.options.as_ref().is_none_or(BTreeMap::is_empty) {
            self.err(
                at,
                format!("choices step {step:?} has no `options`: give each key its value, e.g. options.1 = {{ value = \"fever\" }}"),
            );
        }
        StepKind::Choices {
            options,
            finish_key,
            save_as: save_as(self),
        }
    }

    /// Every step must be reachable from the start; an orphan is usually a
    /// typo in some `next`.
    fn unreachable(&mut self, raw: &RawFile, steps: &[Step], roots: &[StepIdx]) {
        let start = roots[0];
        let mut seen = vec![false; steps.len()];
        let mut queue = VecDeque::from(roots.to_vec());
        while let Some(i) = queue.pop_front() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let s = &steps[i];
            let mut targets = vec![s.give_up];
            match &s.next {
                Next::End => {}
                Next::Goto(t) => targets.push(*t),
                Next::Branches(bs) => targets.extend(bs.iter().map(|b| b.1)),
            }
            if let StepKind::Menu {
                options, default, ..
            } = &s.kind
            {
                targets.extend(options.values().chain(default).map(|c| c.next));
            }
            queue.extend(targets.into_iter().filter(|t| !seen[*t]));
        }
        // Only input steps can actually give up; treat a never-used give_up
        // edge as reachable anyway: being generous here avoids false alarms.
        for ((name, step), seen) in raw.steps.iter().zip(seen) {
            if !seen {
                self.err(step.span().start, format!("step {:?} can never be reached from the start {:?}; link to it from another step or remove it", name.get_ref(), steps[start].name));
            }
        }
    }
}

#[cfg(test)]
mod tests;
