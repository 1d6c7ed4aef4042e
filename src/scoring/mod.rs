//! Scoring: a rubric applied to answers gives a scorecard. Everything here is pure: values
//! in, values out, no files and no clock.

pub mod rubric;
mod scorecard;
pub mod targets;
pub mod text;

pub use rubric::Rubric;
pub use scorecard::{
    AreaScore, BlockerHit, GateHit, NoScore, Observed, Overall, QuestionOutcome, QuestionResult,
    Reference, RespondentWords, Scorecard, SplitQuestion, Subject, TargetSummary, Team, Unsettled,
    Verdict, WithoutEvidence, level_of, points, round1, score,
};
pub use targets::with_progress;

pub(crate) use scorecard::EPSILON;
