//! `absence-line lint`: everything an editor can change — config, call
//! flows, Fluent locales and recorded prompts — checked together, each
//! finding with file:line:col and what to do. The server runs the same
//! checks on every hot reload and refuses a change with errors.

mod checks;
mod ftl;
mod report;

use std::path::Path;

pub use report::{Finding, Report, Severity};

use crate::config::{Config, ConfigError};
use crate::deployment::{Deployment, LoadError};
use crate::flow::{FlowError, Located};
use crate::locale::LocaleError;
use crate::schoolday::SchoolDayError;

/// Lint the deployment described by the config file at `config_path`.
pub fn lint(config_path: &Path) -> Report {
    let config = match Config::load(config_path) {
        Ok(c) => c,
        Err(ConfigError::Invalid(l)) => return Report::from_located(Severity::Error, [l]),
        Err(e) => return Report::at_file(Severity::Error, config_path, e.to_string()),
    };
    let locales_dir = config.locales_dir.clone();
    let reference = config.default_language.clone();
    match Deployment::load(config) {
        Ok(dep) => lint_loaded(&dep),
        Err(e) => {
            let mut report = load_error(config_path, e);
            // Still check the text files, so an editor sees everything at once.
            if let Ok(files) = ftl::Locales::read(&locales_dir) {
                checks::variables(&files, &reference, &mut report);
                checks::plurals(&files, &mut report);
            }
            report.sort();
            report
        }
    }
}

/// Lint a deployment that loaded (it has no syntax errors, no unknown or
/// unreachable steps, no unplayable audio): the checks across files.
pub fn lint_loaded(dep: &Deployment) -> Report {
    let mut report = Report::default();
    let files = match ftl::Locales::read(&dep.config.locales_dir) {
        Ok(f) => f,
        Err(e) => return Report::at_file(Severity::Error, &dep.config.locales_dir, e.to_string()),
    };
    let reference = &dep.config.default_language;
    checks::variables(&files, reference, &mut report);
    checks::plurals(&files, &mut report);
    checks::missing_and_unused(dep, &files, &mut report);
    checks::menus_speak_their_keys(dep, &mut report);
    checks::recordings(dep, &files, &mut report);
    report.sort();
    report
}

fn load_error(config_path: &Path, e: LoadError) -> Report {
    match e {
        LoadError::Flow(FlowError::Invalid(ls))
        | LoadError::Locale(LocaleError::Invalid(ls))
        | LoadError::Recordings(ls)
        | LoadError::Roster(ls) => Report::from_located(Severity::Error, ls),
        LoadError::Config(ConfigError::Invalid(l)) => Report::from_located(Severity::Error, [l]),
        LoadError::SchoolDay(SchoolDayError::Calendar {
            file,
            line,
            col,
            message,
        }) => Report::from_located(
            Severity::Error,
            [Located {
                file,
                line,
                col,
                message,
            }],
        ),
        other => Report::at_file(Severity::Error, config_path, other.to_string()),
    }
}

#[cfg(test)]
mod tests;
