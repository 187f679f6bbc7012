//! The words a report is made of that the code branches on: what kind of
//! report it is, what it does to an earlier one, and the channel it came
//! by. Stored as their `as_str` spelling; parsed back only where code must
//! decide on them (rows read from a store stay as stored, so an unknown
//! spelling from an older or newer version is shown, never dropped).

use std::fmt;

macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and flow-file) spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }

            /// The value spelled `s`, if any.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

words! {
    /// What the parent reports (the flow's `kind` answer).
    ReportKind {
        /// Absent the whole day.
        Absence = "absence",
        /// Coming in late.
        Late = "late",
        /// Leaving early.
        Early = "early",
    }
}

words! {
    /// What a report does to one the student already has for that day
    /// (the flow's `correction` answer).
    Correction {
        /// The new report replaces it (it stays, marked replaced).
        Replace = "replace",
        /// No new report: the existing one is marked cancelled.
        Cancel = "cancel",
    }
}

words! {
    /// The way a call or report reached the school.
    Channel {
        /// A telephone call through Twilio's webhooks.
        Twilio = "twilio",
        /// `absence-line simulate`: a telephone in the terminal.
        Simulator = "simulator",
    }
}

/// A report built without saying its channel (tests, imports) came by
/// the telephone line, the line's own channel.
impl Default for Channel {
    fn default() -> Channel {
        Channel::Twilio
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_to_itself_and_nothing_else_does() {
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse(k.as_str()), Some(*k));
        }
        for c in Correction::ALL {
            assert_eq!(Correction::parse(&c.to_string()), Some(*c));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(*c));
        }
        assert_eq!(ReportKind::parse("Absence"), None);
        assert_eq!(ReportKind::parse("message"), None);
        assert_eq!(Channel::parse(""), None);
    }
}
