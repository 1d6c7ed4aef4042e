//! A comparison as CSV for a spreadsheet: one row per scored area, then one per group of
//! areas when the questionnaire declares groups, with a last column saying which a row is.
//! Pure: comparison in, text out.
//!
//! Written as `spreadsheet` writes every table for Excel.

use crate::compare::Comparison;
use crate::lang::Lang;
use crate::spreadsheet::{self, number};

pub fn render(comparison: &Comparison, lang: Lang) -> String {
    let c = comparison;
    let (then, now) = (c.then.year, c.now.year);
    let header: Vec<String> = if lang == Lang::Sv {
        vec![
            "id".into(),
            "område".into(),
            format!("poäng {then}"),
            format!("poäng {now}"),
            "förändring".into(),
            format!("nivå {then}"),
            format!("nivå {now}"),
            "jämförda frågor".into(),
            "poängsatta frågor".into(),
        ]
    } else {
        vec![
            "id".into(),
            "area".into(),
            format!("score {then}"),
            format!("score {now}"),
            "change".into(),
            format!("level {then}"),
            format!("level {now}"),
            "questions compared".into(),
            "questions scored".into(),
        ]
    };
    let grouped = !c.groups.is_empty();
    let mut header = header;
    if grouped {
        header.push(lang.pick("slag", "kind").into());
    }
    let mut rows = vec![header];
    let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
    for area in &c.areas {
        let mut row = vec![
            area.id.clone(),
            area.title.get(lang).to_string(),
            number(area.then, lang),
            number(area.now, lang),
            number(area.change, lang),
            level(area.level_then),
            level(area.level_now),
            area.compared.to_string(),
            area.questions.to_string(),
        ];
        if grouped {
            row.push(lang.pick("område", "area").into());
        }
        rows.push(row);
    }
    for group in &c.groups {
        let (compared, questions) = c.group_questions(group);
        rows.push(vec![
            group.id.clone(),
            group.title.get(lang).to_string(),
            number(group.then, lang),
            number(group.now, lang),
            number(group.change, lang),
            level(group.level_then),
            level(group.level_now),
            compared.to_string(),
            questions.to_string(),
            lang.pick("grupp", "group").into(),
        ]);
    }
    spreadsheet::csv(&rows, lang)
}
