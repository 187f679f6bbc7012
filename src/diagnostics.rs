//! Where a mistake in a hand-edited file is, and how it is shown.
//!
//! Flow files, rosters, calendars, locales, recordings and the config are
//! all written by school staff, not programmers; every loader reports each
//! mistake as `file:line:col: what to do`, so an editor can jump to it.
//! This module is that shared vocabulary: it knows no file format, so
//! anything that reads files can depend on it without depending on the
//! others.

use std::fmt;

/// One mistake in a file, where it is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl Located {
    /// Locate byte offset `at` of `text`; columns count characters from 1.
    pub fn at(file: &str, text: &str, at: usize, message: impl Into<String>) -> Located {
        let at = at.min(text.len());
        let before = &text[..text.floor_char_boundary(at)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Located {
            file: file.to_owned(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A mistake about a whole file (or folder) rather than a place in it:
    /// shown at line 1, column 1 so editors still open the file.
    pub fn file_start(file: impl Into<String>, message: impl Into<String>) -> Located {
        Located {
            file: file.into(),
            line: 1,
            col: 1,
            message: message.into(),
        }
    }
}

/// Every mistake, one per line: how an error holding several is displayed.
pub fn one_per_line(errors: &[Located]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn located_at_counts_lines_and_characters() {
        let text = "ab\ncdé\nfg";
        let l = Located::at("f", text, 0, "m");
        assert_eq!((l.line, l.col), (1, 1));
        let l = Located::at("f", text, 3, "m");
        assert_eq!((l.line, l.col), (2, 1));
        // After "cdé" (3 + 2 bytes + 'c' 'd' ...): byte 7 is the newline.
        let l = Located::at("f", text, 7, "m");
        assert_eq!((l.line, l.col), (2, 4));
        // Inside the two bytes of 'é': the column of 'é'.
        let l = Located::at("f", text, 6, "m");
        assert_eq!((l.line, l.col), (2, 3));
        // Past the end: the end.
        let l = Located::at("f", text, 100, "m");
        assert_eq!((l.line, l.col), (3, 3));
    }
}
