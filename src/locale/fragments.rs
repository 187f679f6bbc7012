//! A message as pieces that recordings can stand in for, so that a language
//! without text-to-speech (Nepali; every language on a channel without it)
//! can say a read-back from recordings alone.
//!
//! Keys, the file names editors record under (`prompts/<lang>/<key>.wav`):
//! - a message without placeables: its id (`ask-kind`);
//! - the N-th piece of fixed text of one with placeables: `id.N`;
//! - the variant the answers chose, recorded whole: `id.<variant>`
//!   (`summary-kind.absence`, `symptom-name.fever`), or, for a numeric
//!   variant (which `id.N` would collide with), `id.<variable>-<variant>`
//!   (`summary-time.time-minute-5`); a variant with placeables of its own
//!   is cut the same way under that key (`summary-time.time-minute-5.1`);
//! - a variant chosen by a date's month or weekday is the language's shared
//!   `month-N` / `weekday-mon` fragment, recorded once for every message;
//! - a message referenced from another (`{ other-message }`): its own keys;
//! - a variable's value: the [`fragments`](Fragment) of `numbers.ftl`:
//!   `digit-D` for `$NAME-digits`, `number-N` (0–99, with `number-hundred`
//!   and `number-thousand` above), `decimal-point`; the school's name is
//!   `school-<id>`, and is left out where it is not recorded, rather than
//!   read in another language.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use fluent_syntax::ast;

pub(super) type Bundle = FluentBundle<FluentResource>;

/// One part of a formatted message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// Fixed text (of the message, or of the variant the answers chose):
    /// the key a recording of it is filed under. `None` for a value.
    pub key: Option<String>,
    /// A variable's value: the variable's name…
    pub var: Option<String>,
    /// …and the fragments that say the value from recordings alone, or
    /// `None` where none can (free text).
    pub fragments: Option<Vec<Fragment>>,
}

/// One recording a value is said with (`number-38`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub key: String,
    /// What it says, for transcripts and for whoever records it.
    pub text: String,
    /// Left out rather than failing the message when not recorded (the
    /// school's name).
    pub optional: bool,
}

/// The argument that names the school (`$school`) and the one that carries
/// its id, for the `school-<id>` recording.
pub const SCHOOL: &str = "school";
pub const SCHOOL_ID: &str = "school-id";

/// Whether `id` names a shared fragment of `numbers.ftl` (or a school's
/// name), which no flow speaks alone.
pub fn is_fragment(id: &str) -> bool {
    let number = |p: &str| {
        id.strip_prefix(p)
            .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
    };
    number("digit-")
        || number("number-")
        || number("month-")
        || id
            .strip_prefix("weekday-")
            .is_some_and(|d| ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains(&d))
        || id.strip_prefix("school-").is_some_and(|r| !r.is_empty())
        || ["number-hundred", "number-thousand", "decimal-point"].contains(&id)
}

/// Variables already cut into segments (a list answer's words), put in
/// whole where the message names them.
pub type Given = HashMap<String, Vec<Segment>>;

/// Appends the segments of `pattern`, recorded under `prefix`.
#[allow(clippy::too_many_arguments)]
pub(super) fn walk(
    bundle: &Bundle,
    prefix: &str,
    pattern: &ast::Pattern<&str>,
    args: &FluentArgs,
    given: &Given,
    out: &mut Vec<Segment>,
    errors: &mut Vec<FluentError>,
    depth: u8,
) {
    let plain = !pattern
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::Placeable { .. }));
    if plain || depth > 8 {
        let text = bundle.format_pattern(pattern, Some(args), errors);
        out.push(fixed(text.into_owned(), prefix.to_owned()));
        return;
    }
    let mut pieces = 0;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                pieces += 1;
                out.push(fixed((*value).to_owned(), format!("{prefix}.{pieces}")));
            }
            ast::PatternElement::Placeable { expression } => {
                placeable(bundle, prefix, expression, args, given, out, errors, depth);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn placeable(
    bundle: &Bundle,
    prefix: &str,
    expression: &ast::Expression<&str>,
    args: &FluentArgs,
    given: &Given,
    out: &mut Vec<Segment>,
    errors: &mut Vec<FluentError>,
    depth: u8,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let Some(variant) = chosen(bundle, selector, variants, args, errors) else {
                return;
            };
            let (key, _) = variant_key(prefix, selector, variant);
            walk(
                bundle,
                &key,
                &variant.value,
                args,
                given,
                out,
                errors,
                depth + 1,
            );
        }
        ast::Expression::Inline(ast::InlineExpression::VariableReference { id })
            if given.contains_key(id.name) =>
        {
            out.extend(given[id.name].iter().cloned());
        }
        ast::Expression::Inline(ast::InlineExpression::MessageReference {
            id,
            attribute: None,
        }) if bundle
            .get_message(id.name)
            .and_then(|m| m.value())
            .is_some() =>
        {
            let value = bundle
                .get_message(id.name)
                .and_then(|m| m.value())
                .expect("checked");
            walk(bundle, id.name, value, args, given, out, errors, depth + 1);
        }
        ast::Expression::Inline(inline) => {
            let var = match inline {
                ast::InlineExpression::VariableReference { id } => Some(id.name),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().find_map(|a| match a {
                        ast::InlineExpression::VariableReference { id } => Some(id.name),
                        _ => None,
                    })
                }
                _ => None,
            };
            let one = ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            };
            let text = bundle.format_pattern(&one, Some(args), errors).into_owned();
            let fragments = match var {
                Some(SCHOOL) => Some(school(args, &text)),
                _ => value_fragments(bundle, var.unwrap_or(""), &text),
            };
            out.push(Segment {
                text,
                key: None,
                var: var.map(str::to_owned),
                fragments,
            });
        }
    }
}

fn fixed(text: String, key: String) -> Segment {
    Segment {
        text,
        key: Some(key),
        var: None,
        fragments: None,
    }
}

/// The variant Fluent itself chooses (plural rules included): each variant
/// replaced by its index and the select formatted.
fn chosen<'v, 's>(
    bundle: &Bundle,
    selector: &ast::InlineExpression<&'s str>,
    variants: &'v [ast::Variant<&'s str>],
    args: &FluentArgs,
    errors: &mut Vec<FluentError>,
) -> Option<&'v ast::Variant<&'s str>> {
    const INDEX: [&str; 32] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
        "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
    ];
    if variants.len() > INDEX.len() {
        return variants.iter().find(|v| v.default);
    }
    let numbered = ast::Pattern {
        elements: vec![ast::PatternElement::Placeable {
            expression: ast::Expression::Select {
                selector: selector.clone(),
                variants: variants
                    .iter()
                    .zip(INDEX)
                    .map(|(v, i)| ast::Variant {
                        key: v.key.clone(),
                        value: ast::Pattern {
                            elements: vec![ast::PatternElement::TextElement { value: i }],
                        },
                        default: v.default,
                    })
                    .collect(),
            },
        }],
    };
    let index: usize = bundle
        .format_pattern(&numbered, Some(args), errors)
        .parse()
        .ok()?;
    variants.get(index)
}

/// `$school`: its recording, or nothing.
fn school(args: &FluentArgs, name: &str) -> Vec<Fragment> {
    match args.get(SCHOOL_ID) {
        Some(fluent_bundle::FluentValue::String(id)) => vec![Fragment {
            key: format!("school-{id}"),
            text: name.to_owned(),
            optional: true,
        }],
        _ => Vec::new(),
    }
}

/// The fragments that say a value: digit by digit for `NAME-digits`, as a
/// number (whole or decimal, with a point or a comma) otherwise; `None`
/// for anything else (free text).
pub fn value_fragments(bundle: &Bundle, var: &str, text: &str) -> Option<Vec<Fragment>> {
    let mut keys = Vec::new();
    let text = text.trim();
    if var.ends_with("-digits") {
        for c in text.chars() {
            match c {
                '0'..='9' => keys.push(format!("digit-{c}")),
                ' ' | ',' => {}
                _ => return None,
            }
        }
    } else if !text.is_empty() {
        let (whole, decimals) = match text.split_once(['.', ',']) {
            Some((w, d)) => (w, Some(d)),
            None => (text, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || decimals.is_some_and(|d| !all_digits(d)) {
            return None;
        }
        match whole.parse::<u64>() {
            Ok(n) if number_keys(n, &mut keys) => {}
            _ => keys.extend(whole.chars().map(|c| format!("digit-{c}"))),
        }
        if let Some(d) = decimals {
            keys.push("decimal-point".to_owned());
            keys.extend(d.chars().map(|c| format!("digit-{c}")));
        }
    }
    Some(
        keys.into_iter()
            .map(|key| Fragment {
                text: fragment_text(bundle, &key),
                key,
                optional: false,
            })
            .collect(),
    )
}

/// `n` said as numbers: `number-N` below 100, then with `number-hundred`
/// and `number-thousand` (१२३४: एक हजार दुई सय चौँतीस). `false` above what
/// that can say (read digit by digit instead).
pub fn number_keys(n: u64, out: &mut Vec<String>) -> bool {
    let (thousands, rest) = (n / 1000, n % 1000);
    if thousands >= 100 {
        return false;
    }
    if thousands > 0 {
        out.push(format!("number-{thousands}"));
        out.push("number-thousand".to_owned());
    }
    let (hundreds, rest) = (rest / 100, rest % 100);
    if hundreds > 0 {
        out.push(format!("number-{hundreds}"));
        out.push("number-hundred".to_owned());
    }
    if rest > 0 || n == 0 {
        out.push(format!("number-{rest}"));
    }
    true
}

/// A fragment's text in the language (`numbers.ftl`), else its key.
fn fragment_text(bundle: &Bundle, key: &str) -> String {
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, None, &mut errors)
        .into_owned()
}

/// Every key `pattern` could be recorded under, whatever the answers, with
/// its text (every variant of every select): what an editor records.
pub(super) fn recordable(
    prefix: &str,
    pattern: &ast::Pattern<&str>,
    out: &mut Vec<(String, String)>,
    depth: u8,
) {
    let plain = !pattern
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::Placeable { .. }));
    if plain || depth > 8 {
        let text: String = pattern
            .elements
            .iter()
            .map(|e| match e {
                ast::PatternElement::TextElement { value } => *value,
                _ => "",
            })
            .collect();
        if speakable_text(&text) {
            out.push((prefix.to_owned(), text.trim().to_owned()));
        }
        return;
    }
    let mut pieces = 0;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                pieces += 1;
                if speakable_text(value) {
                    out.push((format!("{prefix}.{pieces}"), value.trim().to_owned()));
                }
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { selector, variants },
            } => {
                for v in variants {
                    let (key, shared) = variant_key(prefix, selector, v);
                    if shared {
                        // Recorded once, as the shared fragment.
                        continue;
                    }
                    recordable(&key, &v.value, out, depth + 1);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

/// The recording key of one variant of a selector in the message (or
/// piece) `prefix`: `prefix.VARIANT`, `prefix.VAR-N` for a numeric one, or
/// a fragment shared by every message (`month-11`, `weekday-mon`: a plain
/// variant chosen by a date's `-month` / `-weekday`), then `true`. Both the
/// rendering and the list of what to record name variants here, so they
/// cannot drift apart.
fn variant_key(
    prefix: &str,
    selector: &ast::InlineExpression<&str>,
    variant: &ast::Variant<&str>,
) -> (String, bool) {
    let var = match selector {
        ast::InlineExpression::VariableReference { id } => id.name,
        _ => "select",
    };
    let (name, numeric) = match &variant.key {
        ast::VariantKey::Identifier { name } => (*name, false),
        ast::VariantKey::NumberLiteral { value } => (*value, true),
    };
    let plain = !variant
        .value
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::Placeable { .. }));
    let shared = ["month", "weekday"]
        .into_iter()
        .find(|s| var.ends_with(&format!("-{s}")) && !variant.default && plain);
    match shared {
        Some(s) => (format!("{s}-{name}"), true),
        None if numeric => (format!("{prefix}.{var}-{name}"), false),
        None => (format!("{prefix}.{name}"), false),
    }
}

/// Whether fixed text says anything: a piece that is only spaces and
/// punctuation (", ") needs no recording and is skipped where none exists.
pub fn speakable_text(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_said_in_words_up_to_the_thousands() {
        let keys = |n| {
            let mut v = Vec::new();
            assert!(number_keys(n, &mut v));
            v.join(" ")
        };
        assert_eq!(keys(0), "number-0");
        assert_eq!(keys(38), "number-38");
        assert_eq!(keys(100), "number-1 number-hundred");
        assert_eq!(
            keys(1234),
            "number-1 number-thousand number-2 number-hundred number-34"
        );
        assert!(!number_keys(100_000, &mut Vec::new()));
    }

    #[test]
    fn fragment_ids_are_known() {
        for id in [
            "digit-0",
            "number-38",
            "month-11",
            "weekday-wed",
            "school-x",
        ] {
            assert!(is_fragment(id), "{id}");
        }
        for id in [
            "digit-",
            "summary-kind",
            "numbers",
            "number-invalid",
            "weekday-x",
        ] {
            assert!(!is_fragment(id), "{id}");
        }
    }
}
