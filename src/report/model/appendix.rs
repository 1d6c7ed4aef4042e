//! The appendix: every question with its answer and comment.

use std::fmt::Write as _;

use super::scored::Scored;
use super::words::{Words, answer_text};
use super::{Block, Column, Page, Style, Table};
use crate::answers::{Answers, Choice, choice_of};
use crate::questionnaire::{Question, QuestionKind};

pub(super) fn appendix(w: &Words, scored: &[Scored]) -> Page {
    let lang = w.lang;
    let mut blocks = vec![Block::Paragraph {
        text: w.t(
            "Varje fråga med svar och kommentar.",
            "Every question with its answer and comment.",
        ),
        style: Style::Body,
    }];
    for s in scored {
        let q = s.part.questionnaire;
        blocks.push(Block::Heading {
            text: q.title.get(lang).to_string(),
        });
        for area in &q.areas {
            let rows: Vec<Vec<String>> = area
                .questions
                .iter()
                .enumerate()
                .map(|(at, question)| {
                    let answer = if q.is_asked(question, s.part.answers) {
                        number_text(w, question, s.part.answers)
                            .unwrap_or_else(|| answer_text(w, question, s.part.answers, false))
                    } else {
                        w.t("Ställdes inte", "Not asked")
                    };
                    let note = s.part.answers.get(&question.id);
                    let mut comment = note.and_then(|a| a.comment.clone()).unwrap_or_default();
                    if let Some(evidence) = note.and_then(|a| a.evidence.as_deref()) {
                        if !comment.is_empty() {
                            comment.push(' ');
                        }
                        let _ = write!(comment, "({}: {evidence})", w.t("underlag", "evidence"));
                    }
                    vec![
                        area.question_number(at),
                        question.text.get(lang).to_string(),
                        answer,
                        comment,
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                caption: Some(format!("{} {}", area.number, area.title.get(lang))),
                columns: vec![
                    // The answer gets room for a choice's label or a sentence of text,
                    // so that neither wraps word by word nor breaks inside a word.
                    Column {
                        header: w.t("Nr", "No."),
                        width: 0.07,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Fråga", "Question"),
                        width: 0.39,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Svar", "Answer"),
                        width: 0.26,
                        numeric: false,
                    },
                    Column {
                        header: w.t("Kommentar", "Comment"),
                        width: 0.28,
                        numeric: false,
                    },
                ],
                rows,
            }));
        }
    }
    Page {
        title: w.t("Bilaga: alla svar", "Appendix: every answer"),
        blocks,
    }
}

/// A number with the question's unit, in the report's language: "80 procent", "2,5 timmar".
fn number_text(w: &Words, question: &Question, answers: &Answers) -> Option<String> {
    if question.kind != QuestionKind::Number {
        return None;
    }
    let Some(Choice::Value(value)) = answers.get(&question.id).and_then(choice_of) else {
        return None;
    };
    let number = w.level(value.as_f64()?);
    Some(match &question.unit {
        Some(unit) => format!("{number} {}", unit.get(w.lang)),
        None => number,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{small, sv, tables};
    use super::*;

    #[test]
    fn every_question_is_listed_with_its_answer_and_comment() {
        let small = small();
        let part = small.part(false);
        let page = appendix(&sv(), &[Scored::new(&part)]);
        assert_eq!(page.title, "Bilaga: alla svar");
        let tables = tables(&page);
        let captions: Vec<_> = tables.iter().map(|t| t.caption.as_deref()).collect();
        assert_eq!(
            captions,
            [
                Some("1 Styrning och ägarskap"),
                Some("2 Säkerhet och åtkomst"),
                Some("3 Övervakning för vården")
            ]
        );
        assert_eq!(
            tables[0].rows[0],
            [
                "1.1",
                "Hur långt har regionen kommit med ägarskap?",
                "3",
                "Beslut i regionledningen. (underlag: protokoll § 12)"
            ]
        );
        assert_eq!(tables[1].rows[1][2], "Vet ej");
        assert_eq!(tables[2].rows[0][2..], ["Obesvarad", ""]);
    }
}
