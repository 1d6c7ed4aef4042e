//! The score per area: bars with the national band, last year and targets, and the table.

use std::fmt::Write as _;

#[cfg(test)]
use super::Scale;
use super::scored::{Nation, Scored, position};
use super::words::{Words, area_name};
use super::{BarRow, Bars, Block, Column, Page, SeriesKind, Style, Table};
use crate::lang::Lang;
use crate::national::Stat;

pub(super) fn bars_page(w: &Words, m: &Scored, nation: Option<&Nation>) -> Page {
    let lang = w.lang;
    let last = m.last_year();
    let band = |id: &str| nation.and_then(|n| n.area(id)).and_then(Stat::band);
    let rows: Vec<BarRow> = m
        .scored_areas()
        .map(|a| BarRow {
            label: area_name(a, lang),
            value: a.score,
            text: match (a.score, &a.level_name) {
                (Some(s), Some(level)) => format!("{} {}", w.n(s), level.get(lang)),
                _ => w.t("ingen poäng", "no score"),
            },
            previous: m.then(&a.id),
            national: band(&a.id),
            target: a.target_score,
        })
        .collect();
    let mut legend = vec![(SeriesKind::Region, format!("{}", m.card.year))];
    if rows.iter().any(|r| r.target.is_some()) {
        legend.push((SeriesKind::Target, w.t("Mål", "Target")));
    }
    if let Some(nation) = nation.filter(|_| rows.iter().any(|r| r.national.is_some())) {
        legend.push((
            SeriesKind::National,
            format!(
                "{} ({})",
                w.t(
                    "Riket: median och mittenhalva",
                    "Nation: median and middle half"
                ),
                nation.described(w)
            ),
        ));
    }
    if let Some((year, _, _)) = last {
        legend.push((SeriesKind::LastYear, year.to_string()));
    }
    let alt_rows: Vec<String> = rows
        .iter()
        .map(|r| match r.national {
            Some((q1, median, q3)) => format!(
                "{}: {} ({} {}, {} {}–{})",
                r.label,
                r.text,
                w.t("riket median", "national median"),
                w.n(median),
                w.t("mittenhalva", "middle half"),
                w.n(q1),
                w.n(q3)
            ),
            None => format!("{}: {}", r.label, r.text),
        })
        .collect();
    let mut alt = format!(
        "{} {}",
        w.t(
            "Stapeldiagram med poäng per område.",
            "Bar chart of the score per area."
        ),
        alt_rows.join("; ")
    );
    let targets: Vec<String> = m
        .scored_areas()
        .filter_map(|a| Some(format!("{} {}", area_name(a, lang), a.target?)))
        .collect();
    if !targets.is_empty() {
        let _ = write!(alt, ". {}: {}", w.t("Mål", "Targets"), targets.join("; "));
    }
    // Shares of the width: the area takes what the other columns leave.
    let national_width = if nation.is_some() { 0.3 } else { 0.0 };
    let change_width = if last.is_some() { 0.12 } else { 0.0 };
    let mut columns = vec![
        Column {
            header: w.t("Område", "Area"),
            width: 0.72 - national_width - change_width,
            numeric: false,
        },
        Column {
            header: w.t("Poäng", "Score"),
            width: 0.09,
            numeric: true,
        },
        Column {
            header: w.t("Nivå", "Level"),
            width: 0.19,
            numeric: false,
        },
    ];
    if nation.is_some() {
        columns.push(Column {
            header: w.t("Riket median (n)", "Nation median (n)"),
            width: 0.13,
            numeric: true,
        });
        columns.push(Column {
            header: w.t("Läge i riket", "Position in nation"),
            width: 0.17,
            numeric: false,
        });
    }
    if let Some((year, _, _)) = last {
        columns.push(Column {
            header: format!("{} {year}", w.t("Ändring sedan", "Change since")),
            width: change_width,
            numeric: true,
        });
    }
    let table_rows = m
        .scored_areas()
        .map(|a| {
            let mut row = vec![
                area_name(a, lang),
                a.score.map_or_else(|| "–".into(), |s| w.n(s)),
                a.level_name.as_ref().map_or_else(
                    || w.t("ingen poäng", "no score"),
                    |l| format!("{} {}", a.level.unwrap_or_default(), l.get(lang)),
                ),
            ];
            if let Some(nation) = nation {
                let stat = nation.area(&a.id);
                row.push(match (stat, stat.and_then(Stat::band)) {
                    (Some(stat), Some((_, median, _))) => format!("{} ({})", w.n(median), stat.n),
                    (Some(stat), None) => format!("– ({})", stat.n),
                    (None, _) => "–".into(),
                });
                row.push(match (a.score, band(&a.id)) {
                    (Some(score), Some(band)) => position(score, band).words(w),
                    (_, None) if stat.is_some_and(|s| s.withheld) => w.t("undanhållen", "withheld"),
                    _ => "–".into(),
                });
            }
            if last.is_some() {
                row.push(m.change(&a.id).map_or_else(|| "–".into(), |c| w.signed(c)));
            }
            row
        })
        .collect();
    Page {
        title: w.t("Poäng per område", "Score per area"),
        blocks: vec![
            Block::ScoreBars {
                scale: m.scale,
                bars: Bars { alt, rows, legend },
            },
            Block::Table(Table { caption: None, columns, rows: table_rows }),
            Block::Paragraph {
                text: match nation {
                    Some(nation) => if lang == Lang::Sv {
                        format!("Det ljusa bandet är rikets mittenhalva, från nedre till övre kvartilen, och strecket i det riksmedianen ({}). n är antalet regioner bakom siffran; en siffra som vilar på färre än {} regioner undanhålls.", nation.described(w), nation.reference.min_regions)
                    } else {
                        format!("The light band is the nation's middle half, from the lower to the upper quartile, and the line in it the national median ({}). n is the number of regions behind the figure; a figure resting on fewer than {} regions is withheld.", nation.described(w), nation.reference.min_regions)
                    },
                    None => w.t(
                        "Nationell median och kvartilband visas när en nationell referens anges; här angavs ingen.",
                        "The national median and quartile band are shown when a national reference is given; none was given here.",
                    ),
                },
                style: Style::Muted,
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, tables};
    use super::*;

    #[test]
    fn each_area_has_a_bar_and_a_row_and_the_change_only_with_last_year() {
        let small = small();
        let part = small.part(false);
        let page = bars_page(&sv(), &Scored::new(&part), None);
        let Some(Block::ScoreBars { scale, bars }) = page.blocks.first() else {
            panic!("bars first")
        };
        assert_eq!(*scale, Scale::FULL);
        let texts: Vec<&str> = bars.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["3,5 Etablerad", "1,0 Initial", "ingen poäng"]);
        assert!(
            bars.rows
                .iter()
                .all(|r| r.previous.is_none() && r.national.is_none())
        );
        assert_eq!(bars.legend, [(SeriesKind::Region, "2026".to_string())]);
        let table = tables(&page)[0];
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["Område", "Poäng", "Nivå"]);
        assert_eq!(
            table.rows[2],
            ["3 Övervakning för vården", "–", "ingen poäng"]
        );

        let part = small.part(true);
        let page = bars_page(&sv(), &Scored::new(&part), None);
        let table = tables(&page)[0];
        assert_eq!(table.columns[3].header, "Ändring sedan 2025");
        let changes: Vec<&str> = table.rows.iter().map(|r| r[3].as_str()).collect();
        assert_eq!(changes, ["+1,5", "0,0", "–"]);
    }
}
