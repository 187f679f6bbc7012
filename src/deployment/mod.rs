//! Everything a running line needs that comes from files, loaded and checked
//! once: config, flows, locales, and each school's calendar and roster.
//! Webhooks only read a loaded [`Deployment`]; they never touch these files.
//! `reload` reads them again while the line answers, and swaps the result in.

pub mod reload;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::config::{Config, ConfigError, SchoolKind};
use crate::diagnostics::{Located, one_per_line};
use crate::domain::{LangTag, SchoolId};
use crate::flow::{Flow, FlowError, load_flow};
use crate::locale::{Catalog, LocaleError};
use crate::recordings::Recordings;
use crate::roster::Roster;
use crate::schoolday::{SchoolCalendar, SchoolDayError, parse_calendar, parse_cutoff};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Locale(#[from] LocaleError),
    #[error(transparent)]
    Flow(#[from] FlowError),
    #[error(transparent)]
    SchoolDay(#[from] SchoolDayError),
    #[error("{}", one_per_line(.0))]
    Roster(Vec<Located>),
    #[error("{}", one_per_line(.0))]
    Recordings(Vec<Located>),
    #[error("school {school}: {message}")]
    School { school: SchoolId, message: String },
    #[error("cannot read {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
}

pub struct Deployment {
    pub config: Config,
    pub flows: HashMap<String, Flow>,
    pub catalog: Catalog,
    pub recordings: Recordings,
    pub schools: BTreeMap<SchoolId, School>,
}

pub struct School {
    pub id: SchoolId,
    pub name: String,
    pub names: BTreeMap<LangTag, String>,
    pub calendar: SchoolCalendar,
    pub roster: Option<Roster>,
    pub flow: String,
    pub kind: SchoolKind,
    /// Every student number has this many digits (config `student_digits`).
    pub student_digits: Option<u32>,
    /// When lessons end, local time: see [`School::this_school_day`].
    pub school_ends: NaiveTime,
}

impl School {
    /// The school's name to speak in `lang`: its own name in that
    /// language, else the English (romanised) one, else `name`. `name` is
    /// in the default language and is in `names` under it (see `load`), so
    /// a Vietnamese voice reads "Sumida Daiichi", never kanji.
    pub fn name_in(&self, lang: &LangTag) -> &str {
        self.names
            .get(lang)
            .or_else(|| {
                self.names
                    .iter()
                    .find(|(l, _)| l.as_str() == "en")
                    .map(|(_, n)| n)
            })
            .map_or(&self.name, String::as_str)
    }

    /// The value of one of the engine's call variables at `now`.
    pub fn call_var(&self, name: &str, now: DateTime<Utc>) -> Option<String> {
        let today = || self.calendar.today(now);
        let calendar_day = || now.with_timezone(&self.calendar.tz()).date_naive();
        let yes_no = |moved: bool| if moved { "yes" } else { "no" }.to_owned();
        match name {
            "today" => Some(crate::schoolday::iso_date(today())),
            "next_school_day" => Some(crate::schoolday::iso_date(
                self.calendar.next_school_day_after(today()),
            )),
            "this_school_day" => Some(crate::schoolday::iso_date(self.this_school_day(now))),
            "today_moved" => Some(yes_no(today() != calendar_day())),
            "this_day_moved" => Some(yes_no(self.this_school_day(now) != calendar_day())),
            "student_digits" => self.student_digits.map(|n| n.to_string()),
            _ => None,
        }
    }

    /// The day a late arrival or an early leave reported at `now` is for:
    /// the calendar day while it is a school day and lessons have not
    /// ended (`school_ends`), else the next school day. Not the cut-off:
    /// a parent calling at 08:45 about a child who will come at 10:00 at a
    /// school whose cut-off is 08:30 means today.
    pub fn this_school_day(&self, now: DateTime<Utc>) -> NaiveDate {
        let local = now.with_timezone(&self.calendar.tz());
        let date = local.date_naive();
        if self.calendar.is_school_day(date) && local.time() < self.school_ends {
            date
        } else {
            self.calendar.next_school_day_after(date)
        }
    }
}

/// A declared `student_digits` must be a usable length and fit every
/// number of the school's roster: otherwise a parent could never key their
/// child's number.
fn check_student_digits(
    school: &SchoolId,
    digits: Option<u32>,
    roster: Option<&Roster>,
) -> Result<(), LoadError> {
    let Some(n) = digits else { return Ok(()) };
    let bad = |message: String| LoadError::School {
        school: school.clone(),
        message,
    };
    if !(4..=8).contains(&n) {
        return Err(bad(format!(
            "student_digits = {n}: a student number has 4 to 8 digits"
        )));
    }
    if let Some(other) = roster
        .into_iter()
        .flat_map(Roster::students)
        .find(|s| s.chars().count() != n as usize)
    {
        return Err(bad(format!(
            "student_digits = {n}, but the roster has student number {other}, of {} digits; correct student_digits or remove it",
            other.chars().count()
        )));
    }
    Ok(())
}

/// The file a flow is read from: `<flows_dir>/<name>.toml`.
pub fn flow_path(config: &Config, name: &str) -> std::path::PathBuf {
    config.flows_dir.join(format!("{name}.toml"))
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|cause| LoadError::Io {
        path: path.display().to_string(),
        cause,
    })
}

impl Deployment {
    /// Load everything `config` points at; any error leaves nothing loaded.
    pub fn load(config: Config) -> Result<Deployment, LoadError> {
        let reference = config.default_language.clone();
        let catalog = Catalog::load(&config.locales_dir, &reference, &config.languages)?;
        let recordings = Recordings::load(&config.prompts_dir).map_err(LoadError::Recordings)?;
        let mut flows = HashMap::new();
        for school in config.schools.values() {
            if flows.contains_key(&school.flow) {
                continue;
            }
            let path = flow_path(&config, &school.flow);
            let text = read(&path)?;
            let flow = load_flow(&school.flow, &path.display().to_string(), &text, &|id| {
                catalog.has_message(&reference, id)
            })?;
            flows.insert(school.flow.clone(), flow);
        }
        let mut schools = BTreeMap::new();
        for (id, sc) in &config.schools {
            let tz: Tz = sc.time_zone.parse().map_err(|_| LoadError::School {
                school: id.clone(),
                message: format!(
                    "time_zone {:?} is not an IANA time zone such as Asia/Tokyo",
                    sc.time_zone
                ),
            })?;
            let days = match &sc.calendar {
                Some(p) => parse_calendar(&read(p)?, &p.display().to_string())?,
                None => Default::default(),
            };
            let roster = match &sc.roster {
                Some(p) => {
                    let bytes = std::fs::read(p).map_err(|cause| LoadError::Io {
                        path: p.display().to_string(),
                        cause,
                    })?;
                    // UTF-8 or Shift_JIS, as school records systems export.
                    let (roster, _) = Roster::parse_bytes(&bytes, &p.display().to_string())
                        .map_err(LoadError::Roster)?;
                    Some(roster)
                }
                None => None,
            };
            check_student_digits(id, sc.student_digits, roster.as_ref())?;
            schools.insert(
                id.clone(),
                School {
                    id: id.clone(),
                    name: sc.name.clone(),
                    names: {
                        // `name` is the name in the default language.
                        let mut names = sc.names.clone();
                        names
                            .entry(reference.clone())
                            .or_insert_with(|| sc.name.clone());
                        names
                    },
                    calendar: SchoolCalendar::new(tz, parse_cutoff(&sc.cutoff)?, days),
                    roster,
                    flow: sc.flow.clone(),
                    kind: sc.kind,
                    student_digits: sc.student_digits,
                    school_ends: parse_cutoff(&sc.school_ends).map_err(|_| LoadError::School {
                        school: id.clone(),
                        message: format!(
                            "school_ends {:?} is not a time such as 16:00",
                            sc.school_ends
                        ),
                    })?,
                },
            );
        }
        Ok(Deployment {
            config,
            flows,
            catalog,
            recordings,
            schools,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(numbers: &[&str]) -> Roster {
        let mut text = String::from("student,grade,class,number,name\n");
        for (i, n) in numbers.iter().enumerate() {
            text.push_str(&format!("{n},1,1,{},児童{i}\n", i + 1));
        }
        Roster::parse(&text, "roster.csv").unwrap()
    }

    #[test]
    fn student_digits_must_fit_every_number_of_the_roster() {
        let school = SchoolId::parse("daiichi").unwrap();
        let five = roster(&["10203", "30412"]);
        assert!(check_student_digits(&school, Some(5), Some(&five)).is_ok());
        assert!(check_student_digits(&school, None, Some(&five)).is_ok());
        assert!(check_student_digits(&school, Some(6), None).is_ok());
        let mixed = roster(&["10203", "1234", "123456"]);
        let e = check_student_digits(&school, Some(5), Some(&mixed))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("daiichi") && e.contains("student number 1234, of 4 digits"),
            "the first number of another length is named: {e}"
        );
        let e = check_student_digits(&school, Some(3), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("4 to 8 digits"), "{e}");
    }
}
