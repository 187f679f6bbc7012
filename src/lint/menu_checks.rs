//! Every key a menu offers must be said to the caller: a parent cannot
//! press a key nobody told them about.

use std::collections::BTreeMap;

use super::hearing::{Listener, caller_languages, lang_name, sample_answers};
use super::report::{Report, Severity};
use crate::deployment::Deployment;
use crate::diagnostics::Located;
use crate::domain::LangTag;
use crate::flow::StepKind;

/// For each menu (and confirm step: keys 1 and 2; and choices step) and each language a
/// caller can be in, its prompt and help are rendered as that caller hears
/// them; each option's key must be among the digits heard. Said in no
/// language: an error; missing in some: a warning naming them. The key 0
/// is not checked when it is also the menu's default (pressing nothing).
pub fn menus_speak_their_keys(dep: &Deployment, listener: &Listener, report: &mut Report) {
    let languages = caller_languages(dep);
    let answers = sample_answers();
    let mut flows: Vec<_> = dep.flows.iter().collect();
    flows.sort_by_key(|(name, _)| *name);
    for (name, flow) in flows {
        let file = crate::deployment::flow_path(&dep.config, name);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for step in &flow.steps {
            let (keys, default_key): (Vec<char>, Option<char>) = match &step.kind {
                StepKind::Menu {
                    options,
                    default_key,
                    ..
                } => (options.keys().copied().collect(), *default_key),
                StepKind::Choices { options, .. } => (options.keys().copied().collect(), None),
                _ => continue,
            };
            let prompts: Vec<_> = step.prompt.iter().chain(&step.help).collect();
            let mut silent: BTreeMap<char, Vec<&LangTag>> = BTreeMap::new();
            for lang in &languages {
                // A digit counts only if heard with both sets of answers:
                // then it is in the prompt's own text, not in an answer
                // read back (a grade 1 is not "press 1").
                let [a, b] = answers
                    .each_ref()
                    .map(|ans| digits_in(&listener.hear(lang, &prompts, ans)));
                for key in keys.iter().filter(|k| k.is_ascii_digit()) {
                    if Some(*key) == default_key && *key == '0' {
                        continue;
                    }
                    let d = key.to_digit(10).expect("an ASCII digit") as usize;
                    if !(a[d] && b[d]) {
                        silent.entry(*key).or_default().push(lang);
                    }
                }
            }
            let offset = step_header(&text, &step.name);
            let msgs: Vec<&str> = {
                let mut v: Vec<&str> = prompts.iter().map(|p| &*p.msg).collect();
                v.dedup();
                v
            };
            for (key, langs) in silent {
                let (severity, whom) = if langs.len() == languages.len() {
                    (Severity::Error, "in any language".to_owned())
                } else {
                    (
                        Severity::Warning,
                        format!(
                            "in {}",
                            langs
                                .iter()
                                .map(|l| lang_name(l))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )
                };
                report.push(
                    severity,
                    Located::at(
                        &file.display().to_string(),
                        &text,
                        offset,
                        format!(
                            "menu {:?} offers key {key} but its prompt never says {key} {whom}; mention the key as a digit in {} (e.g. \"… press {key}\"), or remove the option",
                            step.name,
                            msgs.join(" or ")
                        ),
                    ),
                );
            }
        }
    }
}

/// Which digits `text` says: ASCII, full-width and Devanagari.
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

/// The byte offset of the `[steps.<name>]` header in the flow file (0, the
/// file's start, if the step is written some other way).
fn step_header(text: &str, name: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.starts_with(&format!("[steps.{name}]"))
            || compact.starts_with(&format!("[steps.\"{name}\"]"))
        {
            return offset + line.len() - trimmed.len();
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_every_script() {
        let d = digits_in("1を、３を、९ थिच्नुहोस्");
        assert_eq!(d.map(u8::from), [0, 1, 0, 1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn finds_the_step_header() {
        let text = "[flow]\nstart = \"a\"\n\n  [steps.ab]\n  [steps.a]\n[steps.\"b\"]\n";
        assert_eq!(step_header(text, "a"), text.find("[steps.a]").unwrap());
        assert_eq!(step_header(text, "b"), text.find("[steps.\"b\"]").unwrap());
        assert_eq!(step_header(text, "c"), 0);
    }
}
