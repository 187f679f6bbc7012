//! The reload lifecycle: a changed flow, locale, recording, calendar,
//! roster or config is loaded and linted beside the running version and
//! swapped in whole, or refused with one clear log line while the previous
//! version keeps serving. Triggered by file changes, SIGHUP, or the
//! server's `POST /admin/reload` (`http::reload`, which only checks the
//! token and picks the status code). The running server is a [`Host`]
//! here, so the lifecycle knows no HTTP.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};

use super::Deployment;
use crate::config::Source;
use crate::domain::SchoolId;
use crate::domain::{RosterState, Student};
use crate::lint::{self, Report};
use crate::roster::{FileRule, Shrink, file_rule};
use crate::store::{FROM_FILE, Store};

/// What a reload acts on: the running server's deployment, stores and
/// counters. The server implements it; a reload needs nothing else.
pub trait Host: Send + Sync {
    /// Where the deployment is read from again, and the one-at-a-time lock.
    fn reloader(&self) -> &Reloader;
    /// The store of school `id`, if it has one.
    fn store(&self, id: &SchoolId) -> Option<Arc<Store>>;
    /// Open the stores of `dep`'s schools that have none yet. A store that
    /// cannot be used is set aside, not an error: it must not hold up the
    /// reload for the other schools.
    fn open_missing_stores(&self, dep: &Deployment) -> impl Future<Output = ()> + Send;
    /// Scheme and authority Twilio reaches the running server at.
    fn public_base(&self) -> &str;
    /// Serve `dep` from now on, in place of the running deployment.
    fn swap(&self, dep: Deployment);
    /// Count a reload swapped in (`applied`) or refused.
    fn count(&self, applied: bool);
}

/// Where the deployment comes from, and the lock that serialises reloads.
pub struct Reloader {
    source: Source,
    one_at_a_time: tokio::sync::Mutex<()>,
}

impl Reloader {
    pub fn new(source: Source) -> Reloader {
        Reloader {
            source,
            one_at_a_time: tokio::sync::Mutex::new(()),
        }
    }
}

/// What a reload did.
#[derive(Debug, serde::Serialize)]
pub struct Reloaded {
    pub applied: bool,
    pub lint: Report,
}

/// Load, lint and, when clean, swap in the deployment. Serialised: two
/// reloads never race to swap.
pub async fn reload(host: &impl Host, why: &str) -> Reloaded {
    let reloader = host.reloader();
    let _one_at_a_time = reloader.one_at_a_time.lock().await;
    let source = reloader.source.clone();
    let loaded = tokio::task::spawn_blocking(move || load_checked(&source)).await;
    let (dep, report) = match loaded {
        Ok(r) => r,
        Err(e) => (
            None,
            Report::internal(&format!("the reload task failed: {e}")),
        ),
    };
    let Some(dep) = dep.filter(|_| !report.has_errors()) else {
        let first = report
            .first_error()
            .unwrap_or_else(|| "unknown error".into());
        tracing::error!(
            why,
            errors = report.errors(),
            "reload REFUSED, the previous version keeps serving: {first}"
        );
        host.count(false);
        return Reloaded {
            applied: false,
            lint: report,
        };
    };
    // A school whose store is unusable is set aside: it does not hold up
    // the reload for the others.
    host.open_missing_stores(&dep).await;
    if let Err(e) = checked_rosters(host, &dep) {
        tracing::error!(
            why,
            "reload REFUSED, the previous version keeps serving: {e}"
        );
        host.count(false);
        return Reloaded {
            applied: false,
            lint: Report::internal(&e),
        };
    }
    if dep
        .config
        .public_base()
        .is_some_and(|b| b != host.public_base())
    {
        tracing::warn!("public_url changed: restart the server to apply it");
    }
    let schools = dep.schools.len();
    host.swap(dep);
    tracing::info!(why, schools, warnings = report.warnings(), "reloaded");
    host.count(true);
    Reloaded {
        applied: true,
        lint: report,
    }
}

fn load_checked(source: &Source) -> (Option<Deployment>, Report) {
    let config = match source.load() {
        Ok(c) => c,
        Err(_) => return (None, lint::lint(&source.config_path)),
    };
    match Deployment::load(config) {
        Ok(dep) => {
            let report = lint::lint_loaded(&dep);
            (Some(dep), report)
        }
        Err(e) => {
            let mut report = lint::lint(&source.config_path);
            if !report.has_errors() {
                report = Report::internal(&e.to_string());
            }
            (None, report)
        }
    }
}

/// Copy each school's config roster file into its store when the file is
/// new or changed, unless the school has an imported roster (an import
/// takes precedence over the file, at every start and reload) or the file
/// would drop more than half of the students (it stays unapplied, with an
/// error in the log, and the store's roster keeps serving).
pub fn sync_rosters(host: &impl Host, dep: &Deployment) -> Result<(), crate::store::StoreError> {
    for (id, school) in &dep.schools {
        let (Some(roster), Some(store)) = (&school.roster, host.store(id)) else {
            continue;
        };
        let file = roster_path(dep, id);
        let fingerprint = roster_fingerprint(roster.records());
        let mut rule = FileRule::Unchanged;
        let mut before = RosterState::default();
        store.replace_students_if(roster.records(), FROM_FILE, &fingerprint, &mut |state| {
            rule = file_rule(state, &fingerprint, roster.len());
            before = state.clone();
            rule == FileRule::Copy
        })?;
        match rule {
            // A roster that lost students is worth a look even when the
            // loss is too small to refuse: several small cuts add up.
            FileRule::Copy if roster.len() < before.students => tracing::warn!(
                school = %id, file, before = before.students, students = roster.len(),
                "roster file copied into the school's store with fewer students than before"
            ),
            FileRule::Copy => tracing::info!(
                school = %id, file, before = before.students, students = roster.len(),
                "roster file copied into the school's store"
            ),
            FileRule::Unchanged => {}
            FileRule::Imported if before.from_file.as_deref() != Some(fingerprint.as_str()) => {
                tracing::warn!(
                    school = %id, file, students = roster.len(), imported = before.students,
                    "roster file {file} is not applied: {id} has an imported roster ({} student(s)), which takes precedence over the config's file; to use the file, import it with `absence-line roster import --school {id} {file}`",
                    before.students
                )
            }
            FileRule::Imported => {}
            FileRule::Shrinks(s) => tracing::error!(
                school = %id, file, before = s.before, students = s.after,
                "{}", shrink_message(id, &file, s)
            ),
        }
    }
    Ok(())
}

/// Copy the config's roster files into the stores, unless one of them
/// would drop most of a school's students: then the reload is refused.
fn checked_rosters(host: &impl Host, dep: &Deployment) -> Result<(), String> {
    let refused = refused_rosters(host, dep).map_err(|e| e.to_string())?;
    if !refused.is_empty() {
        return Err(refused.join("; "));
    }
    sync_rosters(host, dep).map_err(|e| e.to_string())
}

/// For each school whose config roster file would now drop more than half
/// of its students, why it is refused: a reload that would apply such a
/// file is refused whole.
fn refused_rosters(
    host: &impl Host,
    dep: &Deployment,
) -> Result<Vec<String>, crate::store::StoreError> {
    let mut refused = Vec::new();
    for (id, school) in &dep.schools {
        let (Some(roster), Some(store)) = (&school.roster, host.store(id)) else {
            continue;
        };
        let fingerprint = roster_fingerprint(roster.records());
        if let FileRule::Shrinks(s) = file_rule(&store.roster_state()?, &fingerprint, roster.len())
        {
            refused.push(shrink_message(id, &roster_path(dep, id), s));
        }
    }
    Ok(refused)
}

fn shrink_message(id: &SchoolId, file: &str, s: Shrink) -> String {
    format!(
        "roster file {file} of {id} is refused: {s} (a truncated export?); the roster in use keeps serving. If {id} really has only {} student(s), import the file: absence-line roster import --school {id} --allow-shrink {file}",
        s.after
    )
}

/// The config's roster file of school `id`, as the config names it.
fn roster_path(dep: &Deployment, id: &SchoolId) -> String {
    dep.config
        .schools
        .get(id)
        .and_then(|s| s.roster.as_ref())
        .map_or_else(String::new, |p| p.display().to_string())
}

/// FNV-1a over every field: notices any change to the roster's content.
fn roster_fingerprint(records: &[Student]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for r in records {
        for f in [
            &r.student, &r.grade, &r.class, &r.number, &r.name, &r.kana, &r.phones,
        ] {
            for b in f.bytes().chain([0x1f]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    format!("{h:016x}")
}

/// Reload on SIGHUP.
pub fn on_sighup<H: Host + Clone + 'static>(host: H) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hup) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())
        else {
            return;
        };
        while hup.recv().await.is_some() {
            reload(&host, "SIGHUP").await;
        }
    });
}

/// Watch the files the deployment is made of; reload shortly after they
/// change (editors write a file in several steps: wait for quiet).
pub fn watch<H: Host + Clone + 'static>(host: H, dep: &Deployment) -> notify::Result<()> {
    let c = &dep.config;
    // Whole trees for flows, locales and recordings; single files (config,
    // calendars, rosters) in directories that may hold anything else, logs
    // and stores included.
    let trees: Vec<PathBuf> = [&c.flows_dir, &c.locales_dir, &c.prompts_dir]
        .into_iter()
        .filter_map(|d| d.canonicalize().ok())
        .collect();
    let mut files: Vec<PathBuf> = vec![host.reloader().source.config_path.clone()];
    for school in c.schools.values() {
        files.extend(school.calendar.iter().chain(&school.roster).cloned());
    }
    let files: Vec<PathBuf> = files.iter().filter_map(|f| absolute(f)).collect();
    let watched = Watched {
        trees: trees.clone(),
        files: files.clone(),
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Only writes count: reading the files to reload them is itself an
        // event (open, access time), which would reload forever.
        if let Ok(ev) = res
            && matches!(
                ev.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(
                        ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any
                    )
            )
            && ev.paths.iter().any(|p| watched.covers(p))
        {
            let _ = tx.send(());
        }
    })?;
    for dir in &trees {
        watcher.watch(dir, RecursiveMode::Recursive)?;
    }
    let mut parents: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    parents.sort();
    parents.dedup();
    for dir in parents {
        watcher.watch(dir, RecursiveMode::NonRecursive)?;
    }
    tokio::spawn(async move {
        let _watcher = watcher;
        while rx.recv().await.is_some() {
            while let Ok(Some(())) =
                tokio::time::timeout(Duration::from_millis(150), rx.recv()).await
            {}
            reload(&host, "files changed").await;
        }
    });
    Ok(())
}

/// What a change must touch to matter.
struct Watched {
    trees: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Watched {
    fn covers(&self, path: &Path) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Editors' scratch and backup files are not the file itself.
        let scratch = name.ends_with('~') || name.ends_with(".swp") || name.starts_with(".#");
        !scratch
            && (self.files.iter().any(|f| f == path)
                || self.trees.iter().any(|t| path.starts_with(t)))
    }
}

/// `path` made absolute through its (existing) directory, as the watcher
/// reports it.
fn absolute(path: &Path) -> Option<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(dir.canonicalize().ok()?.join(path.file_name()?))
}
