//! The scale a profile's scores are shown on: from the lowest score the rubric can give to the
//! highest, in whole points. With the built-in rubrics that is 0–5; a rubric whose levels run
//! 0–3, as OWASP SAMM's do, or 1–4, and whose points follow them, is shown on its own scale.

use serde::Serialize;

use crate::scoring::Rubric;
use crate::scoring::rubric::{Aggregation, Points};

/// The lowest and the highest score, whole numbers within 0–5.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scale {
    pub low: f64,
    pub high: f64,
}

impl Scale {
    /// The questionnaire format's own scale, 0–5.
    pub const FULL: Scale = Scale {
        low: 0.0,
        high: 5.0,
    };

    /// The scale of `rubric`: the range of points its questions can give, widened to whole
    /// numbers and to the top level's lowest score.
    pub fn of(rubric: &Rubric) -> Scale {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for area in &rubric.areas {
            let mut top = 0.0;
            for question in &area.questions {
                // A scale question without its own points gets its level, 0–5.
                let (l, h) = match &question.points {
                    Some(Points::Table(table)) => table
                        .values()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &p| {
                            (l.min(p), h.max(p))
                        }),
                    Some(Points::Bands(bands)) => bands
                        .iter()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), b| {
                            (l.min(b.points), h.max(b.points))
                        }),
                    None => (0.0, 5.0),
                };
                low = low.min(l);
                high = high.max(h);
                top += question.weight * h;
            }
            if area.aggregation == Aggregation::Sum {
                high = high.max(top.min(5.0));
            }
            if let Some(band) = area.levels(rubric).last() {
                high = high.max(band.min);
            }
        }
        let (low, high) = (low.floor().max(0.0), high.ceil().min(5.0));
        if low.is_finite() && high.is_finite() && high - low >= 1.0 {
            Scale { low, high }
        } else {
            Scale::FULL
        }
    }

    /// Where `value` lies on the scale, from 0 at the low end to 1 at the high end.
    pub fn share(&self, value: f64) -> f64 {
        ((value - self.low) / (self.high - self.low)).clamp(0.0, 1.0)
    }

    /// Every whole number of the scale, lowest first.
    pub fn steps(&self) -> impl Iterator<Item = f64> {
        let (low, high) = (self.low as i32, self.high as i32);
        (low..=high).map(f64::from)
    }

    /// "0–5".
    pub fn words(&self) -> String {
        format!("{}–{}", self.low, self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::document::{Document, parse};

    fn rubric(levels: &[(u8, f64)], points: &serde_json::Value) -> Rubric {
        let text = serde_json::json!({ "sv": "x", "en": "x" });
        let json = serde_json::json!({
            "format": "mognad.rubric/1", "id": "r", "version": "1", "title": text,
            "questionnaire": { "id": "q", "versions": ["1"] }, "coverage": { "min": 0.5 },
            "levels": levels.iter().map(|(l, min)| serde_json::json!({ "level": l, "min": min, "name": text })).collect::<Vec<_>>(),
            "areas": [{ "area": "a", "aggregation": "weighted_mean",
                        "questions": [{ "question": "a-1", "points": points }] }],
            "overall": { "aggregation": "weighted_mean", "min_areas": 1 }
        });
        let Ok(Document::Rubric(rubric)) = parse(&json.to_string()) else {
            panic!("a rubric")
        };
        rubric
    }

    #[test]
    fn the_built_in_rubrics_are_shown_on_0_to_5() {
        for id in ["tiopunkt", "beredskap"] {
            let rubric = builtin::rubric(id).unwrap().unwrap();
            assert_eq!(Scale::of(&rubric), Scale::FULL, "{id}");
        }
    }

    #[test]
    fn a_rubric_of_its_own_scale_is_shown_on_it() {
        let samm = rubric(
            &[(0, 0.0), (1, 1.0), (2, 2.0), (3, 3.0)],
            &serde_json::json!({ "0": 0, "1": 1, "2": 2, "3": 3, "4": 3, "5": 3 }),
        );
        assert_eq!(
            Scale::of(&samm),
            Scale {
                low: 0.0,
                high: 3.0
            }
        );
        let from_one = rubric(
            &[(1, 0.0), (2, 2.0), (3, 3.0), (4, 4.0)],
            &serde_json::json!({ "0": 1, "1": 1, "2": 2, "3": 3, "4": 4, "5": 4 }),
        );
        let scale = Scale::of(&from_one);
        assert_eq!(
            scale,
            Scale {
                low: 1.0,
                high: 4.0
            }
        );
        assert_eq!(scale.words(), "1–4");
        assert_eq!(scale.steps().collect::<Vec<_>>(), [1.0, 2.0, 3.0, 4.0]);
        assert!((scale.share(2.5) - 0.5).abs() < 1e-9);
        assert!(
            scale.share(0.5).abs() < 1e-9,
            "below the scale is at its low end"
        );
        // Levels of their own over points of 0–5 leave the scale at 0–5.
        let spread = rubric(
            &[(0, 0.0), (1, 1.3), (2, 2.5), (3, 3.8)],
            &serde_json::Value::Null,
        );
        assert_eq!(Scale::of(&spread), Scale::FULL);
    }
}
