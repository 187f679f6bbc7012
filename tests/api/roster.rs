//! `absence-line roster import|show`, run as staff run it: the real binary
//! against a deployment in a temporary directory, checked in the school's
//! own SQLite file.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use absence_line::domain::Student;
use absence_line::store::Store;
use sha2::{Digest, Sha256};

use crate::helpers::write_config;

struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// The command in `dir` (so file names print as given), on `dir`'s config.
fn run(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_absence-line"))
        .current_dir(dir)
        .arg("--config")
        .arg(dir.join("absence-line.toml"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    Run {
        ok: out.status.success(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn store(dir: &Path, school: &str) -> Store {
    let id = absence_line::domain::SchoolId::parse(school).unwrap();
    Store::open(&absence_line::store::file_for(&dir.join("data"), &id)).unwrap()
}

const FIRST: &str = "\u{feff}student,grade,class,number,name,kana,phones\r\n\
10203,1,2,3,山田 花子,やまだ はなこ,090-0000-1203\r\n\
10215,01,2,15,\"Santos, Maria\",まりあ,03-0000-1215 / +81 90 0000 2215\r\n\
30412,3,4,12,鈴木 一郎,すずき いちろう,\r\n";

fn import_first(dir: &Path) {
    std::fs::write(dir.join("first.csv"), FIRST).unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "first.csv"],
    );
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
}

#[test]
fn a_good_import_replaces_the_roster_in_the_schools_store() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    write_config(dir);
    std::fs::write(dir.join("first.csv"), FIRST).unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "first.csv"],
    );
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("daiichi: imported 3 student(s) in 2 grade(s) and 2 class(es) from first.csv (UTF-8 with BOM)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("  grade 1: 2 student(s) (class 2: 2)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("  grade 3: 1 student(s) (class 4: 1)"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr, "", "no progress bar or log outside a terminal");

    let s = store(dir, "daiichi");
    assert_eq!(s.student_count().unwrap(), 3);
    assert_eq!(
        s.roster_lookup("10215").unwrap(),
        (
            true,
            Some(Student {
                student: "10215".into(),
                grade: "1".into(),
                class: "2".into(),
                number: "15".into(),
                name: "Santos, Maria".into(),
                kana: "まりあ".into(),
                phones: "03-0000-1215;+81 90 0000 2215".into(),
            })
        )
    );
    let hash: String = Sha256::digest(FIRST.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let source = s.meta("roster_import").unwrap().unwrap();
    assert!(
        source.starts_with(&format!("sha256:{hash} first.csv 20")),
        "{source}"
    );
    assert!(
        !dir.join("data/chuo.sqlite").exists(),
        "another school's store is not touched"
    );

    // The next import replaces the whole roster: a Shift_JIS file with
    // Japanese headers, as Excel saves it on a Japanese PC.
    let second = "生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話\r\n\
        10203,2,い,4,山田 花子,やまだ はなこ,090-0000-1203\r\n\
        55501,5,1,7,高橋 翔,たかはし しょう,080-0000-5501\r\n";
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(second);
    assert!(!unmappable);
    std::fs::write(dir.join("second.csv"), &sjis).unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "second.csv"],
    );
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "imported 2 student(s) in 2 grade(s) and 2 class(es) from second.csv (Shift_JIS)"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("it had 3 student(s) before"),
        "{}",
        r.stdout
    );
    let s = store(dir, "daiichi");
    assert_eq!(s.student_count().unwrap(), 2);
    assert_eq!(
        s.roster_lookup("10215").unwrap(),
        (true, None),
        "gone from the roster"
    );
    let moved = s.roster_lookup("10203").unwrap().1.unwrap();
    assert_eq!(
        (
            moved.grade.as_str(),
            moved.class.as_str(),
            moved.number.as_str()
        ),
        ("2", "い", "4")
    );
    assert_eq!(s.roster_lookup("55501").unwrap().1.unwrap().name, "高橋 翔");

    let r = run(dir, &["roster", "show", "--school", "daiichi"]);
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.starts_with(
            "daiichi: 2 student(s) in 2 grade(s) and 2 class(es), imported as sha256:"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "  grade 2: 1 student(s) (class い: 1)\n  grade 5: 1 student(s) (class 1: 1)"
        ),
        "{}",
        r.stdout
    );
    let r = run(dir, &["roster", "show", "--school", "chuo"]);
    assert!(r.ok);
    assert_eq!(
        r.stdout,
        "chuo: no roster imported; any well-formed student number is accepted.\n"
    );
}

#[test]
fn a_bad_row_among_good_ones_prints_every_located_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    write_config(dir);
    import_first(dir);
    let s = store(dir, "daiichi");
    let (before, source) = (s.students().unwrap(), s.meta("roster_import").unwrap());
    drop(s);
    assert_eq!(before.len(), 3);

    let bad = "student,grade,class,number,name,kana,phones\n\
        20001,2,1,1,田中 一,たなか はじめ,\n\
        20002,2,1,2,田中 二,たなか じ,\n\
        ２０００３,2,1,0,田中 三,たなか さん,\n\
        20004,2,1,4,田中 四,たなか し,\n";
    std::fs::write(dir.join("bad.csv"), bad).unwrap();
    let r = run(dir, &["roster", "import", "--school", "daiichi", "bad.csv"]);
    assert!(!r.ok, "exit status 1: {}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("bad.csv:4:1: student number \"２０００３\" uses full-width digits; type it with half-width digits 0-9\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("bad.csv:4:11: attendance number \"0\" must be a number from 1 to 99\n"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("error: 2 error(s) in bad.csv; nothing was imported and the roster of daiichi is unchanged"),
        "{}",
        r.stderr
    );
    let s = store(dir, "daiichi");
    assert_eq!(
        s.students().unwrap(),
        before,
        "the previous roster, exactly"
    );
    assert_eq!(s.meta("roster_import").unwrap(), source);
    assert_eq!(
        s.roster_lookup("20001").unwrap(),
        (true, None),
        "no good row slipped in"
    );

    // A header without students would empty the roster: refused too.
    std::fs::write(dir.join("empty.csv"), "student,grade,class,number,name\n").unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "empty.csv"],
    );
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("empty.csv has a header but no students; nothing was imported"),
        "{}",
        r.stderr
    );
    assert_eq!(store(dir, "daiichi").students().unwrap(), before);

    // A school that is not in the config.
    let r = run(dir, &["roster", "import", "--school", "nishi", "bad.csv"]);
    assert!(!r.ok);
    assert!(r.stderr.contains("no school nishi in"), "{}", r.stderr);
}

#[test]
fn a_20000_row_roster_imports_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    write_config(dir);
    import_first(dir);
    let mut csv = String::from("生徒番号,学年,組,出席番号,氏名,ふりがな,保護者電話\r\n");
    for n in 0..20_000u32 {
        writeln!(
            csv,
            "{},{},{},{},\"生徒, {n}\",せいと {n2},090-{:04}-{:04}\r",
            1_000_000 + n,
            1 + n % 9,
            1 + (n / 9) % 8,
            1 + (n / 72) % 40,
            n / 10_000,
            n % 10_000,
            n2 = "ー".repeat((n % 3) as usize),
        )
        .unwrap();
    }
    std::fs::write(dir.join("big.csv"), &csv).unwrap();
    let started = Instant::now();
    let r = run(dir, &["roster", "import", "--school", "daiichi", "big.csv"]);
    let took = started.elapsed();
    assert!(
        r.ok,
        "{}{}",
        r.stdout,
        &r.stderr[..r.stderr.len().min(2000)]
    );
    eprintln!("roster import of 20,000 rows took {took:?} (the whole process)");
    assert!(
        r.stdout
            .contains("imported 20000 student(s) in 9 grade(s) and 72 class(es)"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stderr, "",
        "no progress bar when standard error is not a terminal"
    );
    let s = store(dir, "daiichi");
    assert_eq!(s.student_count().unwrap(), 20_000);
    assert_eq!(
        s.roster_lookup("10203").unwrap(),
        (true, None),
        "the old roster is gone"
    );
    let last = s.roster_lookup("1019999").unwrap().1.unwrap();
    assert_eq!(
        (
            last.grade.as_str(),
            last.class.as_str(),
            last.name.as_str(),
            last.phones.as_str()
        ),
        ("2", "7", "生徒, 19999", "090-0001-9999")
    );
    assert!(took.as_secs() < 30, "took {took:?}");
}

/// A school that declares `student_digits` is keyed with exactly that many
/// keys: a roster with a number of another length is refused whole, since
/// that child could never be identified, and the roster stays as it was.
#[test]
fn a_roster_with_a_number_of_another_length_is_refused_where_the_length_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let config = write_config(dir);
    let text = std::fs::read_to_string(&config).unwrap().replacen(
        "name = \"墨田区立第一小学校\"",
        "name = \"墨田区立第一小学校\"\nstudent_digits = 5",
        1,
    );
    std::fs::write(&config, text).unwrap();
    let before = store(dir, "daiichi").students().unwrap();
    std::fs::write(
        dir.join("long.csv"),
        "student,grade,class,number,name\n10203,1,2,3,山田 花子\n102040,1,2,4,山田 次郎\n",
    )
    .unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "long.csv"],
    );
    assert!(!r.ok, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains("student number \"102040\" does not have 5 digits"),
        "{}",
        r.stderr
    );
    assert_eq!(store(dir, "daiichi").students().unwrap(), before);
    // The same file is taken where no length is declared.
    let open = std::fs::read_to_string(&config)
        .unwrap()
        .replacen("\nstudent_digits = 5", "", 1);
    std::fs::write(&config, open).unwrap();
    let r = run(
        dir,
        &["roster", "import", "--school", "daiichi", "long.csv"],
    );
    assert!(r.ok, "{}{}", r.stdout, r.stderr);
}
