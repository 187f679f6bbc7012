//! Guardian numbers → students: the roster's `phones` in E.164, indexed,
//! so that a call's first webhook finds the caller's children (and the
//! language they chose last time) with point reads. Rebuilt from the
//! `students` table in the same transaction whenever the roster is
//! replaced, so the two never disagree.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::students::student_row;
use super::{Store, StoreError};
use crate::domain::{Student, phones_e164};

/// The schema version that adds the index (see `migrations.rs`): the
/// migration's SQL makes the table, [`index_phones`] fills it from the
/// roster already there.
pub(super) const MIGRATION: usize = 8;

/// Migration 8: the table (kept if a test rolled the version back past
/// it); its rows come from [`index_phones`].
pub(super) fn migration() -> String {
    "CREATE TABLE IF NOT EXISTS student_phones (
        phone   TEXT NOT NULL,
        student TEXT NOT NULL,
        PRIMARY KEY (phone, student)
    ) WITHOUT ROWID;"
        .to_owned()
}

/// Rebuild the index from the roster, inside the caller's transaction.
pub(super) fn index_phones(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM student_phones", [])?;
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO student_phones (phone, student) VALUES (?1, ?2)")?;
    let mut students = tx.prepare("SELECT student, phones FROM students WHERE phones <> ''")?;
    let rows = students.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (student, phones) = row?;
        for phone in phones_e164(&phones) {
            insert.execute(params![phone, student])?;
        }
    }
    Ok(())
}

/// The students listed under `phone`, by student number.
const BY_PHONE: &str = "SELECT s.student, s.grade, s.class, s.number, s.name, s.kana, s.phones
     FROM student_phones p JOIN students s ON s.student = p.student
     WHERE p.phone = ?1 ORDER BY s.student";

impl Store {
    /// What a call's first webhook needs to know of its caller `caller`
    /// (`From` as given): the language they chose last time, and the
    /// students listed under `phone` (their number in E.164, if it is one).
    /// Point reads on one reader connection.
    pub fn known_caller(
        &self,
        caller: &str,
        phone: Option<&str>,
    ) -> Result<(Option<String>, Vec<Student>), StoreError> {
        self.read(|c| {
            let language = c
                .prepare_cached("SELECT language FROM caller_languages WHERE caller = ?1")?
                .query_row([caller], |r| r.get(0))
                .optional()?;
            let students = match phone {
                Some(p) => by_phone(c, p)?,
                None => Vec::new(),
            };
            Ok((language, students))
        })
    }

    /// The students whose guardian numbers include `phone` (E.164), by
    /// student number: one indexed read, for a call's first webhook.
    pub fn students_by_phone(&self, phone: &str) -> Result<Vec<Student>, StoreError> {
        self.read(|c| by_phone(c, phone))
    }
}

fn by_phone(c: &Connection, phone: &str) -> rusqlite::Result<Vec<Student>> {
    c.prepare_cached(BY_PHONE)?
        .query_map([phone], student_row)?
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(number: &str, phones: &str) -> Student {
        Student {
            student: number.into(),
            grade: "1".into(),
            class: "2".into(),
            number: "3".into(),
            name: "山田 花子".into(),
            kana: "やまだ はなこ".into(),
            phones: phones.into(),
        }
    }

    #[test]
    fn the_index_follows_every_roster_replacement() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        store
            .replace_students(
                &[
                    student("10203", "090-0000-1203"),
                    student("10215", "03-1111-2222;090-0000-1203"),
                    student("20101", ""),
                ],
                "k",
                "1",
            )
            .unwrap();
        let found = |p: &str| -> Vec<String> {
            store
                .students_by_phone(p)
                .unwrap()
                .into_iter()
                .map(|s| s.student)
                .collect()
        };
        assert_eq!(found("+819000001203"), ["10203", "10215"]);
        assert_eq!(found("+81311112222"), ["10215"]);
        assert!(found("090-0000-1203").is_empty());
        store
            .replace_students(&[student("10203", "03-1111-2222")], "k", "2")
            .unwrap();
        assert!(found("+819000001203").is_empty());
        assert_eq!(found("+81311112222"), ["10203"]);
    }

    #[test]
    fn the_migration_indexes_a_roster_already_stored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        store
            .replace_students(&[student("10203", "090-0000-1203")], "k", "1")
            .unwrap();
        // As a store from before the index: no table, one version less.
        store
            .with(|c| {
                c.execute_batch("DROP TABLE student_phones")?;
                c.pragma_update(None, "user_version", (MIGRATION - 1) as i64)
            })
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.students_by_phone("+819000001203").unwrap().len(), 1);
    }
}
