//! Change over the years: a small line chart per area and the table of scores.

use super::scored::Scored;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table, Trend};
use crate::scoring::Scorecard;

pub(super) fn trend_page(w: &Words, m: &Scored) -> Page {
    let lang = w.lang;
    let mut years: Vec<i32> = m.history.iter().map(|(y, _, _)| *y).collect();
    years.push(m.card.year);
    let cards: Vec<&Scorecard> = m
        .history
        .iter()
        .map(|(_, c, _)| c)
        .chain(std::iter::once(&m.card))
        .collect();
    let version_changed: Vec<i32> = m
        .history
        .iter()
        .filter(|(_, _, changed)| *changed)
        .map(|(y, _, _)| *y)
        .collect();
    let lines: Vec<(String, Vec<Option<f64>>)> = m
        .scored_areas()
        .map(|a| {
            (
                area_name(a, lang),
                cards
                    .iter()
                    .map(|c| c.areas.iter().find(|x| x.id == a.id).and_then(|x| x.score))
                    .collect(),
            )
        })
        .collect();
    let mut columns = vec![Column {
        header: w.t("Område", "Area"),
        width: 0.4,
        numeric: false,
    }];
    let share = 0.6 / years.len() as f32;
    for year in &years {
        let mark = if version_changed.contains(year) {
            " *"
        } else {
            ""
        };
        columns.push(Column {
            header: format!("{year}{mark}"),
            width: share,
            numeric: true,
        });
    }
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|(label, values)| {
            std::iter::once(label.clone())
                .chain(
                    values
                        .iter()
                        .map(|v| v.map_or_else(|| "–".into(), |s| w.n(s))),
                )
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(w.t("Samlat index", "Overall index"))
            .chain(
                cards
                    .iter()
                    .map(|c| c.overall.score.map_or_else(|| "–".into(), |s| w.n(s))),
            )
            .collect(),
    );
    let alt = format!(
        "{} {}.",
        w.t(
            "Linjediagram per område över åren",
            "Line charts per area over the years"
        ),
        years
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut blocks = vec![Block::Trend(Trend {
        alt,
        scale: m.scale,
        years: years.clone(),
        lines,
        version_changed: version_changed.clone(),
    })];
    blocks.push(Block::Table(Table {
        caption: None,
        columns,
        rows,
    }));
    if !version_changed.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.t(
                "* Besvarat med en annan version av enkäten. Poängen räknas med dagens bedömningsmall på de svar som förs över: bara frågor som enkäten anger som fortsättningar på tidigare frågor jämförs, och ändringen sedan förra året räknas på samma frågor båda åren (se mognad compare).",
                "* Answered with another version of the questionnaire. The scores are computed with today's rubric on the answers that carry over: only questions the questionnaire declares as continuing earlier ones are compared, and the change since last year is computed on the same questions in both years (see mognad compare).",
            ),
            style: Style::Muted,
        });
    }
    Page {
        title: w.t("Utveckling över åren", "Change over the years"),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, tables};
    use super::*;

    #[test]
    fn a_line_and_a_row_per_area_and_the_index_last() {
        let small = small();
        let part = small.part(true);
        let page = trend_page(&sv(), &Scored::new(&part));
        let Some(Block::Trend(trend)) = page.blocks.first() else {
            panic!("the chart first")
        };
        assert_eq!(trend.years, [2025, 2026]);
        assert_eq!(trend.lines[0].1, [Some(2.0), Some(3.5)]);
        assert_eq!(trend.lines[2].1, [None, None]);
        assert!(trend.version_changed.is_empty());
        let rows = &tables(&page)[0].rows;
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[3], ["Samlat index", "1,5", "2,3"]);
        // The same version both years: no footnote.
        assert_eq!(page.blocks.len(), 2);
    }
}
