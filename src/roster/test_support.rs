//! Fixtures shared by the roster's tests: a header, and the errors or
//! roster a text parses to.

pub(super) use super::Roster;

pub(super) const HEAD: &str = "student,grade,class,number,name,kana,phones\n";

/// The errors as printed: `file:line:col: message`.
pub(super) fn errors(text: &str) -> Vec<String> {
    match Roster::parse(text, "roster.csv") {
        Ok(r) => panic!("expected errors, parsed {} students", r.len()),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

/// The one error of a file, as printed.
pub(super) fn error(text: &str) -> String {
    let e = errors(text);
    assert_eq!(e.len(), 1, "{e:#?}");
    e.into_iter().next().unwrap()
}

pub(super) fn ok(text: &str) -> Roster {
    Roster::parse(text, "roster.csv").unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

pub(super) fn row(fields: &str) -> String {
    format!("{HEAD}{fields}\n")
}
