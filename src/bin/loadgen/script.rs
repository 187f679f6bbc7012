//! The call every caller makes: the default call of the shipped flow, from
//! the kit's scenarios, at a school without a roster (`--spawn`'s), with
//! where the flow must be after each move.

use fake_twilio::Press;
use fake_twilio::scenario::{fever_absence_today, identify_unlisted};

/// One move of the default call.
#[derive(Debug, Clone)]
pub enum Move {
    Dial,
    /// Keys at a menu; the call then waits at `then`.
    Press(Press),
    /// The student number, then `#`.
    Student(Press),
    /// The key that saves; the caller must then hear the reference number.
    Confirm(Press),
    /// No key at the "another child?" menu: goodbye and hang up.
    Silence,
    /// Twilio's status callback after the hang-up.
    Status,
}

/// The default call for `student`: language 1, the student number and #,
/// absent today ill (one key), fever, 38.5, save, silence, and
/// (with `status_callback`) Twilio's status callback.
pub fn default_call(student: &str, status_callback: bool) -> Vec<Move> {
    let presses = [identify_unlisted(student), fever_absence_today()].concat();
    let last = presses.len() - 1;
    let mut moves = vec![Move::Dial];
    for (i, p) in presses.into_iter().enumerate() {
        moves.push(if i == last {
            Move::Confirm(p)
        } else if p.keys.strip_suffix('#') == Some(student) {
            Move::Student(p)
        } else {
            Move::Press(p)
        });
    }
    moves.push(Move::Silence);
    if status_callback {
        moves.push(Move::Status);
    }
    moves
}

/// What a request of the default call does, for the latency by step.
pub fn move_label(i: usize) -> String {
    match default_call("", true).get(i) {
        Some(Move::Dial) => "dial (call log: start)".to_owned(),
        Some(Move::Press(p)) => format!("key {} → {}", p.keys, p.then),
        Some(Move::Student(p)) => format!("student number # → {}", p.then),
        Some(Move::Confirm(_)) => "key 1: confirm → save → reference".to_owned(),
        Some(Move::Silence) => "silence → goodbye".to_owned(),
        Some(Move::Status) => "status callback (call log: end)".to_owned(),
        None => format!("request {i}"),
    }
}

/// Moves before the kind menu (the setup of --menu-step).
pub const TO_KIND_MENU: usize = 3;

/// One request of a recorded call, replayed against the ceiling.
#[derive(Debug, Clone)]
pub struct Step {
    pub path: String,
    pub extra: Vec<(String, String)>,
    pub completes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels BENCHMARKS.md's tables were printed with.
    #[test]
    fn labels_of_the_default_call() {
        let labels: Vec<String> = (0..10).map(move_label).collect();
        assert_eq!(
            labels,
            [
                "dial (call log: start)",
                "key 1 → student",
                "student number # → kind",
                "key 1 → symptom",
                "key 1 → temperature",
                "key 385 → summary",
                "key 1: confirm → save → reference",
                "silence → goodbye",
                "status callback (call log: end)",
                "request 9",
            ]
        );
        assert_eq!(default_call("1001", false).len(), 8);
        assert!(matches!(
            default_call("1001", true)[TO_KIND_MENU],
            Move::Press(_)
        ));
    }
}
