//! The guided interview without a terminal: the order of questions, conditions, navigation,
//! defaults from last year, the review, and saving after every answer. What the user does
//! comes through an [`AnswerSource`]: the full screen in `screen`, plain lines in `plain`, a
//! script in tests.

pub mod consensus;
pub mod plain;
pub mod screen;
pub mod start;
pub mod words;

pub use start::{Intro, LineAsk, StartSource};

use crate::answers::{
    Answer, Answers, Choice, Respondent, RespondentAnswer, Rule, Status, choice_of, fits, same,
};
use crate::lang::Text;
use crate::questionnaire::{Area, Question, Questionnaire};
use crate::scoring::Rubric;
use crate::scoring::rubric::LevelBand;

/// The user pressed Ctrl-C (or the input ended): stop, keeping what is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// What the user does at each step of the interview.
pub trait AnswerSource {
    /// Shows a question and returns what the user did.
    fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled>;
    /// Shows the menu of areas.
    fn menu(&mut self, prompt: &MenuPrompt) -> Result<MenuChoice, Cancelled>;
    /// Shows every area with its answers, before finishing.
    fn review(&mut self, prompt: &ReviewPrompt) -> Result<ReviewChoice, Cancelled>;
    /// Asks for one area's target.
    fn target(&mut self, prompt: &TargetPrompt) -> Result<TargetReply, Cancelled>;
    /// A comment written at the last question shown that did not go with an answer (the
    /// user went back, skipped, opened the menu or stopped). The interview keeps it: as the
    /// comment when the question is answered, else as a draft the next interview restores.
    /// An empty text removes the comment.
    fn take_draft(&mut self) -> Option<String> {
        None
    }
    /// Asks at once for the evidence an answer needs (the question's `evidence_required`).
    /// `None` or an empty text skips it, and the answer then counts as *Vet ej*.
    fn evidence(&mut self, prompt: &EvidencePrompt) -> Result<Option<String>, Cancelled>;
}

/// Everything shown when an answer needs evidence.
pub struct EvidencePrompt<'a> {
    pub question: &'a Question,
    /// The question's number, `4.6`.
    pub number: String,
    /// The answer given, which needs the evidence.
    pub answer: &'a Answer,
}

/// Where a resumed interview goes on, said on its first screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resume {
    /// The number of the question it goes on at, `8.3`.
    pub at: String,
    pub answered: usize,
    pub total: usize,
    /// The numbers of the open questions before it.
    pub open_before: Vec<String>,
}

/// A way of asking everything an interview asks: the start and the questions.
pub trait Interviewer: AnswerSource + StartSource {}

impl<T: AnswerSource + StartSource> Interviewer for T {}

/// What the user did at a question.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// An answer, with a comment when one was written.
    Answer {
        choice: Choice,
        comment: Option<String>,
    },
    /// Back to the question before.
    Back,
    /// On without answering; the question stays open.
    Skip,
    /// To the menu of areas.
    Menu,
    /// A comment was written and kept without an answer yet: save it (see
    /// [`AnswerSource::take_draft`]) and show the same question again.
    Draft,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuChoice {
    /// To this area (its index), at its first open question.
    Area(usize),
    /// To the review.
    Review,
    /// Back where the menu was opened.
    Continue,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewChoice {
    /// Change the answer to this question.
    Edit(String),
    /// Go on with the first open question.
    Continue,
    /// Set the areas' targets, one area after the other.
    Targets,
    /// Done.
    Finish,
}

/// What the user does with an area's target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetReply {
    /// This level (1–5) is the target.
    Set(u8),
    /// The area has no target.
    Clear,
    /// As it is; on to the next area.
    Keep,
    /// Back to the review.
    Done,
}

/// Everything shown when an area's target is set.
pub struct TargetPrompt<'a> {
    pub area: &'a Area,
    /// 1-based among the areas that can have a target.
    pub number: usize,
    pub count: usize,
    /// The area's score and level from the answers so far, when it has one.
    pub score: Option<f64>,
    pub level: Option<(u8, Text)>,
    /// The area's levels, to name the levels a target can be.
    pub levels: &'a [LevelBand],
    /// This file's target.
    pub current: Option<u8>,
    /// Last year's target.
    pub previous: Option<u8>,
}

/// Everything shown with a question.
pub struct QuestionPrompt<'a> {
    pub area: &'a Area,
    /// 1-based.
    pub area_number: usize,
    pub area_count: usize,
    pub question: &'a Question,
    /// The question's number, `1.3`.
    pub number: String,
    /// 1-based position among the area's questions.
    pub number_in_area: usize,
    pub questions_in_area: usize,
    /// Whether this is the first question shown in the area since entering it.
    pub entering_area: bool,
    /// Questions answered so far, and asked in all.
    pub answered: usize,
    pub total: usize,
    /// This file's answer, when the question is answered.
    pub current: Option<&'a Answer>,
    /// The comment the editor opens with: the answer's comment, or a draft kept from before.
    pub comment: Option<&'a str>,
    /// Said on the first screen of a resumed interview.
    pub resumed: Option<Resume>,
    /// Last year's answer, when there is one that fits the question.
    pub previous: Option<&'a Answer>,
    /// What is selected at first: this file's answer, else last year's.
    pub default: Option<Choice>,
    /// Whether this question is being changed from the review.
    pub editing: bool,
    /// When a team settles a split question: every respondent's answer and the rule's
    /// proposal. `answered` and `total` then count the split questions settled and to settle.
    pub team: Option<TeamPrompt<'a>>,
}

/// What a team sees when it settles a split question.
pub struct TeamPrompt<'a> {
    /// Everyone in the team's file, for their roles.
    pub respondents: &'a [Respondent],
    /// Each respondent's own answer, with comment.
    pub answers: &'a [RespondentAnswer],
    /// The rule that proposed the team's answer.
    pub rule: Rule,
    /// What the rule proposes; `None` when it proposes nothing.
    pub proposal: Option<Choice>,
}

pub struct MenuPrompt<'a> {
    pub areas: Vec<AreaProgress<'a>>,
    /// The area the menu was opened from.
    pub current: Option<usize>,
}

pub struct AreaProgress<'a> {
    pub area: &'a Area,
    pub answered: usize,
    pub asked: usize,
}

pub struct ReviewPrompt<'a> {
    pub areas: Vec<ReviewArea<'a>>,
    pub answered: usize,
    pub total: usize,
    /// Questions changed since last year.
    pub changed: usize,
    /// Whether targets can be set from here.
    pub targets: bool,
}

pub struct ReviewArea<'a> {
    pub area: &'a Area,
    pub items: Vec<ReviewItem<'a>>,
    /// The area's target, when it has one.
    pub target: Option<u8>,
}

pub struct ReviewItem<'a> {
    pub question: &'a Question,
    /// The question's number, `1.3`.
    pub number: String,
    pub answer: Option<&'a Answer>,
    pub previous: Option<&'a Answer>,
    /// Answered, last year answered too, and differently.
    pub changed: bool,
}

/// How the interview ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Finished,
    Cancelled,
}

/// One interview: a questionnaire, the answers so far and last year's.
pub struct Interview<'q> {
    questionnaire: &'q Questionnaire,
    answers: Answers,
    previous: Option<Answers>,
    /// (area index, question index) in the order asked.
    order: Vec<(usize, usize)>,
    /// The rubric, when the areas it scores can be given targets from the review.
    rubric: Option<&'q Rubric>,
    /// Said on the first question shown, when the interview resumes a file.
    resume: Option<Resume>,
    /// The number of the question whose comment was kept when the interview stopped.
    kept_draft: Option<String>,
}

impl<'q> Interview<'q> {
    pub fn new(
        questionnaire: &'q Questionnaire,
        answers: Answers,
        previous: Option<Answers>,
    ) -> Self {
        let order = questionnaire
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| (0..area.questions.len()).map(move |q| (a, q)))
            .collect();
        Interview {
            questionnaire,
            answers,
            previous,
            order,
            rubric: None,
            resume: None,
            kept_draft: None,
        }
    }

    /// Lets the review set a target for each area the rubric scores, showing the area's
    /// score so far.
    #[must_use]
    pub fn with_targets(mut self, rubric: &'q Rubric) -> Self {
        self.rubric = Some(rubric);
        self
    }

    /// The areas (their indices) that can have a target: those the rubric scores.
    fn target_areas(&self) -> Vec<usize> {
        let Some(rubric) = self.rubric else {
            return Vec::new();
        };
        (0..self.questionnaire.areas.len())
            .filter(|&a| rubric.area_rule(&self.questionnaire.areas[a].id).is_some())
            .collect()
    }

    /// Sets or clears an area's target, keeping the targets in the questionnaire's order.
    pub fn set_target(&mut self, area: &str, target: Option<u8>) {
        match target {
            Some(level) => {
                self.answers.targets.insert(area.to_string(), level);
            }
            None => {
                self.answers.targets.shift_remove(area);
            }
        }
        let rank = |id: &str| {
            self.questionnaire
                .areas
                .iter()
                .position(|a| a.id == id)
                .unwrap_or(usize::MAX)
        };
        let ranks: std::collections::HashMap<String, usize> = self
            .answers
            .targets
            .keys()
            .map(|id| (id.clone(), rank(id)))
            .collect();
        self.answers
            .targets
            .sort_by(|a, _, b, _| ranks[a].cmp(&ranks[b]));
    }

    fn target_prompt(
        &self,
        number: usize,
        count: usize,
        area: usize,
        card: Option<&crate::scoring::Scorecard>,
    ) -> TargetPrompt<'_> {
        let area = &self.questionnaire.areas[area];
        let scored = card.and_then(|c| c.areas.iter().find(|a| a.id == area.id));
        TargetPrompt {
            area,
            number,
            count,
            score: scored.and_then(|a| a.score),
            level: scored.and_then(|a| Some((a.level?, a.level_name.clone()?))),
            levels: self
                .rubric
                .and_then(|r| Some(r.area_rule(&area.id)?.levels(r)))
                .unwrap_or_default(),
            current: self.answers.targets.get(&area.id).copied(),
            previous: self
                .previous
                .as_ref()
                .and_then(|p| p.targets.get(&area.id).copied()),
        }
    }

    /// Asks for each area's target in turn, saving after each change, until the last area
    /// or the user goes back to the review. `Err(Cancelled)` when the user stops.
    fn targets<E>(
        &mut self,
        source: &mut dyn AnswerSource,
        save: &mut dyn FnMut(&Answers) -> Result<(), E>,
    ) -> Result<Result<(), Cancelled>, E> {
        let areas = self.target_areas();
        let card = self
            .rubric
            .map(|r| crate::scoring::score(self.questionnaire, r, &self.answers));
        for (i, &area) in areas.iter().enumerate() {
            let reply = {
                let prompt = self.target_prompt(i + 1, areas.len(), area, card.as_ref());
                source.target(&prompt)
            };
            let id = self.questionnaire.areas[area].id.clone();
            match reply {
                Err(Cancelled) => return Ok(Err(Cancelled)),
                Ok(TargetReply::Set(level)) if crate::targets::LEVELS.contains(&level) => {
                    self.set_target(&id, Some(level));
                    save(&self.answers)?;
                }
                Ok(TargetReply::Clear) => {
                    self.set_target(&id, None);
                    save(&self.answers)?;
                }
                Ok(TargetReply::Done) => break,
                Ok(TargetReply::Set(_) | TargetReply::Keep) => {}
            }
        }
        Ok(Ok(()))
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    pub fn into_answers(self) -> Answers {
        self.answers
    }

    /// The number of the question whose unsaved comment was kept when the interview stopped.
    pub fn kept_draft(&self) -> Option<&str> {
        self.kept_draft.as_deref()
    }

    fn number_at(&self, position: usize) -> String {
        let (a, q) = self.order[position];
        format!("{}.{}", self.questionnaire.areas[a].number, q + 1)
    }

    /// Where the interview starts: where it stopped last time when that question is still
    /// asked, else the first open question; with what a resumed interview says about it.
    fn start(&self) -> (Option<usize>, Option<Resume>) {
        let stopped = self
            .answers
            .position
            .as_deref()
            .and_then(|id| self.position_of(id))
            .filter(|&p| self.asked(p));
        let position = stopped.or_else(|| self.first_open());
        let (answered, total) = self.progress();
        let resume = position.filter(|_| answered > 0).map(|at| Resume {
            at: self.number_at(at),
            answered,
            total,
            open_before: (0..at)
                .filter(|&p| self.asked(p) && !self.is_answered(&self.question_at(p).id))
                .map(|p| self.number_at(p))
                .collect(),
        });
        (position, resume)
    }

    /// Keeps a comment written without an answer: on the answer when there is one, else as a
    /// draft.
    fn keep_draft(&mut self, id: &str, text: &str) {
        let text = text.trim().to_string();
        if self.is_answered(id) {
            if let Some(answer) = self.answers.answers.get_mut(id) {
                answer.comment = (!text.is_empty()).then_some(text);
            }
        } else if text.is_empty() {
            self.answers.drafts.shift_remove(id);
        } else {
            self.answers.drafts.insert(id.to_string(), text);
        }
    }

    fn question_at(&self, position: usize) -> &'q Question {
        let (a, q) = self.order[position];
        &self.questionnaire.areas[a].questions[q]
    }

    fn position_of(&self, id: &str) -> Option<usize> {
        (0..self.order.len()).find(|&p| self.question_at(p).id == id)
    }

    fn asked(&self, position: usize) -> bool {
        self.questionnaire
            .is_asked(self.question_at(position), &self.answers)
    }

    fn is_answered(&self, id: &str) -> bool {
        self.answers
            .get(id)
            .is_some_and(|a| a.value.is_some() || a.status.is_some())
    }

    fn next_asked(&self, after: usize) -> Option<usize> {
        (after + 1..self.order.len()).find(|&p| self.asked(p))
    }

    /// Where to go after a question: the next asked one, or the next open one.
    fn next(&self, after: usize, open_only: bool) -> Option<usize> {
        if open_only {
            self.first_open_from(after + 1)
        } else {
            self.next_asked(after)
        }
    }

    fn previous_asked(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&p| self.asked(p))
    }

    /// The first asked question without an answer, where a resumed interview starts.
    pub fn first_open(&self) -> Option<usize> {
        (0..self.order.len()).find(|&p| self.asked(p) && !self.is_answered(&self.question_at(p).id))
    }

    fn first_open_from(&self, from: usize) -> Option<usize> {
        (from..self.order.len())
            .find(|&p| self.asked(p) && !self.is_answered(&self.question_at(p).id))
    }

    /// Questions answered, and asked in all.
    pub fn progress(&self) -> (usize, usize) {
        let asked: Vec<usize> = (0..self.order.len()).filter(|&p| self.asked(p)).collect();
        let answered = asked
            .iter()
            .filter(|&&p| self.is_answered(&self.question_at(p).id))
            .count();
        (answered, asked.len())
    }

    /// Last year's answer to a question, when it fits the question as it is now.
    fn previous_answer(&self, question: &Question) -> Option<&Answer> {
        let answer = self.previous.as_ref()?.get(&question.id)?;
        choice_of(answer).filter(|c| fits(question, c))?;
        Some(answer)
    }

    fn prompt(&self, position: usize, entering_area: bool, editing: bool) -> QuestionPrompt<'_> {
        let (a, q) = self.order[position];
        let area = &self.questionnaire.areas[a];
        let question = &area.questions[q];
        let current = self
            .answers
            .get(&question.id)
            .filter(|_| self.is_answered(&question.id));
        let previous = self.previous_answer(question);
        let (answered, total) = self.progress();
        let comment = match current {
            Some(answer) => answer.comment.as_deref(),
            None => self.answers.drafts.get(&question.id).map(String::as_str),
        };
        QuestionPrompt {
            area,
            area_number: a + 1,
            area_count: self.questionnaire.areas.len(),
            question,
            number: self.number_at(position),
            number_in_area: q + 1,
            questions_in_area: area.questions.len(),
            entering_area,
            answered,
            total,
            current,
            comment,
            resumed: None,
            previous,
            default: current.or(previous).and_then(choice_of),
            editing,
            team: None,
        }
    }

    /// Records an answer, keeping an earlier comment (or the question's draft) and evidence
    /// note unless a new comment is given; an empty new comment removes it.
    pub fn set(&mut self, id: &str, choice: Choice, comment: Option<String>) {
        let draft = self.answers.drafts.shift_remove(id);
        let comment = comment.or(draft);
        let entry = self.answers.answers.entry(id.to_string()).or_default();
        let (value, status) = match choice {
            Choice::Value(value) => (Some(crate::answers::Value(value)), None),
            Choice::DontKnow => (None, Some(Status::DontKnow)),
            Choice::NotApplicable => (None, Some(Status::NotApplicable)),
        };
        entry.value = value;
        entry.status = status;
        if let Some(comment) = comment {
            let comment = comment.trim();
            entry.comment = (!comment.is_empty()).then(|| comment.to_string());
        }
        self.sort();
    }

    /// Asks for the evidence the answer at `position` needs, when it needs some and has none,
    /// and keeps what is written.
    fn ask_evidence(
        &mut self,
        source: &mut dyn AnswerSource,
        position: usize,
    ) -> Result<(), Cancelled> {
        let question = self.question_at(position);
        let Some(answer) = self
            .answers
            .get(&question.id)
            .filter(|a| question.lacks_evidence(a))
        else {
            return Ok(());
        };
        let prompt = EvidencePrompt {
            question,
            number: self.number_at(position),
            answer,
        };
        let written = source.evidence(&prompt)?;
        if let Some(text) = written.map(|t| t.trim().to_string())
            && !text.is_empty()
            && let Some(answer) = self.answers.answers.get_mut(&question.id)
        {
            answer.evidence = Some(text);
        }
        Ok(())
    }

    /// Keeps the file's answers in the questionnaire's order.
    fn sort(&mut self) {
        let rank = |id: &str| self.position_of(id).unwrap_or(usize::MAX);
        let ranks: std::collections::HashMap<String, usize> = self
            .answers
            .answers
            .keys()
            .map(|id| (id.clone(), rank(id)))
            .collect();
        self.answers
            .answers
            .sort_by(|a, _, b, _| ranks[a].cmp(&ranks[b]));
    }

    /// Removes answers to questions whose condition no longer holds: they would not count.
    fn drop_unasked(&mut self) {
        let unasked: Vec<String> = (0..self.order.len())
            .filter(|&p| !self.asked(p))
            .map(|p| self.question_at(p).id.clone())
            .collect();
        for id in unasked {
            self.answers.answers.shift_remove(&id);
            self.answers.drafts.shift_remove(&id);
        }
    }

    fn menu_prompt(&self, current: Option<usize>) -> MenuPrompt<'_> {
        let areas = self
            .questionnaire
            .areas
            .iter()
            .enumerate()
            .map(|(a, area)| {
                let positions: Vec<usize> = (0..self.order.len())
                    .filter(|&p| self.order[p].0 == a && self.asked(p))
                    .collect();
                AreaProgress {
                    area,
                    answered: positions
                        .iter()
                        .filter(|&&p| self.is_answered(&self.question_at(p).id))
                        .count(),
                    asked: positions.len(),
                }
            })
            .collect();
        MenuPrompt {
            areas,
            current: current.map(|p| self.order[p].0),
        }
    }

    fn review_prompt(&self) -> ReviewPrompt<'_> {
        let mut changed = 0;
        let areas = self
            .questionnaire
            .areas
            .iter()
            .map(|area| ReviewArea {
                area,
                target: self.answers.targets.get(&area.id).copied(),
                items: area
                    .questions
                    .iter()
                    .filter(|q| self.questionnaire.is_asked(q, &self.answers))
                    .map(|question| {
                        let number = self
                            .position_of(&question.id)
                            .map(|p| self.number_at(p))
                            .unwrap_or_default();
                        let answer = self
                            .answers
                            .get(&question.id)
                            .filter(|_| self.is_answered(&question.id));
                        let previous = self.previous_answer(question);
                        let is_changed =
                            match (answer.and_then(choice_of), previous.and_then(choice_of)) {
                                (Some(now), Some(then)) => !same(&now, &then),
                                _ => false,
                            };
                        changed += usize::from(is_changed);
                        ReviewItem {
                            question,
                            number,
                            answer,
                            previous,
                            changed: is_changed,
                        }
                    })
                    .collect(),
            })
            .collect();
        let (answered, total) = self.progress();
        ReviewPrompt {
            areas,
            answered,
            total,
            changed,
            targets: !self.target_areas().is_empty(),
        }
    }

    /// Runs the interview from the first open question (or the review, when none is open),
    /// saving after every answer. `save` is called with the answers each time they change.
    pub fn run<E>(
        &mut self,
        source: &mut dyn AnswerSource,
        save: &mut dyn FnMut(&Answers) -> Result<(), E>,
    ) -> Result<Ending, E> {
        let (mut position, resume) = self.start();
        self.resume = resume;
        // Walking the open questions (after a resume or from the review) passes over answered
        // ones; after going back, the walk is question by question.
        let mut open_only = true;
        let mut shown_area: Option<usize> = None;
        // A question changed from the review returns to the review.
        let mut editing = false;
        loop {
            let Some(at) = position else {
                let choice = match source.review(&self.review_prompt()) {
                    Ok(choice) => choice,
                    Err(Cancelled) => return Ok(Ending::Cancelled),
                };
                match choice {
                    ReviewChoice::Finish => {
                        self.drop_unasked();
                        self.answers.position = None;
                        save(&self.answers)?;
                        return Ok(Ending::Finished);
                    }
                    ReviewChoice::Edit(id) => {
                        position = self.position_of(&id).filter(|&p| self.asked(p));
                        editing = position.is_some();
                        shown_area = None;
                    }
                    ReviewChoice::Continue => {
                        position = self.first_open();
                        open_only = true;
                    }
                    ReviewChoice::Targets => {
                        if self.targets(source, save)?.is_err() {
                            return Ok(Ending::Cancelled);
                        }
                    }
                }
                continue;
            };
            let area = self.order[at].0;
            let entering = shown_area != Some(area);
            shown_area = Some(area);
            let resumed = self.resume.take();
            let mut prompt = self.prompt(at, entering, editing);
            prompt.resumed = resumed;
            let reply = source.question(&prompt);
            let id = self.question_at(at).id.clone();
            let draft = source.take_draft();
            let kept = draft.is_some();
            if let Some(text) = draft {
                self.keep_draft(&id, &text);
            }
            let Ok(reply) = reply else {
                // Stopped: the file remembers where, and keeps a comment being written.
                self.answers.position = Some(id);
                save(&self.answers)?;
                if kept {
                    self.kept_draft = Some(self.number_at(at));
                }
                return Ok(Ending::Cancelled);
            };
            if kept && !matches!(reply, Reply::Answer { .. }) {
                save(&self.answers)?;
            }
            match reply {
                Reply::Answer { choice, comment } => {
                    let question = self.question_at(at);
                    if fits(question, &choice) {
                        self.set(&question.id.clone(), choice, comment);
                        // Asked before moving on: with the evidence the questions this answer
                        // hides stay hidden, without it they are asked.
                        if self.ask_evidence(source, at).is_err() {
                            self.answers.position = Some(id);
                            save(&self.answers)?;
                            return Ok(Ending::Cancelled);
                        }
                        position = if editing {
                            None
                        } else {
                            self.next(at, open_only)
                        };
                        self.answers.position = position.map(|p| self.question_at(p).id.clone());
                        save(&self.answers)?;
                        editing = false;
                    }
                }
                Reply::Skip => {
                    position = if editing {
                        None
                    } else {
                        self.next(at, open_only)
                    };
                    editing = false;
                }
                Reply::Back => {
                    if editing {
                        position = None;
                        editing = false;
                    } else {
                        position = self.previous_asked(at).or(Some(at));
                        open_only = false;
                    }
                }
                Reply::Draft => shown_area = Some(area),
                Reply::Menu => {
                    let choice = match source.menu(&self.menu_prompt(Some(at))) {
                        Ok(choice) => choice,
                        Err(Cancelled) => return Ok(Ending::Cancelled),
                    };
                    match choice {
                        MenuChoice::Area(index) => {
                            let start = (0..self.order.len()).find(|&p| self.order[p].0 == index);
                            let end = (0..self.order.len()).rfind(|&p| self.order[p].0 == index);
                            if let (Some(start), Some(end)) = (start, end) {
                                // The area's first open question, else its first asked one.
                                let open = self.first_open_from(start).filter(|&p| p <= end);
                                open_only = open.is_some();
                                position = open
                                    .or_else(|| (start..=end).find(|&p| self.asked(p)))
                                    .or(Some(at));
                            }
                            editing = false;
                            shown_area = None;
                        }
                        MenuChoice::Review => {
                            position = None;
                            editing = false;
                        }
                        MenuChoice::Continue => shown_area = None,
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::needless_pass_by_value)]
mod tests {
    use std::collections::VecDeque;

    use serde_json::json;

    use super::*;
    use crate::document::{Document, parse};

    /// Area `a`: a-1, a-yn (yes/no), a-2 asked only when a-yn is yes. Area `b`: b-1, b-2.
    pub(crate) fn questionnaire() -> Questionnaire {
        let text = |t: &str| json!({"sv": t, "en": t});
        let scale = |id: &str| {
            json!({"id": id, "kind": "scale", "text": text(id), "help": text("h"), "evidence": text("e"),
                "levels": (0..6).map(|l| text(&format!("L{l}"))).collect::<Vec<_>>()})
        };
        let mut conditional = scale("a-2");
        conditional["show_if"] = json!({"question": "a-yn", "any_of": ["yes"]});
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "t", "version": "1", "kind": "maturity",
            "title": text("T"), "description": text("D"),
            "areas": [
                {"id": "a", "number": 1, "title": text("A"), "description": text("A"), "questions": [
                    scale("a-1"),
                    {"id": "a-yn", "kind": "yes_no", "text": text("yn"), "help": text("h"), "evidence": text("e")},
                    conditional,
                ]},
                {"id": "b", "number": 2, "title": text("B"), "description": text("B"), "questions": [
                    scale("b-1"), scale("b-2"),
                ]}
            ]
        });
        match parse(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    pub(crate) fn answers(values: serde_json::Value) -> Answers {
        let value = json!({"format": "mognad.answers/1", "questionnaire": {"id": "t", "version": "1"},
            "region": "R", "year": 2025, "answers": values});
        match parse(&value.to_string()).unwrap() {
            Document::Answers(a) => a,
            _ => unreachable!(),
        }
    }

    /// Scores area `a` on a-1 and area `b` on b-1 and b-2; the built-in six levels.
    pub(crate) fn rubric() -> Rubric {
        let text = |t: &str| json!({"sv": t, "en": t});
        let steps: Vec<_> = (0..6)
            .map(|l| json!({"level": l, "text": text("S")}))
            .collect();
        let value = json!({
            "format": "mognad.rubric/1", "id": "t", "version": "1", "title": text("R"),
            "questionnaire": {"id": "t", "versions": ["1"]},
            "coverage": {"min": 0.75},
            "levels": (0..6).map(|l| json!({"level": l, "min": l, "name": text(&format!("L{l}"))})).collect::<Vec<_>>(),
            "areas": [
                {"area": "a", "aggregation": "weighted_mean", "next_steps": steps, "questions": [{"question": "a-1"}]},
                {"area": "b", "aggregation": "weighted_mean", "next_steps": steps, "questions": [{"question": "b-1"}, {"question": "b-2"}]}
            ],
            "overall": {"aggregation": "weighted_mean", "min_areas": 1}
        });
        match parse(&value.to_string()).unwrap() {
            Document::Rubric(r) => r,
            _ => unreachable!(),
        }
    }

    /// One scripted step: what the user does at a question, the menu, the review or a
    /// target.
    enum Step {
        Q(Reply),
        M(MenuChoice),
        R(ReviewChoice),
        T(TargetReply),
        /// The evidence written when asked, `None` to skip it.
        E(Option<&'static str>),
        Cancel,
        /// A comment written at the next question, left there without an answer.
        Draft(String),
    }

    /// A target prompt as shown: the area, its number of how many, its score so far, its
    /// target and last year's.
    type Shown = (String, usize, usize, Option<f64>, Option<u8>, Option<u8>);

    /// A source that plays a script and records what it was shown.
    #[derive(Default)]
    struct Script {
        steps: VecDeque<Step>,
        /// The question ids shown, with their default and whether an area intro came first.
        shown: Vec<(String, Option<Choice>, bool)>,
        reviews: Vec<(usize, usize, usize)>,
        /// Whether each review offered targets, and the targets it showed per area.
        review_targets: Vec<(bool, Vec<Option<u8>>)>,
        targets: Vec<Shown>,
        /// The comment each question screen opened with, and what a resumed one said.
        comments: Vec<Option<String>>,
        resumed: Vec<Resume>,
        draft: Option<String>,
        /// The questions whose evidence was asked for, by number.
        evidence_asked: Vec<String>,
    }

    impl Script {
        fn new(steps: Vec<Step>) -> Self {
            Script {
                steps: steps.into(),
                ..Script::default()
            }
        }
        fn ids(&self) -> Vec<&str> {
            self.shown.iter().map(|(id, _, _)| id.as_str()).collect()
        }
    }

    impl AnswerSource for Script {
        fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled> {
            self.shown.push((
                prompt.question.id.clone(),
                prompt.default.clone(),
                prompt.entering_area,
            ));
            self.comments.push(prompt.comment.map(str::to_string));
            self.resumed.extend(prompt.resumed.clone());
            if let Some(Step::Draft(_)) = self.steps.front()
                && let Some(Step::Draft(text)) = self.steps.pop_front()
            {
                self.draft = Some(text);
            }
            match self.steps.pop_front() {
                Some(Step::Q(reply)) => Ok(reply),
                Some(Step::Cancel) | None => Err(Cancelled),
                Some(_) => panic!("expected a question step at {}", prompt.question.id),
            }
        }
        fn take_draft(&mut self) -> Option<String> {
            self.draft.take()
        }
        fn menu(&mut self, _: &MenuPrompt) -> Result<MenuChoice, Cancelled> {
            match self.steps.pop_front() {
                Some(Step::M(choice)) => Ok(choice),
                Some(Step::Cancel) | None => Err(Cancelled),
                Some(_) => panic!("expected a menu step"),
            }
        }
        fn review(&mut self, prompt: &ReviewPrompt) -> Result<ReviewChoice, Cancelled> {
            self.reviews
                .push((prompt.answered, prompt.total, prompt.changed));
            self.review_targets.push((
                prompt.targets,
                prompt.areas.iter().map(|a| a.target).collect(),
            ));
            match self.steps.pop_front() {
                Some(Step::R(choice)) => Ok(choice),
                Some(Step::Cancel) | None => Err(Cancelled),
                Some(_) => panic!("expected a review step"),
            }
        }
        fn target(&mut self, prompt: &TargetPrompt) -> Result<TargetReply, Cancelled> {
            self.targets.push((
                prompt.area.id.clone(),
                prompt.number,
                prompt.count,
                prompt.score,
                prompt.current,
                prompt.previous,
            ));
            assert_eq!(prompt.levels.len(), 6, "the area's levels to choose from");
            match self.steps.pop_front() {
                Some(Step::T(reply)) => Ok(reply),
                Some(Step::Cancel) | None => Err(Cancelled),
                Some(_) => panic!("expected a target step at {}", prompt.area.id),
            }
        }
        fn evidence(&mut self, prompt: &EvidencePrompt) -> Result<Option<String>, Cancelled> {
            self.evidence_asked.push(prompt.number.clone());
            match self.steps.pop_front() {
                Some(Step::E(text)) => Ok(text.map(str::to_string)),
                Some(Step::Cancel) | None => Err(Cancelled),
                Some(_) => panic!("expected an evidence step at {}", prompt.question.id),
            }
        }
    }

    fn level(l: u8) -> Step {
        Step::Q(Reply::Answer {
            choice: Choice::Value(l.into()),
            comment: None,
        })
    }

    fn yes_no(v: &str) -> Step {
        Step::Q(Reply::Answer {
            choice: Choice::Value(v.into()),
            comment: None,
        })
    }

    /// Runs a script; returns the interview's ending, the final answers, how many saves, and
    /// the script.
    fn play(
        start: Answers,
        previous: Option<Answers>,
        steps: Vec<Step>,
    ) -> (Ending, Answers, usize, Script) {
        let q = questionnaire();
        let mut script = Script::new(steps);
        let mut saves = 0;
        let mut interview = Interview::new(&q, start, previous);
        let ending = interview
            .run(&mut script, &mut |_: &Answers| -> Result<(), ()> {
                saves += 1;
                Ok(())
            })
            .unwrap();
        (ending, interview.into_answers(), saves, script)
    }

    #[test]
    fn questions_come_in_order_and_conditions_are_followed() {
        let (ending, answers, saves, script) = play(
            answers(json!({})),
            None,
            vec![
                level(2),
                yes_no("no"),
                level(3),
                level(4),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(
            script.ids(),
            ["a-1", "a-yn", "b-1", "b-2"],
            "a-2 is not asked after no"
        );
        assert_eq!(saves, 5, "after every answer, and at the finish");
        assert_eq!(
            answers.answers.keys().collect::<Vec<_>>(),
            ["a-1", "a-yn", "b-1", "b-2"]
        );
        // The area intro is shown when entering each area.
        let intros: Vec<bool> = script.shown.iter().map(|s| s.2).collect();
        assert_eq!(intros, [true, false, true, false]);
    }

    /// Plays a script on the questionnaire with a-yn's *no* needing evidence.
    fn play_with_evidence(steps: Vec<Step>) -> (Ending, Answers, Script) {
        let mut q = questionnaire();
        q.areas[0].questions[1].evidence_required = vec!["no".into()];
        let mut script = Script::new(steps);
        let mut interview = Interview::new(&q, answers(json!({})), None);
        let ending = interview
            .run(&mut script, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
            .unwrap();
        (ending, interview.into_answers(), script)
    }

    #[test]
    fn a_no_that_needs_evidence_asks_for_it_at_once_and_with_it_hides_what_it_hides() {
        let (ending, answers, script) = play_with_evidence(vec![
            level(2),
            yes_no("no"),
            Step::E(Some("  Beslut om egen drift, dnr 12  ")),
            level(3),
            level(4),
            Step::R(ReviewChoice::Finish),
        ]);
        assert_eq!(ending, Ending::Finished);
        assert_eq!(script.evidence_asked, ["1.2"]);
        assert_eq!(script.ids(), ["a-1", "a-yn", "b-1", "b-2"]);
        assert_eq!(
            answers.answers["a-yn"].evidence.as_deref(),
            Some("Beslut om egen drift, dnr 12")
        );
    }

    #[test]
    fn a_no_without_its_evidence_asks_what_it_would_hide() {
        let (_, answers, script) = play_with_evidence(vec![
            level(2),
            yes_no("no"),
            Step::E(None),
            level(1),
            level(3),
            level(4),
            Step::R(ReviewChoice::Finish),
        ]);
        assert_eq!(script.ids(), ["a-1", "a-yn", "a-2", "b-1", "b-2"]);
        assert_eq!(answers.answers["a-yn"].evidence, None);
        assert_eq!(
            answers.answers["a-yn"].value.as_ref().unwrap().0,
            json!("no")
        );
    }

    #[test]
    fn a_yes_needs_no_evidence_and_a_stop_at_the_evidence_keeps_the_answer() {
        let (_, _, script) = play_with_evidence(vec![
            level(2),
            yes_no("yes"),
            level(5),
            level(1),
            level(1),
            Step::R(ReviewChoice::Finish),
        ]);
        assert!(script.evidence_asked.is_empty());
        let (ending, answers, script) =
            play_with_evidence(vec![level(2), yes_no("no"), Step::Cancel]);
        assert_eq!(ending, Ending::Cancelled);
        assert_eq!(script.evidence_asked, ["1.2"]);
        assert_eq!(
            answers.answers["a-yn"].value.as_ref().unwrap().0,
            json!("no")
        );
        assert_eq!(answers.position.as_deref(), Some("a-yn"));
    }

    #[test]
    fn a_yes_brings_the_conditional_question() {
        let (_, answers, _, script) = play(
            answers(json!({})),
            None,
            vec![
                level(1),
                yes_no("yes"),
                level(5),
                level(1),
                level(1),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(script.ids(), ["a-1", "a-yn", "a-2", "b-1", "b-2"]);
        assert_eq!(answers.answers["a-2"].value.as_ref().unwrap().0, json!(5));
    }

    #[test]
    fn back_returns_to_the_question_before_and_keeps_the_answer() {
        let (_, answers, _, script) = play(
            answers(json!({})),
            None,
            vec![
                level(2),
                Step::Q(Reply::Back),
                level(3),
                yes_no("no"),
                level(1),
                level(1),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(script.ids(), ["a-1", "a-yn", "a-1", "a-yn", "b-1", "b-2"]);
        // The second time, a-1 is preselected with its answer.
        assert_eq!(script.shown[2].1, Some(Choice::Value(json!(2))));
        assert_eq!(answers.answers["a-1"].value.as_ref().unwrap().0, json!(3));
    }

    #[test]
    fn skipped_questions_stay_open_and_the_review_offers_them() {
        let (ending, answers, _, script) = play(
            answers(json!({})),
            None,
            vec![
                Step::Q(Reply::Skip),
                yes_no("no"),
                level(2),
                level(2),
                Step::R(ReviewChoice::Continue),
                level(4),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(script.ids(), ["a-1", "a-yn", "b-1", "b-2", "a-1"]);
        assert_eq!(script.reviews, [(3, 4, 0), (4, 4, 0)]);
        assert_eq!(answers.answers["a-1"].value.as_ref().unwrap().0, json!(4));
    }

    #[test]
    fn the_menu_jumps_to_an_area() {
        let (_, _, _, script) = play(
            answers(json!({})),
            None,
            vec![
                Step::Q(Reply::Menu),
                Step::M(MenuChoice::Area(1)),
                level(1),
                Step::Q(Reply::Menu),
                Step::M(MenuChoice::Area(0)),
                Step::Cancel,
            ],
        );
        assert_eq!(script.ids(), ["a-1", "b-1", "b-2", "a-1"]);
        assert!(script.shown[1].2, "entering area b shows its intro");
    }

    #[test]
    fn the_review_changes_one_answer_and_returns() {
        let (ending, answers, _, script) = play(
            answers(
                json!({"a-1": {"value": 1}, "a-yn": {"value": "no"}, "b-1": {"value": 1}, "b-2": {"value": 1}}),
            ),
            None,
            vec![
                Step::R(ReviewChoice::Edit("b-1".into())),
                level(3),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(script.ids(), ["b-1"], "only the edited question");
        assert_eq!(answers.answers["b-1"].value.as_ref().unwrap().0, json!(3));
    }

    #[test]
    fn a_resumed_interview_starts_at_the_first_open_question() {
        let (_, _, _, script) = play(
            answers(json!({"a-1": {"value": 1}, "a-yn": {"value": "yes"}})),
            None,
            vec![Step::Cancel],
        );
        assert_eq!(script.ids(), ["a-2"]);
    }

    #[test]
    fn last_year_is_preselected_and_changes_are_counted() {
        let last_year = answers(
            json!({"a-1": {"value": 2}, "a-yn": {"value": "no"}, "b-1": {"status": "dont_know"},
            "b-2": {"value": 9}}),
        );
        let enter = |s: &Script| s.shown.last().unwrap().1.clone();
        let q = questionnaire();
        let mut script = Script::new(vec![]);
        let mut interview = Interview::new(&q, answers(json!({})), Some(last_year.clone()));
        assert!(
            interview
                .run(&mut script, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
                .unwrap()
                == Ending::Cancelled
        );
        assert_eq!(enter(&script), Some(Choice::Value(json!(2))));

        let (_, answers, _, script) = play(
            answers(json!({})),
            Some(last_year),
            vec![
                // Enter on each keeps last year's answer: the default is what a script returns.
                level(2),
                yes_no("no"),
                Step::Q(Reply::Answer {
                    choice: Choice::DontKnow,
                    comment: Some("  ".into()),
                }),
                level(4),
                Step::R(ReviewChoice::Finish),
            ],
        );
        let defaults: Vec<Option<Choice>> = script.shown.iter().map(|s| s.1.clone()).collect();
        assert_eq!(
            defaults,
            [
                Some(Choice::Value(json!(2))),
                Some(Choice::Value(json!("no"))),
                Some(Choice::DontKnow),
                None
            ],
            "a last-year value that does not fit (9) is not offered"
        );
        assert_eq!(script.reviews, [(4, 4, 0)]);
        assert_eq!(
            answers.answers["b-1"].comment, None,
            "a blank comment is not kept"
        );
    }

    #[test]
    fn the_review_counts_what_changed_since_last_year() {
        let last_year = answers(
            json!({"a-1": {"value": 2}, "a-yn": {"value": "no"}, "b-1": {"value": 1}, "b-2": {"value": 1}}),
        );
        let (_, _, _, script) = play(
            answers(json!({})),
            Some(last_year),
            vec![
                level(3),
                yes_no("no"),
                level(1),
                Step::Q(Reply::Answer {
                    choice: Choice::DontKnow,
                    comment: None,
                }),
                Step::Cancel,
            ],
        );
        assert_eq!(
            script.reviews,
            [(4, 4, 2)],
            "a-1 raised, b-2 now don't know"
        );
    }

    #[test]
    fn cancel_stops_with_what_was_saved() {
        let (ending, answers, saves, _) =
            play(answers(json!({})), None, vec![level(2), Step::Cancel]);
        assert_eq!(ending, Ending::Cancelled);
        assert_eq!(saves, 2, "after the answer, and where it stopped");
        assert_eq!(answers.answers.len(), 1);
        assert_eq!(answers.position.as_deref(), Some("a-yn"));
    }

    #[test]
    fn a_resumed_interview_goes_on_where_it_stopped_and_says_what_is_open_before() {
        let mut start = answers(json!({"a-1": {"value": 1}, "a-yn": {"value": "no"}}));
        start.position = Some("b-2".into());
        let (_, _, _, script) = play(start, None, vec![level(3), Step::Cancel]);
        assert_eq!(script.ids(), ["b-2"]);
        assert_eq!(
            script.reviews,
            [(3, 4, 0)],
            "the review offers the open 2.1"
        );
        assert_eq!(
            script.resumed,
            [Resume {
                at: "2.2".into(),
                answered: 2,
                total: 4,
                open_before: vec!["2.1".into()],
            }],
            "said once, on the first screen"
        );
        // A position no longer asked is passed over for the first open question.
        let mut start = answers(json!({"a-1": {"value": 1}, "a-yn": {"value": "no"}}));
        start.position = Some("a-2".into());
        let (_, _, _, script) = play(start, None, vec![Step::Cancel]);
        assert_eq!(script.ids(), ["b-1"]);
        // A new file says nothing of resuming.
        let (_, _, _, script) = play(answers(json!({})), None, vec![Step::Cancel]);
        assert!(script.resumed.is_empty());
    }

    #[test]
    fn a_comment_left_without_an_answer_is_kept_as_a_draft_and_comes_back() {
        // Written at a-1, then back: nothing answered, so a draft; Ctrl-C at a-yn likewise.
        let (ending, answers, saves, script) = play(
            answers(json!({})),
            None,
            vec![
                Step::Draft("vi behöver statistik från Inera".into()),
                Step::Q(Reply::Skip),
                Step::Draft("oklart".into()),
                Step::Cancel,
            ],
        );
        assert_eq!(ending, Ending::Cancelled);
        assert_eq!(saves, 2, "the draft at once, and at the stop");
        assert_eq!(
            answers.drafts,
            [
                (
                    "a-1".to_string(),
                    "vi behöver statistik från Inera".to_string()
                ),
                ("a-yn".to_string(), "oklart".to_string())
            ]
            .into()
        );
        assert_eq!(script.comments, [None, None]);
        // The next run opens the draft, and an answer makes it the comment.
        let (_, answers, _, script) = play(answers, None, vec![yes_no("no"), Step::Cancel]);
        assert_eq!(script.ids()[0], "a-yn", "where it stopped");
        assert_eq!(script.comments[0].as_deref(), Some("oklart"));
        assert_eq!(
            answers.answers["a-yn"].value.as_ref().unwrap().0,
            json!("no")
        );
        assert_eq!(answers.answers["a-yn"].comment.as_deref(), Some("oklart"));
        assert!(!answers.drafts.contains_key("a-yn"));
        // A draft written at an answered question is its comment; an empty one removes it.
        let mut start = super::tests::answers(json!({"a-1": {"value": 1, "comment": "gammal"}}));
        start.position = Some("a-1".into());
        let (_, answers, _, _) = play(
            start.clone(),
            None,
            vec![
                Step::Draft(" ny ".into()),
                Step::Q(Reply::Back),
                Step::Cancel,
            ],
        );
        assert_eq!(answers.answers["a-1"].comment.as_deref(), Some("ny"));
        let (_, answers, _, _) = play(
            start,
            None,
            vec![
                Step::Draft(String::new()),
                Step::Q(Reply::Back),
                Step::Cancel,
            ],
        );
        assert_eq!(answers.answers["a-1"].comment, None);
    }

    #[test]
    fn an_answer_that_does_not_fit_is_refused() {
        let (_, answers, saves, script) = play(
            answers(json!({})),
            None,
            vec![
                Step::Q(Reply::Answer {
                    choice: Choice::NotApplicable,
                    comment: None,
                }),
                Step::Cancel,
            ],
        );
        assert_eq!(saves, 1, "only where it stopped");
        assert!(answers.answers.is_empty());
        assert_eq!(script.ids(), ["a-1", "a-1"], "asked again");
    }

    #[test]
    fn answers_to_questions_no_longer_asked_are_dropped_at_the_finish() {
        let (_, answers, _, _) = play(
            answers(
                json!({"a-1": {"value": 1}, "a-yn": {"value": "yes"}, "a-2": {"value": 3}, "b-1": {"value": 1}, "b-2": {"value": 1}}),
            ),
            None,
            vec![
                Step::R(ReviewChoice::Edit("a-yn".into())),
                yes_no("no"),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert!(!answers.answers.contains_key("a-2"));
    }

    /// Runs a script with targets offered in the review.
    fn play_targets(
        start: Answers,
        previous: Option<Answers>,
        steps: Vec<Step>,
    ) -> (Ending, Answers, usize, Script) {
        let (q, r) = (questionnaire(), rubric());
        let mut script = Script::new(steps);
        let mut saves = 0;
        let mut interview = Interview::new(&q, start, previous).with_targets(&r);
        let ending = interview
            .run(&mut script, &mut |_: &Answers| -> Result<(), ()> {
                saves += 1;
                Ok(())
            })
            .unwrap();
        (ending, interview.into_answers(), saves, script)
    }

    fn all_answered() -> Answers {
        answers(
            json!({"a-1": {"value": 2}, "a-yn": {"value": "no"}, "b-1": {"value": 3}, "b-2": {"value": 4}}),
        )
    }

    #[test]
    fn targets_are_set_from_the_review_one_area_after_the_other() {
        let mut last_year = all_answered();
        last_year.targets.insert("b".into(), 4);
        let (ending, answers, saves, script) = play_targets(
            all_answered(),
            Some(last_year),
            vec![
                Step::R(ReviewChoice::Targets),
                Step::T(TargetReply::Set(3)),
                Step::T(TargetReply::Keep),
                Step::R(ReviewChoice::Finish),
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(answers.targets, [("a".to_string(), 3)].into());
        assert_eq!(saves, 2, "after the target, and at the finish");
        assert_eq!(
            script.targets,
            [
                ("a".into(), 1, 2, Some(2.0), None, None),
                ("b".into(), 2, 2, Some(3.5), None, Some(4)),
            ],
            "each area with its score so far and last year's target"
        );
        assert_eq!(
            script.review_targets,
            [(true, vec![None, None]), (true, vec![Some(3), None])]
        );
        assert!(script.ids().is_empty(), "no question is asked again");
    }

    #[test]
    fn a_target_can_be_removed_and_the_review_returned_to_at_any_area() {
        let mut start = all_answered();
        start.targets.insert("b".into(), 4);
        start.targets.insert("a".into(), 2);
        let (_, answers, _, script) = play_targets(
            start,
            None,
            vec![
                Step::R(ReviewChoice::Targets),
                Step::T(TargetReply::Clear),
                Step::T(TargetReply::Done),
                Step::R(ReviewChoice::Targets),
                Step::T(TargetReply::Set(7)),
                Step::T(TargetReply::Set(5)),
                Step::R(ReviewChoice::Finish),
            ],
        );
        // Level 7 is no target and leaves b as it was, until 5.
        assert_eq!(answers.targets, [("b".to_string(), 5)].into());
        assert_eq!(script.targets.len(), 4);
        assert_eq!(script.targets[3].4, Some(4), "b's target before it changed");
        // Targets keep the questionnaire's order whatever order they were set in.
        let mut reordered = all_answered();
        reordered.targets.insert("b".into(), 4);
        let (q, r) = (questionnaire(), rubric());
        let mut interview = Interview::new(&q, reordered, None).with_targets(&r);
        interview.set_target("a", Some(1));
        assert_eq!(
            interview.answers().targets.keys().collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn without_a_rubric_the_review_offers_no_targets() {
        let (_, _, _, script) = play(all_answered(), None, vec![Step::R(ReviewChoice::Finish)]);
        assert_eq!(script.review_targets, [(false, vec![None, None])]);
    }

    #[test]
    fn a_comment_is_kept_with_its_answer() {
        let (_, answers, _, _) = play(
            answers(json!({})),
            None,
            vec![
                Step::Q(Reply::Answer {
                    choice: Choice::Value(json!(3)),
                    comment: Some(" Beslut i RS ".into()),
                }),
                Step::Cancel,
            ],
        );
        assert_eq!(
            answers.answers["a-1"].comment.as_deref(),
            Some("Beslut i RS")
        );
    }
}
