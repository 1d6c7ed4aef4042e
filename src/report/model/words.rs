//! The words every page shares: numbers, lists and counts in the report's language, and
//! titles as they read inside a sentence.

use crate::answers::{Answers, answer_words};
use crate::lang::Lang;
use crate::questionnaire::Question;
use crate::scoring::AreaScore;

pub(super) struct Words {
    pub(super) lang: Lang,
}

impl Words {
    pub(super) fn t(&self, sv: &str, en: &str) -> String {
        self.lang.pick(sv, en).to_string()
    }
    pub(super) fn n(&self, value: f64) -> String {
        self.lang.decimal(value)
    }
    /// A level or whole number of points without decimals, other points with one.
    pub(super) fn level(&self, value: f64) -> String {
        if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            self.n(value)
        }
    }
    pub(super) fn signed(&self, value: f64) -> String {
        if value > 0.05 {
            format!("+{}", self.n(value))
        } else if value < -0.05 {
            self.n(value)
        } else {
            self.n(0.0)
        }
    }
    pub(super) fn pct(&self, share: f64) -> String {
        self.lang.percent(share)
    }
    /// "a, b och c".
    pub(super) fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.t("och", "and")),
        }
    }
}

pub(super) fn area_name(area: &AreaScore, lang: Lang) -> String {
    format!("{} {}", area.number, area.title.get(lang))
}

pub(super) trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    /// "Patienter med …" inside a sentence reads "patienter med …".
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        match chars.next() {
            Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
                first.to_lowercase().chain(chars).collect()
            }
            _ => self.clone(),
        }
    }
}

/// An answer in words: "Ja", "3 – …", "Vet ej".
pub(super) fn answer_text(w: &Words, question: &Question, answers: &Answers, full: bool) -> String {
    answers
        .get(&question.id)
        .and_then(|answer| answer_words(question, answer, w.lang, full))
        .unwrap_or_else(|| w.t("Obesvarad", "Unanswered"))
}

/// A title inside a sentence: its first letter small, unless it begins an abbreviation
/// (`SAMM`) or a number (`10-punktslistan`).
pub(super) fn in_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_string(),
    }
}

/// A count in words up to twelve, as a heading says it (*de tio områdena*), else in digits.
pub(super) fn count_words(n: usize, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = if lang == Lang::Sv { &SV } else { &EN };
    words
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_inside_a_sentence_keeps_abbreviations_and_numbers() {
        assert_eq!(
            in_sentence("Liten enkät om åtkomst"),
            "liten enkät om åtkomst"
        );
        assert_eq!(in_sentence("Ärendehantering"), "ärendehantering");
        assert_eq!(in_sentence("SAMM-mognad"), "SAMM-mognad");
        assert_eq!(in_sentence("10-punktslistan"), "10-punktslistan");
        assert_eq!(
            "Patienter med diabetes".to_string().to_lowercase_first(),
            "patienter med diabetes"
        );
        assert_eq!("IT-chefer".to_string().to_lowercase_first(), "IT-chefer");
    }

    #[test]
    fn counts_are_words_up_to_twelve() {
        assert_eq!(count_words(3, Lang::Sv), "tre");
        assert_eq!(count_words(12, Lang::Sv), "tolv");
        assert_eq!(count_words(15, Lang::Sv), "15");
        assert_eq!(count_words(8, Lang::En), "eight");
    }

    #[test]
    fn numbers_and_lists_in_swedish() {
        let w = Words { lang: Lang::Sv };
        assert_eq!(w.n(2.5), "2,5");
        assert_eq!(w.level(3.0), "3");
        assert_eq!(w.level(2.5), "2,5");
        assert_eq!(w.signed(0.04), "0,0");
        assert_eq!(w.signed(1.5), "+1,5");
        // A real minus sign, as Swedish typesetting has it.
        assert_eq!(w.signed(-0.3), "\u{2212}0,3");
        assert_eq!(w.list(&["a".into(), "b".into(), "c".into()]), "a, b och c");
        assert_eq!(w.list(&["a".into()]), "a");
    }
}
