//! The national report's pages, in words: every sentence and table cell, laid out by the
//! profile's page code. Pure: figures in, a report model out.

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::national::Stat;
use crate::national_report::{
    Answered, Counts, GroupFigures, Indicator, NationalReport, Reason, VERDICTS,
};
use crate::questionnaire::Kind;
use crate::report::model::{
    BarRow, Bars, Block, Column, Page, Report, SeriesKind, Strip, StripRow, Style, Table,
};

/// What the pages need besides the figures.
pub struct Options<'a> {
    pub lang: Lang,
    /// The label top right on every page, such as "Publik".
    pub classification: Option<&'a str>,
}

struct Words {
    lang: Lang,
}

impl Words {
    fn t(&self, sv: &str, en: &str) -> String {
        self.lang.pick(sv, en).to_string()
    }
    fn n(&self, value: f64) -> String {
        self.lang.decimal(value)
    }
    fn withheld(&self) -> String {
        self.t("undanhållen", "withheld")
    }
    /// "2,4 (1,9–2,8)": median and middle half.
    fn band(&self, stat: &Stat) -> String {
        match stat.band() {
            Some((q1, median, q3)) => {
                format!("{} ({}–{})", self.n(median), self.n(q1), self.n(q3))
            }
            None => self.withheld(),
        }
    }
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph {
        text: text.into(),
        style: Style::Body,
    }
}

fn muted(text: impl Into<String>) -> Block {
    Block::Paragraph {
        text: text.into(),
        style: Style::Muted,
    }
}

fn column(header: impl Into<String>, width: f32, numeric: bool) -> Column {
    Column {
        header: header.into(),
        width,
        numeric,
    }
}

/// A title inside a sentence: its first letter small, unless the title opens with an
/// abbreviation (*AI-stöd*, *IT*).
fn in_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_string(),
    }
}

/// The questionnaires answered this year of a kind. A report read from open data written
/// before the questionnaires were listed has its maturity questionnaire only.
fn answered(r: &NationalReport, kind: Kind) -> Vec<&Answered> {
    r.questionnaires.iter().filter(|q| q.kind == kind).collect()
}

/// Whether the report's index and areas are of a maturity questionnaire: then they are the
/// national index of digital maturity, as the yearly series has always shown it.
fn of_maturity(r: &NationalReport) -> bool {
    r.questionnaires.is_empty()
        || r.questionnaires
            .iter()
            .any(|q| Some(&q.id) == r.scored.as_ref() && q.kind == Kind::Maturity)
}

/// The title of the questionnaire whose areas the report shows, inside a sentence.
fn scored_title(r: &NationalReport, w: &Words) -> String {
    r.questionnaires
        .iter()
        .find(|q| Some(&q.id) == r.scored.as_ref())
        .map_or_else(
            || w.t("enkäten", "the questionnaire"),
            |q| in_sentence(q.title.get(w.lang)),
        )
}

/// Whether any readiness questionnaire was answered this year, or assessments were counted.
fn has_readiness(r: &NationalReport) -> bool {
    !answered(r, Kind::Readiness).is_empty() || !r.readiness.is_empty()
}

/// The report's pages: those the questionnaires answered give figures for.
pub fn report(r: &NationalReport, options: &Options) -> Report {
    let w = Words { lang: options.lang };
    let maturity = of_maturity(r);
    let title = if maturity {
        w.t(
            &format!("Digital mognad i hälso- och sjukvården: riket {}", r.year),
            &format!("Digital maturity in healthcare: the nation {}", r.year),
        )
    } else {
        let named = r
            .questionnaires
            .iter()
            .find(|q| Some(&q.id) == r.scored.as_ref())
            .map_or_else(
                || w.t("Beredskap", "Readiness"),
                |q| q.title.get(w.lang).to_string(),
            );
        w.t(
            &format!("{named}: riket {}", r.year),
            &format!("{named}: the nation {}", r.year),
        )
    };
    let mut pages = vec![summary(r, &w, &title)];
    if !r.indicators.is_empty() {
        pages.push(indicators(r, &w));
    }
    if r.scored.is_some() || !r.areas.is_empty() {
        pages.push(areas(r, &w));
    }
    if !r.groups.is_empty() {
        pages.push(groups(r, &w));
    }
    if !r.barriers.is_empty() {
        pages.push(barriers(r, &w));
    }
    if has_readiness(r) {
        pages.push(readiness(r, &w));
    }
    pages.push(method(r, &w));
    let subject = match (maturity, has_readiness(r)) {
        (true, true) => w.t(
            "Regionernas digitala mognad och beredskap, sammanställd ur regionernas egna svarsfiler",
            "The regions' digital maturity and readiness, compiled from the regions' own answers files",
        ),
        (true, false) => w.t(
            "Regionernas digitala mognad, sammanställd ur regionernas egna svarsfiler",
            "The regions' digital maturity, compiled from the regions' own answers files",
        ),
        (false, _) => w.t(
            &format!(
                "Regionernas svar om {}, sammanställda ur regionernas egna svarsfiler",
                scored_title(r, &w)
            ),
            &format!(
                "The regions' answers on {}, compiled from the regions' own answers files",
                scored_title(r, &w)
            ),
        ),
    };
    Report {
        lang: options.lang.code(),
        title: title.clone(),
        subject,
        author: w.t(
            "Regionernas digitaliseringsnätverk",
            "The regions' digitalisation network",
        ),
        keywords: vec![
            w.t("digital mognad", "digital maturity"),
            w.t("regioner", "regions"),
            w.t("nationell rapport", "national report"),
            r.year.to_string(),
        ],
        date: r
            .date
            .clone()
            .unwrap_or_else(|| format!("{}-12-31", r.year)),
        classification: options.classification.unwrap_or_default().to_string(),
        stamp: r.example.then(|| {
            w.t(
                "Exempeldata: fiktiva regioner",
                "Example data: fictional regions",
            )
        }),
        footer: title,
        pages,
    }
}

fn regions_this_year(r: &NationalReport) -> u32 {
    r.editions
        .iter()
        .filter(|e| e.year == r.year)
        .map(|e| e.regions)
        .max()
        .unwrap_or(0)
}

fn summary(r: &NationalReport, w: &Words, title: &str) -> Page {
    let scored = scored_title(r, w);
    let mut lead = if of_maturity(r) {
        w.t(
            &format!(
                "Hur långt regionerna har kommit med {scored} år {}, sammanställt ur regionernas egna svarsfiler.",
                r.year
            ),
            &format!(
                "How far the regions have come with {scored} in {}, compiled from the regions' own answers files.",
                r.year
            ),
        )
    } else {
        w.t(
            &format!(
                "Regionernas bedömning av {scored} år {}, sammanställd ur regionernas egna svarsfiler: hur redo de bedömde sig och hur deras poäng fördelar sig per område.",
                r.year
            ),
            &format!(
                "The regions' assessment of {scored} in {}, compiled from the regions' own answers files: how ready they judged themselves and how their scores spread per area.",
                r.year
            ),
        )
    };
    if !r.indicators.is_empty() {
        lead.push_str(&w.t(
            " Rapporten fortsätter den årliga serie som SLIT (Nätverket för Sveriges regioners IT-direktörer) publicerade till och med 2025.",
            " The report continues the yearly series that SLIT (the network of the Swedish regions' IT directors) published up to 2025.",
        ));
    }
    let mut blocks = vec![Block::Paragraph {
        text: lead,
        style: Style::Lead,
    }];
    let index = r.overall.iter().find(|o| o.year == r.year);
    let mut figures = vec![(
        w.t("regioner svarade", "regions answered"),
        regions_this_year(r).to_string(),
    )];
    if let Some(index) = index {
        figures.push((
            w.t("riksindex, median", "national index, median"),
            index.stat.median.map_or_else(|| w.withheld(), |m| w.n(m)),
        ));
        figures.push((
            w.t("mittenhalvan", "middle half"),
            match index.stat.band() {
                Some((q1, _, q3)) => format!("{}–{}", w.n(q1), w.n(q3)),
                None => w.withheld(),
            },
        ));
    }
    blocks.push(Block::KeyFigures { items: figures });
    let mut points = Vec::new();
    if let (Some(now), Some(before)) = (
        index.and_then(|i| i.stat.median),
        r.previous_year
            .and_then(|y| r.overall.iter().find(|o| o.year == y))
            .and_then(|o| o.stat.median),
    ) {
        points.push(w.t(
            &format!(
                "Riksindex (medianen av regionernas index, 0–5) är {} mot {} året innan.",
                w.n(now),
                w.n(before)
            ),
            &format!(
                "The national index (the median of the regions' indexes, 0–5) is {} against {} the year before.",
                w.n(now),
                w.n(before)
            ),
        ));
    }
    let moved = r.moved(3);
    if !moved.is_empty() {
        let list: Vec<String> = moved
            .iter()
            .map(|a| {
                let change = a.change.unwrap_or(0.0);
                let sign = if change > 0.0 { "+" } else { "" };
                format!("{} ({sign}{})", a.title.get(w.lang), w.n(change))
            })
            .collect();
        points.push(w.t(
            &format!(
                "Störst förändring av medianen sedan förra året: {}.",
                list.join(", ")
            ),
            &format!(
                "The largest change of the median since last year: {}.",
                list.join(", ")
            ),
        ));
    }
    let groups: Vec<String> = r
        .groups
        .iter()
        .filter_map(|g| {
            let median = g.years.first()?.stat.median?;
            Some(match g.change {
                Some(change) => {
                    let sign = if change > 0.0 { "+" } else { "" };
                    format!(
                        "{} {} ({sign}{})",
                        g.title.get(w.lang),
                        w.n(median),
                        w.n(change)
                    )
                }
                None => format!("{} {}", g.title.get(w.lang), w.n(median)),
            })
        })
        .collect();
    if !groups.is_empty() {
        points.push(w.t(
            &format!(
                "Grupper av områden, median{}: {}.",
                if r.groups.iter().any(|g| g.change.is_some()) {
                    " och förändring sedan förra året"
                } else {
                    ""
                },
                groups.join(", ")
            ),
            &format!(
                "Groups of areas, median{}: {}.",
                if r.groups.iter().any(|g| g.change.is_some()) {
                    " and change since last year"
                } else {
                    ""
                },
                groups.join(", ")
            ),
        ));
    }
    for s in r
        .readiness
        .iter()
        .filter(|s| !s.withheld && !s.name.is_empty())
    {
        let verdicts: Vec<String> = VERDICTS
            .iter()
            .filter_map(|v| {
                let count = s.verdicts.get(*v)?;
                Some(format!("{count} {}", verdict_name(v, w).to_lowercase()))
            })
            .collect();
        points.push(format!(
            "{}, {}: {}.",
            s.name,
            w.lang.regions(s.n as usize),
            verdicts.join(", ")
        ));
    }
    if let Some(top) = r.barriers.first().filter(|b| b.rank.is_some()) {
        points.push(w.t(
            &format!(
                "Största hindret är {}.",
                top.label.get(Lang::Sv).to_lowercase()
            ),
            &format!(
                "The biggest barrier is {}.",
                top.label.get(Lang::En).to_lowercase()
            ),
        ));
    }
    let grown = r.grown();
    if !grown.is_empty() {
        let list: Vec<String> = grown
            .iter()
            .map(|(b, d)| format!("{} (+{})", b.label.get(w.lang).to_lowercase(), w.n(*d)))
            .collect();
        points.push(w.t(
            &format!("Hinder som har vuxit: {}.", list.join(", ")),
            &format!("Barriers that grew: {}.", list.join(", ")),
        ));
    }
    let withheld = r.withheld.iter().filter(|x| x.year == r.year).count();
    if withheld == 1 {
        points.push(w.t(
            &format!(
                "1 siffra för {} är undanhållen för att skydda enskilda regioners svar; metodsidan säger vilken.",
                r.year
            ),
            &format!(
                "1 figure for {} is withheld to protect single regions' answers; the method page says which.",
                r.year
            ),
        ));
    } else if withheld > 1 {
        points.push(w.t(
            &format!(
                "{withheld} siffror för {} är undanhållna för att skydda enskilda regioners svar; metodsidan säger vilka.",
                r.year
            ),
            &format!(
                "{withheld} figures for {} are withheld to protect single regions' answers; the method page says which.",
                r.year
            ),
        ));
    }
    if !points.is_empty() {
        blocks.push(Block::Heading {
            text: w.t("I korthet", "In brief"),
        });
        blocks.push(Block::Bullets { items: points });
    }
    blocks.push(Block::Heading {
        text: w.t("Vilka som svarade", "Who answered"),
    });
    blocks.push(Block::Table(Table {
        caption: Some(w.t(
            "Antal regioner som svarade, per år och enkätutgåva",
            "Regions that answered, per year and questionnaire edition",
        )),
        columns: vec![
            column(w.t("År", "Year"), 0.15, false),
            column(w.t("Enkät", "Questionnaire"), 0.35, false),
            column(w.t("Utgåva", "Edition"), 0.25, false),
            column(w.t("Regioner", "Regions"), 0.25, true),
        ],
        rows: r
            .editions
            .iter()
            .map(|e| {
                vec![
                    e.year.to_string(),
                    e.questionnaire.clone(),
                    e.version.clone(),
                    e.regions.to_string(),
                ]
            })
            .collect(),
    }));
    Page {
        title: title.to_string(),
        blocks,
    }
}

/// A count or "–" when the row has none for the answer.
fn count_cell(counts: &Counts, value: &str) -> String {
    counts
        .counts
        .get(value)
        .map_or_else(|| "–".to_string(), ToString::to_string)
}

fn indicator_table(r: &NationalReport, i: &Indicator, w: &Words) -> Table {
    let answers = i.answers.len() as f32;
    let answer_width = 0.36 / answers;
    let mut columns = vec![
        column(w.t("År", "Year"), 0.09, false),
        column(w.t("Källa", "Source"), 0.25, false),
        column(w.t("Antal som i SLIT", "Count as SLIT"), 0.2, true),
    ];
    for a in &i.answers {
        columns.push(column(a.name.get(w.lang), answer_width, true));
    }
    columns.push(column(w.t("Svarade", "Answered"), 0.1, true));
    let mut rows = Vec::new();
    let blanks = || vec!["–".to_string(); i.answers.len()];
    for p in &i.published {
        let mut row = vec![p.year.to_string(), p.source.get(w.lang).to_string()];
        row.push(match (p.count, &p.text) {
            (Some(count), _) => format!("{count} {} {}", w.t("av", "of"), p.of),
            (None, Some(text)) => text.get(w.lang).to_string(),
            (None, None) => w.t("uppgift saknas", "not given"),
        });
        row.extend(blanks());
        row.push(
            p.count
                .map_or_else(|| "–".to_string(), |_| p.of.to_string()),
        );
        rows.push(row);
    }
    let files = w.t("regionernas filer", "the regions' files");
    for (k, c) in i.years.iter().enumerate() {
        let mut source = files.clone();
        if k == 0 && !i.published.is_empty() {
            source = w.t(
                "regionernas filer (metodbyte)",
                "the regions' files (method change)",
            );
        }
        let mut row = vec![c.year.to_string(), source];
        row.push(match c.counted {
            Some(count) => format!("{count} {} {}", w.t("av", "of"), c.n),
            None => w.withheld(),
        });
        if c.withheld {
            // Said once, in the count column; the answers' cells stay empty.
            row.extend(vec![String::new(); i.answers.len()]);
        } else {
            row.extend(i.answers.iter().map(|a| count_cell(c, &a.value)));
        }
        row.push(c.n.to_string());
        rows.push(row);
    }
    let _ = r;
    Table {
        caption: Some(format!(
            "{}: {}",
            i.title.get(w.lang),
            w.t(
                "antal regioner per svar och år",
                "regions per answer and year"
            )
        )),
        columns,
        rows,
    }
}

fn indicators(r: &NationalReport, w: &Words) -> Page {
    let mut blocks = vec![paragraph(w.t(
        "Hur många regioner som gav varje svar på de frågor som mäter samma sak som SLIT:s årliga siffror. SLIT:s publicerade antal kommer först; därefter regionernas egna svarsfiler. Där serien byter källa byter den också metod: SLIT frågade regionernas IT-direktörer i en enkät, nu räknas varje regions svarsfil, och antalet är av de regioner som svarade med ett värde, inte alltid av 21.",
        "How many regions gave each answer to the questions that measure what SLIT's yearly figures measured. SLIT's published counts come first, then the regions' own answers files. Where the series changes source it also changes method: SLIT asked the regions' IT directors in a survey, now each region's answers file is counted, and the count is of the regions that answered with a value, not always of 21.",
    ))];
    for i in &r.indicators {
        blocks.push(Block::Heading {
            text: i.title.get(w.lang).to_string(),
        });
        blocks.push(Block::Table(indicator_table(r, i, w)));
        if i.years.iter().any(|c| c.withheld) {
            blocks.push(muted(w.t(
                "Undanhållen: antalet, eller antalet regioner som svarade annat, är färre än gränsen för publicering, så siffran skulle avslöja enskilda regioners svar.",
                "Withheld: the count, or the number of regions that answered otherwise, is below the publication limit, so the figure would reveal single regions' answers.",
            )));
        }
    }
    Page {
        title: w.t("Indikatorer", "Indicators"),
        blocks,
    }
}

fn areas(r: &NationalReport, w: &Words) -> Page {
    let previous = r.previous_year;
    let scored = scored_title(r, w);
    // A readiness questionnaire is answered once per solution, so a region may have several
    // files; a figure is shown only when its files come from enough regions.
    let per_file = !of_maturity(r);
    let (dot_sv, dot_en) = if per_file {
        (
            "Varje prick är en svarsfil (en region och lösning), utan namn",
            "Each dot is one answers file (a region and solution), unnamed",
        )
    } else {
        (
            "Varje prick är en region, utan namn",
            "Each dot is one region, unnamed",
        )
    };
    let mut blocks = vec![paragraph(w.t(
        &format!(
            "Hur regionernas poäng (0–5) fördelar sig i varje område av {scored} år {}. {dot_sv}; den blå rutan är mittenhalvan och strecket medianen.{}",
            r.year,
            previous.map_or_else(String::new, |y| format!(" Den streckade rutan ovanför är mittenhalvan {y}."))
        ),
        &format!(
            "How the regions' scores (0–5) spread in each area of {scored} in {}. {dot_en}; the blue box is the middle half and the line the median.{}",
            r.year,
            previous.map_or_else(String::new, |y| format!(" The dashed box above is the middle half in {y}."))
        ),
    ))];
    let shown: Vec<StripRow> = r
        .areas
        .iter()
        .filter(|a| a.years.first().is_some_and(|d| !d.stat.withheld))
        .map(|a| {
            let now = &a.years[0];
            StripRow {
                label: format!("{} {}", a.number, a.title.get(w.lang)),
                values: now.scores.clone(),
                band: now.stat.band(),
                previous: a.years.get(1).and_then(|d| d.stat.band()),
                text: format!(
                    "{} {} (n={})",
                    w.t("median", "median"),
                    now.stat.median.map_or_else(|| w.withheld(), |m| w.n(m)),
                    now.stat.n
                ),
            }
        })
        .collect();
    if shown.is_empty() {
        blocks.push(paragraph(w.t(
            &format!(
                "Ingen fördelning visas: inget område har poäng från minst {} regioner, och enskilda regioners poäng visas aldrig i mindre grupper än så.",
                r.min_regions
            ),
            &format!(
                "No distribution is shown: no area has scores from at least {} regions, and single regions' scores are never shown in smaller groups than that.",
                r.min_regions
            ),
        )));
    } else {
        let one = if per_file {
            w.t("en svarsfil", "one answers file")
        } else {
            w.t("en region", "one region")
        };
        let legend = strip_legend(w, one, r.year, previous);
        blocks.push(Block::Strip(Strip {
            alt: w.t(
                &format!(
                    "Fördelningen av regionernas poäng per område {}: {}",
                    r.year,
                    r.areas
                        .iter()
                        .map(|a| format!("{} {}", a.title.get(Lang::Sv), w.band(&a.years[0].stat)))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                &format!(
                    "The spread of the regions' scores per area in {}: {}",
                    r.year,
                    r.areas
                        .iter()
                        .map(|a| format!("{} {}", a.title.get(Lang::En), w.band(&a.years[0].stat)))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ),
            rows: shown,
            legend,
        }));
    }
    let mut columns = vec![
        column(w.t("Område", "Area"), 0.34, false),
        median_column(w, r.year, 0.22),
    ];
    if let Some(y) = previous {
        columns.push(median_column(w, y, 0.22));
    }
    columns.push(column(
        if per_file {
            w.t("Svarsfiler med poäng", "Files scored")
        } else {
            w.t("Regioner med poäng", "Regions scored")
        },
        0.22,
        true,
    ));
    let rows = r
        .areas
        .iter()
        .map(|a| {
            let now = &a.years[0];
            let mut row = vec![
                format!("{} {}", a.number, a.title.get(w.lang)),
                w.band(&now.stat),
            ];
            if previous.is_some() {
                row.push(
                    a.years
                        .get(1)
                        .map_or_else(|| "–".to_string(), |d| w.band(&d.stat)),
                );
            }
            row.push(format!("{} {} {}", now.stat.n, w.t("av", "of"), now.of));
            row
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: Some(w.t(
            "Regionernas poäng per område: median och mittenhalva (nedre–övre kvartil)",
            "The regions' scores per area: median and middle half (lower–upper quartile)",
        )),
        columns,
        rows,
    }));
    Page {
        title: w.t("Områdena", "The areas"),
        blocks,
    }
}

/// The groups of areas, per questionnaire that declares them: a strip of the scores where
/// published and a table of median and middle half.
fn groups(r: &NationalReport, w: &Words) -> Page {
    let previous = r.previous_year;
    let mut blocks = vec![paragraph(w.t(
        &format!(
            "Enkäter kan samla sina områden i grupper. En grupps poäng är det vägda medelvärdet av dess områdens poäng, med bedömningsmallens vikter, avrundat som ett områdes. Här är hur gruppernas poäng (0–5) i svarsfilerna fördelar sig {}: median och mittenhalva (nedre–övre kvartil).{}",
            r.year,
            previous.map_or_else(String::new, |y| format!(" Året innan, {y}, visas där den årets utgåva hade samma grupp."))
        ),
        &format!(
            "Questionnaires may gather their areas in groups. A group's score is the weighted mean of its areas' scores, with the rubric's weights, rounded as an area's. This is how the answers files' group scores (0–5) spread in {}: median and middle half (lower–upper quartile).{}",
            r.year,
            previous.map_or_else(String::new, |y| format!(" The year before, {y}, is shown where that year's edition had the same group."))
        ),
    ))];
    let mut questionnaires: Vec<&str> = r.groups.iter().map(|g| g.questionnaire.as_str()).collect();
    questionnaires.dedup();
    for id in questionnaires {
        let groups: Vec<&GroupFigures> =
            r.groups.iter().filter(|g| g.questionnaire == id).collect();
        let edition = r
            .editions
            .iter()
            .find(|e| e.year == r.year && e.questionnaire == id)
            .map_or_else(
                || id.to_string(),
                |e| format!("{} {}", e.questionnaire, e.version),
            );
        blocks.push(Block::Heading {
            text: format!("{} ({edition})", groups[0].questionnaire_title.get(w.lang)),
        });
        let shown: Vec<StripRow> = groups
            .iter()
            .filter(|g| g.years.first().is_some_and(|d| !d.stat.withheld))
            .map(|g| {
                let now = &g.years[0];
                StripRow {
                    label: g.title.get(w.lang).to_string(),
                    values: now.scores.clone(),
                    band: now.stat.band(),
                    previous: g.years.get(1).and_then(|d| d.stat.band()),
                    text: format!(
                        "{} {} (n={})",
                        w.t("median", "median"),
                        now.stat.median.map_or_else(|| w.withheld(), |m| w.n(m)),
                        now.stat.n
                    ),
                }
            })
            .collect();
        if !shown.is_empty() {
            let legend = strip_legend(w, w.t("en svarsfil", "one answers file"), r.year, previous);
            let spread: Vec<String> = groups
                .iter()
                .map(|g| format!("{} {}", g.title.get(w.lang), w.band(&g.years[0].stat)))
                .collect();
            blocks.push(Block::Strip(Strip {
                alt: w.t(
                    &format!(
                        "Fördelningen av gruppernas poäng i {edition} {}: {}",
                        r.year,
                        spread.join("; ")
                    ),
                    &format!(
                        "The spread of the group scores of {edition} in {}: {}",
                        r.year,
                        spread.join("; ")
                    ),
                ),
                rows: shown,
                legend,
            }));
        }
        let mut columns = vec![
            column(w.t("Grupp", "Group"), 0.2, false),
            column(w.t("Områden", "Areas"), 0.13, false),
            median_column(w, r.year, 0.2),
        ];
        if let Some(y) = previous {
            columns.push(median_column(w, y, 0.2));
            columns.push(column(w.t("Förändring", "Change"), 0.14, true));
        }
        columns.push(column(w.t("Med poäng", "Scored"), 0.13, true));
        // Without last year's columns the others take their room.
        if previous.is_none() {
            columns[0].width += 0.34;
        }
        let rows = groups
            .iter()
            .map(|g| {
                let now = &g.years[0];
                let areas: Vec<String> = g.areas.iter().map(ToString::to_string).collect();
                let mut row = vec![
                    g.title.get(w.lang).to_string(),
                    areas.join(", "),
                    w.band(&now.stat),
                ];
                if previous.is_some() {
                    row.push(
                        g.years
                            .get(1)
                            .map_or_else(|| "–".to_string(), |d| w.band(&d.stat)),
                    );
                    row.push(g.change.map_or_else(
                        || "–".to_string(),
                        |c| {
                            let sign = if c > 0.0 { "+" } else { "" };
                            format!("{sign}{}", w.n(c))
                        },
                    ));
                }
                row.push(format!("{} {} {}", now.stat.n, w.t("av", "of"), now.of));
                row
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: Some(w.t(
                &format!(
                    "Gruppernas poäng i {edition}: median och mittenhalva (nedre–övre kvartil)"
                ),
                &format!(
                    "The groups' scores in {edition}: median and middle half (lower–upper quartile)"
                ),
            )),
            columns,
            rows,
        }));
    }
    if r.groups
        .iter()
        .any(|g| g.years.iter().any(|d| d.stat.withheld))
    {
        blocks.push(muted(w.t(
            &format!(
                "Undanhållen: gruppens poäng kommer från färre än {} regioner, och enskilda regioners poäng visas aldrig i mindre grupper än så.",
                r.min_regions
            ),
            &format!(
                "Withheld: the group's scores come from fewer than {} regions, and single regions' scores are never shown in smaller groups than that.",
                r.min_regions
            ),
        )));
    }
    Page {
        title: w.t("Grupper av områden", "Groups of areas"),
        blocks,
    }
}

fn barriers(r: &NationalReport, w: &Words) -> Page {
    let mut blocks = vec![paragraph(w.t(
        "Regionerna anger varje år hur stort hinder olika förhållanden är för den fortsatta digitaliseringen, från 0 (inget hinder) till 5 (största hindret), som i SLIT:s rapporter. Hindren är ordnade efter årets medelvärde.",
        "Each year the regions say how big a barrier different conditions are to further digitalisation, from 0 (no barrier) to 5 (the biggest), as in SLIT's reports. The barriers are ranked by this year's mean.",
    ))];
    let mean = |s: &Stat| s.mean.map_or_else(|| w.withheld(), |m| w.n(m));
    let ranked: Vec<BarRow> = r
        .barriers
        .iter()
        .filter(|b| b.rank.is_some())
        .map(|b| BarRow {
            label: b.label.get(w.lang).to_string(),
            value: b.years[0].stat.mean,
            text: mean(&b.years[0].stat),
            previous: b.years.get(1).and_then(|y| y.stat.mean),
            national: None,
            target: None,
        })
        .collect();
    if !ranked.is_empty() {
        let mut legend = vec![(
            SeriesKind::Region,
            w.t(
                &format!("medelvärde {}", r.year),
                &format!("mean {}", r.year),
            ),
        )];
        if let Some(y) = r.previous_year {
            legend.push((
                SeriesKind::LastYear,
                w.t(&format!("medelvärde {y}"), &format!("mean {y}")),
            ));
        }
        blocks.push(Block::Bars(Bars {
            alt: w.t(
                "Hindren ordnade efter medelvärde",
                "The barriers ranked by mean",
            ) + ": "
                + &r.barriers
                    .iter()
                    .map(|b| format!("{} {}", b.label.get(w.lang), mean(&b.years[0].stat)))
                    .collect::<Vec<_>>()
                    .join("; "),
            rows: ranked,
            legend,
        }));
    }
    let mut columns = vec![
        column(w.t("Hinder", "Barrier"), 0.34, false),
        column(
            w.t(&format!("Medel {}", r.year), &format!("Mean {}", r.year)),
            0.14,
            true,
        ),
        column(w.t("Plats", "Rank"), 0.1, true),
    ];
    if let Some(y) = r.previous_year {
        columns.push(column(
            w.t(&format!("Medel {y}"), &format!("Mean {y}")),
            0.14,
            true,
        ));
        columns.push(column(
            w.t(&format!("Plats {y}"), &format!("Rank {y}")),
            0.12,
            true,
        ));
    }
    columns.push(column(w.t("Regioner", "Regions"), 0.16, true));
    let rank = |r: Option<u32>| r.map_or_else(|| "–".to_string(), |r| r.to_string());
    let rows = r
        .barriers
        .iter()
        .map(|b| {
            let mut row = vec![
                b.label.get(w.lang).to_string(),
                mean(&b.years[0].stat),
                rank(b.rank),
            ];
            if r.previous_year.is_some() {
                row.push(
                    b.years
                        .get(1)
                        .map_or_else(|| "–".to_string(), |y| mean(&y.stat)),
                );
                row.push(rank(b.rank_previous));
            }
            row.push(b.years[0].stat.n.to_string());
            row
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: Some(w.t("Hindren, medelvärde 0–5", "The barriers, mean 0–5")),
        columns,
        rows,
    }));
    blocks.push(muted(w.t(
        "SLIT 2025 visar hindren i ett diagram utan siffror i texten; rapporten säger att det största hindret, liksom året innan, är brist på egna resurser, och att hindren ekonomi och verksamhetens inställning ökar. Därför står inga SLIT-siffror här.",
        "SLIT 2025 shows the barriers in a chart with no figures in its text; the report says that the biggest barrier, as the year before, is the lack of own resources, and that the barriers economy and the organisation's attitude are rising. So no SLIT figures stand here.",
    )));
    Page {
        title: w.t("Hinder för digitalisering", "Barriers to digitalisation"),
        blocks,
    }
}

fn verdict_name(id: &str, w: &Words) -> String {
    match id {
        "ready" => w.t("Redo", "Ready"),
        "partly_ready" => w.t("Delvis redo", "Partly ready"),
        "not_ready" => w.t("Inte redo", "Not ready"),
        other => other.to_string(),
    }
}

fn readiness(r: &NationalReport, w: &Words) -> Page {
    let titles: Vec<String> = answered(r, Kind::Readiness)
        .iter()
        .map(|q| q.title.get(w.lang).to_string())
        .collect();
    let assessed = if titles.is_empty() {
        w.t("beredskap", "readiness")
    } else {
        titles
            .iter()
            .map(|t| in_sentence(t))
            .collect::<Vec<_>>()
            .join(w.lang.pick(" och ", " and "))
    };
    let mut blocks = vec![paragraph(w.t(
        &format!("Regionernas bedömning av {assessed}, per slags lösning: hur många regioner som blev redo, delvis redo och inte redo, och de hinder som oftast avgjorde bedömningen."),
        &format!("The regions' assessment of {assessed}, per kind of solution: how many regions were ready, partly ready and not ready, and the blockers that most often decided the verdict."),
    ))];
    if r.readiness.is_empty() {
        blocks.push(paragraph(w.t(
            &format!("Inga beredskapsbedömningar kom in för {}.", r.year),
            &format!("No readiness assessments came in for {}.", r.year),
        )));
    } else {
        let mut columns = vec![
            column(w.t("Lösning", "Solution"), 0.4, false),
            column(w.t("Regioner", "Regions"), 0.12, true),
        ];
        for v in VERDICTS {
            columns.push(column(verdict_name(v, w), 0.16, true));
        }
        let rows = r
            .readiness
            .iter()
            .map(|s| {
                let name = if s.name.is_empty() {
                    w.t(
                        &format!("Andra lösningar, färre än {} regioner var", r.min_regions),
                        &format!("Other solutions, fewer than {} regions each", r.min_regions),
                    )
                } else {
                    s.name.clone()
                };
                let mut row = vec![name, s.n.to_string()];
                for v in VERDICTS {
                    row.push(if s.withheld {
                        w.withheld()
                    } else {
                        s.verdicts
                            .get(v)
                            .map_or_else(|| "–".into(), ToString::to_string)
                    });
                }
                row
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: Some(w.t(
                "Bedömning per slags lösning",
                "Verdict per kind of solution",
            )),
            columns,
            rows,
        }));
        for s in &r.readiness {
            if s.blockers.is_empty() {
                continue;
            }
            blocks.push(Block::Heading {
                text: w.t(
                    &format!("Avgörande hinder: {}", s.name),
                    &format!("Deciding blockers: {}", s.name),
                ),
            });
            blocks.push(Block::Bullets {
                items: s
                    .blockers
                    .iter()
                    .map(|b| {
                        format!(
                            "{}: {} {} {}",
                            capitalised(b.reason.get(w.lang)),
                            b.count,
                            w.t("av", "of"),
                            s.n
                        )
                    })
                    .collect(),
            });
        }
        if r.readiness.iter().any(|s| s.withheld) {
            blocks.push(muted(w.t(
                &format!(
                    "Undanhållen: färre än {} regioner bedömde lösningen, eller en bedömning gavs av så få att den skulle avslöja enskilda regioners svar. Hinder visas bara när de avgjorde för minst {} regioner och inte för alla utom färre än {}.",
                    r.min_regions, r.min_regions, r.min_regions
                ),
                &format!(
                    "Withheld: fewer than {} regions assessed the solution, or a verdict was given by so few that it would reveal single regions' answers. Blockers show only when they decided for at least {} regions and not for all but fewer than {}.",
                    r.min_regions, r.min_regions, r.min_regions
                ),
            )));
        }
    }
    Page {
        title: if titles.len() == 1 {
            titles[0].clone()
        } else {
            w.t("Beredskap", "Readiness")
        },
        blocks,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// A withheld figure's name as the pages show it: the indicator's, area's or barrier's.
fn figure_name(r: &NationalReport, id: &str, w: &Words) -> String {
    if id == "overall" {
        return w.t("riksindex", "national index");
    }
    if id.is_empty() {
        return w.t("andra lösningar", "other solutions");
    }
    r.indicators
        .iter()
        .find(|i| i.question == id)
        .map(|i| i.title.get(w.lang).to_string())
        .or_else(|| {
            r.areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| format!("{} {}", a.number, a.title.get(w.lang)))
        })
        .or_else(|| {
            r.groups
                .iter()
                .find(|g| g.id == id)
                .map(|g| format!("{} {}", w.t("gruppen", "the group"), g.title.get(w.lang)))
        })
        .or_else(|| {
            r.barriers.iter().find(|b| b.id == id).map(|b| {
                format!(
                    "{} {}",
                    w.t("hinder", "barrier"),
                    b.label.get(w.lang).to_lowercase()
                )
            })
        })
        .unwrap_or_else(|| id.to_string())
}

fn method(r: &NationalReport, w: &Words) -> Page {
    let k = r.min_regions;
    let mut items = vec![
        w.t(
            "Underlaget är regionernas egna svarsfiler, var och en kontrollerad mot sin enkät och poängsatt med dess bedömningsmall, som i mognad benchmark. Varje region räknas en gång per år och enkät; filer som inte kunde läsas eller hade fel är inte med.",
            "The figures come from the regions' own answers files, each checked against its questionnaire and scored with its rubric, as in mognad benchmark. Each region counts once a year and questionnaire; files that could not be read or had errors are left out.",
        ),
        w.t(
            "Kvartiler och median räknas som Excels KVARTIL.INK. Vet ej, Ej tillämpligt och obesvarade frågor räknas inte.",
            "Quartiles and median are computed as Excel's QUARTILE.INC. Don't know, Not applicable and unanswered questions are not counted.",
        ),
        w.t(
            &format!(
                "k-regeln: en siffra som vilar på färre än {k} regioner publiceras inte, och inga enskilda regioners poäng visas i grupper mindre än så. Ett antal publiceras bara när det är 0 eller minst {k} och minst {k} regioner svarade annat; annars undanhålls alla antal för den frågan det året, eftersom de övriga annars ger det undanhållna genom subtraktion. Ingen som känner till färre än {k} regioners svar kan då räkna ut en annan regions svar."
            ),
            &format!(
                "The k-rule: a figure that rests on fewer than {k} regions is not published, and no single regions' scores are shown in groups smaller than that. A count is published only when it is 0 or at least {k} and at least {k} regions answered otherwise; else every count of that question that year is withheld, since the others would give the withheld one away by subtraction. No one who knows fewer than {k} regions' answers can then work out another region's answer."
            ),
        ),
    ];
    let editions: Vec<String> = r
        .editions
        .iter()
        .map(|e| {
            format!(
                "{} {} {}: {}",
                e.year,
                e.questionnaire,
                e.version,
                w.lang.regions(e.regions as usize)
            )
        })
        .collect();
    items.push(w.t(
        &format!("Enkätutgåvor: {}. Frågor som har bytt id följs genom sina fortsättningar (continues), och indikatorer genom sin indikatornyckel.", editions.join("; ")),
        &format!("Questionnaire editions: {}. Questions whose id changed are followed through what they continue (continues), and indicators through their indicator key.", editions.join("; ")),
    ));
    if has_readiness(r) {
        items.push(w.t(
            &format!("En beredskapsenkät besvaras en gång per lösning, så en region kan ha flera svarsfiler: en bedömning räknas per region och lösning, och en poäng visas bara när dess svarsfiler kommer från minst {k} regioner."),
            &format!("A readiness questionnaire is answered once per solution, so a region may have several answers files: a verdict counts per region and solution, and a score is shown only when its files come from at least {k} regions."),
        ));
    }
    if !r.indicators.is_empty() {
        items.push(w.t(
        "Metodbyte: till och med 2025 kommer indikatorernas siffror från SLIT:s rapport IT och digitalisering i hälso- och sjukvården, av 21 regioner. Därefter räknas regionernas svarsfiler, av de regioner som svarade med ett värde. SLIT:s siffror anges bara där rapporten ger dem; där den ger ord i stället för antal står orden.",
        "Method change: up to 2025 the indicators' figures come from SLIT's report IT och digitalisering i hälso- och sjukvården, of 21 regions. After that the regions' answers files are counted, of the regions that answered with a value. SLIT's figures are given only where the report gives them; where it gives words instead of a count, the words stand.",
    ));
    }
    if r.named {
        let names: Vec<String> = r
            .editions
            .iter()
            .filter(|e| e.year == r.year)
            .flat_map(|e| e.names.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        items.push(w.t(
            &format!(
                "Regionerna har gått med på att namnges: {}.",
                names.join(", ")
            ),
            &format!("The regions agreed to be named: {}.", names.join(", ")),
        ));
    } else {
        items.push(w.t(
            "Ingen region namnges i rapporten eller i dess öppna data.",
            "No region is named in the report or its open data.",
        ));
    }
    if r.example {
        items.push(w.t(
            "Exempeldata: svaren kommer från fiktiva regioner och beskriver varken verkliga regioner eller riket.",
            "Example data: the answers come from fictional regions and describe neither real regions nor the nation.",
        ));
    }
    let mut blocks = vec![Block::Bullets { items }];
    blocks.push(Block::Heading {
        text: w.t("Undanhållna siffror", "Withheld figures"),
    });
    if r.withheld.is_empty() {
        blocks.push(paragraph(
            w.t("Ingen siffra är undanhållen.", "No figure is withheld."),
        ));
    } else {
        let mut text = String::new();
        for reason in [Reason::FewRegions, Reason::Complement] {
            let list: Vec<String> = r
                .withheld
                .iter()
                .filter(|x| x.reason == reason)
                .map(|x| format!("{} {}", figure_name(r, &x.figure, w), x.year))
                .collect();
            if list.is_empty() {
                continue;
            }
            let _ = write!(
                text,
                "{}{}: {}.",
                if text.is_empty() { "" } else { " " },
                match reason {
                    Reason::FewRegions => w.t(
                        &format!("Färre än {k} regioner ({})", list.len()),
                        &format!("Fewer than {k} regions ({})", list.len()),
                    ),
                    Reason::Complement => w.t(
                        &format!("Antal eller resten under {k} ({})", list.len()),
                        &format!("Count or the rest below {k} ({})", list.len()),
                    ),
                },
                list.join(", ")
            );
        }
        blocks.push(paragraph(text));
    }
    blocks.push(muted(w.t(
        "Siffrorna finns också som öppna data bredvid rapporten, i filer med samma namn och ändelserna .csv och .json (mognad.national-report/1): de siffror som rapporten bygger på, med två decimaler, och inget som är undanhållet.",
        "The figures are also open data beside the report, in files of the same name ending in .csv and .json (mognad.national-report/1): the figures the report is drawn from, at two decimals, and nothing withheld.",
    )));
    Page {
        title: w.t("Metod", "Method"),
        blocks,
    }
}

/// The legend of a strip of scores: one dot per `one`, this year's median, last year's middle
/// half when there is a last year.
fn strip_legend(
    w: &Words,
    one: String,
    year: i32,
    previous: Option<i32>,
) -> Vec<(SeriesKind, String)> {
    let mut legend = vec![
        (SeriesKind::Region, one),
        (
            SeriesKind::National,
            w.t(&format!("median {year}"), &format!("median {year}")),
        ),
    ];
    if let Some(y) = previous {
        legend.push((
            SeriesKind::LastYear,
            w.t(&format!("mittenhalvan {y}"), &format!("middle half {y}")),
        ));
    }
    legend
}

/// A table column of one year's median and middle half.
fn median_column(w: &Words, year: i32, width: f32) -> Column {
    column(
        w.t(
            &format!("Median (mittenhalva) {year}"),
            &format!("Median (middle half) {year}"),
        ),
        width,
        true,
    )
}
