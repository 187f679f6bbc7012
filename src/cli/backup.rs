//! `absence-line backup`: copy schools' stores into a directory with
//! SQLite's online backup, while the server keeps answering calls.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::args::Global;
use crate::domain::SchoolId;
use crate::store::{self, Store};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The directory to write `<school>-<UTC time>.sqlite` into. It must
    /// exist (so that an unmounted backup disk is an error, not a backup
    /// onto the system disk).
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// Only this school (by default every school in the config).
    #[arg(long, value_name = "ID")]
    pub school: Option<String>,
}

pub fn run(global: &Global, args: BackupArgs) -> anyhow::Result<()> {
    let stores = stores(global, args.school.as_deref())?;
    if !args.to.is_dir() {
        bail!(
            "{} is not a directory: create it (or mount the backup disk) first",
            args.to.display()
        );
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut failed = 0;
    for (id, path) in &stores {
        let target = args.to.join(format!("{id}-{stamp}.sqlite"));
        let done = if !path.exists() {
            Err(missing(path))
        } else if target.exists() {
            Err(anyhow::anyhow!("{} already exists", target.display()))
        } else {
            Store::open(path)
                .and_then(|s| s.backup_to(&target))
                .map_err(anyhow::Error::from)
        };
        match done {
            Ok(b) => println!(
                "{id}: {} ({} bytes, {} pages)",
                b.path.display(),
                b.bytes,
                b.pages
            ),
            Err(e) => {
                eprintln!("{id}: backup failed: {e:#}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        bail!(
            "{failed} of {} backup(s) failed; no partial file was left",
            stores.len()
        );
    }
    Ok(())
}

/// The store of `school`, or of every school in the config: (id, path).
pub(super) fn stores(
    global: &Global,
    school: Option<&str>,
) -> anyhow::Result<Vec<(SchoolId, PathBuf)>> {
    let config = global.load_config()?;
    let ids: Vec<SchoolId> = match school {
        Some(s) => {
            let id = SchoolId::parse(s)?;
            if !config.schools.contains_key(&id) {
                bail!("no school {id} in {}", global.config.display());
            }
            vec![id]
        }
        None => config.schools.keys().cloned().collect(),
    };
    Ok(ids
        .into_iter()
        .map(|id| {
            let path = store::file_for(&config.data_dir, &id);
            (id, path)
        })
        .collect())
}

/// A configured school without a store: the server creates every store
/// when it starts, so this is the wrong config or data directory.
pub(super) fn missing(path: &std::path::Path) -> anyhow::Error {
    anyhow::anyhow!(
        "there is no store at {}: is this the server's config (and --data-dir)?",
        path.display()
    )
}
