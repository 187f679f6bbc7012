//! The shipped call flow's (`call-flows/absence.toml`) key sequences,
//! named, so that a test or the load generator says which call it makes
//! instead of copying the keys. Each starts after the dial (at the language
//! menu) or where the one before it ends.

/// One press at a `<Gather>`, and the step the call then waits at (the
/// `s=` of the next `<Gather action>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Press {
    /// The keys as the caller presses them, the finish key included
    /// (`"10203#"`); see [`crate::Twiml::gather_input`].
    pub keys: String,
    pub then: &'static str,
}

fn press(keys: impl Into<String>, then: &'static str) -> Press {
    Press {
        keys: keys.into(),
        then,
    }
}

/// The student number with its finish key.
fn student_number(student: &str) -> String {
    format!("{student}#")
}

/// Japanese, then `student` (read back with the roster's grade and class
/// at the end, not here). Waits at the kind menu.
pub fn identify(student: &str) -> Vec<Press> {
    vec![
        press("1", "student"),
        press(student_number(student), "kind"),
    ]
}

/// [`identify`] at a school without a roster: the same keys.
pub fn identify_unlisted(student: &str) -> Vec<Press> {
    identify(student)
}

/// From the kind menu: absent today because of illness (one key), fever of
/// 38.5, saved at the read-back. The last press saves; the caller then
/// hears the reference number and is asked about another child.
pub fn fever_absence_today() -> Vec<Press> {
    vec![
        press("1", "symptom"),     // absent today, ill
        press("1", "temperature"), // fever
        press("385", "summary"),   // 38.5
        press("1", "saved"),       // save
    ]
}

/// From the kind menu: absent today for family reasons, saved at the
/// read-back.
pub fn family_absence_today() -> Vec<Press> {
    vec![
        press("2", "reason"),  // absent, another reason
        press("4", "day"),     // family reasons
        press("1", "summary"), // today
        press("1", "saved"),   // save
    ]
}

/// The default call: `student` (on the roster) absent today with a fever.
pub fn report_fever_absence(student: &str) -> Vec<Press> {
    [identify(student), fever_absence_today()].concat()
}

/// `student` (on the roster) absent today for family reasons.
pub fn report_family_absence(student: &str) -> Vec<Press> {
    [identify(student), family_absence_today()].concat()
}

/// Whether an action URL of the server waits at `step` (its `s=`).
pub fn waits_at(action: &str, step: &str) -> bool {
    action
        .split_once('?')
        .is_some_and(|(_, q)| q.split('&').any(|kv| kv.strip_prefix("s=") == Some(step)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_call_is_its_keys() {
        let keys: Vec<String> = report_fever_absence("10203")
            .into_iter()
            .map(|p| p.keys)
            .collect();
        assert_eq!(keys, ["1", "10203#", "1", "1", "385", "1"]);
        let unlisted = identify_unlisted("1001");
        assert_eq!(unlisted[1], press("1001#", "kind"));
    }

    #[test]
    fn waits_at_reads_the_step_of_the_query() {
        let a = "/voice/x/step?s=reason&l=ja&a.kind=absence";
        assert!(waits_at(a, "reason"));
        assert!(!waits_at(a, "kind"));
        assert!(!waits_at("/voice/x/step", "reason"));
    }
}
