//! Settling a team's split questions (`mognad assess --consensus`), without a terminal: the
//! walk through the questions of a team's file on which its respondents disagreed and that the
//! team has not settled. Each is shown with every respondent's answer and the rule's proposal;
//! the team chooses the answer it agrees on, with the same keys as the interview, and writes
//! one line on why (the reply's comment). The file is saved after every settled question.

use super::{AnswerSource, Cancelled, Choice, Ending, QuestionPrompt, Reply, TeamPrompt};
use crate::answers::{Answers, Consensus, Status, Value};
use crate::questionnaire::{Question, Questionnaire};
use crate::scoring::Rubric;
use crate::team;

/// One walk through a team's split questions.
pub struct Settlement<'q> {
    questionnaire: &'q Questionnaire,
    rubric: Option<&'q Rubric>,
    answers: Answers,
    /// The split questions open when the walk began, in the questionnaire's order.
    queue: Vec<&'q Question>,
    /// The day recorded with each agreement.
    today: String,
}

impl<'q> Settlement<'q> {
    /// A walk through the split questions of `answers` not yet settled. `rubric` orders the
    /// values of yes/no and choice questions when a settled answer changes which questions are
    /// asked and the rule proposes again.
    pub fn new(
        questionnaire: &'q Questionnaire,
        rubric: Option<&'q Rubric>,
        answers: Answers,
        today: String,
    ) -> Self {
        let queue = team::open(questionnaire, &answers);
        Settlement {
            questionnaire,
            rubric,
            answers,
            queue,
            today,
        }
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn into_answers(self) -> Answers {
        self.answers
    }

    /// The split questions of this walk settled so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        let settled = self
            .queue
            .iter()
            .filter(|q| {
                self.answers
                    .get(&q.id)
                    .is_some_and(|a| a.consensus.is_some())
            })
            .count();
        (settled, self.queue.len())
    }

    fn prompt(&self, position: usize, entering_area: bool) -> QuestionPrompt<'_> {
        let question = self.queue[position];
        let (a, area) = self
            .questionnaire
            .areas
            .iter()
            .enumerate()
            .find(|(_, area)| area.questions.iter().any(|q| q.id == question.id))
            .expect("a queued question is in the questionnaire");
        let number_in_area = area
            .questions
            .iter()
            .position(|q| q.id == question.id)
            .unwrap_or_default();
        let current = self.answers.get(&question.id);
        let merge = self.answers.merge.as_ref();
        let proposal = current.and_then(|answer| match merge {
            Some(merge) => {
                let proposed = team::propose(question, self.rubric, &answer.respondents, merge);
                choice(proposed.value.as_ref(), proposed.status)
            }
            None => choice(answer.value.as_ref(), answer.status),
        });
        let (answered, total) = self.progress();
        QuestionPrompt {
            area,
            area_number: a + 1,
            area_count: self.questionnaire.areas.len(),
            question,
            number: format!("{}.{}", area.number, number_in_area + 1),
            number_in_area: number_in_area + 1,
            questions_in_area: area.questions.len(),
            entering_area,
            answered,
            total,
            current,
            comment: current
                .and_then(|a| a.consensus.as_ref())
                .map(|c| c.rationale.as_str()),
            resumed: None,
            previous: None,
            // The team's answer so far: the proposal, or what it agreed before going back.
            default: current.and_then(|a| choice(a.value.as_ref(), a.status)),
            editing: false,
            team: current.map(|answer| TeamPrompt {
                respondents: &self.answers.respondents,
                answers: &answer.respondents,
                // A question a blocker looks at is proposed by its lowest answer.
                rule: if self.rubric.is_some_and(|r| r.blocks(&question.id)) {
                    crate::answers::Rule::Min
                } else {
                    merge.map(|m| m.rule).unwrap_or_default()
                },
                proposal,
            }),
        }
    }

    /// Records what the team agreed, and proposes again the answers that depend on it.
    fn settle(&mut self, question: &Question, choice: Choice, rationale: String) {
        let answer = self.answers.answers.entry(question.id.clone()).or_default();
        let (value, status) = match choice {
            Choice::Value(value) => (Some(Value(value)), None),
            Choice::DontKnow => (None, Some(Status::DontKnow)),
            Choice::NotApplicable => (None, Some(Status::NotApplicable)),
        };
        answer.value = value;
        answer.status = status;
        answer.consensus = Some(Consensus {
            rationale,
            date: Some(self.today.clone()),
        });
        team::refresh(self.questionnaire, self.rubric, &mut self.answers);
    }

    /// Walks the split questions from the first, saving after every settled one. An answer
    /// without a rationale is not taken; the question is asked again. Skipping leaves a
    /// question open for another time; going back shows the one before.
    pub fn run<E>(
        &mut self,
        source: &mut dyn AnswerSource,
        save: &mut dyn FnMut(&Answers) -> Result<(), E>,
    ) -> Result<Ending, E> {
        let mut position = 0;
        let mut shown_area = None;
        while position < self.queue.len() {
            let question = self.queue[position];
            // A settled answer before it may have made the question no longer asked.
            if !self.questionnaire.is_asked(question, &self.answers) {
                position += 1;
                continue;
            }
            let area = self
                .questionnaire
                .areas
                .iter()
                .position(|a| a.questions.iter().any(|q| q.id == question.id));
            let entering = shown_area != area;
            shown_area = area;
            let reply = match source.question(&self.prompt(position, entering)) {
                Ok(reply) => reply,
                Err(Cancelled) => return Ok(Ending::Cancelled),
            };
            match reply {
                Reply::Answer { choice, comment } => {
                    let rationale = comment.map(|c| c.trim().to_string()).unwrap_or_default();
                    if super::fits(question, &choice) && !rationale.is_empty() {
                        self.settle(question, choice, rationale);
                        save(&self.answers)?;
                        position += 1;
                    }
                }
                Reply::Skip => position += 1,
                Reply::Back => {
                    position = position.saturating_sub(1);
                    shown_area = None;
                }
                Reply::Menu | Reply::Draft => {}
            }
        }
        Ok(Ending::Finished)
    }
}

fn choice(value: Option<&Value>, status: Option<Status>) -> Option<Choice> {
    match (value, status) {
        (_, Some(Status::DontKnow)) => Some(Choice::DontKnow),
        (_, Some(Status::NotApplicable)) => Some(Choice::NotApplicable),
        (Some(value), None) => Some(Choice::Value(value.0.clone())),
        (None, None) => None,
    }
}

#[cfg(test)]
#[allow(clippy::needless_pass_by_value)]
pub(super) mod tests {
    use std::collections::VecDeque;

    use serde_json::json;

    use super::*;
    use crate::document::{Document, parse};
    use crate::interview::{
        EvidencePrompt, MenuChoice, MenuPrompt, ReviewChoice, ReviewPrompt, TargetPrompt,
        TargetReply,
    };

    // The interview's questionnaire: area `a` with a-1, a-yn and a-2 (asked only when a-yn is
    // yes), area `b` with b-1 and b-2.
    use crate::interview::tests::questionnaire;

    fn respondent(name: &str, values: serde_json::Value) -> (String, Answers) {
        let value = json!({"format": "mognad.answers/1", "questionnaire": {"id": "t", "version": "1"},
            "region": "R", "year": 2025, "respondents": [{"name": name, "role": name.to_uppercase()}],
            "answers": values});
        match parse(&value.to_string()).unwrap() {
            Document::Answers(a) => (format!("{name}.json"), a),
            _ => unreachable!(),
        }
    }

    /// Three respondents who disagree on a-1 (2, 4, 2), on a-yn (no, yes, no) and on b-1
    /// (1, 1, 4); a-2 is answered by the one who said yes.
    pub(crate) fn team() -> Answers {
        let q = questionnaire();
        let files = vec![
            respondent(
                "ann",
                json!({"a-1": {"value": 2}, "a-yn": {"value": "no"}, "b-1": {"value": 1}}),
            ),
            respondent(
                "bo",
                json!({"a-1": {"value": 4, "comment": "Beslut i RS"}, "a-yn": {"value": "yes"},
                    "a-2": {"value": 3}, "b-1": {"value": 1}}),
            ),
            respondent(
                "cy",
                json!({"a-1": {"value": 2}, "a-yn": {"value": "no"}, "b-1": {"value": 4}}),
            ),
        ];
        let rules = crate::answers::Merge {
            rule: crate::answers::Rule::Median,
            split_share: team::SPLIT_SHARE,
            split_distance: team::SPLIT_DISTANCE,
            from: Vec::new(),
        };
        team::merge(&q, None, &files, &rules).unwrap()
    }

    enum Step {
        Answer(Choice, &'static str),
        Skip,
        Back,
        Cancel,
    }

    /// A question as shown: its id, the proposal, how many respondents' answers, and the
    /// split questions settled and in all.
    type Shown = (String, Option<Choice>, usize, (usize, usize));

    /// Plays a script, and records each question shown.
    #[derive(Default)]
    struct Script {
        steps: VecDeque<Step>,
        shown: Vec<Shown>,
    }

    impl AnswerSource for Script {
        fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled> {
            let team = prompt.team.as_ref().expect("the respondents are shown");
            self.shown.push((
                prompt.question.id.clone(),
                team.proposal.clone(),
                team.answers.len(),
                (prompt.answered, prompt.total),
            ));
            match self.steps.pop_front() {
                Some(Step::Answer(choice, rationale)) => Ok(Reply::Answer {
                    choice,
                    comment: Some(rationale.to_string()),
                }),
                Some(Step::Skip) => Ok(Reply::Skip),
                Some(Step::Back) => Ok(Reply::Back),
                Some(Step::Cancel) | None => Err(Cancelled),
            }
        }
        fn menu(&mut self, _: &MenuPrompt) -> Result<MenuChoice, Cancelled> {
            panic!("no menu when settling")
        }
        fn review(&mut self, _: &ReviewPrompt) -> Result<ReviewChoice, Cancelled> {
            panic!("no review when settling")
        }
        fn target(&mut self, _: &TargetPrompt) -> Result<TargetReply, Cancelled> {
            panic!("no targets when settling")
        }
        fn evidence(&mut self, _: &EvidencePrompt) -> Result<Option<String>, Cancelled> {
            panic!("no evidence asked when settling")
        }
    }

    fn play(start: Answers, steps: Vec<Step>) -> (Ending, Answers, usize, Script) {
        let q = questionnaire();
        let mut script = Script {
            steps: steps.into(),
            ..Script::default()
        };
        let mut saves = 0;
        let mut walk = Settlement::new(&q, None, start, "2025-10-20".into());
        let ending = walk
            .run(&mut script, &mut |_: &Answers| -> Result<(), ()> {
                saves += 1;
                Ok(())
            })
            .unwrap();
        (ending, walk.into_answers(), saves, script)
    }

    fn level(l: u8) -> Choice {
        Choice::Value(l.into())
    }

    #[test]
    fn only_the_split_questions_are_walked_and_each_settled_one_is_saved() {
        let start = team();
        assert!(start.answers["a-1"].split && start.answers["a-yn"].split);
        assert!(start.answers["b-1"].split);
        assert_eq!(
            start.answers.get("a-2").and_then(|a| a.value.clone()),
            None,
            "not asked"
        );
        let (ending, answers, saves, script) = play(
            start,
            vec![
                Step::Answer(level(3), "Beslutet i RS gäller hela regionen"),
                Step::Answer(Choice::Value("no".into()), "Bara en pilot"),
                Step::Answer(level(1), " Mätningen gäller 2025 "),
            ],
        );
        assert_eq!(ending, Ending::Finished);
        let ids: Vec<&str> = script.shown.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-yn", "b-1"]);
        assert_eq!(script.shown[0].1, Some(level(2)), "the median is proposed");
        assert_eq!(script.shown[0].2, 3, "every respondent's answer is shown");
        assert_eq!(script.shown[0].3, (0, 3));
        assert_eq!(script.shown[2].3, (2, 3));
        assert_eq!(saves, 3);
        let a1 = &answers.answers["a-1"];
        assert_eq!(a1.value.as_ref().unwrap().0, json!(3));
        assert!(a1.split, "it stays marked split");
        let consensus = a1.consensus.as_ref().unwrap();
        assert_eq!(consensus.rationale, "Beslutet i RS gäller hela regionen");
        assert_eq!(consensus.date.as_deref(), Some("2025-10-20"));
        assert_eq!(
            answers.answers["b-1"].consensus.as_ref().unwrap().rationale,
            "Mätningen gäller 2025"
        );
        assert_eq!(
            answers.answers["a-1"].respondents.len(),
            3,
            "the respondents' answers stay"
        );
    }

    #[test]
    fn an_answer_without_a_rationale_is_asked_again() {
        let (_, answers, saves, script) =
            play(team(), vec![Step::Answer(level(3), "  "), Step::Cancel]);
        assert_eq!(saves, 0);
        assert!(answers.answers["a-1"].consensus.is_none());
        let ids: Vec<&str> = script.shown.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-1"]);
    }

    #[test]
    fn skip_back_and_cancel_keep_what_was_settled() {
        let (ending, answers, saves, script) = play(
            team(),
            vec![
                Step::Skip,
                Step::Answer(Choice::Value("no".into()), "Ingen drift än"),
                Step::Back,
                Step::Back,
                Step::Answer(level(2), "Som medianen"),
                Step::Cancel,
            ],
        );
        assert_eq!(ending, Ending::Cancelled);
        let ids: Vec<&str> = script.shown.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(ids, ["a-1", "a-yn", "b-1", "a-yn", "a-1", "a-yn"]);
        assert_eq!(saves, 2);
        assert!(answers.answers["a-yn"].consensus.is_some());
        assert!(answers.answers["a-1"].consensus.is_some());
        assert!(
            answers.answers["b-1"].consensus.is_none(),
            "left for another time"
        );
        // Going back to a settled question shows what was agreed, and the rule's proposal.
        assert_eq!(script.shown[3].1, Some(Choice::Value("no".into())));
    }

    #[test]
    fn a_settled_answer_proposes_the_questions_that_depend_on_it() {
        let (_, answers, _, _) = play(
            team(),
            vec![
                Step::Skip,
                Step::Answer(Choice::Value("yes".into()), "Pilot i drift sedan maj"),
                Step::Cancel,
            ],
        );
        // a-2 is asked now: its only answer (3) is the team's, and one answer is no split.
        let a2 = &answers.answers["a-2"];
        assert_eq!(a2.value.as_ref().unwrap().0, json!(3));
        assert!(!a2.split);
        let problems = crate::validate::answers(&answers, &questionnaire());
        assert!(
            problems
                .iter()
                .all(|p| p.severity() == crate::problem::Severity::Warning),
            "{problems:?}"
        );
    }

    #[test]
    fn nothing_to_settle_finishes_at_once() {
        let mut start = team();
        for answer in start.answers.values_mut() {
            answer.split = false;
        }
        let (ending, _, saves, script) = play(start, vec![]);
        assert_eq!(ending, Ending::Finished);
        assert_eq!(saves, 0);
        assert!(script.shown.is_empty());
    }
}
