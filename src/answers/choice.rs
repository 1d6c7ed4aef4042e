//! An answer as chosen and as said: the choice an answer holds, how it is said in words,
//! whether two choices are the same, and a typed answer read as a choice. The interview, the
//! sheet, scoring, compare and the report all say and compare answers this one way.

use super::{Answer, Status, Value};
use crate::lang::Lang;
use crate::questionnaire::{PARTLY, Question, QuestionKind, YES};

/// An answer as chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Value(serde_json::Value),
    DontKnow,
    NotApplicable,
}

/// An answer in words, as the team and the report read it: `3 – …` (with the level's
/// descriptor when `full`), `Ja`, an option's label, `Vet ej`; `None` when nothing is answered.
pub fn answer_words(
    question: &Question,
    answer: &Answer,
    lang: Lang,
    full: bool,
) -> Option<String> {
    Some(match choice_of(answer)? {
        Choice::DontKnow => lang.pick("Vet ej", "Don't know").into(),
        Choice::NotApplicable => lang.pick("Ej tillämpligt", "Not applicable").into(),
        Choice::Value(value) => match question.kind {
            QuestionKind::Scale => {
                let level = value.as_u64().unwrap_or_default();
                match question
                    .levels
                    .get(usize::try_from(level).unwrap_or(usize::MAX))
                {
                    Some(text) if full => format!("{level} – {}", text.get(lang)),
                    _ => level.to_string(),
                }
            }
            QuestionKind::YesNo => match value.as_str() {
                Some(YES) => lang.pick("Ja", "Yes").into(),
                Some(PARTLY) => lang.pick("Delvis", "Partly").into(),
                _ => lang.pick("Nej", "No").into(),
            },
            QuestionKind::Choice => {
                let id = value.as_str().unwrap_or_default();
                question
                    .options
                    .iter()
                    .find(|o| o.id == id)
                    .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string())
            }
            QuestionKind::Number | QuestionKind::Text => match value {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            },
        },
    })
}

/// The choice an answer holds.
pub fn choice_of(answer: &Answer) -> Option<Choice> {
    match (&answer.value, answer.status) {
        (_, Some(Status::DontKnow)) => Some(Choice::DontKnow),
        (_, Some(Status::NotApplicable)) => Some(Choice::NotApplicable),
        (Some(value), None) => Some(Choice::Value(value.0.clone())),
        (None, None) => None,
    }
}

pub fn same(a: &Choice, b: &Choice) -> bool {
    match (a, b) {
        (Choice::Value(x), Choice::Value(y)) => Value(x.clone()).matches_json(y),
        _ => a == b,
    }
}

/// The answer a choice makes, without comment or evidence.
pub fn answer_of(choice: &Choice) -> Answer {
    match choice {
        Choice::Value(value) => Answer {
            value: Some(Value(value.clone())),
            ..Answer::default()
        },
        Choice::DontKnow => Answer {
            status: Some(Status::DontKnow),
            ..Answer::default()
        },
        Choice::NotApplicable => Answer {
            status: Some(Status::NotApplicable),
            ..Answer::default()
        },
    }
}

/// Whether a choice is a possible answer to a question.
pub fn fits(question: &Question, choice: &Choice) -> bool {
    crate::validate::answer_fits(question, &answer_of(choice))
}

/// A typed answer to a number or text question: text as written; a number with a decimal
/// comma or point, spaces ignored, a whole number kept whole. `None` when the text is no
/// possible answer to the question (not a number, out of range, not whole where whole is
/// asked for).
pub fn typed(question: &Question, text: &str) -> Option<Choice> {
    if question.kind == QuestionKind::Text {
        return Some(Choice::Value(text.into()));
    }
    let number: f64 = text
        .replace(',', ".")
        .replace(['\u{a0}', ' '], "")
        .parse()
        .ok()?;
    let value = if number.fract() == 0.0 && number.abs() < 9e15 {
        serde_json::Value::from(number as i64)
    } else {
        serde_json::Value::Number(serde_json::Number::from_f64(number)?)
    };
    Some(Choice::Value(value)).filter(|c| fits(question, c))
}
