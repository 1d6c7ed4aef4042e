//! The national report's open data: the figures as JSON (`mognad.national-report/1`) and as
//! CSV for a spreadsheet, one row per published figure. Pure: figures in, text out.

use crate::lang::Lang;
use crate::national::Stat;
use crate::national_report::NationalReport;
use crate::spreadsheet;

/// The figures as pretty JSON with a final newline.
pub fn json(report: &NationalReport) -> String {
    let mut json = serde_json::to_string_pretty(report).expect("a report serializes");
    json.push('\n');
    json
}

/// A spreadsheet number with two decimals, as the figures are stored.
fn number(value: f64, lang: Lang) -> String {
    let text = format!("{value:.2}");
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

struct Rows {
    lang: Lang,
    rows: Vec<Vec<String>>,
}

impl Rows {
    fn push(
        &mut self,
        section: &str,
        id: &str,
        name: &str,
        year: i32,
        measure: &str,
        value: String,
    ) {
        self.rows.push(vec![
            section.to_string(),
            id.to_string(),
            name.to_string(),
            year.to_string(),
            measure.to_string(),
            value,
        ]);
    }

    fn t(&self, sv: &str, en: &str) -> String {
        self.lang.pick(sv, en).to_string()
    }

    /// Each year's statistic of an area or group, how many it rests on of those that
    /// answered, and every score when published; `(of, one)` name the last two measures.
    fn distributions(
        &mut self,
        section: &str,
        id: &str,
        name: &str,
        years: &[super::Distribution],
        (of, one): (&str, &str),
    ) {
        for d in years {
            self.stat(section, id, name, d.year, &d.stat);
            self.push(section, id, name, d.year, of, d.of.to_string());
            for score in &d.scores {
                self.push(section, id, name, d.year, one, number(*score, self.lang));
            }
        }
    }

    /// `n`, and the statistic's values when published, or that it is withheld.
    fn stat(&mut self, section: &str, id: &str, name: &str, year: i32, stat: &Stat) {
        let lang = self.lang;
        self.push(section, id, name, year, "n", stat.n.to_string());
        if stat.withheld {
            let (measure, value) = (self.t("undanhållen", "withheld"), self.t("ja", "yes"));
            self.push(section, id, name, year, &measure, value);
            return;
        }
        let values = [
            (self.t("medelvärde", "mean"), stat.mean),
            (self.t("median", "median"), stat.median),
            (self.t("nedre kvartil", "lower quartile"), stat.q1),
            (self.t("övre kvartil", "upper quartile"), stat.q3),
            (self.t("lägsta", "min"), stat.min),
            (self.t("högsta", "max"), stat.max),
        ];
        for (measure, value) in values {
            if let Some(value) = value {
                self.push(section, id, name, year, &measure, number(value, lang));
            }
        }
    }
}

/// The figures as CSV, one row per figure: section, id, name, year, measure, value.
pub fn csv(r: &NationalReport, lang: Lang) -> String {
    let mut out = Rows {
        lang,
        rows: Vec::new(),
    };
    out.rows.push(
        [
            out.t("avsnitt", "section"),
            "id".to_string(),
            out.t("namn", "name"),
            out.t("år", "year"),
            out.t("mått", "measure"),
            out.t("värde", "value"),
        ]
        .to_vec(),
    );
    let regions = out.t("regioner", "regions");
    for e in &r.editions {
        let name = format!("{} {}", e.questionnaire, e.version);
        let measure = out.t("regioner som svarade", "regions that answered");
        out.push(
            &regions,
            &e.questionnaire,
            &name,
            e.year,
            &measure,
            e.regions.to_string(),
        );
        for region in &e.names {
            let measure = out.t("region", "region");
            out.push(
                &regions,
                &e.questionnaire,
                &name,
                e.year,
                &measure,
                region.clone(),
            );
        }
    }
    let index = out.t("riksindex", "national index");
    for o in &r.overall {
        out.stat(&index, "overall", &index, o.year, &o.stat);
    }
    let section = out.t("område", "area");
    let of = out.t(
        "regioner av dem som svarade",
        "regions of those that answered",
    );
    let one = out.t("en regions poäng", "one region's score");
    for a in &r.areas {
        out.distributions(&section, &a.id, a.title.get(lang), &a.years, (&of, &one));
    }
    let section = out.t("grupp av områden", "group of areas");
    let of = out.t(
        "svarsfiler av dem som svarade",
        "answers files of those that answered",
    );
    let one = out.t("en svarsfils poäng", "one answers file's score");
    for g in &r.groups {
        out.distributions(&section, &g.id, g.title.get(lang), &g.years, (&of, &one));
    }
    let section = out.t("hinder", "barrier");
    for b in &r.barriers {
        let name = b.label.get(lang);
        for (k, y) in b.years.iter().enumerate() {
            out.stat(&section, &b.id, name, y.year, &y.stat);
            if let Some(rank) = if k == 0 { b.rank } else { b.rank_previous } {
                let measure = out.t("plats", "rank");
                out.push(&section, &b.id, name, y.year, &measure, rank.to_string());
            }
        }
    }
    let section = out.t("indikator", "indicator");
    for i in &r.indicators {
        let name = i.title.get(lang);
        for p in &i.published {
            let measure = format!("{} ({})", out.t("antal", "count"), p.source.get(lang));
            let value = match (p.count, &p.text) {
                (Some(count), _) => count.to_string(),
                (None, Some(text)) => text.get(lang).to_string(),
                (None, None) => String::new(),
            };
            out.push(&section, &i.question, name, p.year, &measure, value);
        }
        for c in &i.years {
            let measure = out.t("svarade", "answered");
            out.push(
                &section,
                &i.question,
                name,
                c.year,
                &measure,
                c.n.to_string(),
            );
            if c.withheld {
                let (measure, value) = (out.t("undanhållen", "withheld"), out.t("ja", "yes"));
                out.push(&section, &i.question, name, c.year, &measure, value);
                continue;
            }
            if let Some(counted) = c.counted {
                let measure = out.t("antal som i SLIT", "count as SLIT");
                out.push(
                    &section,
                    &i.question,
                    name,
                    c.year,
                    &measure,
                    counted.to_string(),
                );
            }
            for a in &i.answers {
                if let Some(count) = c.counts.get(&a.value) {
                    let measure = format!("{}: {}", out.t("svar", "answer"), a.name.get(lang));
                    out.push(
                        &section,
                        &i.question,
                        name,
                        c.year,
                        &measure,
                        count.to_string(),
                    );
                }
            }
        }
    }
    let section = out.t("beredskap", "readiness");
    for s in &r.readiness {
        let others = out.t(
            &format!("andra lösningar, färre än {} regioner var", r.min_regions),
            &format!("other solutions, fewer than {} regions each", r.min_regions),
        );
        let name = if s.name.is_empty() { &others } else { &s.name };
        let measure = out.t("regioner", "regions");
        out.push(&section, "", name, r.year, &measure, s.n.to_string());
        if s.withheld {
            let (measure, value) = (out.t("undanhållen", "withheld"), out.t("ja", "yes"));
            out.push(&section, "", name, r.year, &measure, value);
        }
        for (verdict, count) in &s.verdicts {
            out.push(
                &section,
                verdict,
                &s.name,
                r.year,
                verdict,
                count.to_string(),
            );
        }
        for b in &s.blockers {
            let measure = b.reason.get(lang).to_string();
            out.push(
                &section,
                &b.id,
                &s.name,
                r.year,
                &measure,
                b.count.to_string(),
            );
        }
    }
    spreadsheet::csv(&out.rows, lang)
}
