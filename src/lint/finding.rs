//! What lint found: one finding per problem, each with file:line:col and
//! what to do, and the report that collects them.

use std::fmt::Write as _;

use serde::ser::SerializeStruct;

use crate::flow::Located;

/// How bad a finding is: an error refuses the change (and makes the `lint`
/// command fail); a warning is shown but does not stop anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem, where it is (1-based line and column; columns count
/// characters) and, in plain words, what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Finding {
    pub fn error(file: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            file: file.into(),
            line,
            col,
            message: message.into(),
        }
    }

    pub fn warning(file: impl Into<String>, line: usize, col: usize, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(file, line, col, message)
        }
    }

    /// A finding at what a loader located.
    pub fn from_located(severity: Severity, l: Located) -> Finding {
        Finding {
            severity,
            file: l.file,
            line: l.line,
            col: l.col,
            message: l.message,
        }
    }

    /// A finding at byte offset `at` of `text`.
    pub fn at(severity: Severity, file: &str, text: &str, at: usize, message: impl Into<String>) -> Finding {
        Finding::from_located(severity, Located::at(file, text, at, message))
    }

    fn sort_key(&self) -> (&str, usize, usize, std::cmp::Reverse<Severity>, &str) {
        (
            &self.file,
            self.line,
            self.col,
            std::cmp::Reverse(self.severity),
            &self.message,
        )
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file,
            self.line,
            self.col,
            self.severity.as_str(),
            self.message
        )
    }
}

/// Everything lint found, sorted by file, line and column.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report of findings, sorted by file/line/col, without duplicates.
    pub fn from_findings(mut findings: Vec<Finding>) -> Report {
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        Report { findings }
    }

    /// One error that is not about a file an editor can change (a failed
    /// task, a store that cannot be opened).
    pub fn internal(message: &str) -> Report {
        Report {
            findings: vec![Finding::error("absence-line", 1, 1, message)],
        }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// The first error as "file:line:col: message", for a one-line log.
    pub fn first_error(&self) -> Option<String> {
        self.sorted()
            .into_iter()
            .find(|f| f.severity == Severity::Error)
            .map(|f| format!("{}:{}:{}: {}", f.file, f.line, f.col, f.message))
    }

    /// "file:line:col: error: message" lines, sorted by file/line/col, then
    /// a summary line "N errors, M warnings".
    pub fn to_human(&self) -> String {
        let mut out = String::new();
        for f in self.sorted() {
            let _ = writeln!(out, "{f}");
        }
        let (e, w) = (self.errors(), self.warnings());
        let _ = writeln!(
            out,
            "{e} error{}, {w} warning{}",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" }
        );
        out
    }

    /// `{"errors":N,"warnings":M,"findings":[{"severity":"error","file":…,"line":…,"col":…,"message":…}]}`
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    fn sorted(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.findings.iter().collect();
        v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        v
    }
}

/// Serialised with its counts, as `to_json` (the reload answer embeds it).
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 3)?;
        st.serialize_field("errors", &self.errors())?;
        st.serialize_field("warnings", &self.warnings())?;
        st.serialize_field("findings", &self.sorted())?;
        st.end()
    }
}
