//! Which messages the line speaks: every message of every loaded flow, and
//! the apology the server speaks when something fails inside.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::deployment::Deployment;
use crate::domain::LangTag;

/// Spoken by the server on any failure inside a call (see `http::apology`).
pub const APOLOGY: &str = "error-apology";

/// A prompt that a flow speaks in one fixed language (the language menu).
#[derive(Debug)]
pub struct FixedUse {
    pub msg: String,
    pub lang: LangTag,
    pub flow_file: String,
    pub step: String,
}

#[derive(Debug, Default)]
pub struct Used {
    pub ids: BTreeSet<String>,
    pub fixed: Vec<FixedUse>,
}

impl Used {
    pub fn of(dep: &Deployment) -> Used {
        let mut used = Used::default();
        used.ids.insert(APOLOGY.to_owned());
        let mut names: Vec<&String> = dep.flows.keys().collect();
        names.sort();
        for name in names {
            let flow = &dep.flows[name];
            used.ids.extend(flow.message_ids().map(|m| m.to_string()));
            let file = flow_path(dep, name).display().to_string();
            for step in &flow.steps {
                for p in step.prompt.iter().chain(&step.help) {
                    if let Some(lang) = &p.lang {
                        used.fixed.push(FixedUse {
                            msg: p.msg.to_string(),
                            lang: lang.clone(),
                            flow_file: file.clone(),
                            step: step.name.clone(),
                        });
                    }
                }
            }
        }
        used
    }
}

/// The file a loaded flow was read from.
pub fn flow_path(dep: &Deployment, name: &str) -> PathBuf {
    dep.config.flows_dir.join(format!("{name}.toml"))
}
