//! `absence-line lint`: everything an editor can change — config, call
//! flows, Fluent locales and recorded prompts — checked together, each
//! finding with file:line:col and what to do. The server runs the same
//! checks on every hot reload and refuses a change with errors. Lint reads
//! files only: no network, no store.
//!
//! Errors: anything a loader refuses (config; Fluent syntax; flows:
//! unknown or unreachable steps, duplicate keys, messages the reference
//! lacks; calendars; rosters; audio Twilio cannot play); a message the
//! reference lacks (`error-apology`); variables that differ from the
//! reference; a menu key said in no language; a message nothing along a
//! language's chain can say. Warnings: a message a language lacks (heard
//! in its fallback); unused messages; plural variants never chosen; a menu
//! key some languages never say; unrecorded messages, variants and fragments
//! of a language without a voice (each read-back it would hear in another
//! language); a school without an English name; recordings never played.

mod fluent_checks;
mod ftl;
mod hearing;
mod load_errors;
mod menu_checks;
mod message_checks;
mod prompt_checks;
mod report;

use std::path::Path;

pub use hearing::sample_answers;
pub use report::{Finding, Report, Severity};

use crate::config::Config;
use crate::deployment::Deployment;

/// Lint the deployment described by the config file at `config_path`.
pub fn lint(config_path: &Path) -> Report {
    let config = match Config::load(config_path) {
        Ok(c) => c,
        Err(e) => return load_errors::config_error(config_path, e),
    };
    let locales_dir = config.locales_dir.clone();
    let reference = config.default_language.clone();
    match Deployment::load(config) {
        Ok(dep) => {
            let mut report = lint_loaded(&dep);
            prompt_checks::school_names(&dep, config_path, &mut report);
            report.sort();
            report
        }
        Err(e) => {
            let mut report = load_errors::load_error(config_path, e);
            // Still check the text files, so an editor sees everything at once.
            if let Ok(files) = ftl::Locales::read(&locales_dir) {
                fluent_checks::variables(&files, &reference, &mut report);
                fluent_checks::plurals(&files, &mut report);
            }
            report.sort();
            report
        }
    }
}

/// Lint a deployment that loaded (it has no syntax errors, no unknown or
/// unreachable steps, no unplayable audio): the checks across files. Reads
/// the `.ftl` and flow files again for positions; never the audio.
pub fn lint_loaded(dep: &Deployment) -> Report {
    let mut report = Report::default();
    let files = match ftl::Locales::read(&dep.config.locales_dir) {
        Ok(f) => f,
        Err(e) => {
            return Report::at_file(
                Severity::Error,
                &dep.config.locales_dir,
                format!("cannot read the locales: {e}"),
            );
        }
    };
    let listener = hearing::Listener::new(dep);
    fluent_checks::variables(&files, &dep.config.default_language, &mut report);
    fluent_checks::plurals(&files, &mut report);
    message_checks::missing(dep, &files, &listener, &mut report);
    message_checks::unused(dep, &files, &mut report);
    menu_checks::menus_speak_their_keys(dep, &listener, &mut report);
    prompt_checks::unrecorded(dep, &files, &listener, &mut report);
    prompt_checks::stray_recordings(dep, &files, &mut report);
    report.sort();
    report
}

#[cfg(test)]
mod tests;
