//! Targets on the scorecard: how far each area is from the level the team means to reach
//! (`gap`), and how much of the way from an earlier year's score it has come (`progress`).
//!
//! A target is a whole level. What it asks of the score is that level's threshold in the
//! area's levels, so "reached" always agrees with the level shown: with the built-in levels,
//! target 3 asks for a score of 3,0. Pure: values in, values out.

use indexmap::IndexMap;

use crate::scoring::rubric::{LevelBand, Rubric};
use crate::scoring::scorecard::{AreaScore, EPSILON, Scorecard, TargetSummary, round1};

/// The lowest score at a target level: the threshold of the first of `levels` (lowest first)
/// at or above it, or the level itself when the levels stop short of it.
pub fn threshold(target: u8, levels: &[LevelBand]) -> f64 {
    levels
        .iter()
        .find(|band| band.level >= target)
        .map_or(f64::from(target), |band| band.min)
}

/// How far a score is below a target's threshold, rounded as scores are; 0 once reached.
pub fn gap(score: f64, threshold: f64) -> f64 {
    // Adding 0.0 turns a negative zero into zero, which would print as "-0.0".
    round1((threshold - score).max(0.0)) + 0.0
}

/// The share 0–1 of the way from the earlier score (`then`) to a target's threshold that the
/// score now has gone, rounded to four decimals. None without an earlier score, and when the
/// earlier score had already reached the target, since there was no way left to go. A fall
/// counts as none of the way, and passing the target as all of it.
pub fn progress(then: Option<f64>, now: f64, threshold: f64) -> Option<f64> {
    let then = then?;
    let way = threshold - then;
    if way <= EPSILON {
        return None;
    }
    let share = ((now - then) / way).clamp(0.0, 1.0);
    // Scores have one decimal, so 2,2 → 2,5 toward 3 is 0,3 of 0,8: 37,5 %, which floating
    // point would otherwise make 37,4999… and show as 37 %.
    Some((share * 10_000.0).round() / 10_000.0)
}

/// Sets each scored area's target and gap from `targets` (area id → level), and returns how
/// the areas stand, or `None` when no scored area has a target. Targets on areas the rubric
/// does not score are passed over; `validate` warns of them.
pub(crate) fn apply(
    areas: &mut [AreaScore],
    rubric: &Rubric,
    targets: &IndexMap<String, u8>,
) -> Option<TargetSummary> {
    let mut summary = TargetSummary {
        set: 0,
        reached: 0,
        since: None,
    };
    for area in areas.iter_mut() {
        let (Some(rule), Some(&target)) = (rubric.area_rule(&area.id), targets.get(&area.id))
        else {
            continue;
        };
        let at = threshold(target, rule.levels(rubric));
        area.target = Some(target);
        area.target_score = Some(at);
        area.gap = area.score.map(|score| gap(score, at));
        summary.set += 1;
        summary.reached += usize::from(area.gap == Some(0.0));
    }
    (summary.set > 0).then_some(summary)
}

/// The scorecard with each target's progress since an earlier year's scorecard of the same
/// region: the earlier score is the one shown for the area that year.
pub fn with_progress(mut card: Scorecard, earlier: &Scorecard) -> Scorecard {
    let Some(summary) = card.targets.as_mut() else {
        return card;
    };
    summary.since = Some(earlier.year);
    for area in &mut card.areas {
        let then = earlier
            .areas
            .iter()
            .find(|a| a.id == area.id)
            .and_then(|a| a.score);
        area.progress = match (area.score, area.target_score) {
            (Some(now), Some(at)) => progress(then, now, at),
            _ => None,
        };
    }
    card
}

/// Where an area's next step comes when targets exist: areas short of their target first,
/// then areas without a target, then areas that have reached theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    Short,
    /// No target, or a target but no score to measure it by.
    NoTarget,
    Reached,
}

pub fn standing(area: &AreaScore) -> Standing {
    match area.gap {
        Some(gap) if gap > 0.0 => Standing::Short,
        Some(_) => Standing::Reached,
        None => Standing::NoTarget,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::lang::Text;

    fn levels() -> Vec<LevelBand> {
        (0..=5)
            .map(|level| LevelBand {
                level,
                min: f64::from(level),
                name: Text::new("N", "L"),
            })
            .collect()
    }

    #[test]
    fn a_target_asks_for_its_level_threshold() {
        assert_eq!(threshold(3, &levels()), 3.0);
        let mut custom = levels();
        custom[3].min = 2.8;
        assert_eq!(threshold(3, &custom), 2.8);
        // Levels that stop short of the target: the level itself.
        assert_eq!(threshold(5, &custom[..4]), 5.0);
    }

    #[test]
    fn the_gap_is_what_is_left_and_never_below_zero() {
        assert_eq!(gap(2.4, 3.0), 0.6);
        assert_eq!(gap(1.8, 3.0), 1.2);
        assert_eq!(gap(3.0, 3.0), 0.0);
        assert_eq!(gap(3.4, 3.0), 0.0);
        assert!(gap(3.4, 3.0).is_sign_positive(), "no negative zero");
    }

    #[test]
    fn without_an_earlier_year_there_is_no_progress() {
        assert_eq!(progress(None, 2.4, 3.0), None);
    }

    #[test]
    fn when_the_earlier_year_had_reached_the_target_there_is_no_progress() {
        assert_eq!(progress(Some(3.0), 3.2, 3.0), None);
        assert_eq!(progress(Some(3.5), 2.5, 3.0), None);
    }

    #[test]
    fn progress_is_the_share_of_the_way_gone() {
        // 1,6 → 2,2 toward 3: 0,6 of 1,4.
        assert_eq!(progress(Some(1.6), 2.2, 3.0), Some(0.4286));
        assert_eq!(progress(Some(2.2), 2.5, 3.0), Some(0.375));
        assert_eq!(progress(Some(2.0), 2.0, 3.0), Some(0.0));
    }

    #[test]
    fn reaching_the_target_is_all_the_way_and_passing_it_no_more() {
        assert_eq!(progress(Some(2.0), 3.0, 3.0), Some(1.0));
        assert_eq!(progress(Some(1.6), 3.4, 3.0), Some(1.0));
    }

    #[test]
    fn a_fall_is_none_of_the_way() {
        assert_eq!(progress(Some(2.3), 2.0, 3.0), Some(0.0));
    }
}
