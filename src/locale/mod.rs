//! Fluent catalogues: every language's prompt text, loaded once, and the
//! rules for choosing which language a message is spoken in.
//!
//! Loading reads `locales/<lang>/*.ftl` and refuses a file with a syntax
//! error (file:line:col). Speaking is pure: look a message up along the
//! language's fallback chain and format it with the call's answers.

mod args;
mod catalog;
mod fragments;
mod voice;

pub use args::{
    LIST_AND, LIST_COMMA, call_args, decimal_comma, join_list, list_name_message, localize_decimals,
};
pub use catalog::{Catalog, LocaleError, Spoken, ftl_files};
pub use fragments::{
    Fragment, Given, SCHOOL, SCHOOL_ID, Segment, is_fragment, number_keys, speakable_text,
};
pub use voice::{LanguageSettings, Voice, default_voice, readings};
