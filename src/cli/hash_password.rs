//! `absence-line hash-password`: a password (or export token) from standard
//! input → its Argon2id PHC string, for the config file. The config never
//! holds the password itself.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, bail};

pub fn run() -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (shown as you type; pipe it in to avoid that): ");
        std::io::stderr().flush().ok();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.chars().count() < 8 {
        bail!("the password is shorter than 8 characters; choose a longer one");
    }
    println!("{}", crate::password::hash_password(password)?);
    Ok(())
}
