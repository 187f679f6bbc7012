//! Findings and their two presentations: lines for people, JSON for tools.

use std::path::Path;

use serde::Serialize;

use crate::diagnostics::Located;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Report {
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn push(&mut self, severity: Severity, at: Located) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        self.findings.push(Finding {
            severity,
            file: at.file,
            line: at.line,
            col: at.col,
            message: at.message,
        });
    }

    pub fn from_located(severity: Severity, ls: impl IntoIterator<Item = Located>) -> Report {
        let mut r = Report::default();
        for l in ls {
            r.push(severity, l);
        }
        r
    }

    pub fn at_file(severity: Severity, file: &Path, message: String) -> Report {
        Report::from_located(
            severity,
            [Located::file_start(file.display().to_string(), message)],
        )
    }

    /// A failure of the checking itself.
    pub fn internal(message: &str) -> Report {
        Report::at_file(
            Severity::Error,
            Path::new("absence-line"),
            message.to_owned(),
        )
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    pub fn warnings(&self) -> usize {
        self.warnings
    }

    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The first error as one line, for a log.
    pub fn first_error(&self) -> Option<String> {
        self.findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .map(|f| format!("{}:{}:{}: {}", f.file, f.line, f.col, f.message))
    }

    pub(super) fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (&a.file, a.line, a.col, b.severity).cmp(&(&b.file, b.line, b.col, a.severity))
        });
        self.findings.dedup();
        // Duplicates removed: count again.
        self.errors = self.count(Severity::Error);
        self.warnings = self.count(Severity::Warning);
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// `file:line:col: error: message` lines, then a count.
    pub fn to_human(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{}:{}:{}: {sev}: {}\n",
                f.file, f.line, f.col, f.message
            ));
        }
        out.push_str(&format!(
            "{} error(s), {} warning(s)\n",
            self.errors, self.warnings
        ));
        out
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serialises")
    }
}
