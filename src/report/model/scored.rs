//! A questionnaire's part scored: this year's scorecard, earlier years' and the comparison
//! with last year, and the nation it is compared with.

use super::words::Words;
use super::{Part, Scale};
use crate::compare::{self, Comparison};
use crate::national::{National, Section, Stat};
use crate::scoring::{self, AreaScore, Scorecard};

/// The nation a maturity profile is compared with: the reference and its section for the
/// questionnaire.
pub(super) struct Nation<'a> {
    pub(super) reference: &'a National,
    pub(super) section: &'a Section,
}

impl Nation<'_> {
    pub(super) fn area(&self, id: &str) -> Option<&Stat> {
        self.section.area(id)
    }

    /// "21 regioner 2025" or "21 regioner 2025, exempeldata".
    pub(super) fn described(&self, w: &Words) -> String {
        let mut text = format!(
            "{} {}",
            w.lang.regions(self.section.regions.len()),
            self.reference.year
        );
        if self.reference.example {
            text.push_str(&w.t(", exempeldata", ", example data"));
        }
        text
    }
}

/// Where a score stands in the national distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Position {
    Below,
    Middle,
    Above,
}

pub(super) fn position(score: f64, (q1, _, q3): (f64, f64, f64)) -> Position {
    if score < q1 {
        Position::Below
    } else if score > q3 {
        Position::Above
    } else {
        Position::Middle
    }
}

impl Position {
    pub(super) fn words(self, w: &Words) -> String {
        match self {
            Position::Below => w.t("nedre fjärdedelen", "bottom quarter"),
            Position::Middle => w.t("mittenhalvan", "middle half"),
            Position::Above => w.t("övre fjärdedelen", "top quarter"),
        }
    }
}

/// A scored part: this year's scorecard and earlier years', oldest first, and the comparison
/// with last year.
pub(super) struct Scored<'a> {
    pub(super) part: &'a Part<'a>,
    pub(super) card: Scorecard,
    /// Each earlier year's scorecard of the answers that carry into today's questionnaire,
    /// and whether that year answered another version.
    pub(super) history: Vec<(i32, Scorecard, bool)>,
    /// Last year against this year, as `mognad compare` makes it: on another version, both
    /// years are scored on the questions that continue.
    pub(super) comparison: Option<Comparison>,
    /// The scale the rubric's scores run on.
    pub(super) scale: Scale,
}

impl<'a> Scored<'a> {
    pub(super) fn new(part: &'a Part<'a>) -> Self {
        let card = scoring::score(part.questionnaire, part.rubric, part.answers);
        let mut history: Vec<(i32, Scorecard, bool)> = part
            .previous
            .iter()
            .filter(|p| p.year < part.answers.year)
            .map(|p| {
                let carried = compare::carry(p, part.questionnaire);
                (
                    p.year,
                    scoring::score(part.questionnaire, part.rubric, &carried.answers),
                    !carried.same_version,
                )
            })
            .collect();
        history.sort_by_key(|(year, _, _)| *year);
        history.dedup_by_key(|(year, _, _)| *year);
        // Progress toward the targets is measured from last year.
        let card = match history.last() {
            Some((_, last, _)) => scoring::with_progress(card, last),
            None => card,
        };
        let comparison = part
            .previous
            .iter()
            .filter(|p| p.year < part.answers.year)
            .max_by_key(|p| p.year)
            .map(|last| compare::compare(part.questionnaire, part.rubric, last, part.answers));
        Scored {
            scale: Scale::of(part.rubric),
            part,
            card,
            history,
            comparison,
        }
    }

    /// An area's score last year, as compared with this year's.
    pub(super) fn then(&self, id: &str) -> Option<f64> {
        self.area_change(id).and_then(|a| a.then)
    }

    /// An area's change since last year, when it can be compared.
    pub(super) fn change(&self, id: &str) -> Option<f64> {
        self.area_change(id).and_then(|a| a.change)
    }

    pub(super) fn area_change(&self, id: &str) -> Option<&compare::AreaChange> {
        self.comparison
            .as_ref()
            .and_then(|c| c.areas.iter().find(|a| a.id == id))
    }

    pub(super) fn last_year(&self) -> Option<&(i32, Scorecard, bool)> {
        self.history.last()
    }

    pub(super) fn scored_areas(&self) -> impl Iterator<Item = &AreaScore> {
        self.card.areas.iter().filter(|a| a.scored)
    }
}

/// An area's score in an earlier year's scorecard.
pub(super) fn previous_score(history: Option<&(i32, Scorecard, bool)>, id: &str) -> Option<f64> {
    history
        .and_then(|(_, card, _)| card.areas.iter().find(|a| a.id == id))
        .and_then(|a| a.score)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::example;
    use super::super::{Block, Inputs, Part, build};
    use crate::builtin;
    use crate::lang::Lang;
    use crate::published::Published;

    #[test]
    fn last_year_on_another_version_is_compared_only_through_continuations() {
        // Today's questionnaire is a new version in which only area a1's questions declare
        // that they continue last year's.
        let mut tq = builtin::questionnaire_at("tiopunkt", "2025.1")
            .unwrap()
            .unwrap();
        tq.version = "2026.1".into();
        for question in &mut tq.areas[0].questions {
            question.continues = vec![question.id.clone()];
        }
        let tr = builtin::rubric_at("tiopunkt", "2025.1").unwrap().unwrap();
        let mut now = example("exempelland-tiopunkt-2025.json");
        now.questionnaire.version = "2026.1".into();
        now.questionnaire.hash = None;
        let then = example("exempelland-tiopunkt-2024.json");
        let published = Published::builtin();
        let report = build(&Inputs {
            lang: Lang::Sv,
            classification: "Intern".into(),
            today: jiff::civil::date(2025, 11, 1),
            parts: vec![Part {
                questionnaire: &tq,
                rubric: &tr,
                answers: &now,
                previous: vec![&then],
            }],
            published: &published,
            national: None,
        });
        let bars = report
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                Block::ScoreBars { bars, .. } => Some(bars),
                _ => None,
            })
            .unwrap();
        assert!(bars.rows[0].previous.is_some(), "area 1 continues");
        assert!(
            bars.rows[1..].iter().all(|r| r.previous.is_none()),
            "no other area declares a continuation"
        );
        let trend = report
            .pages
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                Block::Trend(trend) => Some(trend),
                _ => None,
            })
            .unwrap();
        assert_eq!(trend.version_changed, vec![2024]);
        assert!(trend.lines[0].1[0].is_some() && trend.lines[1].1[0].is_none());
    }
}
