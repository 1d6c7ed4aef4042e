//! A team's answers from its respondents' own. [`merge`] keeps every respondent's answer
//! beside the team's, proposes the team's answer by a rule (the median by default) and marks
//! the questions on which the respondents disagree as *split*, for the team to settle
//! (`interview::consensus`). Pure: answers in, answers out; the `merge` command reads and
//! writes the files.
//!
//! The rules, in full (`docs/team.md` says them for users):
//!
//! - *Ej tillämpligt* from more than half of those who answered makes the team's answer
//!   *Ej tillämpligt*; else, when nobody gave a value, it is *Vet ej*. *Vet ej* and *Ej
//!   tillämpligt* are never averaged into a value: they are counted, and kept.
//! - A scale or number question takes the median of the values, and with an even number of
//!   values the lower of the two middle ones, so that the team never claims more than half of
//!   it says; `min` takes the lowest.
//! - A yes/no or choice question takes the most common value; a tie goes to the more cautious
//!   one (fewer points in the rubric, else *nej* before *delvis* before *ja*, else the option
//!   listed first); `min` takes the most cautious value given.
//! - A text question is not merged: every respondent's text is kept, and the team's answer is
//!   empty.
//! - A scale question is split when at least `split_share` of those who gave a level are more
//!   than `split_distance` levels from the median. A yes/no, choice or number question is
//!   split when the values given are not all the same. Any question is split when some
//!   respondents say *Ej tillämpligt* and others give a value. *Vet ej* alone splits nothing.

use std::cmp::Ordering;
use std::path::Path;

use crate::answers::{Answer, Answers, Merge, Respondent, RespondentAnswer, Rule, Status, Value};
use crate::error::MergeProblem;
use crate::questionnaire::{NO, PARTLY, Question, QuestionKind, Questionnaire, YES};
use crate::scoring::{self, Rubric};

/// The share of respondents far from the median that splits a scale question by default: a
/// third (one of three).
pub const SPLIT_SHARE: f64 = 0.33;
/// How many levels from the median a respondent may be by default without counting as far.
pub const SPLIT_DISTANCE: u8 = 1;

/// Shares compare with this tolerance, so that 1 of 3 reaches 0.33 however it is rounded.
const EPSILON: f64 = 1e-9;

/// The team's answer to one question as the rule proposes it, and whether it is split.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposal {
    pub value: Option<Value>,
    pub status: Option<Status>,
    pub split: bool,
}

/// Proposes the team's answer to a question from the respondents' answers (those who left it
/// open are not among them). `rubric` orders the values of a yes/no or choice question by
/// their points, when it gives them.
pub fn propose(
    question: &Question,
    rubric: Option<&Rubric>,
    given: &[RespondentAnswer],
    merge: &Merge,
) -> Proposal {
    if question.kind == QuestionKind::Text || given.is_empty() {
        return Proposal::default();
    }
    // A question a blocker of the verdict looks at is settled cautiously: the lowest answer
    // is proposed and any disagreement marks it split, so that one person who sees the
    // blocker's substance fail is never outvoted unseen.
    if rubric.is_some_and(|r| r.blocks(&question.id)) {
        let cautious = Merge {
            rule: Rule::Min,
            split_share: f64::EPSILON,
            split_distance: 0,
            from: Vec::new(),
        };
        let mut proposal = propose_by(question, rubric, given, &cautious);
        let unknown = given.iter().any(|g| g.status == Some(Status::DontKnow));
        let known = given
            .iter()
            .any(|g| g.value.is_some() || g.status == Some(Status::NotApplicable));
        proposal.split |= unknown && known;
        return proposal;
    }
    propose_by(question, rubric, given, merge)
}

/// The team's answer by the merge's rule.
fn propose_by(
    question: &Question,
    rubric: Option<&Rubric>,
    given: &[RespondentAnswer],
    merge: &Merge,
) -> Proposal {
    let not_applicable = given
        .iter()
        .filter(|g| g.status == Some(Status::NotApplicable))
        .count();
    let values: Vec<&Value> = given
        .iter()
        .filter(|g| g.status.is_none())
        .filter_map(|g| g.value.as_ref())
        .collect();
    // Some say the question does not apply while others answer it: the team disagrees.
    let disputed = not_applicable > 0 && !values.is_empty();
    if not_applicable * 2 > given.len() {
        return Proposal {
            value: None,
            status: Some(Status::NotApplicable),
            split: disputed,
        };
    }
    if values.is_empty() {
        return Proposal {
            value: None,
            status: Some(Status::DontKnow),
            split: false,
        };
    }
    let (value, spread) = match question.kind {
        QuestionKind::Scale => scale(&values, merge),
        QuestionKind::Number => number(&values, merge.rule),
        _ => closed(question, rubric, &values, merge.rule),
    };
    Proposal {
        value,
        status: None,
        split: disputed || spread,
    }
}

/// The median (or lowest) level, and whether the levels spread too widely around the median.
fn scale(values: &[&Value], merge: &Merge) -> (Option<Value>, bool) {
    let mut levels: Vec<u8> = values.iter().filter_map(|v| v.as_level()).collect();
    levels.sort_unstable();
    let Some(&lowest) = levels.first() else {
        return (None, false);
    };
    let median = levels[(levels.len() - 1) / 2];
    let far = levels
        .iter()
        .filter(|&&l| l.abs_diff(median) > merge.split_distance)
        .count();
    let split = far > 0 && far as f64 + EPSILON >= merge.split_share * levels.len() as f64;
    let chosen = match merge.rule {
        Rule::Median => median,
        Rule::Min => lowest,
    };
    (Some(Value(chosen.into())), split)
}

/// The median (or lowest) number, as the respondent wrote it; split unless all agree.
fn number(values: &[&Value], rule: Rule) -> (Option<Value>, bool) {
    let mut numbers: Vec<(f64, &Value)> = values
        .iter()
        .filter_map(|v| v.as_number().map(|n| (n, *v)))
        .collect();
    numbers.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal));
    let Some(&(lowest, lowest_value)) = numbers.first() else {
        return (None, false);
    };
    let split = numbers
        .iter()
        .any(|(n, _)| (n - lowest).abs() > f64::EPSILON);
    let chosen = match rule {
        Rule::Median => numbers[(numbers.len() - 1) / 2].1,
        Rule::Min => lowest_value,
    };
    (Some(chosen.clone()), split)
}

/// The most common (or most cautious) value of a yes/no or choice question; split unless all
/// agree.
fn closed(
    question: &Question,
    rubric: Option<&Rubric>,
    values: &[&Value],
    rule: Rule,
) -> (Option<Value>, bool) {
    // Distinct values with how many gave each, in the order first given.
    let mut counted: Vec<(&Value, usize)> = Vec::new();
    for value in values {
        match counted.iter_mut().find(|(v, _)| v.key() == value.key()) {
            Some((_, count)) => *count += 1,
            None => counted.push((value, 1)),
        }
    }
    let split = counted.len() > 1;
    let caution = |value: &Value| caution(question, rubric, value);
    let chosen = counted.iter().min_by(|(a, count_a), (b, count_b)| {
        let by_count = match rule {
            Rule::Median => count_b.cmp(count_a),
            Rule::Min => Ordering::Equal,
        };
        by_count.then_with(|| {
            caution(a)
                .partial_cmp(&caution(b))
                .unwrap_or(Ordering::Equal)
        })
    });
    (chosen.map(|(v, _)| (*v).clone()), split)
}

/// How far a yes/no or choice value is from the cautious end: its points in the rubric when
/// it gives them; else *nej*, *delvis*, *ja* in that order; else the option's place in the
/// list.
fn caution(question: &Question, rubric: Option<&Rubric>, value: &Value) -> f64 {
    let rule = rubric
        .and_then(|r| r.question_rule(&question.id))
        .map(|(_, rule)| rule);
    if let Some(points) = rule
        .filter(|r| r.points.is_some())
        .and_then(|r| scoring::points(question, Some(r), value))
    {
        return points;
    }
    let key = value.key();
    if question.kind == QuestionKind::YesNo {
        return match key.as_str() {
            NO => 0.0,
            PARTLY => 1.0,
            YES => 2.0,
            _ => 3.0,
        };
    }
    question
        .options
        .iter()
        .position(|o| o.id == key)
        .map_or(f64::MAX, |p| p as f64)
}

/// The name of a file as kept in `merge.from`: without its folders.
fn file_name(shown: &str) -> String {
    Path::new(shown)
        .file_name()
        .map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The answers of a file, described for a message: `Region X 2025, tiopunkt 2025.1`.
fn described(answers: &Answers) -> String {
    let mut text = format!(
        "{} {}, {} {}",
        answers.region, answers.year, answers.questionnaire.id, answers.questionnaire.version
    );
    if let Some(solution) = &answers.solution {
        text.push_str(", ");
        text.push_str(&solution.name);
    }
    text
}

/// Merges respondents' files, each `(name as shown, answers)`, into the team's file. Every
/// file must be one respondent's answers to the same questionnaire version, for the same
/// region, year (and solution); the files should have passed `validate`.
pub fn merge(
    questionnaire: &Questionnaire,
    rubric: Option<&Rubric>,
    files: &[(String, Answers)],
    rules: &Merge,
) -> Result<Answers, MergeProblem> {
    if files.len() < 2 {
        return Err(MergeProblem::TooFew);
    }
    for (i, (file, answers)) in files.iter().enumerate() {
        if answers.is_team() {
            return Err(MergeProblem::AlreadyMerged { file: file.clone() });
        }
        if answers.respondents.len() != 1 {
            return Err(MergeProblem::Respondents {
                file: file.clone(),
                count: answers.respondents.len(),
            });
        }
        let (first_file, first) = &files[0];
        if described(answers) != described(first) {
            return Err(MergeProblem::OtherAnswers {
                file: file.clone(),
                found: described(answers),
                first: first_file.clone(),
                expected: described(first),
            });
        }
        let name = answers.respondents[0].name.trim();
        if let Some((earlier, _)) = files[..i]
            .iter()
            .find(|(_, a)| a.respondents[0].name.trim() == name)
        {
            return Err(MergeProblem::SameRespondent {
                file: file.clone(),
                first: earlier.clone(),
                name: name.to_string(),
            });
        }
    }
    let first = &files[0].1;
    let respondents: Vec<Respondent> = files
        .iter()
        .map(|(_, a)| Respondent {
            name: a.respondents[0].name.trim().to_string(),
            role: a.respondents[0].role.trim().to_string(),
        })
        .collect();
    let notes: Vec<Option<&String>> = files.iter().map(|(_, a)| a.note.as_ref()).collect();
    let mut team = Answers {
        format: crate::answers::FORMAT.to_string(),
        questionnaire: first.questionnaire.clone(),
        region: first.region.clone(),
        year: first.year,
        date: files.iter().filter_map(|(_, a)| a.date.clone()).max(),
        respondents: respondents.clone(),
        solution: first.solution.clone(),
        // A note every respondent's file shares (such as that the data are fictional) stays.
        note: notes
            .iter()
            .all(|n| *n == notes[0])
            .then(|| notes[0].cloned())
            .flatten(),
        example: files.iter().any(|(_, a)| a.example),
        // Targets are the team's: kept when every respondent's file sets the same.
        targets: if files.iter().all(|(_, a)| a.targets == first.targets) {
            first.targets.clone()
        } else {
            indexmap::IndexMap::new()
        },
        merge: Some(Merge {
            from: files.iter().map(|(file, _)| file_name(file)).collect(),
            ..rules.clone()
        }),
        answers: indexmap::IndexMap::new(),
        drafts: indexmap::IndexMap::new(),
        position: None,
    };
    for (_, question) in questionnaire.questions() {
        let given: Vec<RespondentAnswer> = files
            .iter()
            .zip(&respondents)
            .filter_map(|((_, answers), respondent)| {
                let answer = answers.get(&question.id)?;
                (answer.value.is_some() || answer.status.is_some()).then(|| RespondentAnswer {
                    name: respondent.name.clone(),
                    value: answer.value.clone(),
                    status: answer.status,
                    comment: answer.comment.clone(),
                    evidence: answer.evidence.clone(),
                })
            })
            .collect();
        if !given.is_empty() {
            team.answers.insert(
                question.id.clone(),
                Answer {
                    respondents: given,
                    ..Answer::default()
                },
            );
        }
    }
    refresh(questionnaire, rubric, &mut team);
    Ok(team)
}

/// Brings a team's answers in line with which questions are asked, in the questionnaire's
/// order: a question no longer asked (its condition does not hold under the team's answers)
/// loses the team's answer, and one asked without a team's answer gets the rule's proposal.
/// Answers the team settled, and answers it gave otherwise, stay as they are.
pub fn refresh(questionnaire: &Questionnaire, rubric: Option<&Rubric>, answers: &mut Answers) {
    let Some(merge) = answers.merge.clone() else {
        return;
    };
    for (_, question) in questionnaire.questions() {
        let asked = questionnaire.is_asked(question, answers);
        let Some(answer) = answers.answers.get_mut(&question.id) else {
            continue;
        };
        if !answer.respondents.is_empty() && answer.consensus.is_none() {
            let proposal = if !asked {
                Some(Proposal::default())
            } else if answer.value.is_none() && answer.status.is_none() {
                Some(propose(question, rubric, &answer.respondents, &merge))
            } else {
                None
            };
            if let Some(proposal) = proposal {
                answer.value = proposal.value;
                answer.status = proposal.status;
                answer.split = proposal.split;
            }
        }
        // Before the questions after it, whose conditions may look at it.
        carry_evidence(question, answer);
    }
}

/// Gives a team's answer that needs evidence (`evidence_required`) and has none the evidence
/// of the respondents who gave the same answer, each note once: without it the team's answer
/// would count as *Vet ej* although its respondents showed what it rests on.
fn carry_evidence(question: &Question, answer: &mut Answer) {
    if !question.lacks_evidence(answer) {
        return;
    }
    let mut notes: Vec<&str> = Vec::new();
    for given in &answer.respondents {
        let note = given.evidence.as_deref().map_or("", str::trim);
        if given.status.is_none()
            && given.value.is_some()
            && given.value == answer.value
            && !note.is_empty()
            && !notes.contains(&note)
        {
            notes.push(note);
        }
    }
    if !notes.is_empty() {
        answer.evidence = Some(notes.join("; "));
    }
}

/// The split questions the team has not settled yet, in the questionnaire's order.
pub fn open<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Vec<&'q Question> {
    questionnaire
        .questions()
        .map(|(_, q)| q)
        .filter(|q| {
            answers
                .get(&q.id)
                .is_some_and(|a| a.split && a.consensus.is_none())
                && questionnaire.is_asked(q, answers)
        })
        .collect()
}

/// How a respondent is named beside an answer: the role, when it is given and no other
/// respondent has it, else the name.
pub fn who(respondents: &[Respondent], name: &str) -> String {
    let role = respondents
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.role.trim())
        .filter(|role| !role.is_empty());
    match role {
        Some(role) if respondents.iter().filter(|r| r.role.trim() == role).count() == 1 => {
            role.to_string()
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::needless_pass_by_value)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::document::{Document, parse};

    /// One area with a question of every kind; `n` may be answered not applicable.
    fn questionnaire() -> Questionnaire {
        let text = |t: &str| json!({"sv": t, "en": t});
        let base = |id: &str, kind: &str| json!({"id": id, "kind": kind, "text": text(id), "help": text("h"), "evidence": text("e")});
        let mut scale = base("s", "scale");
        scale["levels"] = json!((0..6).map(|l| text(&format!("L{l}"))).collect::<Vec<_>>());
        scale["not_applicable"] = json!(true);
        let mut yes_no = base("yn", "yes_no");
        yes_no["partly"] = json!(true);
        let mut choice = base("c", "choice");
        choice["options"] = json!([{"id": "full", "label": text("full")},
            {"id": "some", "label": text("some")}, {"id": "none", "label": text("none")}]);
        let mut number = base("n", "number");
        number["integer"] = json!(true);
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "t", "version": "1", "kind": "maturity",
            "title": text("T"), "description": text("D"),
            "areas": [{"id": "a", "number": 1, "title": text("A"), "description": text("A"),
                "questions": [scale, yes_no, choice, number, base("x", "text")]}]
        });
        match parse(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    fn rules(rule: Rule) -> Merge {
        Merge {
            rule,
            split_share: SPLIT_SHARE,
            split_distance: SPLIT_DISTANCE,
            from: Vec::new(),
        }
    }

    /// Respondents' answers from JSON: a value, or "dk" / "na" for a status.
    fn given(answers: &[serde_json::Value]) -> Vec<RespondentAnswer> {
        answers
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let status = match a.as_str() {
                    Some("dk") => Some(Status::DontKnow),
                    Some("na") => Some(Status::NotApplicable),
                    _ => None,
                };
                RespondentAnswer {
                    name: format!("r{i}"),
                    value: status.is_none().then(|| Value(a.clone())),
                    status,
                    ..RespondentAnswer::default()
                }
            })
            .collect()
    }

    fn propose_for(id: &str, rule: Rule, answers: &[serde_json::Value]) -> Proposal {
        let q = questionnaire();
        propose(q.question(id).unwrap(), None, &given(answers), &rules(rule))
    }

    fn value(v: serde_json::Value, split: bool) -> Proposal {
        Proposal {
            value: Some(Value(v)),
            status: None,
            split,
        }
    }

    #[test]
    fn a_question_a_blocker_looks_at_is_settled_cautiously() {
        let q = crate::builtin::questionnaire("beredskap").unwrap().unwrap();
        let r = crate::builtin::rubric("beredskap").unwrap().unwrap();
        let (_, question) = q
            .questions()
            .find(|(_, question)| question.kind == QuestionKind::Scale && r.blocks(&question.id))
            .expect("a scale question a blocker looks at");
        // Four say 4, one says 0: the median would outvote the one; the blocker's question
        // proposes 0 and is split for the team to settle.
        let answers = given(&[json!(4), json!(4), json!(4), json!(4), json!(0)]);
        let proposal = propose(question, Some(&r), &answers, &rules(Rule::Median));
        assert_eq!(proposal, value(json!(0), true));
        // 3 and 4 are one level apart: split too, on a blocker's question.
        let proposal = propose(
            question,
            Some(&r),
            &given(&[json!(3), json!(4)]),
            &rules(Rule::Median),
        );
        assert_eq!(proposal, value(json!(3), true));
        // All agree: not split.
        let proposal = propose(
            question,
            Some(&r),
            &given(&[json!(4), json!(4)]),
            &rules(Rule::Median),
        );
        assert_eq!(proposal, value(json!(4), false));
    }

    #[test]
    fn a_unanimous_team_is_not_split() {
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(3), json!(3), json!(3)]),
            value(json!(3), false)
        );
        assert_eq!(
            propose_for("yn", Rule::Median, &[json!("yes"), json!("yes")]),
            value(json!("yes"), false)
        );
    }

    #[test]
    fn a_scale_question_is_split_when_a_third_is_far_from_the_median() {
        // 2 is the median; 4 is two levels from it, one of three respondents.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(2), json!(4), json!(2)]),
            value(json!(2), true)
        );
        // One level from the median is not far.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(2), json!(3), json!(2)]),
            value(json!(2), false)
        );
        // One far of four is less than a third.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(2), json!(2), json!(2), json!(5)]),
            value(json!(2), false)
        );
        // The rule can ask for more: at least half, or more than two levels.
        let q = questionnaire();
        let s = q.question("s").unwrap();
        let answers = given(&[json!(1), json!(3), json!(3)]);
        let half = Merge {
            split_share: 0.5,
            ..rules(Rule::Median)
        };
        assert!(!propose(s, None, &answers, &half).split);
        let wide = Merge {
            split_distance: 2,
            ..rules(Rule::Median)
        };
        assert!(!propose(s, None, &answers, &wide).split);
        assert!(propose(s, None, &answers, &rules(Rule::Median)).split);
    }

    #[test]
    fn with_an_even_count_the_lower_middle_is_taken() {
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(4), json!(2)]),
            value(json!(2), true)
        );
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(1), json!(3), json!(4), json!(4)]),
            value(json!(3), false)
        );
        assert_eq!(
            propose_for(
                "n",
                Rule::Median,
                &[json!(10), json!(40), json!(20), json!(30)]
            ),
            value(json!(20), true)
        );
    }

    #[test]
    fn min_takes_the_lowest() {
        assert_eq!(
            propose_for("s", Rule::Min, &[json!(3), json!(1), json!(3)]),
            value(json!(1), true)
        );
        assert_eq!(
            propose_for(
                "yn",
                Rule::Min,
                &[json!("yes"), json!("partly"), json!("yes")]
            ),
            value(json!("partly"), true)
        );
    }

    #[test]
    fn all_dont_know_is_dont_know_and_not_split() {
        assert_eq!(
            propose_for("s", Rule::Median, &[json!("dk"), json!("dk"), json!("dk")]),
            Proposal {
                value: None,
                status: Some(Status::DontKnow),
                split: false
            }
        );
    }

    #[test]
    fn dont_know_is_counted_not_averaged() {
        // The two who know decide; the one who does not splits nothing.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!("dk"), json!(4), json!(4)]),
            value(json!(4), false)
        );
        // Of the two who know, one is two levels from the other: split, whatever the third.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(1), json!("dk"), json!(3)]),
            value(json!(1), true)
        );
    }

    #[test]
    fn one_not_applicable_among_values_is_a_split() {
        assert_eq!(
            propose_for("s", Rule::Median, &[json!(3), json!("na"), json!(3)]),
            value(json!(3), true)
        );
        // A majority saying not applicable makes it so, and the values are kept apart.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!("na"), json!(2), json!("na")]),
            Proposal {
                value: None,
                status: Some(Status::NotApplicable),
                split: true
            }
        );
        // Half is no majority: with one don't know beside it, the team does not know.
        assert_eq!(
            propose_for("s", Rule::Median, &[json!("na"), json!("dk")]),
            Proposal {
                value: None,
                status: Some(Status::DontKnow),
                split: false
            }
        );
    }

    #[test]
    fn a_yes_no_disagreement_is_split_and_a_tie_is_cautious() {
        assert_eq!(
            propose_for(
                "yn",
                Rule::Median,
                &[json!("yes"), json!("no"), json!("yes")]
            ),
            value(json!("yes"), true)
        );
        assert_eq!(
            propose_for("yn", Rule::Median, &[json!("yes"), json!("partly")]),
            value(json!("partly"), true)
        );
        assert_eq!(
            propose_for("c", Rule::Median, &[json!("none"), json!("some")]),
            value(json!("some"), true),
            "without points, the option listed first"
        );
    }

    #[test]
    fn a_number_is_split_unless_all_agree() {
        assert_eq!(
            propose_for("n", Rule::Median, &[json!(12), json!(12)]),
            value(json!(12), false)
        );
        assert_eq!(
            propose_for("n", Rule::Median, &[json!(12), json!(13), json!(12)]),
            value(json!(12), true)
        );
    }

    #[test]
    fn text_is_kept_but_not_merged() {
        assert_eq!(
            propose_for("x", Rule::Median, &[json!("a"), json!("b")]),
            Proposal::default()
        );
    }

    fn respondent(name: &str, role: &str, values: serde_json::Value) -> Answers {
        let value = json!({"format": "mognad.answers/1", "questionnaire": {"id": "t", "version": "1"},
            "region": "R", "year": 2025, "date": "2025-10-01",
            "respondents": [{"name": name, "role": role}], "answers": values});
        match parse(&value.to_string()).unwrap() {
            Document::Answers(a) => a,
            _ => unreachable!(),
        }
    }

    #[test]
    fn merge_keeps_every_answer_and_proposes_the_team_s() {
        let q = questionnaire();
        let files = vec![
            (
                "a/cio.json".to_string(),
                respondent(
                    "Ann",
                    "CIO",
                    json!({"s": {"value": 2, "comment": "Plan"}, "x": {"value": "a"}}),
                ),
            ),
            (
                "b/cmio.json".to_string(),
                respondent(
                    "Bo",
                    "CMIO",
                    json!({"s": {"value": 4}, "yn": {"value": "no"}}),
                ),
            ),
            (
                "ciso.json".to_string(),
                respondent("Cy", "CISO", json!({"s": {"status": "dont_know"}})),
            ),
        ];
        let team = merge(&q, None, &files, &rules(Rule::Median)).unwrap();
        assert_eq!(team.respondents.len(), 3);
        let merged = team.merge.as_ref().unwrap();
        assert_eq!(merged.from, ["cio.json", "cmio.json", "ciso.json"]);
        let s = &team.answers["s"];
        assert_eq!(
            s.value,
            Some(Value(json!(2))),
            "the lower middle of 2 and 4"
        );
        assert!(s.split);
        let names: Vec<&str> = s.respondents.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Ann", "Bo", "Cy"]);
        assert_eq!(s.respondents[0].comment.as_deref(), Some("Plan"));
        assert_eq!(s.respondents[2].status, Some(Status::DontKnow));
        assert_eq!(team.answers["yn"].value, Some(Value(json!("no"))));
        assert!(!team.answers["yn"].split, "one answer is no disagreement");
        assert_eq!(team.answers["x"].value, None);
        assert!(!team.answers.contains_key("c"), "nobody answered it");
        assert!(
            crate::validate::answers(&team, &q)
                .iter()
                .all(|p| p.severity() == crate::problem::Severity::Warning)
        );
    }

    #[test]
    fn a_team_s_answer_that_needs_evidence_takes_its_respondents_evidence() {
        let mut q = questionnaire();
        let yn = q
            .areas
            .iter_mut()
            .flat_map(|a| a.questions.iter_mut())
            .find(|question| question.id == "yn")
            .unwrap();
        yn.evidence_required = vec!["no".into()];
        let files = vec![
            (
                "a.json".to_string(),
                respondent(
                    "Ann",
                    "CIO",
                    json!({"yn": {"value": "no", "evidence": "Avtal 12"}}),
                ),
            ),
            (
                "b.json".to_string(),
                respondent(
                    "Bo",
                    "CMIO",
                    json!({"yn": {"value": "no", "evidence": " Avtal 12 "}}),
                ),
            ),
            (
                "c.json".to_string(),
                respondent("Cy", "CISO", json!({"yn": {"value": "no"}})),
            ),
        ];
        let team = merge(&q, None, &files, &rules(Rule::Median)).unwrap();
        assert_eq!(team.answers["yn"].value, Some(Value(json!("no"))));
        assert_eq!(team.answers["yn"].evidence.as_deref(), Some("Avtal 12"));
        // Nobody's evidence: the team's No has none, and counts as Vet ej.
        let files: Vec<_> = files
            .into_iter()
            .map(|(file, mut answers)| {
                answers.answers["yn"].evidence = None;
                (file, answers)
            })
            .collect();
        let team = merge(&q, None, &files, &rules(Rule::Median)).unwrap();
        assert_eq!(team.answers["yn"].evidence, None);
    }

    #[test]
    fn refreshing_keeps_what_the_team_answered() {
        let q = questionnaire();
        let files = vec![
            (
                "a.json".to_string(),
                respondent("Ann", "CIO", json!({"s": {"value": 2}})),
            ),
            (
                "b.json".to_string(),
                respondent("Bo", "CMIO", json!({"s": {"value": 4}})),
            ),
        ];
        let mut team = merge(&q, None, &files, &rules(Rule::Median)).unwrap();
        team.answers["s"].value = Some(Value(json!(3)));
        refresh(&q, None, &mut team);
        assert_eq!(team.answers["s"].value, Some(Value(json!(3))));
        team.answers["s"].value = None;
        refresh(&q, None, &mut team);
        assert_eq!(
            team.answers["s"].value,
            Some(Value(json!(2))),
            "proposed again"
        );
    }

    #[test]
    fn merge_refuses_what_does_not_belong_together() {
        let q = questionnaire();
        let one = ("a.json".to_string(), respondent("Ann", "CIO", json!({})));
        let two = ("b.json".to_string(), respondent("Bo", "CMIO", json!({})));
        let refuse = |files: Vec<(String, Answers)>| merge(&q, None, &files, &rules(Rule::Median));
        assert!(matches!(
            refuse(vec![one.clone()]),
            Err(MergeProblem::TooFew)
        ));
        let mut other = two.clone();
        other.1.region = "S".into();
        assert!(matches!(
            refuse(vec![one.clone(), other]),
            Err(MergeProblem::OtherAnswers { file, .. }) if file == "b.json"
        ));
        let again = ("c.json".to_string(), respondent("Ann", "CISO", json!({})));
        assert!(matches!(
            refuse(vec![one.clone(), two.clone(), again]),
            Err(MergeProblem::SameRespondent { file, first, .. }) if file == "c.json" && first == "a.json"
        ));
        let team = merge(&q, None, &[one.clone(), two.clone()], &rules(Rule::Median)).unwrap();
        assert!(matches!(
            refuse(vec![one.clone(), ("team.json".into(), team)]),
            Err(MergeProblem::AlreadyMerged { file }) if file == "team.json"
        ));
        let mut nobody = two;
        nobody.1.respondents.clear();
        assert!(matches!(
            refuse(vec![one, nobody]),
            Err(MergeProblem::Respondents { count: 0, .. })
        ));
    }

    #[test]
    fn a_role_names_a_respondent_unless_two_share_it() {
        let people = [
            Respondent {
                name: "Ann".into(),
                role: "CIO".into(),
            },
            Respondent {
                name: "Bo".into(),
                role: "Läkare".into(),
            },
            Respondent {
                name: "Cy".into(),
                role: "Läkare".into(),
            },
        ];
        assert_eq!(who(&people, "Ann"), "CIO");
        assert_eq!(who(&people, "Bo"), "Bo");
    }
}
