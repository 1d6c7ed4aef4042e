//! The questionnaire: areas, questions and their anchored levels, as read from a
//! `mognad.questionnaire/1` file. This module owns the types and the questions' own rules
//! (which answers a question takes, whether a condition holds); checking a whole file for
//! meaning lives in `validate`.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::answers::{Answer, Answers, Value};
use crate::lang::Text;

pub const FORMAT: &str = "mognad.questionnaire/1";

/// A questionnaire: what a region answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "mognad questionnaire", extend("$id" = "mognad.questionnaire/1"))]
pub struct Questionnaire {
    /// Always `mognad.questionnaire/1`.
    pub format: String,
    /// The questionnaire's id, named by rubrics and answers.
    pub id: String,
    /// The content version; answers record which version they answered.
    pub version: String,
    /// `maturity` or `readiness` (readiness answers name the solution under assessment).
    pub kind: Kind,
    pub title: Text,
    pub description: Text,
    /// The areas, in the order they are asked.
    pub areas: Vec<Area>,
    /// Groups of areas, such as OWASP SAMM's business functions: a group's score is the
    /// weighted mean of its areas' scores (with the rubric's area weights).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The content hash, computed once: every answers file checked and scored compares it.
    #[serde(skip)]
    #[schemars(skip)]
    hash: std::sync::OnceLock<String>,
}

/// A group of areas, shown beside the areas in every output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: Text,
    /// The ids of the areas in the group, each area in at most one group.
    pub areas: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Maturity,
    Readiness,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    /// The area's number in its list, shown to users.
    pub number: u32,
    pub title: Text,
    pub description: Text,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// A question. Its `kind` says which answers it takes; the fields after `evidence` belong to
/// one kind each (`levels` to `scale`, `partly` to `yes_no`, `options` to `choice`, `min`,
/// `max`, `integer` and `unit` to `number`), and `validate` says when one is misplaced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)] // the file format's flags, each its own field
pub struct Question {
    pub id: String,
    /// What kind of answer the question takes.
    pub kind: QuestionKind,
    /// The question itself.
    pub text: Text,
    /// A short name for tables and charts, such as "Egna resurser"; the id is shown without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// What the question means and where its edges are.
    pub help: Text,
    /// What to look at to answer honestly.
    pub evidence: Text,
    /// `scale`: exactly six descriptors, level 0 first, each saying what is observably true.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Text>,
    /// `yes_no`: whether *partly* may be answered.
    #[serde(default, skip_serializing_if = "is_false")]
    pub partly: bool,
    /// `choice`: the options, at least two.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// `number`: the lowest allowed answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// `number`: the highest allowed answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `number`: whole numbers only.
    #[serde(default, skip_serializing_if = "is_false")]
    pub integer: bool,
    /// `number`: the unit, shown after the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Whether *Vet ej* (don't know) may be answered.
    #[serde(default = "yes")]
    pub dont_know: bool,
    /// Whether *Ej tillämpligt* (not applicable) may be answered.
    #[serde(default)]
    pub not_applicable: bool,
    /// `yes_no` and `choice`: the answers (`yes`, `no`, `partly` or option ids) that count
    /// only with an `evidence` note in the answers file; without one such an answer counts as
    /// *Vet ej*. For a screening question whose answer hides critical questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_required: Vec<String>,
    /// Ask the question only when this condition on an earlier answer holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// Ties the question to a published national figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Ids of questions in earlier versions whose answers mean the same as an answer to this
    /// question. `compare` carries an earlier version's answer only through this list; a
    /// question that keeps its id lists that id too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continues: Vec<String>,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A level 0–5 with an anchored descriptor for every level.
    Scale,
    /// Yes or no, and partly when `partly` is true.
    YesNo,
    /// One of `options`.
    Choice,
    /// A number, optionally bounded by `min` and `max`.
    Number,
    /// Free text; never scored.
    Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

/// A condition on an earlier answer. Exactly one of `any_of`, `at_least` and `at_most`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The earlier question.
    pub question: String,
    /// Holds when the answer is one of these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<serde_json::Value>>,
    /// Holds when a scale or number answer is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// Holds when a scale or number answer is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
}

/// The answer values a yes/no question takes.
pub const YES: &str = "yes";
pub const NO: &str = "no";
pub const PARTLY: &str = "partly";

impl Questionnaire {
    pub fn questions(&self) -> impl Iterator<Item = (&Area, &Question)> {
        self.areas
            .iter()
            .flat_map(|area| area.questions.iter().map(move |q| (area, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The number a question is shown and found by everywhere: the area's number and the
    /// question's place in it, `1.3`.
    pub fn number(&self, id: &str) -> Option<String> {
        self.areas.iter().find_map(|area| {
            let at = area.questions.iter().position(|q| q.id == id)?;
            Some(area.question_number(at))
        })
    }

    pub fn question_count(&self) -> usize {
        self.areas.iter().map(|a| a.questions.len()).sum()
    }

    /// A hash of the questionnaire's content, independent of how the file is formatted:
    /// SHA-256 over its canonical JSON form. Answers record it, so a change to the content
    /// after answering is detected even when the version was not raised.
    pub fn content_hash(&self) -> String {
        self.hash.get_or_init(|| self.compute_hash()).clone()
    }

    fn compute_hash(&self) -> String {
        let canonical = serde_json::to_vec(self).expect("a questionnaire always serializes");
        let digest = Sha256::digest(&canonical);
        let mut hash = String::from("sha256:");
        for byte in digest {
            let _ = write!(hash, "{byte:02x}");
        }
        hash
    }

    /// Whether a question is asked, given the answers so far: its condition holds, and so
    /// does every condition on the way (a question that is not asked answers nothing).
    pub fn is_asked(&self, question: &Question, answers: &Answers) -> bool {
        self.is_asked_depth(question, answers, 0)
    }

    fn is_asked_depth(&self, question: &Question, answers: &Answers, depth: usize) -> bool {
        let Some(condition) = &question.show_if else {
            return true;
        };
        // Conditions point to earlier questions, so a chain is never longer than the
        // questionnaire; the bound only guards against a cycle in an unchecked file.
        if depth > self.question_count() {
            return false;
        }
        let Some(earlier) = self.question(&condition.question) else {
            return false;
        };
        if !self.is_asked_depth(earlier, answers, depth + 1) {
            return false;
        }
        match answers.get(&condition.question) {
            // An answer that counts as *Vet ej* for want of evidence neither holds nor fails
            // a condition: what it would hide is asked, and unanswered counts as unknown.
            Some(answer) if earlier.lacks_evidence(answer) => true,
            Some(Answer {
                value: Some(value), ..
            }) => condition.holds_for(value),
            _ => false,
        }
    }
}

impl Area {
    /// The number of the question at this 0-based place in the area: `1.3` for the third.
    pub fn question_number(&self, at: usize) -> String {
        format!("{}.{}", self.number, at + 1)
    }
}

impl Question {
    /// The possible answers of a question with a closed set of them.
    pub fn closed_values(&self) -> Option<Vec<String>> {
        match self.kind {
            QuestionKind::Scale => Some((0..=5).map(|l| l.to_string()).collect()),
            QuestionKind::YesNo => {
                let mut values = vec![YES.to_string(), NO.to_string()];
                if self.partly {
                    values.insert(1, PARTLY.to_string());
                }
                Some(values)
            }
            QuestionKind::Choice => Some(self.options.iter().map(|o| o.id.clone()).collect()),
            QuestionKind::Number | QuestionKind::Text => None,
        }
    }

    /// Whether this answer's value needs evidence (`evidence_required`) and the answer has
    /// none: it then counts as *Vet ej*.
    pub fn lacks_evidence(&self, answer: &Answer) -> bool {
        answer.status.is_none()
            && !answer.evidence.as_deref().is_some_and(is_evidence)
            && answer
                .value
                .as_ref()
                .is_some_and(|value| self.needs_evidence(value))
    }

    /// Whether an answer with this value counts only with evidence.
    pub fn needs_evidence(&self, value: &Value) -> bool {
        matches!(self.kind, QuestionKind::YesNo | QuestionKind::Choice)
            && value
                .as_str()
                .is_some_and(|v| self.evidence_required.iter().any(|r| r == v))
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            QuestionKind::Scale => "scale",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Choice => "choice",
            QuestionKind::Number => "number",
            QuestionKind::Text => "text",
        }
    }
}

impl Condition {
    pub fn holds_for(&self, value: &Value) -> bool {
        if let Some(any_of) = &self.any_of {
            return any_of.iter().any(|v| value.matches_json(v));
        }
        let Some(number) = value.as_number() else {
            return false;
        };
        self.at_least.is_none_or(|min| number >= min)
            && self.at_most.is_none_or(|max| number <= max)
    }

    /// How many tests the condition has; a valid one has exactly one.
    pub fn test_count(&self) -> usize {
        usize::from(self.any_of.is_some())
            + usize::from(self.at_least.is_some())
            + usize::from(self.at_most.is_some())
    }
}

/// Whether a text can be evidence: it names something, with at least three letters or digits.
/// A dash, a dot or a question mark typed to get past the question is no evidence.
pub fn is_evidence(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() >= 3
}
