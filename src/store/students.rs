//! The roster in the school's store: who each student number is, replaced
//! whole in one transaction so a bad import changes nothing, and where it
//! came from (`meta`), so that the config's roster file never overwrites an
//! import.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Store, StoreError};
use crate::domain::{RosterState, Student};

/// Class sizes `(grade, class, students)` and the roster source they were
/// counted for.
pub(super) type KeptCounts = (Option<String>, Vec<(String, String, i64)>);

/// The `meta` key of the last `roster import`: the file's hash, name and
/// time. While it is there, the roster is the imported one.
pub const IMPORTED: &str = "roster_import";
/// The `meta` key of the config's roster file last copied in: its
/// fingerprint.
pub const FROM_FILE: &str = "roster_config";

/// One student of the roster.
const STUDENT: &str =
    "SELECT student, grade, class, number, name, kana, phones FROM students WHERE student = ?1";
/// Whether the school has a roster at all.
const ANY: &str = "SELECT EXISTS (SELECT 1 FROM students)";

impl Store {
    /// Replace the whole roster with `students` (all or nothing), noting
    /// `source` (e.g. a file's hash) under `meta` key `source_key`.
    pub fn replace_students(
        &self,
        students: &[Student],
        source_key: &str,
        source: &str,
    ) -> Result<(), StoreError> {
        self.replace_students_with_progress(students, source_key, source, &mut |_| {})
    }

    /// [`replace_students`](Self::replace_students), telling `progress` now
    /// and then how many students are written (the commit comes after).
    pub fn replace_students_with_progress(
        &self,
        students: &[Student],
        source_key: &str,
        source: &str,
        progress: &mut dyn FnMut(usize),
    ) -> Result<(), StoreError> {
        self.with(|c| {
            let tx = c.transaction()?;
            write_students(&tx, students, source_key, source, progress)?;
            tx.commit()
        })
    }

    /// Replace the roster as [`replace_students`](Self::replace_students)
    /// does, but only if `allow` agrees, given the roster as it is inside
    /// the same transaction (so an import made meanwhile is seen); whether
    /// it did.
    pub fn replace_students_if(
        &self,
        students: &[Student],
        source_key: &str,
        source: &str,
        allow: &mut dyn FnMut(&RosterState) -> bool,
    ) -> Result<bool, StoreError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if !allow(&roster_state(&tx)?) {
                return Ok(false);
            }
            write_students(&tx, students, source_key, source, &mut |_| {})?;
            tx.commit()?;
            Ok(true)
        })
    }

    /// How many students the roster has, and where it came from.
    pub fn roster_state(&self) -> Result<RosterState, StoreError> {
        self.with(|c| roster_state(c))
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.with(|c| meta(c, key))
    }

    /// Whether the school has a roster, and the student if it lists them:
    /// one point read, for the webhook that checks a student number (it may
    /// run on the async runtime).
    pub fn roster_lookup(&self, student: &str) -> Result<(bool, Option<Student>), StoreError> {
        // The student first: on a school with a roster that is the only
        // read. (A single LEFT JOIN would answer both at once, but SQLite
        // compiles it anew for every bound value.)
        self.read(|c| {
            let found = c
                .prepare_cached(STUDENT)?
                .query_row([student], student_row)
                .optional()?;
            if found.is_some() {
                return Ok((true, found));
            }
            let any: bool = c.prepare_cached(ANY)?.query_row([], |r| r.get(0))?;
            Ok((any, None))
        })
    }

    /// Names of the given students, for lists and exports.
    pub fn student_names(&self, students: &[&str]) -> Result<HashMap<String, String>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare_cached("SELECT name FROM students WHERE student = ?1")?;
            let mut out = HashMap::new();
            for s in students {
                if out.contains_key(*s) {
                    continue;
                }
                if let Some(name) = stmt.query_row([s], |r| r.get::<_, String>(0)).optional()? {
                    out.insert((*s).to_owned(), name);
                }
            }
            Ok(out)
        })
    }

    /// The whole roster, by student number.
    pub fn students(&self) -> Result<Vec<Student>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT student, grade, class, number, name, kana, phones FROM students ORDER BY student",
            )?;
            stmt.query_map([], student_row)?
            .collect()
        })
    }

    pub fn student_count(&self) -> Result<i64, StoreError> {
        self.with(|c| c.query_row("SELECT COUNT(*) FROM students", [], |r| r.get(0)))
    }

    /// How many students each class has: `(grade, class, students)`,
    /// grades and classes in numeric order where they are numbers.
    ///
    /// Every board page asks it of every school, and it changes only when
    /// the roster is replaced: the answer is kept until the roster's
    /// source (the `meta` note every replacement writes, from this process
    /// or a `roster import` in another) changes.
    pub fn roster_counts(&self) -> Result<Vec<(String, String, i64)>, StoreError> {
        self.with(|c| {
            let source: Option<String> = c
                .prepare_cached(
                    "SELECT group_concat(key || '=' || value, ';') FROM meta WHERE key IN (?1, ?2)",
                )?
                .query_row(params![IMPORTED, FROM_FILE], |r| r.get(0))?;
            let mut kept = self.roster_counts.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((was, counts)) = kept.as_ref()
                && *was == source
            {
                return Ok(counts.clone());
            }
            let mut stmt = c.prepare_cached(
                "SELECT grade, class, COUNT(*) FROM students GROUP BY grade, class
                 ORDER BY length(grade), grade, length(class), class",
            )?;
            let counts: Vec<(String, String, i64)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            *kept = Some((source, counts.clone()));
            Ok(counts)
        })
    }
}

/// Write `students` as the whole roster and note `source` under
/// `source_key`, inside `tx`.
fn write_students(
    tx: &Transaction,
    students: &[Student],
    source_key: &str,
    source: &str,
    progress: &mut dyn FnMut(usize),
) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM students", [])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO students (student, grade, class, number, name, kana, phones)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, s) in students.iter().enumerate() {
        insert.execute(params![
            s.student, s.grade, s.class, s.number, s.name, s.kana, s.phones
        ])?;
        if (i + 1).is_multiple_of(500) {
            progress(i + 1);
        }
    }
    progress(students.len());
    super::phones::index_phones(tx)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![source_key, source],
    )?;
    Ok(())
}

fn roster_state(c: &Connection) -> rusqlite::Result<RosterState> {
    let students: i64 = c.query_row("SELECT COUNT(*) FROM students", [], |r| r.get(0))?;
    Ok(RosterState {
        students: usize::try_from(students).unwrap_or_default(),
        imported: meta(c, IMPORTED)?,
        from_file: meta(c, FROM_FILE)?,
    })
}

fn meta(c: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
}

/// A row of `student, grade, class, number, name, kana, phones`.
pub(super) fn student_row(r: &rusqlite::Row) -> rusqlite::Result<Student> {
    Ok(Student {
        student: r.get(0)?,
        grade: r.get(1)?,
        class: r.get(2)?,
        number: r.get(3)?,
        name: r.get(4)?,
        kana: r.get(5)?,
        phones: r.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(id: &str, grade: &str, class: &str) -> Student {
        Student {
            student: id.into(),
            grade: grade.into(),
            class: class.into(),
            number: "1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn class_sizes_follow_every_replacement_of_the_roster_even_from_another_process() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::open(&path).unwrap();
        assert!(store.roster_counts().unwrap().is_empty());
        let one = [student("1", "1", "1"), student("2", "1", "1")];
        store.replace_students(&one, IMPORTED, "import 1").unwrap();
        assert_eq!(
            store.roster_counts().unwrap(),
            [("1".into(), "1".into(), 2)]
        );
        // A `roster import` run while the server is up opens its own store.
        let other = Store::open(&path).unwrap();
        let two = [student("1", "1", "1"), student("3", "2", "1")];
        other.replace_students(&two, IMPORTED, "import 2").unwrap();
        assert_eq!(
            store.roster_counts().unwrap(),
            [("1".into(), "1".into(), 1), ("2".into(), "1".into(), 1)]
        );
    }

    #[test]
    fn a_roster_lookup_says_whether_there_is_a_roster_and_who() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).unwrap();
        assert_eq!(
            store.roster_lookup("10203").unwrap(),
            (false, None),
            "no roster yet"
        );
        let hanako = Student {
            student: "10203".into(),
            grade: "1".into(),
            class: "2".into(),
            number: "3".into(),
            name: "山田 花子".into(),
            kana: "やまだ はなこ".into(),
            phones: "+819012345678".into(),
        };
        store
            .replace_students(std::slice::from_ref(&hanako), "roster", "v1")
            .unwrap();
        assert_eq!(store.roster_lookup("10203").unwrap(), (true, Some(hanako)));
        assert_eq!(
            store.roster_lookup("99999").unwrap(),
            (true, None),
            "not on it"
        );
    }
}
