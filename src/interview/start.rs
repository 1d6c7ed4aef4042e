//! The start of a new interview, before the first question: what it is, who answers, for
//! which region and year, and for a readiness questionnaire which solution. What the user
//! types comes through a [`StartSource`]; what is refused is said with its reason and asked
//! again.

use super::Cancelled;
use crate::answers::{Answers, Respondent, Solution};
use crate::lang::Lang;
use crate::questionnaire::{Kind, Questionnaire};

/// The Swedish regions, for the start's type-to-find list.
pub const REGIONS: [&str; 21] = [
    "Region Blekinge",
    "Region Dalarna",
    "Region Gotland",
    "Region Gävleborg",
    "Region Halland",
    "Region Jämtland Härjedalen",
    "Region Jönköpings län",
    "Region Kalmar län",
    "Region Kronoberg",
    "Region Norrbotten",
    "Region Skåne",
    "Region Stockholm",
    "Region Sörmland",
    "Region Uppsala",
    "Region Värmland",
    "Region Västerbotten",
    "Region Västernorrland",
    "Region Västmanland",
    "Region Örebro län",
    "Region Östergötland",
    "Västra Götalandsregionen",
];

/// The years an assessment can describe.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// What the start asks through.
pub trait StartSource {
    /// The first screen: what the interview is, how long it takes and how to stop, with
    /// notes such as the files already there. Enter goes on.
    fn intro(&mut self, intro: &Intro) -> Result<(), Cancelled>;
    /// One of `regions`, found by typing, or the name of another organisation.
    fn region(&mut self, regions: &[&str]) -> Result<String, Cancelled>;
    /// A line of text, checked by `ask.check` until it is taken; `None` when left empty and
    /// not required.
    fn line(&mut self, ask: &LineAsk) -> Result<Option<String>, Cancelled>;
    /// Who answers what, said on every screen from here on: `Region Skåne · 10-punktslistan`.
    fn context(&mut self, _context: &str) {}
}

/// The first screen.
pub struct Intro<'a> {
    pub title: &'a str,
    /// Questions asked when nothing is answered yet.
    pub questions: usize,
    pub minutes: usize,
    /// Said under the introduction, one paragraph each.
    pub notes: Vec<String>,
}

/// A line to type.
pub struct LineAsk<'a> {
    pub label: &'a str,
    /// What the line holds at first.
    pub initial: &'a str,
    pub required: bool,
    /// Takes what was typed (trimmed, not empty), or says in the user's language why not.
    pub check: &'a dyn Fn(&str) -> Result<String, String>,
}

/// Anything typed is taken.
pub fn any(text: &str) -> Result<String, String> {
    Ok(text.to_string())
}

/// A year the assessment can describe, or why the text is none.
pub fn year(text: &str, lang: Lang) -> Result<i32, String> {
    let refused = || {
        lang.pick(
            "Skriv ett år med fyra siffror, från 2000 till 2100.",
            "Type a year of four digits, from 2000 to 2100.",
        )
        .to_string()
    };
    let year: i32 = text.trim().parse().map_err(|_| refused())?;
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(refused())
    }
}

/// What the command line already says, so it is not asked.
#[derive(Clone, Debug, Default)]
pub struct Given {
    pub region: Option<String>,
    pub year: Option<i32>,
    pub respondent: Option<(String, String)>,
}

/// Asks what the command line did not say and returns the new, empty answers.
pub fn start(
    source: &mut dyn StartSource,
    questionnaire: &Questionnaire,
    given: &Given,
    previous: Option<&Answers>,
    lang: Lang,
    today: jiff::civil::Date,
) -> Result<Answers, Cancelled> {
    let region = match (&given.region, previous) {
        (Some(region), _) => region.clone(),
        (None, Some(previous)) => previous.region.clone(),
        (None, None) => source.region(&REGIONS)?,
    };
    let year = if let Some(year) = given.year {
        year
    } else {
        let check = |text: &str| year(text, lang).map(|y| y.to_string());
        let typed = source.line(&LineAsk {
            label: lang.pick("År som bedömningen gäller", "Year the assessment describes"),
            initial: &today.year().to_string(),
            required: true,
            check: &check,
        })?;
        typed
            .and_then(|t| year(&t, lang).ok())
            .unwrap_or_else(|| i32::from(today.year()))
    };
    let mut respondents = Vec::new();
    if let Some((name, role)) = &given.respondent {
        respondents.push(Respondent {
            name: name.clone(),
            role: role.clone(),
        });
    } else if let Some(name) = source.line(&LineAsk {
        label: lang.pick("Ditt namn (Enter hoppar över)", "Your name (Enter skips)"),
        initial: "",
        required: false,
        check: &any,
    })? {
        let role = source
            .line(&LineAsk {
                label: lang.pick(
                    "Din roll, till exempel CIO eller CMIO",
                    "Your role, for example CIO or CMIO",
                ),
                initial: "",
                required: false,
                check: &any,
            })?
            .unwrap_or_default();
        respondents.push(Respondent { name, role });
    }
    let solution = if questionnaire.kind == Kind::Readiness {
        let last = previous.and_then(|p| p.solution.clone());
        let name = source
            .line(&LineAsk {
                label: lang.pick(
                    "Lösningen som bedöms, till exempel distansmonitorering vid hjärtsvikt",
                    "The solution assessed, for example remote monitoring of heart failure",
                ),
                initial: last.as_ref().map_or("", |s| s.name.as_str()),
                required: true,
                check: &any,
            })?
            .unwrap_or_default();
        let target_group = source
            .line(&LineAsk {
                label: lang.pick(
                    "Målgruppen, till exempel patienter med hjärtsvikt i primärvården",
                    "The target group, for example patients with heart failure in primary care",
                ),
                initial: last.as_ref().map_or("", |s| s.target_group.as_str()),
                required: true,
                check: &any,
            })?
            .unwrap_or_default();
        Some(Solution {
            name,
            target_group,
            description: None,
        })
    } else {
        None
    };
    let mut answers = Answers::new(questionnaire, region, year);
    answers.date = Some(today.to_string());
    answers.respondents = respondents;
    answers.solution = solution;
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_four_digits_in_range_and_a_refusal_says_why() {
        assert_eq!(year(" 2026 ", Lang::Sv), Ok(2026));
        for bad in ["26", "1999", "2101", "tjugo", "4294967295", ""] {
            let reason = year(bad, Lang::Sv).unwrap_err();
            assert!(reason.contains("2000 till 2100"), "{bad}: {reason}");
        }
        assert!(year("x", Lang::En).unwrap_err().contains("2000 to 2100"));
    }
}
