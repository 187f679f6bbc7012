//! The loaders' own errors as findings: config, Fluent syntax, flows
//! (unknown or unreachable steps, duplicate keys, messages the reference
//! lacks), calendars, rosters, recordings Twilio cannot play.

use std::path::Path;

use super::report::{Report, Severity};
use crate::config::ConfigError;
use crate::deployment::LoadError;
use crate::diagnostics::Located;
use crate::flow::FlowError;
use crate::locale::LocaleError;
use crate::schoolday::SchoolDayError;

pub fn config_error(config_path: &Path, e: ConfigError) -> Report {
    match e {
        ConfigError::Invalid(l) => Report::from_located(Severity::Error, [l]),
        ConfigError::Io { cause, .. } => Report::at_file(
            Severity::Error,
            config_path,
            format!("cannot read the config file: {cause}; check the path given with --config"),
        ),
    }
}

pub fn load_error(config_path: &Path, e: LoadError) -> Report {
    let config_file = config_path.display().to_string();
    // An error about a setting: at that setting in the config file.
    let in_config = |needle: &str, message: String| {
        let text = std::fs::read_to_string(config_path).unwrap_or_default();
        let at = text.find(needle).unwrap_or(0);
        Report::from_located(
            Severity::Error,
            [Located::at(&config_file, &text, at, message)],
        )
    };
    match e {
        LoadError::Flow(FlowError::Invalid(ls))
        | LoadError::Locale(LocaleError::Invalid(ls))
        | LoadError::Recordings(ls)
        | LoadError::Roster(ls) => Report::from_located(Severity::Error, ls),
        LoadError::Config(c) => config_error(config_path, c),
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
        LoadError::SchoolDay(e @ SchoolDayError::Cutoff { .. }) => {
            let SchoolDayError::Cutoff { value } = &e else {
                unreachable!("matched above")
            };
            in_config(&format!("\"{value}\""), e.to_string())
        }
        LoadError::School { school, message } => in_config(
            &format!("[schools.{school}]"),
            format!("school {school}: {message}"),
        ),
        LoadError::Io { path, cause } => Report::at_file(
            Severity::Error,
            Path::new(&path),
            format!(
                "cannot read this file: {cause}; check its path in {config_file} (a school's flow = \"x\" reads call-flows/x.toml)"
            ),
        ),
        other @ (LoadError::Locale(LocaleError::Io { .. })
        | LoadError::Locale(LocaleError::NoReference(_))) => {
            Report::at_file(Severity::Error, config_path, other.to_string())
        }
    }
}
