//! Writing a demo deployment: each school's store (roster and reports,
//! through the store's own code), the calendar file, a config that serves
//! it all, and the staff passwords.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::DemoError;
use super::simulate::Plan;
use crate::domain::SchoolId;
use crate::store::{self, IMPORTED, NewReport, ReportEdit, Store};

/// What the demo takes from an existing config (the repository's demo
/// config): where the flows, locales and prompts are, the voices, and the
/// board's login.
#[derive(Debug, Clone)]
pub struct Template {
    pub flows_dir: PathBuf,
    pub locales_dir: PathBuf,
    pub prompts_dir: PathBuf,
    /// The `[languages.*]` tables, as TOML.
    pub languages: String,
    pub board_password_hash: Option<String>,
}

impl Template {
    /// Read `config`. Its directories must exist: the demo's config names
    /// them by absolute path, so it works from anywhere.
    pub fn from_config(config: &Path) -> Result<Template, DemoError> {
        let loaded = crate::config::Config::load(config).map_err(|e| DemoError::Template {
            path: config.display().to_string(),
            message: e.to_string(),
        })?;
        let absolute = |p: &Path| {
            p.canonicalize().map_err(|e| DemoError::Template {
                path: config.display().to_string(),
                message: format!("{}: {e}", p.display()),
            })
        };
        // The voices as written (the loaded settings have no TOML form).
        let text = std::fs::read_to_string(config).unwrap_or_default();
        let mut languages = toml::Table::new();
        if let Ok(table) = text.parse::<toml::Table>()
            && let Some(l) = table.get("languages")
        {
            languages.insert("languages".into(), l.clone());
        }
        Ok(Template {
            flows_dir: absolute(&loaded.flows_dir)?,
            locales_dir: absolute(&loaded.locales_dir)?,
            prompts_dir: absolute(&loaded.prompts_dir)?,
            languages: toml::to_string(&languages).unwrap_or_default(),
            board_password_hash: loaded.board.map(|b| b.password_hash),
        })
    }
}

/// A school written: what the config and the summary need.
#[derive(Debug, Clone)]
pub struct Written {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub password: String,
    pub password_hash: String,
    pub students: usize,
    pub reports: usize,
    /// Report rows (one per school day a report covers).
    pub rows: usize,
    pub replaced: usize,
    pub cancelled: usize,
    pub edited: usize,
}

/// Write `plan`'s store into `data_dir`, and make the school's password.
pub fn write_school(
    plan: &Plan,
    data_dir: &Path,
    seed: u64,
    index: usize,
) -> Result<Written, DemoError> {
    let id = &plan.school.id;
    // The ids were made to be valid; a bad one would also break the config.
    let school = SchoolId::parse(id).map_err(|e| DemoError::Config(e.to_string()))?;
    let path = store::file_for(data_dir, &school);
    let store = Store::open(&path)?;
    let roster: Vec<_> = plan.students.iter().map(|s| s.record.clone()).collect();
    let edited = store.filling(|store| {
        store.replace_students(
            &roster,
            IMPORTED,
            &format!("absence-line demo-data, seed {seed}"),
        )?;
        let saved = store.import_reports(&plan.reports)?;
        // The staff's corrections, as the morning list makes them: by the
        // reference the save gave, as the school's account.
        let references: HashMap<&str, u32> = plan
            .reports
            .iter()
            .zip(&saved)
            .map(|(r, s)| (r.call_sid.as_str(), s.reference))
            .collect();
        let mut edited = 0;
        for e in &plan.edits {
            let Some(&reference) = references.get(e.call_sid.as_str()) else {
                continue;
            };
            // A suspension says its disease, not symptoms (the history
            // keeps the fever the parent reported).
            let edit = ReportEdit {
                reason: Some("infectious".to_owned()),
                symptom: None,
                temperature: None,
                disease: Some(e.disease.to_string()),
            };
            if store.edit_report(reference, &edit, id, &e.at)?.is_some() {
                edited += 1;
            }
        }
        Ok(edited)
    })?;
    let (password, password_hash) = password(seed, index)?;
    let correction = |c| {
        plan.reports
            .iter()
            .filter(|r: &&NewReport| r.correction == Some(c))
            .count()
    };
    Ok(Written {
        id: id.clone(),
        name: plan.school.name.clone(),
        name_en: plan.school.name_en.clone(),
        password,
        password_hash,
        students: plan.students.len(),
        reports: plan.reports.len(),
        rows: plan
            .reports
            .iter()
            .filter(|r| r.correction != Some(crate::domain::Correction::Cancel))
            .map(|r| r.days.len())
            .sum(),
        replaced: correction(crate::domain::Correction::Replace),
        cancelled: correction(crate::domain::Correction::Cancel),
        edited,
    })
}

/// The school's staff password (the same for a seed, so a demo's notes
/// stay right when it is made again) and its Argon2 hash.
fn password(seed: u64, index: usize) -> Result<(String, String), DemoError> {
    const LETTERS: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5EED_CAFE ^ ((index as u64) << 20));
    let tail: String = (0..10)
        .map(|_| char::from(LETTERS[rng.random_range(0..LETTERS.len())]))
        .collect();
    let password = format!("demo-{tail}");
    let hash = crate::password::hash_password(&password)
        .map_err(|e| DemoError::Password(e.to_string()))?;
    Ok((password, hash))
}

/// The deployment's config: every school, on the demo's calendar.
pub fn config_text(template: &Template, schools: &[Written], header: &str) -> String {
    let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let path = |p: &Path| q(&p.display().to_string());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Demo deployment made by `absence-line demo-data` ({header}).\n\
         # Serve it: absence-line --config <this file> serve\n\
         # Logins: PASSWORDS.txt beside this file. DEMO ONLY: those passwords are not secret.\n"
    );
    let _ = writeln!(out, "listen = \"127.0.0.1:8080\"");
    let _ = writeln!(out, "data_dir = \"data\"");
    let _ = writeln!(out, "flows_dir = {}", path(&template.flows_dir));
    let _ = writeln!(out, "locales_dir = {}", path(&template.locales_dir));
    let _ = writeln!(out, "prompts_dir = {}", path(&template.prompts_dir));
    let _ = writeln!(out, "default_language = \"ja\"\n");
    if !template.languages.trim().is_empty() {
        let _ = writeln!(out, "{}", template.languages.trim_end());
        out.push('\n');
    }
    if let Some(hash) = &template.board_password_hash {
        let _ = writeln!(out, "[board]\npassword_hash = {}\n", q(hash));
    }
    for s in schools {
        let _ = writeln!(
            out,
            "[schools.{}]\nname = {}\nnames = {{ en = {} }}\ntime_zone = \"Asia/Tokyo\"\n\
             cutoff = \"08:30\"\ncalendar = \"calendar.txt\"\nflow = \"absence\"\n\
             staff_password_hash = {}\n",
            s.id,
            q(&s.name),
            q(&s.name_en),
            q(&s.password_hash)
        );
    }
    out
}

/// PASSWORDS.txt: each school's login.
pub fn passwords_text(template_config: &Path, schools: &[Written]) -> String {
    let mut out = String::from(
        "# Staff logins of this demo (http://127.0.0.1:8080/login). DEMO ONLY.\n\
         # account\tpassword\n",
    );
    let _ = writeln!(
        out,
        "board\t(the board's password of {}; for the repository's absence-line.toml see README.md)",
        template_config.display()
    );
    for s in schools {
        let _ = writeln!(out, "{}\t{}", s.id, s.password);
    }
    out
}
