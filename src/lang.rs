//! The two languages everything a user sees comes in, and the text type the data files use
//! for them. Swedish is the default; English is a faithful translation.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of output and prompts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Picks the Swedish or the English of a pair of literals.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// "1 region", "21 regioner" ("1 region", "21 regions").
    pub fn regions(self, n: usize) -> String {
        match (self, n) {
            (_, 1) => "1 region".to_string(),
            (Lang::Sv, n) => format!("{n} regioner"),
            (Lang::En, n) => format!("{n} regions"),
        }
    }

    /// A score on 0–5 with one decimal: `3,4` in Swedish, `3.4` in English.
    pub fn decimal(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::Sv => text.replace('.', ",").replace('-', "\u{2212}"),
            Lang::En => text,
        }
    }

    /// A share 0–1 as a whole percent: `75 %` in Swedish (with a no-break space), `75%` in
    /// English.
    pub fn percent(self, share: f64) -> String {
        let whole = (share * 100.0).round();
        match self {
            Lang::Sv => format!("{whole:.0}\u{a0}%"),
            Lang::En => format!("{whole:.0}%"),
        }
    }
}

/// A text in Swedish and English, as every user-facing text in a data file is written.
///
/// Both fields default to empty when left out, so that `validate` can report every missing
/// translation instead of stopping at the first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Swedish.
    #[serde(default)]
    pub sv: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// The languages whose text is missing or blank.
    pub fn missing(&self) -> Vec<Lang> {
        let mut missing = Vec::new();
        if self.sv.trim().is_empty() {
            missing.push(Lang::Sv);
        }
        if self.en.trim().is_empty() {
            missing.push(Lang::En);
        }
        missing
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn one_region_is_said_in_the_singular() {
        assert_eq!(Lang::Sv.regions(1), "1 region");
        assert_eq!(Lang::Sv.regions(21), "21 regioner");
        assert_eq!(Lang::En.regions(4), "4 regions");
    }

    use super::*;

    #[test]
    fn swedish_numbers_use_decimal_comma_and_spaced_percent() {
        assert_eq!(Lang::Sv.decimal(3.45), "3,5");
        assert_eq!(Lang::En.decimal(3.0), "3.0");
        assert_eq!(Lang::Sv.percent(0.756), "76\u{a0}%");
        assert_eq!(Lang::En.percent(1.0), "100%");
    }

    #[test]
    fn blank_translations_are_missing() {
        assert_eq!(Text::new("Hej", " ").missing(), vec![Lang::En]);
        assert!(Text::new("Hej", "Hi").missing().is_empty());
    }
}
