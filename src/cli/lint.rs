//! `absence-line lint`: check everything an editor can change, together.

use std::io::Write;

use anyhow::bail;

use super::args::{Global, LintArgs, LintFormat};
use crate::lint;

pub fn run(global: &Global, args: LintArgs) -> anyhow::Result<()> {
    let report = lint::lint(&global.config);
    let text = match args.format {
        LintFormat::Human => report.to_human(),
        LintFormat::Json => report.to_json(),
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", text.trim_end())?;
    if report.has_errors() {
        bail!(
            "lint found {} error(s); nothing was changed",
            report.errors()
        );
    }
    Ok(())
}
