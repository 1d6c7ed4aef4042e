use super::*;
use crate::national::Row;
use crate::published::Published;

/// The edition the example nation answered in 2024 and 2025.
fn questionnaire() -> Questionnaire {
    crate::builtin::questionnaire_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap()
}

/// The example nation's rows for a year, as `benchmark` keeps them.
fn rows(q: &Questionnaire, year: i32) -> Vec<Row> {
    let rubric = crate::builtin::rubric_at("tiopunkt", &q.version)
        .unwrap()
        .unwrap();
    let newest = crate::builtin::questionnaire("tiopunkt").unwrap().unwrap();
    crate::demo::nation(q, &newest, &Published::builtin())
        .iter()
        .filter(|a| a.year == year)
        .map(|a| Row::new(q, a, &crate::scoring::score(q, &rubric, a)))
        .collect()
}

fn report(q: &Questionnaire, years: &[(i32, Vec<Row>)], k: u32) -> NationalReport {
    let groups: Vec<(i32, Vec<Group>)> = years
        .iter()
        .map(|(y, rows)| {
            (
                *y,
                vec![Group {
                    questionnaire: q,
                    rubric: None,
                    rows: rows.clone(),
                }],
            )
        })
        .collect();
    let years: Vec<Year> = groups
        .iter()
        .map(|(year, groups)| Year {
            year: *year,
            groups,
        })
        .collect();
    build(
        &years,
        &Options {
            min_regions: k,
            named: false,
            published: &Published::builtin(),
        },
    )
}

#[test]
fn the_rule_withholds_small_counts_and_small_complements() {
    assert_eq!(disclosure([10, 11], 21, 5), None);
    assert_eq!(disclosure([20, 1], 21, 5), Some(Reason::Complement));
    assert_eq!(disclosure([1, 20], 21, 5), Some(Reason::Complement));
    assert_eq!(disclosure([0, 21], 21, 5), Some(Reason::Complement));
    assert_eq!(disclosure([0, 8, 13], 21, 5), None);
    assert_eq!(disclosure([16, 5], 21, 5), None);
    assert_eq!(disclosure([17, 4], 21, 5), Some(Reason::Complement));
    assert_eq!(disclosure([2, 2], 4, 5), Some(Reason::FewRegions));
}

/// Whether a published row of counts lets a reader who knows the answers of fewer than `k`
/// regions work out another region's answer, checked by trying every such reader's
/// knowledge: the reader subtracts the answers it knows, and learns another region's answer
/// when every region left gave the same answer, or when a count it cannot see follows by
/// subtraction from those it can.
fn reveals(counts: &IndexMap<String, u32>, n: u32, values: usize, k: u32) -> bool {
    if counts.is_empty() {
        return false;
    }
    if counts.len() != values {
        return true;
    }
    // A reader knows at most k − 1 regions' answers; the worst for the others is that it
    // knows exactly the regions that did not give one answer.
    counts.values().any(|&c| c > 0 && n - c < k && c < n)
        || counts.values().any(|&c| c > 0 && c < k)
        || counts.values().any(|&c| c == n && n > 0)
}

/// Sets the answer to an indicator question for the first `yes` rows, `no` for the rest.
fn answer(rows: &mut [Row], indicator: usize, yes: usize) {
    for (i, row) in rows.iter_mut().enumerate() {
        row.indicators[indicator] = Some(if i < yes { "yes" } else { "no" }.to_string());
    }
}

#[test]
fn removing_any_one_region_never_leaves_a_count_that_reveals_an_answer() {
    let q = questionnaire();
    let k = 5;
    let mut this = rows(&q, 2025);
    let last = rows(&q, 2024);
    assert_eq!(this.len(), 20);
    // Indicators right at the limits, where one region more or less decides: 15 of 20, 5 of
    // 20, 16 of 20 (withheld: 4 beside it) and the example's own answers.
    let xray = national::indicator_questions(&q)
        .position(|(_, key)| key == "xray-digital-access")
        .unwrap();
    let ultrasound = national::indicator_questions(&q)
        .position(|(_, key)| key == "ultrasound-digital-access")
        .unwrap();
    let pathology = national::indicator_questions(&q)
        .position(|(_, key)| key == "digital-pathology")
        .unwrap();
    answer(&mut this, xray, 15);
    answer(&mut this, ultrasound, 5);
    answer(&mut this, pathology, 16);
    let values = |question: &str| {
        q.question(question)
            .and_then(crate::questionnaire::Question::closed_values)
            .map_or(0, |v| v.len())
    };
    let check = |r: &NationalReport| {
        for indicator in &r.indicators {
            for c in &indicator.years {
                assert!(
                    !reveals(&c.counts, c.n, values(&indicator.question), k),
                    "{} {}: {:?} of {}",
                    indicator.question,
                    c.year,
                    c.counts,
                    c.n
                );
                assert_eq!(c.withheld, c.counts.is_empty());
            }
        }
        for s in &r.readiness {
            assert!(!reveals(&s.verdicts, s.n, VERDICTS.len(), k));
        }
    };
    let full = report(&q, &[(2024, last.clone()), (2025, this.clone())], k);
    check(&full);
    let published = |r: &NationalReport, key: &str| {
        let i = r.indicators.iter().find(|i| i.indicator == key).unwrap();
        !i.years.last().unwrap().withheld
    };
    assert!(published(&full, "xray-digital-access"));
    assert!(published(&full, "ultrasound-digital-access"));
    assert!(!published(&full, "digital-pathology"), "16 of 20 leaves 4");
    let mut changed = 0;
    for removed in 0..this.len() {
        let mut fewer = this.clone();
        let gone = fewer.remove(removed);
        let without = report(&q, &[(2024, last.clone()), (2025, fewer)], k);
        check(&without);
        // A region that answered yes to the ultrasound question takes the count below k: it
        // is withheld, not published as 4 of 19.
        if gone.indicators[ultrasound].as_deref() == Some("yes") {
            assert!(!published(&without, "ultrasound-digital-access"));
            changed += 1;
        }
        // One that answered no leaves 15 of 19, with 4 beside it: withheld too.
        if gone.indicators[xray].as_deref() == Some("no") {
            assert!(!published(&without, "xray-digital-access"));
            changed += 1;
        }
        // 16 of 20 less any one region leaves 15 of 19 or 16 of 19, with 4 or 3 beside:
        // still withheld.
        assert!(!published(&without, "digital-pathology"));
        // A region that answered yes to the x-ray question leaves 14 of 19 with 5 beside:
        // still published.
        if gone.indicators[xray].as_deref() == Some("yes") {
            assert!(published(&without, "xray-digital-access"));
        }
    }
    assert_eq!(changed, 5 + 5);
}

#[test]
fn areas_below_k_show_no_scores_and_the_method_lists_them() {
    let q = questionnaire();
    let few: Vec<Row> = rows(&q, 2025).into_iter().take(4).collect();
    let r = report(&q, &[(2025, few)], 5);
    assert!(!r.areas.is_empty());
    for area in &r.areas {
        assert!(area.years[0].stat.withheld);
        assert!(area.years[0].scores.is_empty());
    }
    assert!(r.overall[0].stat.withheld);
    assert!(
        r.withheld
            .iter()
            .any(|w| w.figure == "a1" && w.reason == Reason::FewRegions)
    );
    assert!(r.barriers.iter().all(|b| b.rank.is_none()));
}

#[test]
fn barriers_are_ranked_by_mean_and_the_series_begins_with_slit() {
    let q = questionnaire();
    let r = report(&q, &[(2024, rows(&q, 2024)), (2025, rows(&q, 2025))], 5);
    assert_eq!(r.previous_year, Some(2024));
    let means: Vec<f64> = r
        .barriers
        .iter()
        .map(|b| b.years[0].stat.mean.unwrap())
        .collect();
    assert!(means.windows(2).all(|w| w[0] >= w[1]), "{means:?}");
    assert_eq!(r.barriers[0].rank, Some(1));
    let xray = r
        .indicators
        .iter()
        .find(|i| i.indicator == "xray-digital-access")
        .unwrap();
    let slit: Vec<(i32, Option<u32>)> = xray.published.iter().map(|p| (p.year, p.count)).collect();
    assert_eq!(
        slit,
        [
            (2022, Some(12)),
            (2023, Some(14)),
            (2024, Some(18)),
            (2025, Some(20))
        ]
    );
    let years: Vec<i32> = xray.years.iter().map(|c| c.year).collect();
    assert_eq!(years, [2024, 2025]);
    let sso = r
        .indicators
        .iter()
        .find(|i| i.indicator == "single-sign-on")
        .unwrap();
    assert_eq!(sso.counted, ["i_drift", "under_inforande"]);
}

/// The example nation's questionnaire with its first scored area alone in a group, and the
/// next two together.
fn grouped() -> Questionnaire {
    let mut q = questionnaire();
    let ids: Vec<String> = q.areas.iter().map(|a| a.id.clone()).collect();
    let group = |id: &str, areas: &[String]| crate::questionnaire::Group {
        id: id.into(),
        title: Text::new(id, id),
        areas: areas.to_vec(),
    };
    q.groups = vec![group("g1", &ids[..1]), group("g2", &ids[1..3])];
    q
}

#[test]
fn a_group_of_one_area_spreads_as_its_area() {
    let q = grouped();
    let r = report(&q, &[(2024, rows(&q, 2024)), (2025, rows(&q, 2025))], 5);
    assert_eq!(r.groups.len(), 2);
    let (group, area) = (&r.groups[0], &r.areas[0]);
    assert_eq!(group.areas, [area.number]);
    assert_eq!(group.years, area.years);
    assert_eq!(group.change, area.change);
    assert_eq!(
        group.years.len(),
        2,
        "last year's edition has the group too"
    );
    assert_eq!(r.groups[1].areas, [r.areas[1].number, r.areas[2].number]);
    // Without groups, none.
    let q = questionnaire();
    assert!(report(&q, &[(2025, rows(&q, 2025))], 5).groups.is_empty());
}

#[test]
fn a_group_last_year_only_where_that_edition_had_it() {
    let (q, plain) = (grouped(), questionnaire());
    let last = vec![Group {
        questionnaire: &plain,
        rubric: None,
        rows: rows(&plain, 2024),
    }];
    let this = vec![Group {
        questionnaire: &q,
        rubric: None,
        rows: rows(&q, 2025),
    }];
    let r = build(
        &[
            Year {
                year: 2024,
                groups: &last,
            },
            Year {
                year: 2025,
                groups: &this,
            },
        ],
        &Options {
            min_regions: 5,
            named: false,
            published: &Published::builtin(),
        },
    );
    assert!(
        r.groups
            .iter()
            .all(|g| g.years.len() == 1 && g.change.is_none())
    );
}

#[test]
fn a_group_from_fewer_than_k_regions_is_withheld_whatever_its_files() {
    // Five files from two regions, as readiness answers may be, one per solution.
    let q = grouped();
    let mut rows: Vec<Row> = rows(&q, 2025).into_iter().take(5).collect();
    for (i, row) in rows.iter_mut().enumerate() {
        row.region = if i < 3 { "A" } else { "B" }.into();
    }
    let r = report(&q, &[(2025, rows)], 5);
    let now = &r.groups[0].years[0];
    assert!(now.stat.withheld && now.scores.is_empty());
    assert_eq!(now.stat.n, 5);
    assert!(
        r.withheld
            .iter()
            .any(|w| w.figure == "g1" && w.reason == Reason::FewRegions)
    );
}
