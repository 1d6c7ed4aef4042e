//! A comparison as CSV for a spreadsheet: one row per scored area. Pure: comparison in, text
//! out.
//!
//! The file is made to open by a double click in Excel in the language asked for. In Swedish
//! the separator is `;` and decimals have a comma, as Swedish Excel expects; in English, `,`
//! and a point. Both start with a UTF-8 byte order mark, without which Excel reads the file in
//! the local legacy code page and garbles å, ä and ö. Scripts should read `--format json`.

use crate::compare::Comparison;
use crate::lang::Lang;

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
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(match lang {
            Lang::Sv => b';',
            Lang::En => b',',
        })
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let write = |writer: &mut ::csv::Writer<Vec<u8>>, record: Vec<String>| {
        writer
            .write_record(&record)
            .expect("writing to memory cannot fail");
    };
    write(&mut writer, header);
    for area in &c.areas {
        let level = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
        write(
            &mut writer,
            vec![
                area.id.clone(),
                area.title.get(lang).to_string(),
                number(area.then, lang),
                number(area.now, lang),
                number(area.change, lang),
                level(area.level_then),
                level(area.level_now),
                area.compared.to_string(),
                area.questions.to_string(),
            ],
        );
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let text = String::from_utf8(bytes).expect("the fields are UTF-8");
    format!("\u{feff}{text}")
}

/// A number a spreadsheet reads as one: one decimal, a decimal comma in Swedish, and an ASCII
/// minus (the typographic one that `Lang::decimal` writes would make it text). Empty when
/// there is none.
fn number(value: Option<f64>, lang: Lang) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let text = format!("{value:.1}");
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}
