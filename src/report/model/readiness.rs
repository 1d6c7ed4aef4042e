//! Readiness to scale up: the verdict, each dimension's status and the blockers.

use super::scored::Scored;
use super::words::{Words, area_name};
use super::{Block, Column, Page, Scale, Style, Table};
use crate::scoring::text::subject_name;
use crate::scoring::{AreaScore, Observed};

/// Three fifths of the scale up is a good basis, two fifths needs work: 3 and 2 on 0–5.
fn status(w: &Words, area: &AreaScore, scale: Scale) -> String {
    let at = |share: f64| scale.low + share * (scale.high - scale.low);
    match area.score {
        Some(s) if s >= at(0.6) - 1e-9 => w.t("God grund", "Good basis"),
        Some(s) if s >= at(0.4) - 1e-9 => w.t("Behöver arbete", "Needs work"),
        Some(_) => w.t("Brist", "Gap"),
        None => w.t("För lite besvarat", "Too little answered"),
    }
}

pub(super) fn readiness_page(w: &Words, r: &Scored) -> Page {
    let lang = w.lang;
    let mut blocks = Vec::new();
    if let Some(solution) = &r.card.solution {
        blocks.push(Block::Paragraph {
            text: format!(
                "{}: {}. {}: {}.",
                w.t("Lösning", "Solution"),
                solution.name,
                w.t("Målgrupp", "Target group"),
                solution.target_group
            ),
            style: Style::Lead,
        });
    }
    let mut figures = Vec::new();
    if let Some(verdict) = &r.card.verdict {
        figures.push((
            w.t("Bedömning", "Verdict"),
            verdict.name.as_ref().map_or_else(
                || w.t("kan inte ges", "cannot be given"),
                |n| n.get(lang).to_string(),
            ),
        ));
    }
    if let Some(index) = r.card.overall.score {
        figures.push((w.t("Index", "Index"), w.n(index)));
    }
    let applicable: usize = r.scored_areas().map(|a| a.applicable).sum();
    let answered: usize = r.scored_areas().map(|a| a.answered).sum();
    if applicable > 0 {
        figures.push((
            w.t("Täckning", "Coverage"),
            w.pct(answered as f64 / applicable as f64),
        ));
    }
    blocks.push(Block::KeyFigures { items: figures });
    let rows = r
        .scored_areas()
        .map(|a| {
            vec![
                area_name(a, lang),
                a.score.map_or_else(|| "–".into(), |s| w.n(s)),
                a.level_name.as_ref().map_or_else(
                    || "–".into(),
                    |l| format!("{} {}", a.level.unwrap_or_default(), l.get(lang)),
                ),
                status(w, a, r.scale),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: None,
        columns: vec![
            Column {
                header: w.t("Dimension", "Dimension"),
                width: 0.5,
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
            Column {
                header: w.t("Status", "Status"),
                width: 0.2,
                numeric: false,
            },
        ],
        rows,
    }));
    if let Some(verdict) = &r.card.verdict {
        blocks.push(Block::Heading {
            text: w.t(
                "Hinder som påverkar bedömningen",
                "Blockers that affect the verdict",
            ),
        });
        if verdict.blockers.is_empty() {
            blocks.push(Block::Paragraph {
                text: w.t(
                    "Inget hinder gäller: bedömningen följer indexet.",
                    "No blocker holds: the verdict follows the index.",
                ),
                style: Style::Body,
            });
        } else {
            let items = verdict
                .blockers
                .iter()
                .map(|b| {
                    let seen = match (subject_name(&b.subject, &r.card, lang), b.subject.observed) {
                        (name, Observed::Value(v)) if b.subject.question.is_some() => {
                            format!("{name} = {}", w.level(v))
                        }
                        (name, Observed::Unknown) if b.subject.question.is_some() => format!(
                            "{name}: {}",
                            w.t("vet ej eller obesvarad", "don't know or unanswered")
                        ),
                        (name, Observed::Value(v)) => format!("{name} = {}", w.n(v)),
                        (name, Observed::Unknown) => {
                            format!("{name}: {}", w.t("ingen poäng", "no score"))
                        }
                    };
                    let decisive = if b.decisive {
                        w.t(" Avgör bedömningen.", " Decides the verdict.")
                    } else {
                        String::new()
                    };
                    format!(
                        "{} {}: {} ({seen}).{decisive}",
                        w.t("Högst", "At most"),
                        b.limit_name.get(lang).to_lowercase(),
                        b.reason.get(lang)
                    )
                })
                .collect();
            blocks.push(Block::Bullets { items });
        }
        let why = if verdict.blockers.iter().any(|b| b.decisive) {
            w.t(
                "Ett hinder väger tyngre än ett gott genomsnitt: så länge det gäller kan lösningen inte skalas upp, hur väl resten än är på plats.",
                "A blocker outweighs a good average: while it holds, the solution cannot be scaled up, however well the rest is in place.",
            )
        } else {
            w.t(
                "Bedömningen ges av indexet, eftersom inget hinder gör den sämre.",
                "The verdict is given by the index, since no blocker makes it worse.",
            )
        };
        blocks.push(Block::Paragraph {
            text: why,
            style: Style::Body,
        });
    }
    Page {
        title: w.t("Beredskap att skala upp", "Readiness to scale up"),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Part;
    use super::super::fixtures::{example, small, sv, texts};
    use super::*;
    use crate::builtin;

    #[test]
    fn the_status_follows_the_score() {
        let small = small();
        let part = small.part(false);
        let scored = Scored::new(&part);
        let statuses: Vec<String> = scored
            .card
            .areas
            .iter()
            .map(|a| status(&sv(), a, scored.scale))
            .collect();
        assert_eq!(statuses, ["God grund", "Brist", "För lite besvarat"]);
    }

    #[test]
    fn the_readiness_page_gives_the_verdict_and_the_blockers_that_decide_it() {
        let q = builtin::questionnaire_at("beredskap", "2025.1")
            .unwrap()
            .unwrap();
        let r = builtin::rubric_at("beredskap", "2025.1").unwrap().unwrap();
        let answers = example("exempelland-beredskap-2025.json");
        let part = Part {
            questionnaire: &q,
            rubric: &r,
            answers: &answers,
            previous: Vec::new(),
        };
        let page = readiness_page(&sv(), &Scored::new(&part));
        assert_eq!(page.title, "Beredskap att skala upp");
        let Some(Block::KeyFigures { items }) = page.blocks.get(1) else {
            panic!("key figures after the solution")
        };
        assert_eq!(items[0], ("Bedömning".to_string(), "Inte redo".to_string()));
        let text = texts(&page);
        assert!(text.contains("Hinder som påverkar bedömningen"), "{text}");
        assert!(text.contains("Avgör bedömningen."), "{text}");
        assert!(text.contains("Ett hinder väger tyngre"), "{text}");
    }
}
