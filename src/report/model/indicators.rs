//! The indicator questions beside the published national counts.

use super::scored::Scored;
use super::words::{Words, answer_text};
use super::{Block, Column, Page, Style, Table};
use crate::lang::Lang;
use crate::published::Published;

pub(super) fn indicators_page(w: &Words, m: &Scored, published: &Published) -> Page {
    let lang = w.lang;
    let mut rows = Vec::new();
    for (_, question) in m.part.questionnaire.questions() {
        let Some(indicator) = &question.indicator else {
            continue;
        };
        let label = question.label.as_ref().map_or_else(
            || question.text.get(lang).to_string(),
            |l| l.get(lang).to_string(),
        );
        let label = match m.part.questionnaire.number(&question.id) {
            Some(number) => format!("{number} {label}"),
            None => label,
        };
        let answer = if m.part.questionnaire.is_asked(question, m.part.answers) {
            answer_text(w, question, m.part.answers, false)
        } else {
            w.t("Ställdes inte", "Not asked")
        };
        let (national, source) = match published.figure(indicator).and_then(|f| f.latest()) {
            Some(value) => {
                let short = published.short.get(lang);
                let source = if short.contains(&value.year.to_string()) {
                    short.to_string()
                } else {
                    format!("{short}, {}", value.year)
                };
                (published.describe(value, lang), source)
            }
            None => (
                w.t("Ingen publicerad siffra", "No published figure"),
                "–".into(),
            ),
        };
        rows.push(vec![label, answer, national, source]);
    }
    Page {
        title: w.t(
            "Indikatorer mot nationella siffror",
            "Indicators against national figures",
        ),
        blocks: vec![
            Block::Paragraph {
                text: if lang == Lang::Sv {
                    format!(
                        "Regionens svar står bredvid det publicerade nationella antalet. Siffrorna kommer från {}; där rapporten inte ger ett exakt antal återges dess ord.",
                        published.source.get(lang)
                    )
                } else {
                    format!(
                        "The region's answer stands beside the published national count. The figures come from {}; where the report gives no exact count, its words are given.",
                        published.source.get(lang)
                    )
                },
                style: Style::Body,
            },
            Block::Table(Table {
                caption: None,
                columns: vec![
                    Column {
                        header: w.t("Indikator", "Indicator"),
                        width: 0.36,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Regionens svar", "The region's answer"),
                        width: 0.18,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Nationellt", "Nationally"),
                        width: 0.28,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Källa", "Source"),
                        width: 0.18,
                        numeric: false,
                    },
                ],
                rows,
            }),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::super::Block;
    use super::super::fixtures::report;
    use crate::lang::Lang;

    #[test]
    fn the_indicator_page_gives_the_published_counts_with_their_source() {
        let page = &report(Lang::Sv).pages[7];
        let Some(Block::Table(table)) = page.blocks.iter().find(|b| matches!(b, Block::Table(_)))
        else {
            panic!("no table");
        };
        let sso = table
            .rows
            .iter()
            .find(|r| r[2].contains("10 av 21"))
            .expect("single sign-on");
        assert_eq!(sso[3], "SLIT 2025");
        assert!(
            table.rows.iter().any(|r| r[2] == "20 av 21 regioner"),
            "X-ray, 2025"
        );
        assert!(
            table
                .rows
                .iter()
                .any(|r| r[2] == "över hälften av regionerna"),
            "SDK, no exact count"
        );
    }
}
