//! The demo district's schools and their rosters.
//!
//! Schools come in wards of 35, as in Sumida: 23 elementary schools
//! (小学校, 6 grades × 2–4 classes × 25–35 children) and 12 junior highs
//! (中学校, 3 grades × 3–5 classes × 30–38), so about two thirds are
//! elementary. A thousand schools are 29 wards of a made-up prefecture.
//! Student numbers are grade, class and attendance number (`10203`: grade 1,
//! class 2, number 3), as many records systems print them.

use rand::RngExt;
use rand::rngs::StdRng;

use super::names;
use crate::domain;

/// Elementary and junior high schools per ward.
const ELEMENTARY_PER_WARD: usize = 23;
const WARD_SIZE: usize = 35;

/// Made-up wards: (Japanese, English).
const WARDS: &[(&str, &str)] = &[
    ("みどり区", "Midori"),
    ("あおば区", "Aoba"),
    ("さくら区", "Sakura"),
    ("かえで区", "Kaede"),
    ("ひばり区", "Hibari"),
    ("つばき区", "Tsubaki"),
    ("すずかけ区", "Suzukake"),
    ("ゆりの区", "Yurino"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Elementary,
    JuniorHigh,
}

/// One school of the district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct School {
    /// `school-001`, …
    pub id: String,
    /// 「みどり区立第一小学校」.
    pub name: String,
    /// "Midori Ward No. 1 Elementary School".
    pub name_en: String,
    pub kind: Kind,
    /// Children per class, by grade (index 0 is grade 1).
    pub classes: Vec<Vec<usize>>,
}

/// The `index`th school (from 0) of `count`: its id, names and class sizes.
pub fn school(index: usize, count: usize, rng: &mut StdRng) -> School {
    let width = count.to_string().len().max(3);
    let ward = index / WARD_SIZE;
    let place = index % WARD_SIZE;
    let (ward_ja, ward_en) = WARDS[ward % WARDS.len()];
    // Past the eighth ward the names repeat with a number (みどり第二区).
    let round = ward / WARDS.len();
    let (ward_ja, ward_en) = if round == 0 {
        (ward_ja.to_owned(), ward_en.to_owned())
    } else {
        let stem = ward_ja.trim_end_matches('区');
        (
            format!("{stem}第{}区", kanji_number(round + 1)),
            format!("{ward_en} {}", round + 1),
        )
    };
    let kind = kind_of(index);
    let number = match kind {
        Kind::Elementary => place + 1,
        Kind::JuniorHigh => place - ELEMENTARY_PER_WARD + 1,
    };
    let (suffix_ja, suffix_en, grades, per_grade, size) = match kind {
        Kind::Elementary => ("小学校", "Elementary School", 6, 2..=4, 25..=35),
        Kind::JuniorHigh => ("中学校", "Junior High School", 3, 3..=5, 30..=38),
    };
    let classes = (0..grades)
        .map(|_| {
            let n = rng.random_range(per_grade.clone());
            (0..n).map(|_| rng.random_range(size.clone())).collect()
        })
        .collect();
    School {
        id: format!("school-{:0width$}", index + 1),
        name: format!("{ward_ja}立第{}{suffix_ja}", kanji_number(number)),
        name_en: format!("{ward_en} Ward No. {number} {suffix_en}"),
        kind,
        classes,
    }
}

/// Whether the `index`th school is an elementary school or a junior high.
pub fn kind_of(index: usize) -> Kind {
    if index % WARD_SIZE < ELEMENTARY_PER_WARD {
        Kind::Elementary
    } else {
        Kind::JuniorHigh
    }
}

/// One child of the roster, with what the generator needs beyond it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    pub record: domain::Student,
    /// The language the family chooses on the line.
    pub language: &'static str,
    /// The number they call from (E.164), the roster's first guardian phone.
    pub caller: String,
}

/// The school's children, class by class, in attendance-number order.
pub fn roster(school: &School, rng: &mut StdRng) -> Vec<Student> {
    let mut out = Vec::new();
    for (g, classes) in school.classes.iter().enumerate() {
        for (c, &size) in classes.iter().enumerate() {
            for n in 1..=size {
                out.push(student(g + 1, c + 1, n, rng));
            }
        }
    }
    out
}

fn student(grade: usize, class: usize, number: usize, rng: &mut StdRng) -> Student {
    // About 4 % of the children are of families from abroad.
    let (name, kana, language) = if rng.random_bool(0.04) {
        let (name, language) = names::ABROAD[rng.random_range(0..names::ABROAD.len())];
        (name.to_owned(), name.to_owned(), language)
    } else {
        let (family, family_kana) = names::FAMILY[rng.random_range(0..names::FAMILY.len())];
        let given = if rng.random_bool(0.5) {
            names::GIRLS
        } else {
            names::BOYS
        };
        let (given, given_kana) = given[rng.random_range(0..given.len())];
        (
            format!("{family} {given}"),
            format!("{family_kana} {given_kana}"),
            "ja",
        )
    };
    // Mobile numbers in 0X0-0000-…, a block no carrier hands out.
    let mobile = format!(
        "{}-0000-{:04}",
        ["090", "080", "070"][rng.random_range(0..3)],
        rng.random_range(0..10_000)
    );
    let mut phones = mobile.clone();
    if rng.random_bool(0.3) {
        phones.push_str(&format!(";03-0000-{:04}", rng.random_range(0..10_000)));
    }
    let caller = format!("+81{}", mobile[1..].replace('-', ""));
    Student {
        record: domain::Student {
            student: format!("{grade}{class:02}{number:02}"),
            grade: grade.to_string(),
            class: class.to_string(),
            number: number.to_string(),
            name,
            kana,
            phones,
        },
        language,
        caller,
    }
}

/// 1 → 一, 23 → 二十三 (up to 99).
fn kanji_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10 % 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(DIGITS[tens]);
    }
    if tens > 0 {
        s.push('十');
    }
    s.push_str(DIGITS[ones]);
    s
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn names_and_sizes_follow_the_district() {
        let mut rng = StdRng::seed_from_u64(1);
        let first = school(0, 35, &mut rng);
        assert_eq!(first.id, "school-001");
        assert_eq!(first.name, "みどり区立第一小学校");
        assert_eq!(first.kind, Kind::Elementary);
        assert_eq!(first.classes.len(), 6);
        let jh = school(34, 35, &mut rng);
        assert_eq!(jh.name, "みどり区立第十二中学校");
        assert_eq!(jh.name_en, "Midori Ward No. 12 Junior High School");
        assert_eq!(jh.classes.len(), 3);
        assert!(jh.classes.iter().flatten().all(|n| (30..=38).contains(n)));
        assert_eq!(school(999, 1000, &mut rng).id, "school-1000");
        assert_eq!(kanji_number(23), "二十三");
        assert_eq!(kanji_number(10), "十");
        let kids = roster(&first, &mut rng);
        let total: usize = first.classes.iter().flatten().sum();
        assert_eq!(kids.len(), total);
        assert_eq!(kids[0].record.student, "10101");
        assert!(kids.iter().all(|k| k.caller.starts_with("+81")));
    }
}
