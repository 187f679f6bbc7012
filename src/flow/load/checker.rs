//! The loader's checker: collects every mistake with its place, and checks
//! what is written in many places (step and answer names, message ids,
//! conditions, keys, values, options, `next`).

use std::collections::HashMap;
use std::sync::Arc;

use toml::Spanned;

use super::super::Cond;
use super::super::model::*;
use super::raw::*;
use crate::diagnostics::Located;
use crate::domain::LangTag;

pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    pub(super) errors: Vec<Located>,
    pub(super) has_message: &'a dyn Fn(&str) -> bool,
    pub(super) names: HashMap<String, StepIdx>,
}

impl Checker<'_> {
    pub(super) fn err(&mut self, at: usize, message: String) {
        self.errors
            .push(Located::at(self.file, self.text, at, message));
    }

    pub(super) fn step_ref(&mut self, name: &Spanned<String>) -> StepIdx {
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
    pub(super) fn step_ref_at(&mut self, name: &str, at: usize) -> StepIdx {
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

    pub(super) fn msg(&mut self, id: &Spanned<String>) -> MsgId {
        self.msg_at(id.get_ref(), id.span().start)
    }

    pub(super) fn msg_at(&mut self, id: &str, at: usize) -> MsgId {
        if !(self.has_message)(id) {
            self.err(at, format!("message {id:?} is not in the Japanese locale (locales/ja/*.ftl); add it there or correct the id"));
        }
        Arc::from(id)
    }

    pub(super) fn cond(&mut self, w: &Spanned<String>) -> Option<Cond> {
        self.cond_at(w.get_ref(), w.span().start)
    }

    pub(super) fn cond_at(&mut self, w: &str, at: usize) -> Option<Cond> {
        match Cond::parse(w) {
            Ok(c) => Some(c),
            Err(m) => {
                self.err(at, m);
                None
            }
        }
    }

    pub(super) fn lang_at(&mut self, tag: &str, at: usize) -> Option<LangTag> {
        match LangTag::parse(tag) {
            Ok(l) => Some(l),
            Err(e) => {
                self.err(at, e.to_string());
                None
            }
        }
    }

    pub(super) fn prompts(&mut self, raw: &[Spanned<RawPrompt>]) -> Vec<Prompt> {
        raw.iter()
            .map(|p| {
                let at = p.span().start;
                match p.get_ref() {
                    RawPrompt::Id(id) => Prompt {
                        msg: self.msg_at(id, at),
                        lang: None,
                        when: None,
                        each: None,
                    },
                    RawPrompt::Full(RawPromptFull {
                        msg,
                        lang,
                        when,
                        each,
                    }) => Prompt {
                        msg: self.msg_at(msg, at),
                        lang: lang.as_deref().and_then(|l| self.lang_at(l, at)),
                        when: when.as_deref().and_then(|w| self.cond_at(w, at)),
                        each: each.as_deref().map(|list| {
                            if !is_name(list) {
                                self.err(at, format!("`each = {list:?}` is not an answer name: name the list answer, e.g. each = \"known\""));
                            }
                            Arc::from(list)
                        }),
                    },
                }
            })
            .collect()
    }

    pub(super) fn key(&mut self, s: &Spanned<String>) -> Option<char> {
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

    pub(super) fn answer_name(&mut self, s: &Spanned<String>) -> String {
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

    pub(super) fn value(&mut self, v: &str, at: usize) -> Value {
        match v.strip_prefix('$') {
            Some(var) if super::super::engine::CALL_VARS.contains(&var) => {
                Value::Var(var.to_owned())
            }
            Some(var) => {
                self.err(
                    at,
                    format!(
                        "${var} is not a call variable; use one of {}",
                        super::super::engine::CALL_VARS
                            .map(|v| format!("${v}"))
                            .join(", ")
                    ),
                );
                Value::Literal(v.to_owned())
            }
            None => Value::Literal(v.to_owned()),
        }
    }

    /// The answers of a `set` table: names checked, `$` values call variables.
    pub(super) fn set(
        &mut self,
        set: &std::collections::BTreeMap<String, String>,
        at: usize,
    ) -> Vec<(String, Value)> {
        set.iter()
            .map(|(k, v)| {
                if !is_name(k) {
                    self.err(at, format!("{k:?} is not a usable answer name in `set`"));
                }
                (k.clone(), self.value(v, at))
            })
            .collect()
    }

    pub(super) fn choice(&mut self, c: &Spanned<RawChoice>) -> Choice {
        let at = c.span().start;
        let r = c.get_ref();
        let set = self.set(&r.set, at);
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

    pub(super) fn next(&mut self, n: &Spanned<RawNext>) -> Next {
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
}
