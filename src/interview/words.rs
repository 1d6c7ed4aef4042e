//! What every way of asking says the same: the choices a question offers with their keys,
//! the introduction, where a resumed interview goes on, and how the team's proposal is
//! labelled. The full screen and the plain lines both take their words from here.

use std::fmt::Write as _;

use super::Resume;
use crate::answers::{Answer, Choice, Rule, answer_words};
use crate::lang::Lang;
use crate::questionnaire::{NO, PARTLY, Question, QuestionKind, YES};

/// One answer a question offers, with the key that gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub key: char,
    pub label: String,
    /// `Value(Null)` for a typed answer: the key opens a line to type it in.
    pub choice: Choice,
}

impl Item {
    pub fn is_typed(&self) -> bool {
        self.choice == Choice::Value(serde_json::Value::Null)
    }
}

/// The answers a question offers, in order, each with its key: the levels by their digit;
/// yes, partly and no by their initial; options by 1–9 then a–z; a typed answer by `s`
/// (`t` in English); *Vet ej* and *Ej tillämpligt* by `v` and `e` (`d` and `a`).
pub fn items(question: &Question, lang: Lang) -> Vec<Item> {
    let mut items = Vec::new();
    match question.kind {
        QuestionKind::Scale => {
            for (level, text) in question.levels.iter().enumerate() {
                items.push(Item {
                    key: char::from_digit(level as u32, 10).unwrap_or('?'),
                    label: text.get(lang).to_string(),
                    choice: Choice::Value(level.into()),
                });
            }
        }
        QuestionKind::YesNo => {
            let mut values = vec![(lang.pick("j", "y"), lang.pick("Ja", "Yes"), YES)];
            if question.partly {
                values.push((lang.pick("d", "p"), lang.pick("Delvis", "Partly"), PARTLY));
            }
            values.push(("n", lang.pick("Nej", "No"), NO));
            for (key, label, value) in values {
                items.push(Item {
                    key: key.chars().next().unwrap_or('?'),
                    label: label.to_string(),
                    choice: Choice::Value(value.into()),
                });
            }
        }
        QuestionKind::Choice => {
            for (i, option) in question.options.iter().enumerate() {
                items.push(Item {
                    key: char::from_digit((i as u32 + 1) % 36, 36).unwrap_or('?'),
                    label: option.label.get(lang).to_string(),
                    choice: Choice::Value(option.id.clone().into()),
                });
            }
        }
        QuestionKind::Number | QuestionKind::Text => items.push(Item {
            key: lang.pick("s", "t").chars().next().unwrap_or('?'),
            label: lang.pick("Skriv svaret …", "Type the answer …").to_string(),
            choice: Choice::Value(serde_json::Value::Null),
        }),
    }
    if question.dont_know {
        items.push(Item {
            key: lang.pick("v", "d").chars().next().unwrap_or('?'),
            label: lang.pick("Vet ej", "Don't know").to_string(),
            choice: Choice::DontKnow,
        });
    }
    if question.not_applicable {
        items.push(Item {
            key: lang.pick("e", "a").chars().next().unwrap_or('?'),
            label: lang.pick("Ej tillämpligt", "Not applicable").to_string(),
            choice: Choice::NotApplicable,
        });
    }
    items
}

/// The keys that act at a question screen (besides the answers' own): comment, back, skip,
/// menu. Each language has its own letters, as documented.
#[derive(Clone, Copy, Debug)]
pub struct Keys {
    pub comment: char,
    pub back: char,
    pub skip: char,
    pub menu: char,
    pub info: char,
    pub copy: char,
}

pub fn keys(lang: Lang) -> Keys {
    match lang {
        Lang::Sv => Keys {
            comment: 'k',
            back: 'b',
            skip: 'h',
            menu: 'm',
            info: 'i',
            copy: 'f',
        },
        Lang::En => Keys {
            comment: 'c',
            back: 'b',
            skip: 's',
            menu: 'm',
            info: 'i',
            copy: 'l',
        },
    }
}

/// An answer in words; with `full`, a level with its descriptor.
pub fn answer(question: &Question, answer: &Answer, lang: Lang, full: bool) -> String {
    answer_words(question, answer, lang, full).map_or_else(
        || "–".into(),
        |words| crate::text::visible(&words).into_owned(),
    )
}

/// An answer in at most `width` characters, ending in `…` when cut.
pub fn short(question: &Question, given: &Answer, lang: Lang, width: usize) -> String {
    cut(&answer(question, given, lang, true), width)
}

/// A text cut to at most `width` characters, ending in `…` when cut.
pub fn cut(text: &str, width: usize) -> String {
    let text = &*crate::text::visible(text);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// Why a typed answer was refused: what the question takes.
pub fn typed_refusal(question: &Question, lang: Lang) -> String {
    if question.kind == QuestionKind::Text {
        return lang.pick("Skriv ett svar.", "Type an answer.").to_string();
    }
    // A bound as written: whole numbers without decimals, a decimal comma in Swedish.
    let number = |n: f64| {
        let text = if n.fract() == 0.0 {
            format!("{n:.0}")
        } else {
            n.to_string()
        };
        match lang {
            Lang::Sv => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let whole = if question.integer {
        lang.pick("ett heltal", "a whole number")
    } else {
        lang.pick("ett tal", "a number")
    };
    let range = match (question.min, question.max) {
        (Some(min), Some(max)) => format!(
            " {} {} {} {}",
            lang.pick("från", "from"),
            number(min),
            lang.pick("till", "to"),
            number(max)
        ),
        (Some(min), None) => format!(" {} {}", lang.pick("från", "from"), number(min)),
        (None, Some(max)) => format!(" {} {}", lang.pick("upp till", "up to"), number(max)),
        (None, None) => String::new(),
    };
    format!("{} {whole}{range}.", lang.pick("Skriv", "Type"))
}

/// The introduction on the first screen.
/// Why an answer asks for evidence, in one line: `Svaret Nej kräver underlag, eftersom det
/// döljer frågor; utan underlag räknas det som Vet ej.`
pub fn evidence_why(question: &Question, given: &Answer, lang: Lang) -> String {
    let words = answer(question, given, lang, false);
    match lang {
        Lang::Sv => format!(
            "Svaret {words} kräver underlag, eftersom det döljer frågor; utan underlag räknas det som Vet ej."
        ),
        Lang::En => format!(
            "The answer {words} needs evidence, since it hides questions; without evidence it counts as Don't know."
        ),
    }
}

pub fn intro(lang: Lang, questions: usize, minutes: usize) -> String {
    if lang == Lang::Sv {
        format!(
            "Ni besvarar {questions} frågor, område för område. Det tar ungefär {minutes} minuter. Varje fråga har nivåer som beskriver vad som går att se i verksamheten; välj den som stämmer i dag, inte den ni siktar på. Svaren sparas efter varje fråga. Avbryt när som helst med Ctrl-C och fortsätt senare där ni slutade."
        )
    } else {
        format!(
            "You answer {questions} questions, area by area. It takes about {minutes} minutes. Each question has levels that describe what can be seen in practice; choose the one that is true today, not the one you aim for. The answers are saved after every question. Stop at any time with Ctrl-C and go on later where you left off."
        )
    }
}

/// `Fortsätter vid 8.3 · 46 av 68 besvarade · öppna före: 2.1, 4.5`
pub fn resumed(resume: &Resume, lang: Lang) -> String {
    let mut text = format!(
        "{} {} · {} {} {} {}",
        lang.pick("Fortsätter vid", "Going on at"),
        resume.at,
        resume.answered,
        lang.pick("av", "of"),
        resume.total,
        lang.pick("besvarade", "answered")
    );
    if !resume.open_before.is_empty() {
        let shown: Vec<&str> = resume
            .open_before
            .iter()
            .take(8)
            .map(String::as_str)
            .collect();
        let _ = write!(
            text,
            " · {}: {}",
            lang.pick("öppna före", "open before"),
            shown.join(", ")
        );
        if resume.open_before.len() > shown.len() {
            let _ = write!(
                text,
                " {} {} {}",
                lang.pick("och", "and"),
                resume.open_before.len() - shown.len(),
                lang.pick("till", "more")
            );
        }
    }
    text
}

/// How the team's proposal is labelled: by the rule for levels, as the most common answer
/// for the rest (ties go to the more cautious answer).
pub fn proposal(rule: Rule, question: &Question, lang: Lang) -> &'static str {
    match (question.kind, rule, lang) {
        (QuestionKind::Scale, Rule::Median, Lang::Sv) => "Förslag (medianen)",
        (QuestionKind::Scale, Rule::Min, Lang::Sv) => "Förslag (det lägsta svaret)",
        (QuestionKind::Scale, Rule::Median, Lang::En) => "Proposed (the median)",
        (QuestionKind::Scale, Rule::Min, Lang::En) => "Proposed (the lowest answer)",
        (_, _, Lang::Sv) => "Förslag (vanligast; vid lika det försiktigare)",
        (_, _, Lang::En) => "Proposed (most common; a tie goes to the more cautious)",
    }
}

/// What the interview says when it stops; `resume` is the command that goes on with it.
pub fn stopped(
    lang: Lang,
    shown: &str,
    answered: usize,
    total: usize,
    kept_draft: Option<&str>,
    resume: &str,
) -> String {
    let mut text = if lang == Lang::Sv {
        format!("Avbrutet. {answered} av {total} frågor är besvarade och sparade i {shown}.")
    } else {
        format!("Stopped. {answered} of {total} questions are answered and saved in {shown}.")
    };
    if let Some(number) = kept_draft {
        let _ = if lang == Lang::Sv {
            write!(
                text,
                "\nKommentaren ni skrev vid {number} är sparad och öppnas igen nästa gång."
            )
        } else {
            write!(
                text,
                "\nThe comment you wrote at {number} is saved and opens again next time."
            )
        };
    }
    let _ = if lang == Lang::Sv {
        write!(text, "\nFortsätt där ni slutade: {resume}")
    } else {
        write!(text, "\nGo on where you left off: {resume}")
    };
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resume_names_the_question_and_the_open_ones_before() {
        let resume = Resume {
            at: "8.3".into(),
            answered: 46,
            total: 68,
            open_before: vec!["2.1".into(), "4.5".into()],
        };
        assert_eq!(
            resumed(&resume, Lang::Sv),
            "Fortsätter vid 8.3 · 46 av 68 besvarade · öppna före: 2.1, 4.5"
        );
        let many = Resume {
            open_before: (1..=10).map(|i| format!("1.{i}")).collect(),
            ..resume
        };
        assert!(resumed(&many, Lang::En).ends_with("1.8 and 2 more"));
    }

    #[test]
    fn a_cut_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(cut("Planerad", 20), "Planerad");
        assert_eq!(cut("vi behöver statistik", 10), "vi behöve…");
        assert_eq!(cut("ab cd", 4), "ab…");
    }
}
