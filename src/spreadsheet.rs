//! Tables as CSV for a spreadsheet, made to open by a double click in Excel in the language
//! asked for. In Swedish the separator is `;` and decimals have a comma, as Swedish Excel
//! expects; in English, `,` and a point. The text starts with a UTF-8 byte order mark, without
//! which Excel reads the file in the local legacy code page and garbles å, ä and ö, and lines
//! end in CRLF. Scripts should read `--format json`. Pure: rows in, text out.

use crate::lang::Lang;

/// The rows, the header first, as CSV text.
pub fn csv(rows: &[Vec<String>], lang: Lang) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(match lang {
            Lang::Sv => b';',
            Lang::En => b',',
        })
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row)
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    let text = String::from_utf8(bytes).expect("the fields are UTF-8");
    format!("\u{feff}{text}")
}

/// A number a spreadsheet reads as one: one decimal, a decimal comma in Swedish, and an ASCII
/// minus (the typographic one that `Lang::decimal` writes would make it text). Empty when
/// there is none.
pub fn number(value: Option<f64>, lang: Lang) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let text = format!("{value:.1}");
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A share as a spreadsheet number of percent, such as `80` for 0.8. Empty when there is none.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:.0}", s * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_excel_gets_semicolons_decimal_commas_and_a_byte_order_mark() {
        let rows = |lang| {
            vec![
                vec!["område".to_string(), "poäng".to_string()],
                vec!["Hälsodata; AI".to_string(), number(Some(-1.25), lang)],
            ]
        };
        assert_eq!(
            csv(&rows(Lang::Sv), Lang::Sv),
            "\u{feff}område;poäng\r\n\"Hälsodata; AI\";-1,2\r\n"
        );
        assert_eq!(
            csv(&rows(Lang::En), Lang::En),
            "\u{feff}område,poäng\r\nHälsodata; AI,-1.2\r\n"
        );
        assert_eq!(number(None, Lang::Sv), "");
        assert_eq!(percent(Some(0.8)), "80");
    }
}
