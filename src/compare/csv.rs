//! A comparison as CSV for a spreadsheet: one row per scored area. Pure: comparison in, text
//! out.
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
    let mut rows = vec![header];
    for area in &c.areas {
        let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
        rows.push(vec![
            area.id.clone(),
            area.title.get(lang).to_string(),
            number(area.then, lang),
            number(area.now, lang),
            number(area.change, lang),
            level(area.level_then),
            level(area.level_now),
            area.compared.to_string(),
            area.questions.to_string(),
        ]);
    }
    spreadsheet::csv(&rows, lang)
}
