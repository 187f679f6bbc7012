//! Fluent catalogues: every language's prompt text, loaded once, and the
//! rules for choosing which language a message is spoken in.
//!
//! Loading reads `locales/<lang>/*.ftl` and refuses a file with a syntax
//! error (file:line:col). Speaking is pure: look a message up along the
//! language's fallback chain and format it with the call's answers.

mod args;
mod catalog;
mod voice;

pub use args::call_args;
pub use catalog::{Catalog, LocaleError, Segment, Spoken, ftl_files};
pub use voice::{LanguageSettings, Voice, default_voice};
