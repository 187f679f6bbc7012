//! The `.ftl` files as text and syntax, for checks that need more than the
//! formatted messages: which variables a message uses, which variant keys
//! it selects on, and where each message stands in its file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use crate::diagnostics::Located;
use crate::domain::LangTag;
use crate::locale::ftl_files;

pub struct Locales {
    pub langs: BTreeMap<LangTag, Vec<FtlFile>>,
}

pub struct FtlFile {
    pub path: String,
    pub text: String,
    pub messages: Vec<FtlMessage>,
}

pub struct FtlMessage {
    pub id: String,
    /// Byte offset of the message's first line in its file.
    pub offset: usize,
    pub vars: BTreeSet<String>,
    /// Messages it refers to (`{ other-message }`).
    pub refs: BTreeSet<String>,
    /// Variant keys of selects on a variable, with their byte offsets.
    pub variant_keys: Vec<(String, usize)>,
}

impl FtlFile {
    /// `message` at the message's position.
    pub fn at(&self, m: &FtlMessage, message: String) -> Located {
        Located::at(&self.path, &self.text, m.offset, message)
    }

    pub fn at_offset(&self, offset: usize, message: String) -> Located {
        Located::at(&self.path, &self.text, offset, message)
    }
}

impl Locales {
    /// Parse every locale directory's `.ftl` files. Files that do not parse
    /// contribute what could be read (their errors come from the loader).
    pub fn read(dir: &Path) -> std::io::Result<Locales> {
        let mut langs = BTreeMap::new();
        for entry in std::fs::read_dir(dir)?.filter_map(Result::ok) {
            let Ok(lang) = LangTag::parse(&entry.file_name().to_string_lossy()) else {
                continue;
            };
            if !entry.path().is_dir() {
                continue;
            }
            let mut files = Vec::new();
            for path in ftl_files(&entry.path())? {
                let text = std::fs::read_to_string(&path)?;
                files.push(parse(path.display().to_string(), text));
            }
            langs.insert(lang, files);
        }
        Ok(Locales { langs })
    }

    /// `id` in `lang`, with its file.
    pub fn message(&self, lang: &LangTag, id: &str) -> Option<(&FtlFile, &FtlMessage)> {
        self.langs
            .get(lang)?
            .iter()
            .find_map(|f| f.messages.iter().find(|m| m.id == id).map(|m| (f, m)))
    }

    /// The first file of `lang`, where a missing message should go.
    pub fn first_file(&self, lang: &LangTag) -> Option<&FtlFile> {
        self.langs.get(lang).and_then(|f| f.first())
    }
}

fn parse(path: String, text: String) -> FtlFile {
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut messages = Vec::new();
    let mut search_from = 0;
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name.to_owned();
        let offset = find_definition(&text, &id, search_from).unwrap_or(0);
        search_from = offset;
        let mut msg = FtlMessage {
            id,
            offset,
            vars: BTreeSet::new(),
            refs: BTreeSet::new(),
            variant_keys: Vec::new(),
        };
        let mut keys = Vec::new();
        if let Some(p) = &m.value {
            pattern(p, &mut msg, &mut keys);
        }
        for a in &m.attributes {
            pattern(&a.value, &mut msg, &mut keys);
        }
        let mut at = offset;
        for key in keys {
            let needle = format!("[{key}]");
            if let Some(i) = text[at..].find(&needle) {
                msg.variant_keys.push((key, at + i + 1));
                at += i + 1;
            }
        }
        messages.push(msg);
    }
    FtlFile {
        path,
        text,
        messages,
    }
}

/// The byte offset of the line that defines `id` (`id = …`).
fn find_definition(text: &str, id: &str, from: usize) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset >= from
            && let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

fn pattern(p: &ast::Pattern<&str>, msg: &mut FtlMessage, keys: &mut Vec<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expr(expression, msg, keys);
        }
    }
}

fn expr(e: &ast::Expression<&str>, msg: &mut FtlMessage, keys: &mut Vec<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            let on_variable = matches!(selector, ast::InlineExpression::VariableReference { .. });
            inline(selector, msg, keys);
            for v in variants {
                if on_variable && let ast::VariantKey::Identifier { name } = &v.key {
                    keys.push((*name).to_owned());
                }
                pattern(&v.value, msg, keys);
            }
        }
        ast::Expression::Inline(i) => inline(i, msg, keys),
    }
}

fn inline(i: &ast::InlineExpression<&str>, msg: &mut FtlMessage, keys: &mut Vec<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            msg.vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            msg.refs.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, msg, keys);
            }
            for a in &arguments.named {
                inline(&a.value, msg, keys);
            }
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline(a, msg, keys);
            }
            for a in &arguments.named {
                inline(&a.value, msg, keys);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr(expression, msg, keys),
        _ => {}
    }
}
