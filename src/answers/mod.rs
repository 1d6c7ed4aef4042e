//! One region's answers for one year, as read from and written to a `mognad.answers/1` file.
//! Values are kept as the JSON the user wrote, so that `validate` can report every value that
//! does not fit its question instead of stopping at the first; `check` in `validate` does that.
//!
//! A team's file (made by `mognad merge`) is the same format with a few optional fields more:
//! `merge` says how it was merged, and each answer keeps every respondent's own answer beside
//! the team's. Every command reads it as it reads any answers file.

mod choice;

pub use choice::{Choice, answer_of, answer_words, choice_of, fits, same, typed};

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
    /// Only in a team's file: how `mognad merge` made it from its respondents' own files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge: Option<Merge>,
    /// The level 1–5 the team means to reach, per area id. A targets file given to `score` or
    /// `report` takes the place of these.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("additionalProperties" = { "type": "integer", "minimum": 1, "maximum": 5 }))]
    pub targets: IndexMap<String, u8>,
    /// Per question id, one answer. A question that is not here is unanswered.
    #[serde(default)]
    pub answers: IndexMap<String, Answer>,
    /// Per question id, a comment written in the interview to a question not answered yet;
    /// the next interview opens it again, and it becomes the comment when the question is
    /// answered.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub drafts: IndexMap<String, String>,
    /// The question the interview was at when it stopped; a resumed interview goes on there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
}

impl Answers {
    /// New answers to a questionnaire, with nothing answered yet: what an interview starts
    /// from.
    pub fn new(
        questionnaire: &crate::questionnaire::Questionnaire,
        region: String,
        year: i32,
    ) -> Self {
        Answers {
            format: FORMAT.to_string(),
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
                hash: Some(questionnaire.content_hash()),
            },
            region,
            year,
            date: None,
            respondents: Vec::new(),
            solution: None,
            note: None,
            example: false,
            merge: None,
            targets: IndexMap::new(),
            answers: IndexMap::new(),
            drafts: IndexMap::new(),
            position: None,
        }
    }
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

/// How a team's file was merged from its respondents' files, and so how its answers are
/// proposed and when a question is split.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// How the team's answer is proposed from the respondents' values: `median` (the middle
    /// value, the lower of the two middle ones when their number is even) or `min` (the
    /// lowest).
    pub rule: Rule,
    /// A scale question is split when at least this share (0–1) of the respondents who gave a
    /// level are more than `split_distance` levels from the median.
    pub split_share: f64,
    /// How many levels from the median a respondent may be without counting as far from it.
    pub split_distance: u8,
    /// The respondents' files merged, by file name, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
}

/// How a team's answer is proposed from its respondents' values.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The middle value; with an even number of values, the lower of the two middle ones.
    #[default]
    Median,
    /// The lowest value.
    Min,
}

/// One respondent's own answer to a question, kept in a team's file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RespondentAnswer {
    /// The respondent, as named in the file's `respondents`.
    pub name: String,
    /// The respondent's answer, typed as the question's kind says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// `dont_know` or `not_applicable` instead of a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl RespondentAnswer {
    /// The respondent's answer as an ordinary answer, to check and show it.
    pub fn answer(&self) -> Answer {
        Answer {
            value: self.value.clone(),
            status: self.status,
            comment: self.comment.clone(),
            evidence: self.evidence.clone(),
            ..Answer::default()
        }
    }
}

/// What a team agreed on a split question, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    /// One line on why the team agreed on the answer.
    pub rationale: String,
    /// The day the team agreed, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
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
    /// Only in a team's file: the respondents disagreed on this question, by the rule in
    /// `merge`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub split: bool,
    /// Only in a team's file: the team agreed on this answer to a split question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consensus: Option<Consensus>,
    /// Only in a team's file: each respondent's own answer, in the order of the file's
    /// `respondents`; a respondent who left the question open is not here. With none of them
    /// giving a value the team's answer may be empty (a text question is never merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<RespondentAnswer>,
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

    /// Whether this is a team's file, merged from its respondents' files.
    pub fn is_team(&self) -> bool {
        self.merge.is_some()
    }
}
