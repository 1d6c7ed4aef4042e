//! The questionnaire's groups of areas, each with its score and level.

use super::scored::{Nation, Scored};
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table};
use crate::national::Stat;

pub(super) fn groups_page(w: &Words, s: &Scored, nation: Option<&Nation>) -> Option<Page> {
    if s.card.groups.is_empty() {
        return None;
    }
    let lang = w.lang;
    let dash = || "–".to_string();
    let last = s.comparison.as_ref().map(|c| c.then.year);
    let rows = s
        .card
        .groups
        .iter()
        .map(|group| {
            let areas: Vec<String> = group
                .areas
                .iter()
                .filter_map(|id| s.card.areas.iter().find(|a| &a.id == id))
                .map(|a| area_name(a, lang))
                .collect();
            let mut row = vec![
                group.title.get(lang).to_string(),
                areas.join(", "),
                group.score.map_or_else(dash, |score| w.n(score)),
                match (group.level, &group.level_name) {
                    (Some(level), Some(name)) => format!("{level} {}", name.get(lang)),
                    _ => dash(),
                },
            ];
            if last.is_some() {
                row.push(
                    s.comparison
                        .as_ref()
                        .and_then(|c| c.groups.iter().find(|g| g.id == group.id))
                        .and_then(|g| g.change)
                        .map_or_else(dash, |c| w.signed(c)),
                );
            }
            if let Some(nation) = nation {
                let stat = nation.section.group(&group.id);
                row.push(match (stat, stat.and_then(Stat::band)) {
                    (Some(stat), Some((q1, median, q3))) => {
                        format!("{} ({}–{}, {})", w.n(median), w.n(q1), w.n(q3), stat.n)
                    }
                    (Some(stat), None) => format!("– ({})", stat.n),
                    (None, _) => dash(),
                });
            }
            row
        })
        .collect();
    let mut columns = vec![
        Column {
            header: w.t("Grupp", "Group"),
            width: 0.24,
            numeric: false,
        },
        Column {
            header: w.t("Områden", "Areas"),
            width: 0.46,
            numeric: false,
        },
        Column {
            header: w.t("Poäng", "Score"),
            width: 0.12,
            numeric: true,
        },
        Column {
            header: w.t("Nivå", "Level"),
            width: 0.18,
            numeric: false,
        },
    ];
    // The areas' names take what the figures leave, never less than a long word needs.
    if let Some(year) = last {
        columns[1].width -= 0.1;
        columns.push(Column {
            header: format!("{} {year}", w.t("Ändring sedan", "Change since")),
            width: 0.1,
            numeric: true,
        });
    }
    if nation.is_some() {
        columns[0].width -= 0.05;
        columns[1].width -= 0.1;
        columns[2].width -= 0.03;
        columns[3].width -= 0.04;
        columns.push(Column {
            header: w.t(
                "Riket median (mittenhalva, n)",
                "Nation median (middle half, n)",
            ),
            width: 0.22,
            numeric: true,
        });
    }
    Some(Page {
        title: format!(
            "{}: {}",
            w.t("Grupper av områden", "Groups of areas"),
            s.part.questionnaire.title.get(lang)
        ),
        blocks: vec![
            Block::Paragraph {
                text: w.t(
                    "En grupps poäng är det viktade medelvärdet av poängen för dess områden som har poäng, med bedömningsmallens vikter.",
                    "A group's score is the weighted mean of the scores of its areas that have one, with the rubric's weights.",
                ),
                style: Style::Body,
            },
            Block::Table(Table {
                caption: None,
                columns,
                rows,
            }),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, tables};
    use super::*;

    #[test]
    fn each_group_has_a_row_with_its_areas_score_and_level() {
        let small = small();
        let part = small.part(false);
        let mut scored = Scored::new(&part);
        let page = groups_page(&sv(), &scored, None).expect("the questionnaire has groups");
        assert_eq!(page.title, "Grupper av områden: Liten enkät om åtkomst");
        assert_eq!(
            tables(&page)[0].rows,
            [
                [
                    "Grund",
                    "1 Styrning och ägarskap, 2 Säkerhet och åtkomst",
                    "2,3",
                    "2 Påbörjad"
                ],
                ["Drift", "3 Övervakning för vården", "–", "–"],
            ]
        );
        scored.card.groups.clear();
        assert!(groups_page(&sv(), &scored, None).is_none());
    }
}
