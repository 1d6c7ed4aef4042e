//! Published national figures, such as the counts in SLIT's 2025 report, read from a
//! `mognad.published/1` file. The built-in one is `benchmarks/slit-2025.json`; its figures are
//! real and carry their source, and a figure the source does not give is absent.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, Text};

pub const FORMAT: &str = "mognad.published/1";

/// The built-in published figures.
pub const SLIT_2025: &str = include_str!("../benchmarks/slit-2025.json");

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad published national figures", extend("$id" = "mognad.published/1"))]
pub struct Published {
    /// Always `mognad.published/1`.
    pub format: String,
    pub id: String,
    pub title: Text,
    /// The full source, for the method page.
    pub source: Text,
    /// The short source shown beside each figure, such as "SLIT 2025".
    pub short: Text,
    /// How many regions the counts are out of.
    pub of: u32,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The `indicator` key of the questions this figure counts.
    pub indicator: String,
    /// The answers the count counts (`yes`, or option ids of a choice question); `yes` when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<String>>,
    /// By year, oldest first.
    pub values: Vec<YearValue>,
}

/// One year's figure: an exact count, or the source's words where it gives no count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearValue {
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

impl Published {
    pub fn builtin() -> Published {
        serde_json::from_str(SLIT_2025).expect("the built-in published figures parse (tested)")
    }

    pub fn figure(&self, indicator: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.indicator == indicator)
    }

    /// "10 av 21 regioner" or the source's words, for the latest year.
    pub fn describe(&self, value: &YearValue, lang: Lang) -> String {
        match (&value.count, &value.text) {
            (Some(count), _) => match lang {
                Lang::Sv => format!("{count} av {} regioner", self.of),
                Lang::En => format!("{count} of {} regions", self.of),
            },
            (None, Some(text)) => text.get(lang).to_string(),
            (None, None) => "–".to_string(),
        }
    }
}

impl Figure {
    pub fn latest(&self) -> Option<&YearValue> {
        self.values.iter().max_by_key(|v| v.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts exactly as the 2025 report gives them (the domain brief, part C).
    #[test]
    fn the_built_in_figures_are_the_reports() {
        let p = Published::builtin();
        assert_eq!(p.of, 21);
        let counts = |indicator: &str| -> Vec<(i32, u32)> {
            p.figure(indicator)
                .unwrap()
                .values
                .iter()
                .map(|v| (v.year, v.count.unwrap()))
                .collect()
        };
        assert_eq!(
            counts("xray-digital-access"),
            [(2022, 12), (2023, 14), (2024, 18), (2025, 20)]
        );
        assert_eq!(
            counts("ultrasound-digital-access"),
            [(2022, 7), (2023, 9), (2024, 14), (2025, 16)]
        );
        assert_eq!(
            counts("digital-pathology"),
            [(2022, 9), (2023, 9), (2024, 11), (2025, 12)]
        );
        assert_eq!(counts("self-monitoring-started"), [(2025, 18)]);
        assert_eq!(counts("self-monitoring-diabetes"), [(2025, 13)]);
        assert_eq!(counts("speech-recognition-primary-care"), [(2025, 14)]);
        assert_eq!(counts("speech-recognition-psychiatry"), [(2025, 12)]);
        assert_eq!(counts("single-sign-on"), [(2025, 10)]);
        assert_eq!(counts("new-care-information-system"), [(2025, 13)]);
        for words in [
            "sdk-production",
            "incident-process",
            "cloud-guidelines",
            "academia-industry-collaboration",
        ] {
            let value = p.figure(words).unwrap().latest().unwrap();
            assert_eq!(
                value.count, None,
                "{words}: the report gives no exact count"
            );
            assert!(value.text.is_some());
        }
        assert_eq!(p.figures.len(), 13);
    }

    #[test]
    fn every_figure_matches_a_built_in_indicator_question() {
        let p = Published::builtin();
        let q = crate::builtin::questionnaire_at("tiopunkt", "2025.1")
            .unwrap()
            .unwrap();
        for figure in &p.figures {
            assert!(
                q.questions()
                    .any(|(_, x)| x.indicator.as_deref() == Some(figure.indicator.as_str())),
                "{}",
                figure.indicator
            );
        }
    }
}
