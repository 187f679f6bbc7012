//! The layering ARCHITECTURE.md promises, checked on every `cargo test`:
//! which modules may name which, and which outside crates stay in one
//! place. A refactor that points an arrow the wrong way fails here, not in
//! a review a year later.
//!
//! One crate, not several: the pure core (domain, flow, speech, TwiML)
//! could be a crate of its own, but a crate boundary would only enforce the
//! one rule "no axum, no rusqlite" that this test already enforces, at the
//! cost of a second manifest, longer cold builds on two cores, and
//! `pub` everywhere the boundary is crossed. See ARCHITECTURE.md.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir` (or `dir.rs` itself), with its text.
fn sources(module: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let file = root.join(format!("{module}.rs"));
    if file.is_file() {
        out.push((file.clone(), std::fs::read_to_string(&file).unwrap()));
    }
    let mut dirs = vec![root.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    assert!(!out.is_empty(), "no sources for module {module}");
    out
}

/// The code of a file without its comments: a doc comment may name what a
/// module must not use.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files of `module` that name any of `forbidden` (`crate::store`,
/// `axum::`…) in their code.
fn offenders(module: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(module) {
        let code = code(&text);
        for f in forbidden {
            if code.contains(f) {
                found.push(format!("{} names {f}", path.display()));
            }
        }
    }
    found
}

#[test]
fn every_module_keeps_to_its_layer() {
    // (module, what it must not name, why)
    let rules: &[(&str, &[&str], &str)] = &[
        (
            "domain",
            &["crate::", "super::super"],
            "domain: validated values that everything may use; it uses nothing",
        ),
        (
            "diagnostics",
            &["crate::"],
            "diagnostics: where a mistake is in a hand-edited file; no file format",
        ),
        (
            "locale",
            &[
                "crate::flow",
                "crate::store",
                "crate::http",
                "crate::channel",
                "axum",
                "rusqlite",
            ],
            "locale: Fluent catalogues; they know no flow and no store",
        ),
        (
            "store",
            &[
                "crate::call",
                "crate::channel",
                "crate::cli",
                "crate::config",
                "crate::deployment",
                "crate::flow",
                "crate::http",
                "crate::roster",
                "crate::surveillance",
                "crate::export",
                "crate::demo",
                "axum",
            ],
            "store: the school's SQLite file; it knows only domain values",
        ),
        (
            "flow",
            &[
                "crate::store",
                "crate::http",
                "crate::channel",
                "crate::call",
                "axum",
                "rusqlite",
                "tokio",
            ],
            "flow: the pure engine; no I/O, no channel, no store",
        ),
        (
            "roster",
            &["crate::store", "crate::http", "rusqlite", "axum"],
            "roster: a roster file; it knows no store",
        ),
        (
            "call",
            &[
                "crate::http",
                "crate::channel",
                "crate::cli",
                "axum",
                "rusqlite",
                "twiml",
            ],
            "call: the turn driver; no transport, no SQL (the port does that)",
        ),
        (
            "speech",
            &[
                "crate::store",
                "crate::http",
                "crate::channel",
                "axum",
                "rusqlite",
            ],
            "speech: what is heard, channel-neutral",
        ),
        (
            "demo",
            &["crate::http", "crate::channel", "axum"],
            "demo: a district's data written through the store; no server",
        ),
        (
            "channel/simulator",
            &["crate::http", "axum", "rusqlite", "twiml"],
            "the simulator: a terminal, no web server",
        ),
    ];
    let mut broken = Vec::new();
    for (module, forbidden, why) in rules {
        for o in offenders(module, forbidden) {
            broken.push(format!("{o} ({why})"));
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn axum_rusqlite_and_anyhow_stay_in_their_places() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "bin" && n != "main.rs"))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            Some(name.strip_suffix(".rs").unwrap_or(&name).to_owned())
        })
        .filter(|m| m != "snapshots" && m != "layers_tests")
        .collect();
    let mut broken = Vec::new();
    for m in &modules {
        for (path, text) in sources(m) {
            let code = code(&text);
            let rel = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let web = rel.starts_with("http") || rel.starts_with("channel/twilio");
            if !web && code.contains("axum") {
                broken.push(format!(
                    "{rel} uses axum (only http/ and channel/twilio/ may)"
                ));
            }
            if !rel.starts_with("store") && code.contains("rusqlite") {
                broken.push(format!("{rel} uses rusqlite (only store/ may)"));
            }
            if !rel.starts_with("cli") && code.contains("anyhow") {
                broken.push(format!("{rel} uses anyhow (only cli/ may)"));
            }
            if rel == "channel/twilio/twiml.rs"
                && (code.contains("axum") || code.contains("std::io"))
            {
                broken.push(format!("{rel} must stay pure"));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// The scanner itself sees a name a module really uses (the engine does
/// use `domain`), and not one only its comments mention.
#[test]
fn the_check_sees_what_a_module_names() {
    assert!(!offenders("flow", &["crate::domain"]).is_empty());
    assert!(code("use crate::store::Store; // fine").contains("crate::store"));
    assert!(!code("//! no crate::store here").contains("crate::store"));
}
