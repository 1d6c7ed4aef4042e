//! The recommended next steps, from the rubric, in order of priority.

use super::scored::Scored;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table};
use crate::scoring::targets::{Standing, standing};

pub(super) fn next_steps_page(w: &Words, scored: &[Scored]) -> Page {
    let lang = w.lang;
    let targets = scored.iter().any(|s| s.card.targets.is_some());
    let mut blocks = vec![Block::Paragraph {
        text: if targets {
            w.t(
                "Stegen kommer från bedömningsmallen och gäller den nivå området har i dag. De står i prioritetsordning: först områden som inte har nått sitt mål, efter områdets vikt gånger avståndet kvar till målet; sedan områden utan mål, efter vikt gånger avståndet till nästa nivå; sist områden som har nått sitt mål.",
                "The steps come from the rubric and apply to the level the area has today. They are in order of priority: first the areas short of their target, by the area's weight times the distance left to the target; then the areas without a target, by weight times the distance to the next level; last the areas that have reached their target.",
            )
        } else {
            w.t(
                "Stegen kommer från bedömningsmallen och gäller den nivå området har i dag. De står i prioritetsordning: områdets vikt gånger avståndet till nästa nivå.",
                "The steps come from the rubric and apply to the level the area has today. They are in order of priority: the area's weight times the distance to the next level.",
            )
        },
        style: Style::Body,
    }];
    for s in scored {
        // Priority: the area's weight × the distance to the next level, or to the target for
        // an area short of its target; those come first, and areas that reached theirs last.
        let mut steps: Vec<(Standing, f64, String, String, String, String)> = Vec::new();
        for area in s.scored_areas() {
            let (Some(score), Some(level), Some(text)) = (area.score, area.level, &area.next_step)
            else {
                continue;
            };
            let levels = s
                .part
                .rubric
                .area_rule(&area.id)
                .map(|r| r.levels(s.part.rubric))
                .unwrap_or_default();
            let next = levels
                .iter()
                .find(|b| b.level > level)
                .map_or(s.scale.high, |b| b.min);
            let distance = match (standing(area), area.gap) {
                (Standing::Short, Some(gap)) => gap,
                _ => (next - score).max(0.0),
            };
            let priority = area.weight.unwrap_or(1.0) * distance;
            let level_name = area
                .level_name
                .as_ref()
                .map(|l| l.get(lang))
                .unwrap_or_default();
            steps.push((
                standing(area),
                priority,
                area_name(area, lang),
                format!("{level} {level_name}"),
                area.target
                    .map_or_else(|| "–".to_string(), |t| t.to_string()),
                text.get(lang).to_string(),
            ));
        }
        if steps.is_empty() {
            continue;
        }
        steps.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal))
        });
        let with_target = s.card.targets.is_some();
        blocks.push(Block::Heading {
            text: s.part.questionnaire.title.get(lang).to_string(),
        });
        // No rank column: beside the area's own number a rank reads as a mistake
        // ("1 | 1 Ägarskap", "2 | 4 Klinisk validering"), so the caption says the order.
        let mut columns = vec![
            Column {
                header: w.t("Område", "Area"),
                width: 0.32,
                numeric: false,
            },
            Column {
                header: w.t("Nivå i dag", "Level today"),
                width: 0.14,
                numeric: false,
            },
            Column {
                header: w.t("Nästa steg", "Next step"),
                width: 0.54,
                numeric: false,
            },
        ];
        if with_target {
            columns[2].width = 0.47;
            columns.insert(
                2,
                Column {
                    header: w.t("Mål", "Target"),
                    width: 0.07,
                    numeric: true,
                },
            );
        }
        blocks.push(Block::Table(Table {
            caption: Some(w.t(
                "Det viktigaste steget först. Siffran framför ett område är dess nummer i enkäten.",
                "The most important step first. The number before an area is its number in the questionnaire.",
            )),
            columns,
            rows: steps
                .into_iter()
                .map(|(_, _, name, level, target, text)| {
                    let mut row = vec![name, level];
                    if with_target {
                        row.push(target);
                    }
                    row.push(text);
                    row
                })
                .collect(),
        }));
    }
    Page {
        title: w.t("Rekommenderade nästa steg", "Recommended next steps"),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Report;
    use super::super::fixtures::{first_table, page, report_with_targets};
    use crate::lang::Lang;

    #[test]
    fn with_targets_the_next_steps_go_by_what_is_left_to_each_target() {
        let areas = |report: &Report| -> Vec<String> {
            first_table(page(report, "Rekommenderade nästa steg"))
                .rows
                .iter()
                .map(|r| r[0].clone())
                .collect()
        };
        let without = report_with_targets(Lang::Sv, false);
        let with = report_with_targets(Lang::Sv, true);
        // Without targets, the distance to the next level: 2,0 is a whole level from 3.
        assert_eq!(areas(&without)[0], "10 Digital mognad och kompetens");
        // With them, the gap: 1,8 toward 3 and 2,9 toward 4 first; the three areas that
        // reached their targets last.
        let with_areas = areas(&with);
        assert_eq!(
            with_areas[..2],
            [
                "3 Nationellt ramverk och standarder",
                "8 Cybersäkerhet och attacker"
            ]
        );
        assert_eq!(
            with_areas[7..],
            [
                "10 Digital mognad och kompetens",
                "4 Användning av molntjänster",
                "9 Utbuds- och samtyckestjänst"
            ]
        );
        let steps = serde_json::to_string(page(&with, "Rekommenderade nästa steg")).unwrap();
        assert!(
            steps.contains("först områden som inte har nått sitt mål"),
            "{steps}"
        );
        let steps = serde_json::to_string(page(&without, "Rekommenderade nästa steg")).unwrap();
        assert!(!steps.contains("sitt mål"), "{steps}");
        let table = first_table(page(&without, "Rekommenderade nästa steg"));
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        // The order is said in the caption, not in a column of ranks beside the areas' numbers.
        assert_eq!(headers, ["Område", "Nivå i dag", "Nästa steg"]);
        assert!(
            table
                .caption
                .as_deref()
                .is_some_and(|c| c.starts_with("Det viktigaste steget först.")),
            "{:?}",
            table.caption
        );
        assert!(!without.pages.iter().any(|p| p.title == "Mål per område"));
    }
}
