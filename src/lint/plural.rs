//! Which plural categories a language's cardinal rules ever produce.
//!
//! Asked of Fluent itself: a one-message bundle in the language selects a
//! category for a spread of numbers, exactly as a prompt would at run time
//! (same rules, same fallback from `zh-CN` to `zh`, or to `en` for a
//! language the rules do not know).

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use super::ftl::PLURAL_KEYS;
use crate::domain::LangTag;

const PROBE: &str = "x = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";

/// The categories `lang` selects for some number, `other` included.
pub fn categories(lang: &LangTag) -> BTreeSet<&'static str> {
    static CACHE: OnceLock<Mutex<HashMap<String, BTreeSet<&'static str>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(c) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(lang.as_str()) {
        return c.clone();
    }
    let found = probe(lang);
    cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(lang.as_str().to_owned(), found.clone());
    found
}

fn probe(lang: &LangTag) -> BTreeSet<&'static str> {
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(PROBE.to_owned()).expect("the probe parses");
    bundle.add_resource(resource).expect("one message");
    let pattern = bundle
        .get_message("x")
        .and_then(|m| m.value())
        .expect("the probe has a value");
    let mut found = BTreeSet::from(["other"]);
    for n in samples() {
        let mut args = FluentArgs::new();
        args.set("n", FluentValue::try_number(&n));
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
        if let Some(k) = PLURAL_KEYS.iter().find(|k| **k == out) {
            found.insert(*k);
        }
        if found.len() == PLURAL_KEYS.len() + 1 {
            break;
        }
    }
    found
}

/// Integers to 200 and some large ones, one-decimal numbers to 20.9 and
/// two-decimal numbers below 2: enough for every CLDR cardinal rule.
fn samples() -> impl Iterator<Item = String> {
    let ints = (0..=200u32)
        .map(|i| i.to_string())
        .chain(["1000", "10000", "100000", "1000000", "10000000"].map(String::from));
    let one_decimal = (0..=20u32).flat_map(|i| (0..=9u32).map(move |f| format!("{i}.{f}")));
    let two_decimals = (0..=1u32).flat_map(|i| (0..=99u32).map(move |f| format!("{i}.{f:02}")));
    ints.chain(one_decimal).chain(two_decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(l: &str) -> Vec<&'static str> {
        categories(&LangTag::parse(l).unwrap()).into_iter().collect()
    }

    #[test]
    fn the_shipped_languages() {
        for l in ["ja", "zh-CN", "ko", "vi"] {
            assert_eq!(cats(l), ["other"], "{l}");
        }
        assert_eq!(cats("en"), ["one", "other"]);
        assert_eq!(cats("ne"), ["one", "other"]);
        assert_eq!(cats("fil"), ["one", "other"]);
        assert!(cats("pt-BR").contains(&"one"));
        assert!(cats("es").contains(&"one"));
    }

    #[test]
    fn languages_with_more_categories() {
        assert_eq!(cats("ar"), ["few", "many", "one", "other", "two", "zero"]);
        assert_eq!(cats("pl"), ["few", "many", "one", "other"]);
    }
}
