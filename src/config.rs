//! The deployment's configuration file (`absence-line.toml`): where things
//! are, and each school's name, time zone, cut-off, calendar and roster.
//! Secrets are never here: the Twilio auth token comes from the environment,
//! and the staff pages' passwords are stored only as Argon2 hashes.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Located;
use crate::domain::{LangTag, SchoolId};
use crate::locale::LanguageSettings;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address to listen on.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// The URL Twilio uses to reach this server (scheme, host, optional
    /// port, no trailing slash). Signatures are checked against it, so it
    /// must be the public one when behind a proxy. Without it, the address
    /// the server is bound to (fine for trying it out on loopback only).
    pub public_url: Option<String>,
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    #[serde(default = "default_flows_dir")]
    pub flows_dir: PathBuf,
    #[serde(default = "default_locales_dir")]
    pub locales_dir: PathBuf,
    #[serde(default = "default_prompts_dir")]
    pub prompts_dir: PathBuf,
    /// The language a call starts in, and the reference locale.
    #[serde(default = "default_language")]
    pub default_language: LangTag,
    /// Per-language voice and fallback chain, overriding the defaults.
    #[serde(default)]
    pub languages: BTreeMap<LangTag, LanguageSettings>,
    /// The board of education's account on the staff pages: every school.
    pub board: Option<BoardConfig>,
    /// What the server holds at once; read at start-up only.
    #[serde(default)]
    pub limits: Limits,
    /// `[alerts]`: the early-warning rules' levels.
    #[serde(default)]
    pub alerts: crate::surveillance::alerts::AlertRules,
    pub schools: BTreeMap<SchoolId, SchoolConfig>,
}

/// `[limits]`: how much a public webhook URL lets anyone hold. The defaults
/// carry a national flu morning on one small machine with room to spare;
/// changes take effect on restart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Requests handled at once. One more is answered at once, without
    /// work: a caller hears "the line is busy" in their language, anyone
    /// else gets 503 with `Retry-After`. New calls are turned away at
    /// seven eighths of it; the rest is kept for calls in progress.
    pub in_flight: usize,
    /// Open connections. More wait, unanswered, in the kernel's backlog.
    pub connections: usize,
    /// Seconds a client has to send a request's headers; a slower one is
    /// disconnected, so that trickling bytes cannot hold connections.
    pub header_timeout_secs: u64,
    /// Seconds an answer may wait for a client that reads none of it; then
    /// the connection is dropped, so that clients that never read cannot
    /// hold every connection.
    pub send_timeout_secs: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            in_flight: 1024,
            connections: 4096,
            header_timeout_secs: 10,
            send_timeout_secs: 30,
        }
    }
}

/// `[board]`: the board of education's login, which sees every school.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardConfig {
    /// Argon2 PHC string (`absence-line hash-password`), never the password.
    pub password_hash: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolConfig {
    /// The name spoken in the greeting, in Japanese.
    pub name: String,
    /// Names in other languages (`en = "…"`); the Japanese name otherwise.
    #[serde(default)]
    pub names: BTreeMap<LangTag, String>,
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// Reports after this local time are for the next school day.
    #[serde(default = "default_cutoff")]
    pub cutoff: String,
    /// When lessons end (local time, default 16:00): until then a late
    /// arrival or early leave reported on a school day is for that day,
    /// even after the cut-off.
    #[serde(default = "default_school_ends")]
    pub school_ends: String,
    /// `elementary` (default; the ja prompts say 児童番号) or
    /// `junior-high` (生徒番号).
    #[serde(default)]
    pub kind: SchoolKind,
    /// The length of every student number, when the school's numbers all
    /// have one (4 to 8): callers then key exactly that many digits and
    /// no `#`. Checked against the roster at load.
    pub student_digits: Option<u32>,
    /// A calendar file of closed (and extra open) days.
    pub calendar: Option<PathBuf>,
    /// A CSV roster: `student,grade,class,number[,name,kana]`.
    pub roster: Option<PathBuf>,
    /// The call flow, by file stem in the flows directory.
    #[serde(default = "default_flow")]
    pub flow: String,
    /// The school staff's login to the staff pages: an Argon2 PHC string
    /// (`absence-line hash-password`). Without it, the school has no login.
    pub staff_password_hash: Option<String>,
    /// A token for fetching exports by program (`Authorization: Bearer`),
    /// as an Argon2 PHC string.
    pub staff_token_hash: Option<String>,
    /// Students per class (grade → class → students), for a school without
    /// a roster: the denominator of the board's rates. The roster's own
    /// counts take precedence.
    #[serde(default)]
    pub enrolment: BTreeMap<String, BTreeMap<String, u32>>,
}

/// What a school is, for the words its prompts use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SchoolKind {
    #[default]
    Elementary,
    JuniorHigh,
}

impl SchoolKind {
    /// Its name in the config and as the prompts' `$school-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            SchoolKind::Elementary => "elementary",
            SchoolKind::JuniorHigh => "junior-high",
        }
    }
}

/// The config file and the command line's overrides of it: the one place
/// they are put together, for every command and for every reload (which
/// must apply the same overrides as the start did).
#[derive(Debug, Clone)]
pub struct Source {
    pub config_path: PathBuf,
    /// `--data-dir`, over the config's `data_dir`.
    pub data_dir: Option<PathBuf>,
    /// `serve --listen`, over the config's `listen`.
    pub listen: Option<SocketAddr>,
}

impl Source {
    /// The file at `config_path`, with no overrides.
    pub fn new(config_path: impl Into<PathBuf>) -> Source {
        Source {
            config_path: config_path.into(),
            data_dir: None,
            listen: None,
        }
    }

    /// Read and check the config file, then apply the overrides.
    pub fn load(&self) -> Result<Config, ConfigError> {
        let mut config = Config::load(&self.config_path)?;
        if let Some(d) = &self.data_dir {
            config.data_dir.clone_from(d);
        }
        if let Some(l) = self.listen {
            config.listen = l;
        }
        Ok(config)
    }
}

#[cfg(test)]
mod source_tests {
    use super::Source;

    #[test]
    fn the_command_lines_overrides_win_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("absence-line.toml");
        std::fs::write(
            &path,
            "listen = \"127.0.0.1:9000\"\ndata_dir = \"stores\"\n[schools.a]\nname = \"A\"\n",
        )
        .unwrap();
        let plain = Source::new(&path).load().unwrap();
        assert_eq!(plain.listen.to_string(), "127.0.0.1:9000");
        assert_eq!(plain.data_dir, dir.path().join("stores"));
        let overridden = Source {
            data_dir: Some("/srv/absence".into()),
            listen: Some("0.0.0.0:8443".parse().unwrap()),
            ..Source::new(&path)
        }
        .load()
        .unwrap();
        assert_eq!(overridden.listen.to_string(), "0.0.0.0:8443");
        assert_eq!(overridden.data_dir, std::path::Path::new("/srv/absence"));
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
    #[error("{0}")]
    Invalid(Located),
}

impl Config {
    /// Read and check the file; relative paths in it are resolved against
    /// the file's own directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Io {
            path: path.display().to_string(),
            cause,
        })?;
        let file = path.display().to_string();
        let mut config = Config::parse(&text, &file)?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.resolve_paths(base);
        Ok(config)
    }

    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            ConfigError::Invalid(Located::at(file, text, at, e.message().trim_end()))
        })?;
        let at_top = |m: String| ConfigError::Invalid(Located::at(file, text, 0, m));
        if let Some(url) = &config.public_url {
            let trimmed = url.trim_end_matches('/');
            let host = trimmed
                .strip_prefix("https://")
                .or_else(|| trimmed.strip_prefix("http://"))
                .unwrap_or("");
            if host.is_empty() || host.contains(['/', '?', '#']) {
                return Err(at_top(format!(
                    "public_url {url:?} must be scheme and host only, like https://absence.example.jp"
                )));
            }
        }
        let l = &config.limits;
        if l.in_flight == 0
            || l.connections == 0
            || !(1..=120).contains(&l.header_timeout_secs)
            || !(1..=300).contains(&l.send_timeout_secs)
        {
            let at = text.find("[limits]").unwrap_or(0);
            return Err(ConfigError::Invalid(Located::at(
                file,
                text,
                at,
                "[limits]: in_flight and connections must be at least 1, header_timeout_secs between 1 and 120, and send_timeout_secs between 1 and 300",
            )));
        }
        if let Err(why) = config.alerts.check() {
            let at = text.find("[alerts]").unwrap_or(0);
            return Err(ConfigError::Invalid(Located::at(
                file,
                text,
                at,
                format!("[alerts]: {why}"),
            )));
        }
        if config.schools.is_empty() {
            return Err(at_top(
                "no [schools.<id>] defined: add at least one school".into(),
            ));
        }
        if config.schools.keys().any(|id| id.as_str() == "board") {
            let at = text.find("schools.board").unwrap_or(0);
            return Err(ConfigError::Invalid(Located::at(
                file,
                text,
                at,
                "the school id \"board\" is reserved for the board of education's login; choose another id",
            )));
        }
        let hashes = config
            .board
            .iter()
            .map(|b| ("[board] password_hash".to_owned(), &b.password_hash))
            .chain(config.schools.iter().flat_map(|(id, s)| {
                [
                    ("staff_password_hash", &s.staff_password_hash),
                    ("staff_token_hash", &s.staff_token_hash),
                ]
                .into_iter()
                .filter_map(move |(key, v)| {
                    v.as_ref().map(|v| (format!("[schools.{id}] {key}"), v))
                })
            }));
        for (key, value) in hashes {
            if let Err(why) = check_password_hash(value) {
                let at = text.find(value.as_str()).unwrap_or(0);
                return Err(ConfigError::Invalid(Located::at(
                    file,
                    text,
                    at,
                    format!(
                        "{key} {why}: put the output of `absence-line hash-password` here, never the password itself"
                    ),
                )));
            }
        }
        Ok(config)
    }

    /// The public URL without a trailing slash, if configured.
    pub fn public_base(&self) -> Option<&str> {
        self.public_url.as_deref().map(|u| u.trim_end_matches('/'))
    }

    fn resolve_paths(&mut self, base: &Path) {
        for p in [
            &mut self.data_dir,
            &mut self.flows_dir,
            &mut self.locales_dir,
            &mut self.prompts_dir,
        ] {
            *p = base.join(&*p);
        }
        for school in self.schools.values_mut() {
            for p in [&mut school.calendar, &mut school.roster]
                .into_iter()
                .flatten()
            {
                *p = base.join(&*p);
            }
        }
    }
}

/// A password hash must be an Argon2 PHC string (`$argon2id$v=19$…`).
fn check_password_hash(value: &str) -> Result<(), &'static str> {
    let parsed = argon2::PasswordHash::new(value).map_err(|_| "is not an Argon2 hash")?;
    match parsed.algorithm.as_str() {
        "argon2id" | "argon2i" | "argon2d" if parsed.hash.is_some() => Ok(()),
        _ => Err("is not an Argon2 hash"),
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}
fn default_data_dir() -> PathBuf {
    "data".into()
}
fn default_flows_dir() -> PathBuf {
    "call-flows".into()
}
fn default_locales_dir() -> PathBuf {
    "locales".into()
}
fn default_prompts_dir() -> PathBuf {
    "prompts".into()
}
fn default_language() -> LangTag {
    LangTag::parse("ja").expect("valid tag")
}
fn default_time_zone() -> String {
    "Asia/Tokyo".into()
}
fn default_cutoff() -> String {
    "16:00".into()
}
fn default_school_ends() -> String {
    "16:00".into()
}
fn default_flow() -> String {
    "absence".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$7FFYserlS+AHk/6awl3QnA$ZMSGqZuEUET96zOSu/d0v6RMuPb0xj8FSNZCydOn0E0";

    fn parse(extra_school: &str, extra: &str) -> Result<Config, ConfigError> {
        Config::parse(
            &format!("{extra}\n[schools.a]\nname = \"A\"\n{extra_school}\n"),
            "c.toml",
        )
    }

    #[test]
    fn staff_credentials_are_argon2_hashes_only() {
        let c = parse(
            &format!("staff_password_hash = \"{HASH}\"\nstaff_token_hash = \"{HASH}\""),
            &format!("[board]\npassword_hash = \"{HASH}\""),
        )
        .unwrap();
        assert_eq!(c.board.unwrap().password_hash, HASH);
        assert_eq!(
            c.schools
                .values()
                .next()
                .unwrap()
                .staff_password_hash
                .as_deref(),
            Some(HASH)
        );
        let plain = parse("staff_password_hash = \"hunter22\"", "")
            .unwrap_err()
            .to_string();
        assert!(
            plain.contains("staff_password_hash") && plain.contains("hash-password"),
            "{plain}"
        );
        let board = parse("", "[board]\npassword_hash = \"secret\"")
            .unwrap_err()
            .to_string();
        assert!(board.contains("[board] password_hash"), "{board}");
        let bcrypt = parse(
            "staff_token_hash = \"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\"",
            "",
        );
        assert!(bcrypt.is_err());
    }

    #[test]
    fn board_is_not_a_school_id() {
        let e = Config::parse("[schools.board]\nname = \"B\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("reserved"), "{e}");
    }

    #[test]
    fn limits_default_and_are_checked() {
        assert_eq!(parse("", "").unwrap().limits, Limits::default());
        let set = parse("", "[limits]\nin_flight = 8\nheader_timeout_secs = 2").unwrap();
        assert_eq!(
            set.limits,
            Limits {
                in_flight: 8,
                header_timeout_secs: 2,
                ..Limits::default()
            }
        );
        for bad in [
            "in_flight = 0",
            "connections = 0",
            "header_timeout_secs = 0",
            "header_timeout_secs = 600",
            "send_timeout_secs = 0",
            "send_timeout_secs = 301",
        ] {
            let e = parse("", &format!("[limits]\n{bad}"))
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("c.toml:1:1") && e.contains("[limits]"),
                "{bad}: {e}"
            );
        }
        let typo = parse("", "[limits]\ninflight = 8").unwrap_err().to_string();
        assert!(typo.contains("inflight"), "{typo}");
    }
}
