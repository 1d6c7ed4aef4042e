//! A team's assessment: who answered, where they disagreed and what they agreed.

use std::fmt::Write as _;

use super::scored::Scored;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Style, Table};
use crate::lang::Lang;
use crate::scoring;

/// A team's answers: who answered, per area how many answered and where they disagreed, and
/// each split question with every respondent's answer and what the team agreed. Only when an
/// answers file is a team's.
pub(super) fn team_page(w: &Words, scored: &[Scored]) -> Option<Page> {
    let lang = w.lang;
    let teams: Vec<(&Scored, &scoring::Team)> = scored
        .iter()
        .filter_map(|s| s.card.team.as_ref().map(|t| (s, t)))
        .collect();
    if teams.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for (s, team) in &teams {
        if teams.len() > 1 {
            blocks.push(Block::Heading {
                text: s.part.questionnaire.title.get(lang).to_string(),
            });
        }
        let people: Vec<String> = team
            .respondents
            .iter()
            .map(|r| {
                if r.role.trim().is_empty() {
                    r.name.clone()
                } else {
                    format!("{} ({})", r.name, r.role)
                }
            })
            .collect();
        let settled = team.split.iter().filter(|q| q.settled).count();
        let rule = match team.rule {
            crate::answers::Rule::Median => w.t(
                "medianen av deras svar (det vanligaste svaret på ja/nej- och flervalsfrågor)",
                "the median of theirs (the most common answer to yes/no and choice questions)",
            ),
            crate::answers::Rule::Min => w.t("det lägsta av deras svar", "the lowest of theirs"),
        };
        let mut text = if lang == Lang::Sv {
            format!(
                "Svaren kommer från {} personer som svarade var för sig: {}. Teamets svar på varje fråga är {rule}.",
                people.len(),
                w.list(&people)
            )
        } else {
            format!(
                "The answers come from {} people who answered separately: {}. The team's answer to each question is {rule}.",
                people.len(),
                w.list(&people)
            )
        };
        text.push(' ');
        let _ = match (team.split.len(), lang) {
            (0, _) => write!(
                text,
                "{}",
                w.t(
                    "De var eniga om varje fråga.",
                    "They agreed on every question."
                )
            ),
            (split, Lang::Sv) if settled == 0 => write!(
                text,
                "De var oeniga om {split} {}, som teamet inte har stämt av än; där står regelns förslag.",
                if split == 1 { "fråga" } else { "frågor" }
            ),
            (split, Lang::En) if settled == 0 => write!(
                text,
                "They disagreed on {split} {}, which the team has not discussed yet; there the rule's proposal stands.",
                if split == 1 { "question" } else { "questions" }
            ),
            (split, Lang::Sv) => write!(
                text,
                "De var oeniga om {split} {}; teamet har stämt av och enats om {settled} av dem.",
                if split == 1 { "fråga" } else { "frågor" }
            ),
            (split, Lang::En) => write!(
                text,
                "They disagreed on {split} {}; the team has discussed and settled {settled} of them.",
                if split == 1 { "question" } else { "questions" }
            ),
        };
        blocks.push(Block::Paragraph {
            text,
            style: Style::Lead,
        });
        let rows = s
            .card
            .areas
            .iter()
            .map(|area| {
                vec![
                    area_name(area, lang),
                    area.respondents.unwrap_or_default().to_string(),
                    area.split.unwrap_or_default().to_string(),
                    area.settled.unwrap_or_default().to_string(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: None,
            columns: vec![
                Column {
                    header: w.t("Område", "Area"),
                    width: 0.55,
                    numeric: false,
                },
                Column {
                    header: w.t("Svarande", "Respondents"),
                    width: 0.15,
                    numeric: true,
                },
                Column {
                    header: w.t("Oeniga frågor", "Split questions"),
                    width: 0.15,
                    numeric: true,
                },
                Column {
                    header: w.t("Enade", "Settled"),
                    width: 0.15,
                    numeric: true,
                },
            ],
            rows,
        }));
        if team.split.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            text: w.t("Där teamet var oenigt", "Where the team disagreed"),
        });
        let items = team
            .split
            .iter()
            .map(|question| {
                let answers: Vec<String> = question
                    .answers
                    .iter()
                    .map(|a| format!("{}: {}", a.who, a.words.get(lang)))
                    .collect();
                let team_answer = question
                    .team
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |t| t.get(lang).to_string());
                let outcome = match (&question.rationale, lang) {
                    (Some(rationale), Lang::Sv) => {
                        format!("Teamet enades om {team_answer}: {rationale}")
                    }
                    (Some(rationale), Lang::En) => {
                        format!("The team settled on {team_answer}: {rationale}")
                    }
                    (None, Lang::Sv) => {
                        format!("Teamets svar {team_answer} är regelns förslag och inte avstämt.")
                    }
                    (None, Lang::En) => format!(
                        "The team's answer {team_answer} is the rule's proposal, not yet discussed."
                    ),
                };
                let area = s
                    .card
                    .areas
                    .iter()
                    .find(|a| a.id == question.area)
                    .map_or_else(String::new, |a| area_name(a, lang));
                format!(
                    "{area} · {} {}: {}. {outcome}",
                    question.number,
                    question.label.get(lang),
                    answers.join(", ")
                )
            })
            .collect();
        blocks.push(Block::Bullets { items });
    }
    Some(Page {
        title: w.t("Teamets bedömning", "The team's assessment"),
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::super::fixtures::{example, small, sv, tables, texts};
    use super::super::method::team_method;
    use super::*;
    use crate::builtin;

    #[test]
    fn only_a_teams_answers_get_a_team_page() {
        let small = small();
        let part = small.part(false);
        assert!(team_page(&sv(), &[Scored::new(&part)]).is_none());

        let q = builtin::questionnaire_at("tiopunkt", "2025.1")
            .unwrap()
            .unwrap();
        let r = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
        let answers = example("team/team-tiopunkt-2025.json");
        let part = Part {
            questionnaire: &q,
            rubric: &r,
            answers: &answers,
            previous: Vec::new(),
        };
        let scored = [Scored::new(&part)];
        let page = team_page(&sv(), &scored).expect("a team's answers");
        assert_eq!(page.title, "Teamets bedömning");
        assert!(
            texts(&page).starts_with("Svaren kommer från 3 personer"),
            "{}",
            texts(&page)
        );
        assert_eq!(tables(&page)[0].rows.len(), q.areas.len());
        let Some(Block::Paragraph { text, .. }) = team_method(&sv(), &scored) else {
            panic!("the method says how the team was merged")
        };
        assert!(text.contains("mognad merge av 3 personers"), "{text}");
    }
}
