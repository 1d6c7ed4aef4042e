//! One region's answers for one year, as read from and written to a `mognad.answers/1` file.
//! Values are kept as the JSON the user wrote, so that `validate` can report every value that
//! does not fit its question instead of stopping at the first; `check` in `validate` does that.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "mognad.answers/1";

/// A region's answers to one questionnaire for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad answers", extend("$id" = "mognad.answers/1"))]
pub struct Answers {
    /// Always `mognad.answers/1`.
    pub format: String,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireRef,
    /// The region, municipality or provider answering.
    pub region: String,
    /// The year the assessment describes.
    pub year: i32,
    /// The day it was answered, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    /// The solution under assessment (readiness questionnaires only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution: Option<Solution>,
    /// Free text about the file, for example that it is fictional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// True for example answers of a fictional region. A report, and a national reference,
    /// made from them says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub example: bool,
    /// The level 1–5 the team means to reach, per area id. A targets file given to `score` or
    /// `report` takes the place of these.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("additionalProperties" = { "type": "integer", "minimum": 1, "maximum": 5 }))]
    pub targets: IndexMap<String, u8>,
    /// Per question id, one answer. A question that is not here is unanswered.
    #[serde(default)]
    pub answers: IndexMap<String, Answer>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    /// The content hash of the questionnaire answered (`sha256:…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    /// The solution, e.g. remote monitoring of heart failure.
    pub name: String,
    /// Who it is for, e.g. patients with heart failure in primary care.
    pub target_group: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One answer: a value, or a status saying why there is none, with an optional comment and
/// evidence note.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The answer, typed as the question's kind says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// `dont_know` (*Vet ej*) or `not_applicable` (*Ej tillämpligt*) instead of a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// What the answer rests on: a decision, a log, a statistic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    DontKnow,
    NotApplicable,
}

/// An answer's value as written: an integer level, `"yes"`, an option id, a number or text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Value(pub serde_json::Value);

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    pub fn as_str(&self) -> Option<&str> {
        self.0.as_str()
    }

    /// A scale level, when the value is a whole number 0–5.
    pub fn as_level(&self) -> Option<u8> {
        self.0
            .as_u64()
            .and_then(|l| u8::try_from(l).ok())
            .filter(|l| *l <= 5)
    }

    /// The value as a key of a points table: a level or number as its digits, a string as is.
    pub fn key(&self) -> String {
        match &self.0 {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }

    /// Whether the value equals a value named in a condition (`3` matches `3` and `3.0`).
    pub fn matches_json(&self, other: &serde_json::Value) -> bool {
        match (self.0.as_f64(), other.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() < f64::EPSILON,
            _ => self.0 == *other,
        }
    }
}

/// How a question was answered, for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Answered,
    DontKnow,
    NotApplicable,
    Unanswered,
}

impl Answer {
    pub fn outcome(&self) -> Outcome {
        match (&self.value, self.status) {
            (_, Some(Status::NotApplicable)) => Outcome::NotApplicable,
            (_, Some(Status::DontKnow)) => Outcome::DontKnow,
            (Some(_), None) => Outcome::Answered,
            (None, None) => Outcome::Unanswered,
        }
    }
}

impl Answers {
    /// The file's text: pretty JSON with a final newline, as every command writes it.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("answers serialize");
        json.push('\n');
        json
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }

    pub fn outcome(&self, question: &str) -> Outcome {
        self.get(question)
            .map_or(Outcome::Unanswered, Answer::outcome)
    }
}
