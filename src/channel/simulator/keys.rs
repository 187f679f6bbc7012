//! One line typed at the terminal → the engine's input, read the way the
//! step waits: a recording step takes any text as a message, a step with a
//! finish key takes it as the end of the entry.

use crate::flow::{Input, Then};

/// What a caller typing `entry` did at a step that waits as `then` says.
pub fn input_of(entry: &str, then: &Then) -> Input {
    if let Then::Record { .. } = then {
        return if entry.is_empty() {
            Input::NoInput
        } else {
            Input::Recording(format!("simulated:{entry}"))
        };
    }
    let finish = match then {
        Then::Keys {
            finish_key: Some(k),
            ..
        }
        | Then::Choices { finish_key: k, .. } => Some(*k),
        _ => None,
    };
    match finish.and_then(|k| entry.strip_suffix(k)) {
        Some("") => Input::FinishKeyOnly,
        Some(d) => Input::Digits(d.to_owned()),
        None if entry.is_empty() => Input::NoInput,
        None => Input::Digits(entry.to_owned()),
    }
}

/// How the terminal asks for what the step waits for.
pub fn what_to_type(then: &Then) -> String {
    match then {
        Then::Hangup => String::new(),
        Then::Keys { max_digits: 1, .. } => "key".to_owned(),
        Then::Choices { finish_key, .. } => {
            format!("every key that applies, then {finish_key} or silence")
        }
        Then::Keys {
            max_digits,
            finish_key,
            ..
        } => match finish_key {
            Some(k) => format!("up to {max_digits} keys, then {k}"),
            None => format!("up to {max_digits} keys"),
        },
        Then::Record {
            max_length_secs, ..
        } => format!("recording, up to {max_length_secs} s (any text = a message)"),
    }
}
