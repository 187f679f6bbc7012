//! Checks of the `.ftl` files themselves: variables that differ from the
//! reference, plural variants a language never selects, unused messages.

use std::collections::BTreeSet;

use super::finding::{Finding, Severity};
use super::ftl::Locale;
use super::hearing::{lang_name, tail};
use super::plural;
use crate::domain::LangTag;

/// Every message present in the reference and another locale must use the
/// same `$variables`: a misspelt one is read out as `{$name}`, a missing one
/// drops what the caller should hear.
pub fn variables(locales: &[Locale], reference: &LangTag) -> Vec<Finding> {
    let Some(reference) = locales.iter().find(|l| &l.lang == reference) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for locale in locales.iter().filter(|l| l.lang != reference.lang) {
        for (id, m) in &locale.messages {
            let Some(r) = reference.messages.get(id) else {
                continue;
            };
            let theirs: BTreeSet<&str> = m.vars.keys().map(String::as_str).collect();
            let ours: BTreeSet<&str> = r.vars.keys().map(String::as_str).collect();
            if theirs == ours {
                continue;
            }
            let extra: Vec<String> = theirs.difference(&ours).map(|v| format!("${v}")).collect();
            let missing: Vec<String> = ours.difference(&theirs).map(|v| format!("${v}")).collect();
            let ref_name = lang_name(&reference.lang);
            let mut what = Vec::new();
            if !extra.is_empty() {
                what.push(format!(
                    "uses {} that the {} message does not have (a misspelt variable is read out as {{{}}})",
                    extra.join(", "),
                    ref_name,
                    extra[0]
                ));
            }
            if !missing.is_empty() {
                what.push(format!(
                    "lacks {} that the {} message uses, so callers would not hear it",
                    missing.join(", "),
                    ref_name
                ));
            }
            let all: Vec<String> = ours.iter().map(|v| format!("${v}")).collect();
            let file = locale.file_of(m);
            out.push(Finding::at(
                Severity::Error,
                &file.path,
                &file.text,
                m.at,
                format!(
                    "message {id:?} {}; use exactly the variables of {}: {}",
                    what.join(" and "),
                    tail(&reference.file_of(r).path, 3),
                    if all.is_empty() {
                        "none".to_owned()
                    } else {
                        all.join(", ")
                    }
                ),
            ));
        }
    }
    out
}

/// Variants keyed by a plural category the language never selects for a
/// number: dead text, usually copied from another language.
pub fn plurals(locales: &[Locale]) -> Vec<Finding> {
    let mut out = Vec::new();
    for locale in locales {
        let mut categories = None;
        for m in locale.messages.values() {
            for (key, at) in &m.plural_keys {
                let cats = categories.get_or_insert_with(|| plural::categories(&locale.lang));
                if cats.contains(key.as_str()) {
                    continue;
                }
                let file = locale.file_of(m);
                let list: Vec<&str> = cats.iter().copied().collect();
                out.push(Finding::at(
                    Severity::Warning,
                    &file.path,
                    &file.text,
                    *at,
                    format!(
                        "{} never selects [{key}] for a number: its plural rules only use {}; remove this variant (callers hear the *[…] default or another variant instead)",
                        lang_name(&locale.lang),
                        list.join(" and ")
                    ),
                ));
            }
        }
    }
    out
}

/// Messages no flow speaks, that are not `error-apology` and that no other
/// message of their locale references. Fluent terms (`-term`) are not
/// messages and are never reported.
pub fn unused(locales: &[Locale], used: &BTreeSet<String>, reference: &LangTag) -> Vec<Finding> {
    let mut out = Vec::new();
    let ref_locale = locales.iter().find(|l| &l.lang == reference);
    for locale in locales {
        let referenced: BTreeSet<&str> = locale
            .messages
            .values()
            .flat_map(|m| m.refs.iter().map(String::as_str))
            .collect();
        for (id, m) in &locale.messages {
            if used.contains(id) || referenced.contains(id.as_str()) {
                continue;
            }
            let hint = match ref_locale {
                Some(r) if r.lang != locale.lang && !r.messages.contains_key(id) => format!(
                    " (the reference {} has no {id:?} either: check the spelling of the id)",
                    tail(&r.dir.display().to_string(), 2)
                ),
                _ => String::new(),
            };
            let file = locale.file_of(m);
            out.push(Finding::at(
                Severity::Warning,
                &file.path,
                &file.text,
                m.at,
                format!(
                    "message {id:?} is not used by any call flow{hint}; remove it, or use it in a call flow (call-flows/*.toml)"
                ),
            ));
        }
    }
    out
}
