//! The rubric: how answers to one questionnaire become points, area scores, levels, an
//! overall index and, for readiness, a verdict. Read from a `mognad.rubric/1` file, so a
//! national coordinator changes weights and rules without touching code.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Text;

pub const FORMAT: &str = "mognad.rubric/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad rubric", extend("$id" = "mognad.rubric/1"))]
pub struct Rubric {
    /// Always `mognad.rubric/1`.
    pub format: String,
    pub id: String,
    pub version: String,
    pub title: Text,
    /// The questionnaire this rubric scores.
    pub questionnaire: Scores,
    /// How much of an area must be answered for it to get a score.
    pub coverage: Coverage,
    /// Level thresholds on the 0–5 score, lowest first.
    pub levels: Vec<LevelBand>,
    /// The scored areas.
    pub areas: Vec<AreaRule>,
    /// How area scores become the overall index.
    pub overall: Overall,
    /// Rules that cap a score whatever the average says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<Gate>,
    /// Verdict bands and blockers; required for readiness questionnaires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<VerdictRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    pub id: String,
    /// Every questionnaire version this rubric can score.
    pub versions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Share (0–1) of an area's applicable questions that must be answered.
    pub min: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelBand {
    pub level: u8,
    /// The lowest score (rounded to one decimal) at this level.
    pub min: f64,
    pub name: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Σ(weight × points) ÷ Σ(weight) over what is answered.
    WeightedMean,
    /// The lowest points among what is answered.
    Minimum,
    /// Σ(weight × points), capped at 5.
    Sum,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaRule {
    /// The questionnaire area.
    pub area: String,
    /// The area's weight in the overall index.
    #[serde(default = "one")]
    pub weight: f64,
    pub aggregation: Aggregation,
    /// Thresholds for this area only, instead of the rubric's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Vec<LevelBand>>,
    pub questions: Vec<QuestionRule>,
    /// The recommended next step at each level.
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
}

fn one() -> f64 {
    1.0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionRule {
    pub question: String,
    #[serde(default = "one")]
    pub weight: f64,
    /// How an answer becomes points 0–5; scale questions may leave it out (points = level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Points {
    /// From each possible answer (`"yes"`, an option id, `"0"`–`"5"`) to points.
    Table(BTreeMap<String, f64>),
    /// For numbers: bands, lowest first.
    Bands(Vec<Band>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub at_least: f64,
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    pub level: u8,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overall {
    pub aggregation: Aggregation,
    /// The fewest scored areas for which an index is given.
    pub min_areas: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gate {
    pub id: String,
    /// The area capped; without it, the overall index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The highest score while the gate holds.
    pub cap: f64,
    pub when: Condition,
    pub reason: Text,
}

/// When a gate or blocker holds: one test, or several that must all hold together, so a
/// rubric can catch two answers that contradict each other.
// Read by hand rather than as an untagged enum: serde would then answer a mistyped test in
// an old rubric with "did not match any variant", where the fields' own messages say what
// is wrong.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Condition {
    /// One test.
    One(Test),
    /// Every test in `all` holds.
    All(AllTests),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllTests {
    /// The tests, at least one; the condition holds when every one of them does.
    #[schemars(length(min = 1))]
    pub all: Vec<Test>,
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        if value.get("all").is_some() {
            AllTests::deserialize(value)
                .map(Condition::All)
                .map_err(D::Error::custom)
        } else {
            Test::deserialize(value)
                .map(Condition::One)
                .map_err(D::Error::custom)
        }
    }
}

impl Condition {
    /// The tests that must all hold.
    pub fn tests(&self) -> &[Test] {
        match self {
            Condition::One(test) => std::slice::from_ref(test),
            Condition::All(all) => &all.all,
        }
    }
}

/// A condition on a question's points or answer, or an area's score. Exactly one of
/// `question` and `area`, and exactly one of `below`, `at_least` and `is`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Test {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Holds when the points or score are below this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    /// Holds when the points or score are at or above this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// Holds when a yes/no or choice question's answer is one of these (`"yes"`, `"no"`, an
    /// option id). Points cannot tell answers apart that the rubric scores alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<Vec<String>>,
    /// Whether an unknown subject (*Vet ej*, unanswered, unscored) holds the condition.
    #[serde(default)]
    pub unknown: Unknown,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unknown {
    /// What nobody knows counts as missing: the condition holds.
    #[default]
    Holds,
    /// What nobody knows is passed over.
    Ignore,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictRule {
    /// Best first; the verdict is the first band whose `min` the index reaches.
    pub bands: Vec<VerdictBand>,
    #[serde(default)]
    pub blockers: Vec<Blocker>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictBand {
    pub id: String,
    pub min: f64,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blocker {
    pub id: String,
    pub when: Condition,
    /// The best verdict band possible while the blocker holds.
    pub limit: String,
    pub reason: Text,
}

impl Rubric {
    /// Whether a blocker of the verdict looks at this question.
    pub fn blocks(&self, question: &str) -> bool {
        self.verdict.as_ref().is_some_and(|v| {
            v.blockers
                .iter()
                .flat_map(|b| b.when.tests())
                .any(|t| t.question.as_deref() == Some(question))
        })
    }

    pub fn area_rule(&self, area: &str) -> Option<&AreaRule> {
        self.areas.iter().find(|a| a.area == area)
    }

    pub fn question_rule(&self, question: &str) -> Option<(&AreaRule, &QuestionRule)> {
        self.areas.iter().find_map(|area| {
            area.questions
                .iter()
                .find(|q| q.question == question)
                .map(|q| (area, q))
        })
    }
}

impl AreaRule {
    pub fn levels<'a>(&'a self, rubric: &'a Rubric) -> &'a [LevelBand] {
        self.levels.as_deref().unwrap_or(&rubric.levels)
    }

    pub fn next_step(&self, level: u8) -> Option<&Text> {
        self.next_steps
            .iter()
            .find(|s| s.level == level)
            .map(|s| &s.text)
    }
}

impl VerdictRule {
    pub fn band(&self, id: &str) -> Option<(usize, &VerdictBand)> {
        self.bands.iter().enumerate().find(|(_, b)| b.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn condition(value: serde_json::Value) -> Result<Condition, serde_json::Error> {
        serde_json::from_value(value)
    }

    #[test]
    fn a_single_test_reads_and_writes_as_before() {
        let read = condition(json!({"question": "r1-1", "below": 2})).unwrap();
        let Condition::One(test) = &read else {
            panic!("{read:?}")
        };
        assert_eq!(test.below, Some(2.0));
        assert_eq!((test.at_least, &test.is), (None, &None));
        // Written as it always was: no `at_least` or `is`, no `all` around it.
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({"question": "r1-1", "below": 2.0, "unknown": "holds"})
        );
    }

    #[test]
    fn all_reads_every_test_in_order() {
        let value = json!({"all": [
            {"question": "r4-8", "is": ["no"], "unknown": "ignore"},
            {"area": "r6", "at_least": 3}
        ]});
        let read = condition(value.clone()).unwrap();
        let tests = read.tests();
        assert_eq!(tests.len(), 2);
        assert_eq!(tests[0].is.as_deref(), Some(&["no".to_string()][..]));
        assert_eq!(tests[0].unknown, Unknown::Ignore);
        assert_eq!(tests[1].area.as_deref(), Some("r6"));
        assert_eq!(tests[1].at_least, Some(3.0));
        assert_eq!(
            serde_json::to_value(&read).unwrap()["all"][1],
            json!({"area": "r6", "at_least": 3.0, "unknown": "holds"})
        );
    }

    #[test]
    fn a_mistyped_field_is_named_in_either_shape() {
        let error = condition(json!({"question": "r1-1", "belwo": 2})).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `belwo`"),
            "{error}"
        );
        let error = condition(json!({"all": [{"question": "r1-1", "below": "2"}]})).unwrap_err();
        assert!(error.to_string().contains("invalid type"), "{error}");
        let error = condition(json!({"all": [], "question": "r1-1"})).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `question`"),
            "{error}"
        );
    }

    #[test]
    fn the_built_in_rubrics_of_2025_have_only_single_tests() {
        for text in [
            include_str!("../../scoring/tiopunkt.json"),
            include_str!("../../scoring/beredskap.json"),
        ] {
            let rubric: Rubric = serde_json::from_str(text).unwrap();
            let whens = rubric.gates.iter().map(|g| &g.when).chain(
                rubric
                    .verdict
                    .iter()
                    .flat_map(|v| v.blockers.iter().map(|b| &b.when)),
            );
            for when in whens {
                let Condition::One(test) = when else {
                    panic!("{when:?}")
                };
                assert!(test.below.is_some() && test.at_least.is_none() && test.is.is_none());
            }
        }
    }
}
