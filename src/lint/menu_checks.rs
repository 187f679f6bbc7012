//! Menus: every key a menu offers must be said to the caller, in every
//! language a caller can choose, or nobody knows to press it.

use std::collections::{BTreeMap, BTreeSet};

use super::finding::Finding;
use super::hearing::{lang_name, prompt_text, sample_answers, sample_args, tail};
use super::used::flow_path;
use crate::deployment::Deployment;
use crate::domain::LangTag;
use crate::flow::{Flow, StepKind};

pub fn check(dep: &Deployment) -> Vec<Finding> {
    let langs = caller_languages(dep);
    let answers = sample_answers();
    let args = [sample_args(&answers[0]), sample_args(&answers[1])];
    let mut names: Vec<&String> = dep.flows.keys().collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let flow = &dep.flows[name];
        let path = flow_path(dep, name).display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        check_flow(dep, flow, &path, &text, &langs, &args, &mut out);
    }
    out
}

fn check_flow(
    dep: &Deployment,
    flow: &Flow,
    path: &str,
    text: &str,
    langs: &[&LangTag],
    args: &[fluent_bundle::FluentArgs; 2],
    out: &mut Vec<Finding>,
) {
    for step in &flow.steps {
        let StepKind::Menu {
            options,
            default_key,
            ..
        } = &step.kind
        else {
            continue;
        };
        let keys: Vec<char> = options
            .keys()
            .copied()
            .filter(|k| k.is_ascii_digit())
            .filter(|k| !(*k == '0' && *default_key == Some('0')))
            .collect();
        if keys.is_empty() {
            continue;
        }
        // The digits each language's caller hears in the prompt and help.
        let heard: BTreeMap<&LangTag, [bool; 10]> = langs
            .iter()
            .map(|lang| {
                let [a, b] = args.each_ref().map(|args| {
                    let t: String = step
                        .prompt
                        .iter()
                        .chain(&step.help)
                        .map(|p| prompt_text(dep, lang, p, args))
                        .collect();
                    digits_in(&t)
                });
                (*lang, std::array::from_fn(|d| a[d] && b[d]))
            })
            .collect();
        let (line, col) = step_position(text, &step.name);
        let msgs: Vec<&str> = {
            let mut seen = BTreeSet::new();
            step.prompt
                .iter()
                .chain(&step.help)
                .map(|p| &*p.msg)
                .filter(|m| seen.insert(*m))
                .collect()
        };
        for key in keys {
            let d = key.to_digit(10).expect("an ASCII digit") as usize;
            let silent: Vec<&LangTag> = heard
                .iter()
                .filter(|(_, digits)| !digits[d])
                .map(|(l, _)| *l)
                .collect();
            if silent.is_empty() {
                continue;
            }
            if silent.len() == heard.len() {
                out.push(Finding::error(
                    path,
                    line,
                    col,
                    format!(
                        "menu step {:?}: key {key} is never said in any language, so callers cannot know to press it; mention it (e.g. \"… press {key}\") in {} in locales/*/, or remove that option from {}",
                        step.name,
                        msgs.join(" or "),
                        tail(path, 2)
                    ),
                ));
            } else {
                let names: Vec<String> = silent.iter().map(|l| lang_name(l)).collect();
                let files: Vec<String> = silent.iter().map(|l| format!("locales/{l}/")).collect();
                out.push(Finding::warning(
                    path,
                    line,
                    col,
                    format!(
                        "menu step {:?}: key {key} is never said to callers in {}; mention it as the digit {key} in {} in {}",
                        step.name,
                        names.join(", "),
                        msgs.join(" or "),
                        files.join(", ")
                    ),
                ));
            }
        }
    }
}

/// The default language and every language a menu can switch to, as far
/// as the catalogue has them.
fn caller_languages(dep: &Deployment) -> Vec<&LangTag> {
    let mut langs: BTreeSet<&LangTag> = BTreeSet::from([&dep.config.default_language]);
    for flow in dep.flows.values() {
        for step in &flow.steps {
            if let StepKind::Menu {
                options, default, ..
            } = &step.kind
            {
                langs.extend(
                    options
                        .values()
                        .chain(default)
                        .filter_map(|c| c.language.as_ref()),
                );
            }
        }
    }
    langs
        .into_iter()
        .filter(|l| dep.catalog.has_language(l))
        .collect()
}

/// Which digits `text` says: ASCII, full-width and Devanagari digits.
pub fn digits_in(text: &str) -> [bool; 10] {
    let mut found = [false; 10];
    for c in text.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            '०'..='९' => c as u32 - '०' as u32,
            _ => continue,
        };
        found[d as usize] = true;
    }
    found
}

/// The line and column of `[steps.<name>]` in the flow file (1:1 if the
/// step is written some other way).
pub fn step_position(text: &str, name: &str) -> (usize, usize) {
    let headers = [format!("[steps.{name}]"), format!("[steps.\"{name}\"]")];
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        if headers.iter().any(|h| compact.starts_with(h.as_str())) {
            let col = line.chars().count() - trimmed.chars().count() + 1;
            return (i + 1, col);
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_all_scripts() {
        let d = digits_in("1を、３を、९ थिच्नुहोस्");
        assert_eq!(
            d,
            [false, true, false, true, false, false, false, false, false, true]
        );
    }

    #[test]
    fn finds_the_step_header() {
        let text = "[flow]\nstart = \"a\"\n\n  [steps.a]\ntype = \"say\"\n[steps.\"b\"]\n";
        assert_eq!(step_position(text, "a"), (4, 3));
        assert_eq!(step_position(text, "b"), (6, 1));
        assert_eq!(step_position(text, "c"), (1, 1));
    }
}
