//! The questionnaire's groups of areas, each with its score and level.

use super::scored::Scored;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table};

pub(super) fn groups_page(w: &Words, s: &Scored) -> Option<Page> {
    if s.card.groups.is_empty() {
        return None;
    }
    let lang = w.lang;
    let dash = || "–".to_string();
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
            vec![
                group.title.get(lang).to_string(),
                areas.join(", "),
                group.score.map_or_else(dash, |score| w.n(score)),
                match (group.level, &group.level_name) {
                    (Some(level), Some(name)) => format!("{level} {}", name.get(lang)),
                    _ => dash(),
                },
            ]
        })
        .collect();
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
                columns: vec![
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
                ],
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
        let page = groups_page(&sv(), &scored).expect("the questionnaire has groups");
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
        assert!(groups_page(&sv(), &scored).is_none());
    }
}
