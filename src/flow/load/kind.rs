//! Each step type's own fields: which ones a type takes, which it needs,
//! and the menu, choices and digits rules.

use std::collections::BTreeMap;

use super::super::model::*;
use super::checker::Checker;
use super::raw::*;

impl Checker<'_> {
    pub(super) fn kind(&mut self, step: &str, s: &RawStep, at: usize) -> StepKind {
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
            !is_menu && !matches!(t, "choices" | "children") && s.options.is_some(),
            "options",
        );
        not_for(self, t != "children" && s.list.is_some(), "list");
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
        not_for(self, t != "digits" && s.length.is_some(), "length");
        not_for(
            self,
            t != "digits" && s.wrong_length.is_some(),
            "wrong_length",
        );
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
            matches!(t, "say" | "save" | "hangup" | "lookup" | "children") && s.save_as.is_some(),
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
            "children" => self.children(step, s, at),
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
                    length: s.length.as_ref().map(|n| self.answer_name(n)),
                    wrong_length: self.prompts(s.wrong_length.as_deref().unwrap_or_default()),
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
            "lookup" => match s.lookup.as_ref().map(|w| (w, Lookup::parse(w.get_ref()))) {
                Some((_, Some(what))) => StepKind::Lookup { what },
                Some((w, None)) => {
                    self.err(
                        w.span().start,
                        format!(
                            "unknown lookup {:?}; use one of {}",
                            w.get_ref(),
                            Lookup::NAMES.join(", ")
                        ),
                    );
                    StepKind::Say
                }
                None => {
                    self.err(
                        at,
                        format!(
                            "step {step:?} needs `lookup`: what to look up ({})",
                            Lookup::NAMES.join(", ")
                        ),
                    );
                    StepKind::Say
                }
            },
            "hangup" => StepKind::Hangup,
            other => {
                self.err(s.kind.span().start, format!("unknown step type {other:?}; use menu, choices, digits, confirm, record, say, save, lookup, children or hangup"));
                StepKind::Say
            }
        }
    }

    /// A `children` step: keys 1 to 8 pick an item of the list answer
    /// `list`; its own options may use only the other keys.
    fn children(&mut self, step: &str, s: &RawStep, at: usize) -> StepKind {
        let list = match &s.list {
            Some(l) => self.answer_name(l),
            None => {
                self.err(
                    at,
                    format!("step {step:?} needs `list`: the list answer whose items the keys pick (list = \"known\")"),
                );
                String::new()
            }
        };
        let mut options = BTreeMap::new();
        for (key, choice) in s.options.iter().flatten() {
            let c = self.choice(choice);
            let Some(k) = self.key(key) else { continue };
            if ('1'..='8').contains(&k) {
                self.err(
                    key.span().start,
                    format!("key {k} of children step {step:?} picks a child; give its options the keys 0, 9, * or #"),
                );
            } else if options.insert(k, c).is_some() {
                self.err(
                    key.span().start,
                    format!("key {k} is used twice in children step {step:?}; give each option its own key"),
                );
            }
        }
        StepKind::Children { list, options }
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
}
