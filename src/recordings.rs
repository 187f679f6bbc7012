//! Recorded prompts, `prompts/<lang>/<key>.wav|.mp3`, loaded into memory so
//! that serving one reads no file. The key is a message id, or `id.N` for the
//! N-th piece of fixed text of a message with variables.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::audio::{self, AudioInfo};
use crate::diagnostics::Located;
use crate::domain::LangTag;

/// One recording, ready to serve.
#[derive(Debug)]
pub struct Clip {
    pub file_name: String,
    pub path: PathBuf,
    pub bytes: Arc<[u8]>,
    pub info: AudioInfo,
    /// A short content hash: the ETag, and the `?v=` that busts caches when
    /// an editor replaces the file.
    pub version: String,
}

#[derive(Debug, Default)]
pub struct Recordings {
    by_key: HashMap<(LangTag, String), Arc<Clip>>,
    by_file: HashMap<(LangTag, String), Arc<Clip>>,
}

const EXTENSIONS: [&str; 2] = ["wav", "mp3"];

impl Recordings {
    /// Load every recording under `dir` (which may be absent). A file Twilio
    /// cannot play, or two files for one key, is an error.
    pub fn load(dir: &Path) -> Result<Recordings, Vec<Located>> {
        let mut out = Recordings::default();
        let mut errors = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Ok(out);
        };
        let mut langs: Vec<_> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .collect();
        langs.sort_by_key(|e| e.file_name());
        for lang_dir in langs {
            let name = lang_dir.file_name().to_string_lossy().into_owned();
            let err = |path: &Path, message: String| {
                Located::file_start(path.display().to_string(), message)
            };
            let Ok(lang) = LangTag::parse(&name) else {
                errors.push(err(
                    &lang_dir.path(),
                    format!("{name:?} is not a language tag; name folders like ja, en, ne"),
                ));
                continue;
            };
            let mut files: Vec<PathBuf> = match std::fs::read_dir(lang_dir.path()) {
                Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
                Err(e) => {
                    errors.push(err(&lang_dir.path(), format!("cannot read: {e}")));
                    continue;
                }
            };
            files.sort();
            for path in files {
                let Some(ext) = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                else {
                    continue;
                };
                if !EXTENSIONS.contains(&ext.as_str()) {
                    if ["ogg", "m4a", "aac", "flac", "opus", "wma", "aiff"].contains(&ext.as_str())
                    {
                        errors.push(err(&path, format!(".{ext} files cannot be played by Twilio here; convert to WAV (PCM 16-bit, mono) or MP3")));
                    }
                    continue;
                }
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_owned();
                let file_name = path
                    .file_name()
                    .and_then(|s| s.to_str())
                    .unwrap_or("")
                    .to_owned();
                let bytes = match std::fs::read(&path) {
                    Ok(b) => b,
                    Err(e) => {
                        errors.push(err(&path, format!("cannot read: {e}")));
                        continue;
                    }
                };
                let info = match audio::check(&bytes, &ext) {
                    Ok(i) => i,
                    Err(e) => {
                        errors.push(err(&path, e.to_string()));
                        continue;
                    }
                };
                let clip = Arc::new(Clip {
                    version: version_of(&bytes),
                    file_name: file_name.clone(),
                    path: path.clone(),
                    bytes: bytes.into(),
                    info,
                });
                if let Some(other) = out
                    .by_key
                    .insert((lang.clone(), stem.clone()), clip.clone())
                {
                    errors.push(err(
                        &path,
                        format!(
                            "{} is also a recording of {stem:?}; keep one of them",
                            other.file_name
                        ),
                    ));
                }
                out.by_file.insert((lang.clone(), file_name), clip);
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// The recording standing in for `key` in `lang`.
    pub fn get(&self, lang: &LangTag, key: &str) -> Option<&Arc<Clip>> {
        self.by_key.get(&(lang.clone(), key.to_owned()))
    }

    /// The recording served as `/prompts/<lang>/<file_name>`.
    pub fn file(&self, lang: &LangTag, file_name: &str) -> Option<&Arc<Clip>> {
        self.by_file.get(&(lang.clone(), file_name.to_owned()))
    }

    /// Every (language, key) that has a recording.
    pub fn keys(&self) -> impl Iterator<Item = (&LangTag, &str, &Arc<Clip>)> {
        self.by_key.iter().map(|((l, k), c)| (l, k.as_str(), c))
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

/// FNV-1a over the bytes: not for security, only to notice a changed file.
fn version_of(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", h & 0xffff_ffff_ffff)
}
