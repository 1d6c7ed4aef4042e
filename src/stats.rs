//! Descriptive statistics of a national distribution: count, mean, median, quartiles, range.
//! Quartiles are interpolated between the nearest ranks, as Excel's `KVARTIL.INK`
//! (`QUARTILE.INC`) and R's default compute them, so a coordinator can check every figure in a
//! spreadsheet.

use serde::{Deserialize, Serialize};

/// The summary of a set of values.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
    pub min: f64,
    pub max: f64,
}

/// The summary of the values, or `None` when there are none.
pub fn summary(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mean = sorted.iter().sum::<f64>() / n as f64;
    Some(Summary {
        n,
        mean,
        median: quantile(&sorted, 0.5),
        q1: quantile(&sorted, 0.25),
        q3: quantile(&sorted, 0.75),
        min: sorted[0],
        max: sorted[n - 1],
    })
}

/// The `p` quantile of sorted values, linearly interpolated between the ranks around
/// `(n − 1) · p`.
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let position = (sorted.len() - 1) as f64 * p;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let fraction = position - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * fraction
}

/// Rounds to two decimals, half away from zero: what the national reference stores.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn an_odd_count_has_a_middle_value() {
        // Sorted: 1 2 3 4 5 → median 3; q1 at rank 1 → 2; q3 at rank 3 → 4.
        let s = summary(&[5.0, 1.0, 4.0, 2.0, 3.0]).unwrap();
        assert_eq!(s.n, 5);
        assert!(close(s.mean, 3.0));
        assert!(close(s.median, 3.0));
        assert!(close(s.q1, 2.0));
        assert!(close(s.q3, 4.0));
        assert!(close(s.min, 1.0) && close(s.max, 5.0));
    }

    #[test]
    fn an_even_count_interpolates() {
        // Sorted: 1 2 4 7 → median at rank 1.5 → 3; q1 at rank 0.75 → 1.75;
        // q3 at rank 2.25 → 4.75 (as KVARTIL.INK gives).
        let s = summary(&[7.0, 1.0, 2.0, 4.0]).unwrap();
        assert!(close(s.median, 3.0));
        assert!(close(s.q1, 1.75));
        assert!(close(s.q3, 4.75));
        assert!(close(s.mean, 3.5));
    }

    #[test]
    fn ties_and_a_single_value() {
        let s = summary(&[2.0, 2.0, 2.0, 3.0]).unwrap();
        assert!(close(s.median, 2.0));
        assert!(close(s.q1, 2.0));
        assert!(close(s.q3, 2.25));
        let one = summary(&[1.5]).unwrap();
        assert!(close(one.q1, 1.5) && close(one.median, 1.5) && close(one.q3, 1.5));
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert!(close(round2(2.345_000_1), 2.35));
        assert!(close(round2(1.004), 1.0));
        assert!(close(round2(2.125), 2.13));
    }
}
