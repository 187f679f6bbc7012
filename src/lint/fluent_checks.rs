//! Checks of the `.ftl` text alone (they run even when the deployment does
//! not load): variables against the reference, plural variants never chosen.

use std::collections::BTreeSet;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::ftl::Locales;
use super::hearing::language_word;
use super::report::{Report, Severity};
use crate::domain::LangTag;

/// Every message must use the same variables as the Japanese one: a
/// translation that drops `$reference-digits` would read back nothing, and
/// a misspelt variable is read out as `{$name}`.
pub fn variables(files: &Locales, reference: &LangTag, report: &mut Report) {
    let ref_name = language_word(reference).map_or_else(|| reference.to_string(), str::to_owned);
    for (lang, lang_files) in &files.langs {
        if lang == reference {
            continue;
        }
        for file in lang_files {
            for m in &file.messages {
                let Some((ref_file, r)) = files.message(reference, &m.id) else {
                    continue;
                };
                if m.vars == r.vars {
                    continue;
                }
                let dollar = |v: &String| format!("${v}");
                let extra: Vec<_> = m.vars.difference(&r.vars).map(dollar).collect();
                let missing: Vec<_> = r.vars.difference(&m.vars).map(dollar).collect();
                let mut what = Vec::new();
                if !extra.is_empty() {
                    what.push(format!(
                        "uses {} that the {ref_name} message does not",
                        extra.join(", ")
                    ));
                }
                if !missing.is_empty() {
                    what.push(format!(
                        "lacks {} that the {ref_name} message uses",
                        missing.join(", ")
                    ));
                }
                let all: Vec<_> = r.vars.iter().map(dollar).collect();
                report.push(
                    Severity::Error,
                    file.at(
                        m,
                        format!(
                            "message {:?} {}; use exactly the variables of {} ({}), checking the spelling after $",
                            m.id,
                            what.join(" and "),
                            short(&ref_file.path),
                            if all.is_empty() { "none".to_owned() } else { all.join(", ") }
                        ),
                    ),
                );
            }
        }
    }
}

/// Variant keys such as `[one]` that the language's plural rules never
/// choose: dead text an editor may believe is spoken.
pub fn plurals(files: &Locales, report: &mut Report) {
    const PLURAL_NAMES: [&str; 5] = ["zero", "one", "two", "few", "many"];
    for (lang, lang_files) in &files.langs {
        let mut produced = None;
        for file in lang_files {
            for m in &file.messages {
                for (key, offset) in &m.variant_keys {
                    if !PLURAL_NAMES.contains(&key.as_str()) {
                        continue;
                    }
                    let produced = produced.get_or_insert_with(|| plural_categories(lang));
                    if produced.contains(key.as_str()) {
                        continue;
                    }
                    report.push(
                        Severity::Warning,
                        file.at_offset(
                            *offset,
                            format!(
                                "[{key}] is never chosen in {lang}, whose numbers are only {}; put this text in the *[other] variant or remove it",
                                produced.iter().copied().collect::<Vec<_>>().join(", ")
                            ),
                        ),
                    );
                }
            }
        }
    }
}

/// The cardinal plural categories `lang` can produce, by trying numbers.
/// The rules are found as Fluent finds them: the full tag, else the
/// language alone (`zh-CN` → `zh`, `pt-BR` → `pt`), else English.
pub fn plural_categories(lang: &LangTag) -> BTreeSet<&'static str> {
    let id = lang.langid();
    let rules = [
        id.to_string(),
        id.language.as_str().to_owned(),
        "en".to_owned(),
    ]
    .iter()
    .filter_map(|t| t.parse::<unic_langid::LanguageIdentifier>().ok())
    .find_map(|l| PluralRules::create(l, PluralRuleType::CARDINAL).ok())
    .expect("English plural rules exist");
    let samples = (0..=1000)
        .map(|n: i64| n.to_string())
        .chain((0..=209).map(|n| format!("{}.{}", n / 10, n % 10)))
        .chain(["0.01", "1.01", "0.25", "1.25", "10000", "100000", "1000000"].map(String::from));
    let mut out = BTreeSet::new();
    for n in samples {
        if let Ok(c) = rules.select(n.as_str()) {
            out.insert(match c {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            });
        }
    }
    out
}

/// `locales/ja/absence.ftl` from a full path, for naming a file in a
/// message (the finding itself carries the full path).
pub fn short(path: &str) -> String {
    let parts: Vec<String> = std::path::Path::new(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts[parts.len().saturating_sub(3)..].join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(l: &str) -> Vec<&'static str> {
        plural_categories(&LangTag::parse(l).unwrap())
            .into_iter()
            .collect()
    }

    #[test]
    fn plural_categories_of_the_shipped_languages() {
        for l in ["ja", "zh-CN", "ko", "vi"] {
            assert_eq!(cats(l), ["other"], "{l}");
        }
        for l in ["en", "fil", "ne"] {
            assert_eq!(cats(l), ["one", "other"], "{l}");
        }
        // Region tags use their language's rules, as Fluent does.
        assert!(cats("pt-BR").contains(&"one") && !cats("pt-BR").contains(&"two"));
        assert!(cats("es").contains(&"one") && !cats("es").contains(&"few"));
        assert_eq!(cats("ar"), ["few", "many", "one", "other", "two", "zero"]);
    }
}
