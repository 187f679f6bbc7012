//! Reading a flow file: TOML → checked [`Flow`], or every mistake found with
//! its file:line:col and what to do about it.
//!
//! One file per job: the file's shape as TOML gives it (`raw.rs`), names,
//! messages, conditions and keys checked where they are written
//! (`checker.rs`), each step type's fields (`kind.rs`) and reachability
//! from the start (`reach.rs`). This file reads the TOML and puts the
//! checked steps together.

mod checker;
mod kind;
mod raw;
mod reach;

use std::collections::HashMap;

use super::model::*;
use crate::diagnostics::{Located, one_per_line};
use checker::Checker;
use raw::RawFile;

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("{}", one_per_line(.0))]
    Invalid(Vec<Located>),
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
                StepKind::Digits { .. }
                | StepKind::Record { .. }
                | StepKind::Choices { .. }
                | StepKind::Children { .. },
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
        // A `say` step with no prompt and branches is a router: it only
        // chooses where the call goes.
        let router = matches!((&kind, &next), (StepKind::Say, Next::Branches(_)));
        if prompt.is_empty() && !router && !matches!(kind, StepKind::Save | StepKind::Lookup { .. })
        {
            cx.err(
                at,
                format!(
                    "step {:?} has no `prompt`: the caller would hear silence",
                    step_name.get_ref()
                ),
            );
        }
        let set = match &s.set {
            Some(set) => cx.set(set.get_ref(), set.span().start),
            None => Vec::new(),
        };
        steps.push(Step {
            name: step_name.get_ref().clone(),
            set,
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

#[cfg(test)]
mod tests;
