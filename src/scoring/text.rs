//! The scorecard as a table for people, in Swedish or English, and as CSV for a spreadsheet.
//! Pure: scorecard in, text out.
//!
//! [`render`] writes the full table, as piped output and the snapshots have it.
//! [`render_width`] says the same within a terminal's width: what does not fit moves out of
//! the table into a line under it (the counts of *Vet ej* and *Ej tillämpligt*, then the
//! progress toward the targets), long area titles wrap within their column, and below that
//! each area gets a block of its own. Widths are display columns, so å, ä, ö and the dashes
//! count as one.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};
use textwrap::core::display_width;

use crate::answers::Rule;
use crate::lang::{Lang, Text};
use crate::scoring::targets::standing;
use crate::scoring::{
    AreaScore, NoScore, Observed, QuestionOutcome, QuestionResult, Scorecard, Subject, Verdict,
    WithoutEvidence,
};

/// A rule above and below the table and under its header; rows stand without lines between
/// them, which reads better on a projector.
const STYLE: TableStyle = TableStyle::new()
    .top_border(LineStyle::none().fill('─').junction('─'))
    .header_separator(LineStyle::none().fill('─').junction('─'))
    .bottom_border(LineStyle::none().fill('─').junction('─'));

/// How wide wrapped paragraphs are.
const WIDTH: usize = 88;

/// The narrowest width [`render_width`] lays out for; a narrower one is taken as this.
pub const MIN_WIDTH: usize = 60;

/// The narrowest an area's number and title may wrap to in a table's first column; a table
/// that would need less becomes one block per area.
const MIN_TITLE: usize = 24;

/// The scorecard with the full table: one row per area with every column.
pub fn render(card: &Scorecard, lang: Lang) -> String {
    write(card, lang, &Layout::FULL)
}

/// The scorecard laid out to fit `width` display columns (at least [`MIN_WIDTH`]): the same
/// as [`render`] when all of that fits, else a narrower layout with no line wider than
/// `width` and every score, level, coverage, target and gap still said.
pub fn render_width(card: &Scorecard, lang: Lang, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let full = render(card, lang);
    if widest(&full) <= width {
        return full;
    }
    write(card, lang, &Layout::fit(card, lang, width))
}

/// The display width of the widest line.
fn widest(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

/// How the scorecard is laid out.
struct Layout {
    /// The width to keep within; `None` for the full table, whose single lines stand as they
    /// are and whose paragraphs wrap at [`WIDTH`].
    width: Option<usize>,
    areas: Areas,
}

/// How the areas are shown.
#[derive(Clone, Copy)]
enum Areas {
    Table(Columns),
    /// One block per area: the title, then its figures on a line or two.
    Blocks,
}

/// Which of the areas table's secondary columns are shown; what is left out is said in a
/// line under the table.
#[derive(Clone, Copy)]
struct Columns {
    /// *Vet ej* and *Ej tillämpligt*.
    counts: bool,
    /// *Väg till mål*, when the scorecard has it.
    progress: bool,
}

impl Layout {
    const FULL: Layout = Layout {
        width: None,
        areas: Areas::Table(Columns {
            counts: true,
            progress: true,
        }),
    };

    /// The richest layout whose areas fit `width`: a table whose titles need not wrap if there
    /// is one, else the narrowest table with wrapped titles, else blocks.
    fn fit(card: &Scorecard, lang: Lang, width: usize) -> Layout {
        let progress = card.targets.as_ref().is_some_and(|t| t.since.is_some());
        let mut choices = vec![
            Columns {
                counts: true,
                progress,
            },
            Columns {
                counts: false,
                progress,
            },
        ];
        if progress {
            choices.push(Columns {
                counts: false,
                progress: false,
            });
        }
        let grid = |columns| areas_grid(card, lang, columns, true);
        let narrowest = choices[choices.len() - 1];
        let areas = choices
            .iter()
            .copied()
            .find(|c| widest(&grid(*c).render(None)) <= width)
            .or_else(|| grid(narrowest).fit(Some(width)).map(|_| narrowest))
            .map_or(Areas::Blocks, Areas::Table);
        Layout {
            width: Some(width),
            areas,
        }
    }

    /// How wide paragraphs wrap.
    fn wrap(&self) -> usize {
        self.width.map_or(WIDTH, |w| w.min(WIDTH))
    }

    /// A line of its own: as it is in the full layout, wrapped to the width otherwise.
    fn line(&self, out: &mut String, text: &str) {
        match self.width {
            None => {
                let _ = writeln!(out, "{text}");
            }
            Some(width) => wrap(out, text, width, "", ""),
        }
    }

    /// Items on a line of their own, joined by ` · `; wrapped between items when the line
    /// is too long.
    fn items(&self, out: &mut String, items: &[&str]) {
        match self.width {
            None => {
                let _ = writeln!(out, "{}", items.join(" · "));
            }
            Some(width) => {
                for line in joined(items, " · ", "", "", width) {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
    }

    /// A paragraph, wrapped with these indents.
    fn paragraph(&self, out: &mut String, text: &str, first: &str, rest: &str) {
        wrap(out, text, self.wrap(), first, rest);
    }

    /// Whether a level cell says only that there is no score, leaving why to the notes.
    fn short(&self) -> bool {
        self.width.is_some()
    }
}

fn wrap(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    let options = wrapping(width)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{line}");
    }
}

/// How text for people wraps: at spaces, never within a word, and never between a question's
/// number and the word after it, so that no line ends with a bare `4.3`.
pub(crate) fn wrapping(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).word_separator(textwrap::WordSeparator::Custom(words))
}

/// The words of a line, each with the spaces after it; a question's number (`4.3`, also
/// as `(4.3`) is one word with the next.
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut starts = vec![0];
    let mut space = false;
    for (at, c) in line.char_indices() {
        if c == ' ' {
            space = true;
        } else if space {
            starts.push(at);
            space = false;
        }
    }
    let numbered = |word: &str| {
        word.trim_start_matches('(')
            .trim_end()
            .split_once('.')
            .is_some_and(|(area, question)| {
                [area, question]
                    .iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    let mut words = Vec::new();
    let mut at = 0;
    while at < starts.len() {
        let start = starts[at];
        let mut next = at + 1;
        let end = |next: usize| starts.get(next).copied().unwrap_or(line.len());
        if numbered(&line[start..end(next)]) && next < starts.len() {
            next += 1;
        }
        words.push(textwrap::core::Word::from(&line[start..end(next)]));
        at = next;
    }
    Box::new(words.into_iter())
}

/// A table whose first column is an area's number and title, which may wrap.
struct Grid {
    header: Vec<String>,
    /// Per row: the area's number, its title, then the other cells.
    rows: Vec<(u32, String, Vec<String>)>,
    /// Whether each of the other columns holds numbers, aligned right.
    numeric: Vec<bool>,
}

impl Grid {
    /// The table, its titles wrapped to `title` columns (number included) when given.
    fn render(&self, title: Option<usize>) -> String {
        let mut table = Table::new();
        table
            .load_style(STYLE)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(self.header.iter().map(Cell::new));
        for (number, name, cells) in &self.rows {
            let name = match title {
                Some(width) => textwrap::wrap(name, width.saturating_sub(4)).join("\n    "),
                None => name.clone(),
            };
            let mut row = vec![Cell::new(format!("{number:>2}  {name}"))];
            row.extend(cells.iter().zip(&self.numeric).map(|(cell, numeric)| {
                let cell = Cell::new(cell);
                if *numeric {
                    cell.set_alignment(CellAlignment::Right)
                } else {
                    cell
                }
            }));
            table.add_row(row);
        }
        let mut text = String::new();
        for line in table.lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }

    /// The table within `width`, its titles wrapped as far as needed; `None` when they would
    /// have to wrap narrower than [`MIN_TITLE`] or break a word (Swedish has long ones:
    /// *vårdinformationssystemet*).
    fn fit(&self, width: Option<usize>) -> Option<String> {
        let text = self.render(None);
        let Some(width) = width else {
            return Some(text);
        };
        let over = widest(&text).saturating_sub(width);
        if over == 0 {
            return Some(text);
        }
        let first = self.first_width();
        let longest = self
            .rows
            .iter()
            .flat_map(|(_, name, _)| name.split(' '))
            .map(|word| 4 + display_width(word))
            .max()
            .unwrap_or(0);
        let title = first
            .checked_sub(over)
            .filter(|t| *t >= MIN_TITLE.max(longest))?;
        Some(self.render(Some(title)))
    }

    /// The table within `width` whatever it takes, breaking words in the titles if need be.
    fn squeezed(&self, width: Option<usize>) -> String {
        if let Some(text) = self.fit(width) {
            return text;
        }
        let text = self.render(None);
        let over = width.map_or(0, |width| widest(&text).saturating_sub(width));
        let first = self.first_width();
        self.render(Some(first.saturating_sub(over).max(MIN_TITLE / 2)))
    }

    /// How wide the first column is with no title wrapped.
    fn first_width(&self) -> usize {
        self.rows
            .iter()
            .map(|(number, name, _)| display_width(&format!("{number:>2}  {name}")))
            .chain(self.header.first().map(|h| display_width(h)))
            .max()
            .unwrap_or(0)
    }
}

fn write(card: &Scorecard, lang: Lang, layout: &Layout) -> String {
    let mut out = String::new();
    let year = card.year.to_string();
    let title = format!(
        "{} ({} {})",
        card.questionnaire.title.get(lang),
        card.questionnaire.id,
        card.questionnaire.version
    );
    layout.items(&mut out, &[&card.region, &year, &title]);
    if let Some(solution) = &card.solution {
        let name = format!("{}: {}", lang.pick("Lösning", "Solution"), solution.name);
        let group = format!(
            "{}: {}",
            lang.pick("Målgrupp", "Target group"),
            solution.target_group
        );
        layout.items(&mut out, &[&name, &group]);
    }
    out.push('\n');
    areas(&mut out, card, lang, layout);
    out.push('\n');
    groups(&mut out, card, lang, layout);
    overall(&mut out, card, lang, layout);
    targets(&mut out, card, lang, layout);
    verdict(&mut out, card, lang, layout);
    team(&mut out, card, lang, layout);
    notes(&mut out, card, lang, layout);
    unscored(&mut out, card, lang, layout);
    next_steps(&mut out, card, lang, layout);
    out.push('\n');
    layout.line(
        &mut out,
        &if lang == Lang::Sv {
            format!(
                "Bedömningsmall {} {}. Ett område får poäng när minst {} av dess tillämpliga frågor är besvarade.",
                card.rubric.id,
                card.rubric.version,
                lang.percent(card.coverage_min)
            )
        } else {
            format!(
                "Rubric {} {}. An area is scored when at least {} of its applicable questions are answered.",
                card.rubric.id,
                card.rubric.version,
                lang.percent(card.coverage_min)
            )
        },
    );
    out
}

/// The areas as the layout has them, with a line under for what the table leaves out.
fn areas(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let progress = card.targets.as_ref().is_some_and(|t| t.since.is_some());
    let (counts_left_out, progress_left_out) = match layout.areas {
        Areas::Table(columns) => {
            let grid = areas_grid(card, lang, columns, layout.short());
            out.push_str(&grid.squeezed(layout.width));
            (!columns.counts, progress && !columns.progress)
        }
        Areas::Blocks => {
            out.push_str(&area_blocks(card, lang, layout.width.unwrap_or(WIDTH)));
            (true, false)
        }
    };
    if counts_left_out {
        layout.paragraph(out, &counts(card, lang), "", "");
    }
    if progress_left_out {
        let each = progress_by_area(card, lang);
        let each: Vec<&str> = each.iter().map(String::as_str).collect();
        for line in joined(&each, ", ", ",", "", layout.wrap()) {
            let _ = writeln!(out, "{line}");
        }
    }
}

fn areas_grid(card: &Scorecard, lang: Lang, columns: Columns, short: bool) -> Grid {
    let mut header = vec![
        lang.pick("Område", "Area"),
        lang.pick("Poäng", "Score"),
        lang.pick("Nivå", "Level"),
        lang.pick("Täckning", "Coverage"),
    ];
    let mut numeric = vec![true, false, true];
    if columns.counts {
        header.extend([
            lang.pick("Vet ej", "Don't know"),
            lang.pick("Ej till.", "N/A"),
        ]);
        numeric.extend([true, true]);
    }
    let targets = card.targets.as_ref();
    let progress = columns.progress && targets.is_some_and(|t| t.since.is_some());
    if targets.is_some() {
        header.extend([lang.pick("Mål", "Target"), lang.pick("Kvar", "Gap")]);
        numeric.extend([true, true]);
    }
    if progress {
        // On two lines, to keep the table within a projector's width.
        header.push(lang.pick("Väg till\nmål", "Progress"));
        numeric.push(true);
    }
    let dash = || "–".to_string();
    let rows = card
        .areas
        .iter()
        .filter(|a| a.scored)
        .map(|area| {
            let mut cells = vec![
                score(area, lang),
                level(area, lang, short),
                area.coverage.map_or_else(dash, |c| lang.percent(c)),
            ];
            if columns.counts {
                cells.extend([area.dont_know.to_string(), area.not_applicable.to_string()]);
            }
            if targets.is_some() {
                cells.extend([
                    area.target.map_or_else(dash, |t| t.to_string()),
                    gap(area, lang),
                ]);
            }
            if progress {
                cells.push(area.progress.map_or_else(dash, |p| lang.percent(p)));
            }
            (area.number, area.title.get(lang).to_string(), cells)
        })
        .collect();
    Grid {
        header: header.into_iter().map(ToString::to_string).collect(),
        rows,
        numeric,
    }
}

/// An area's score, marked ` *` when a gate lowered it.
fn score(area: &AreaScore, lang: Lang) -> String {
    let gated = if area.gates.iter().any(|g| g.lowered) {
        " *"
    } else {
        ""
    };
    area.score.map_or_else(
        || "–".to_string(),
        |s| format!("{}{gated}", lang.decimal(s)),
    )
}

/// How far an area is from its target: `0,6`, `nått`, or `–` without a target.
fn gap(area: &AreaScore, lang: Lang) -> String {
    match area.gap {
        Some(gap) if gap > 0.0 => lang.decimal(gap),
        Some(_) => lang.pick("nått", "reached").to_string(),
        None => "–".to_string(),
    }
}

/// One block per area, for widths where no table fits: the number and title, then its
/// figures, each with its name, on as few lines as fit.
fn area_blocks(card: &Scorecard, lang: Lang, width: usize) -> String {
    let progress = card.targets.as_ref().is_some_and(|t| t.since.is_some());
    let mut lines = Vec::new();
    for area in card.areas.iter().filter(|a| a.scored) {
        let options = textwrap::Options::new(width)
            .initial_indent(" ")
            .subsequent_indent("     ");
        let title = format!("{:>2}  {}", area.number, area.title.get(lang));
        lines.extend(
            textwrap::wrap(&title, options)
                .into_iter()
                .map(String::from),
        );
        let mut figures = Vec::new();
        if area.score.is_some() {
            figures.push(format!(
                "{} {}",
                lang.pick("Poäng", "Score"),
                score(area, lang)
            ));
            figures.push(format!(
                "{} {}",
                lang.pick("nivå", "level"),
                level(area, lang, true)
            ));
        } else {
            figures.push(capitalized(&level(area, lang, true)));
        }
        figures.push(format!(
            "{} {}",
            lang.pick("täckning", "coverage"),
            area.coverage
                .map_or_else(|| "–".to_string(), |c| lang.percent(c))
        ));
        if card.targets.is_some() {
            let target = lang.pick("mål", "target");
            figures.push(match (area.target, area.gap) {
                (Some(t), Some(gap)) if gap > 0.0 => format!(
                    "{target} {t}, {} {}",
                    lang.pick("kvar", "gap"),
                    lang.decimal(gap)
                ),
                (Some(t), _) => format!("{target} {t}, {}", gap(area, lang)),
                (None, _) => format!("{target} –"),
            });
        }
        if progress && let Some(p) = area.progress {
            figures.push(format!(
                "{} {}",
                lang.pick("väg till mål", "progress"),
                lang.percent(p)
            ));
        }
        let figures: Vec<&str> = figures.iter().map(String::as_str).collect();
        lines.extend(joined(&figures, " · ", "", "     ", width));
    }
    let rule = "─".repeat(lines.iter().map(|l| display_width(l)).max().unwrap_or(0));
    let mut text = format!("{rule}\n");
    for line in lines {
        let _ = writeln!(text, "{}", line.trim_end());
    }
    let _ = writeln!(text, "{rule}");
    text
}

/// Items joined by `separator` on as few lines as fit `width`, each line indented: a line
/// breaks between items, ending with `end` (`,` for a list, nothing after a middle dot), and
/// within one only when it is too long for a line of its own.
fn joined(items: &[&str], separator: &str, end: &str, indent: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        if line.is_empty() {
        } else if display_width(&line) + display_width(separator) + display_width(item) <= width {
            let _ = write!(line, "{separator}{item}");
            continue;
        } else {
            if display_width(&line) + display_width(end) <= width {
                line.push_str(end);
            }
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let options = wrapping(width)
            .initial_indent(indent)
            .subsequent_indent(indent);
        let mut wrapped: Vec<String> = textwrap::wrap(item, options)
            .into_iter()
            .map(String::from)
            .collect();
        line = wrapped.pop().unwrap_or_default();
        lines.extend(wrapped);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The counts of *Vet ej* and *Ej tillämpligt* per area, for a layout without their columns:
/// `Vet ej: 1 svar vardera i område 2, 3 och 5. Ej tillämpligt: inga.`
fn counts(card: &Scorecard, lang: Lang) -> String {
    let scored: Vec<&AreaScore> = card.areas.iter().filter(|a| a.scored).collect();
    let said = |count: fn(&AreaScore) -> usize| {
        let mut by_count: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for area in &scored {
            let n = count(area);
            if n > 0 {
                by_count.entry(n).or_default().push(area.number.to_string());
            }
        }
        if by_count.is_empty() {
            return lang.pick("inga", "none").to_string();
        }
        by_count
            .iter()
            .map(|(n, areas)| {
                let list = listed(areas, lang);
                match (lang, n, areas.len()) {
                    (Lang::Sv, n, 1) => format!("{n} svar i område {list}"),
                    (Lang::Sv, n, _) => format!("{n} svar vardera i område {list}"),
                    (Lang::En, 1, 1) => format!("1 answer in area {list}"),
                    (Lang::En, n, 1) => format!("{n} answers in area {list}"),
                    (Lang::En, 1, _) => format!("1 answer each in areas {list}"),
                    (Lang::En, n, _) => format!("{n} answers each in areas {list}"),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!(
        "{}: {}. {}: {}.",
        lang.pick("Vet ej", "Don't know"),
        said(|a| a.dont_know),
        lang.pick("Ej tillämpligt", "Not applicable"),
        said(|a| a.not_applicable)
    )
}

/// The progress toward each area's target, for a layout without its column, to be joined by
/// commas: `Väg till mål per område: 1: 14 %`, `2: 0 %.`; nothing when no area has any.
fn progress_by_area(card: &Scorecard, lang: Lang) -> Vec<String> {
    let mut each: Vec<String> = card
        .areas
        .iter()
        .filter(|a| a.scored)
        .filter_map(|a| Some(format!("{}: {}", a.number, lang.percent(a.progress?))))
        .collect();
    if let Some(first) = each.first_mut() {
        *first = format!(
            "{}: {first}",
            lang.pick("Väg till mål per område", "Progress by area")
        );
    }
    if let Some(last) = each.last_mut() {
        last.push('.');
    }
    each
}

/// `2, 3 och 5`, `2, 3 and 5`.
fn listed(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("och", "and")),
    }
}

/// A question as people find it: its number, and its label when it has one.
pub(crate) fn question_name(number: &str, label: Option<&Text>, lang: Lang) -> String {
    match label {
        Some(label) => format!("{number} {}", label.get(lang)),
        None => number.to_string(),
    }
}

/// A team's answers: who answered, the rule, per area how many answered and disagreed, and
/// every split question with each respondent's answer.
fn team(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let Some(team) = &card.team else {
        return;
    };
    let people: Vec<String> = team
        .respondents
        .iter()
        .map(|r| {
            if r.role.trim().is_empty() {
                r.name.clone()
            } else {
                format!("{} {}", r.role, r.name)
            }
        })
        .collect();
    let rule = match (team.rule, lang) {
        (Rule::Median, Lang::Sv) => {
            "medianen av deras svar (det vanligaste svaret på ja/nej- och flervalsfrågor)"
        }
        (Rule::Min, Lang::Sv) => "det lägsta av deras svar",
        (Rule::Median, Lang::En) => {
            "the median of theirs (the most common answer to yes/no and choice questions)"
        }
        (Rule::Min, Lang::En) => "the lowest of theirs",
    };
    let text = if lang == Lang::Sv {
        format!(
            "Teamet: {} svarande ({}). Teamets svar är {rule}; en skalfråga är oenig när minst {} av dem ligger mer än {} från medianen, andra frågor när svaren skiljer sig åt.",
            people.len(),
            people.join(", "),
            lang.percent(team.split_share),
            levels(team.split_distance, lang)
        )
    } else {
        format!(
            "The team: {} respondents ({}). The team's answer is {rule}; a scale question is split when at least {} of them are more than {} from the median, other questions when the answers differ.",
            people.len(),
            people.join(", "),
            lang.percent(team.split_share),
            levels(team.split_distance, lang)
        )
    };
    out.push('\n');
    layout.paragraph(out, &text, "", "");
    out.push('\n');
    let grid = Grid {
        header: vec![
            lang.pick("Område", "Area").to_string(),
            lang.pick("Svarande", "Respondents").to_string(),
            lang.pick("Oeniga", "Split").to_string(),
            lang.pick("Enade", "Settled").to_string(),
        ],
        rows: card
            .areas
            .iter()
            .map(|area| {
                let count = |n: Option<usize>| n.unwrap_or_default().to_string();
                (
                    area.number,
                    area.title.get(lang).to_string(),
                    vec![
                        count(area.respondents),
                        count(area.split),
                        count(area.settled),
                    ],
                )
            })
            .collect(),
        numeric: vec![true, true, true],
    };
    out.push_str(&grid.squeezed(layout.width));
    if team.split.is_empty() {
        out.push('\n');
        layout.line(
            out,
            lang.pick(
                "Inga oeniga frågor: teamet svarade samstämmigt.",
                "No split questions: the team answered alike.",
            ),
        );
        return;
    }
    let settled = team.split.iter().filter(|q| q.settled).count();
    out.push('\n');
    layout.line(
        out,
        &format!(
            "{} ({settled} {} {} {})",
            lang.pick("Oeniga frågor", "Split questions"),
            lang.pick("av", "of"),
            team.split.len(),
            lang.pick("enade", "settled")
        ),
    );
    for question in &team.split {
        let answers: Vec<String> = question
            .answers
            .iter()
            .map(|a| format!("{} {}", a.who, a.words.get(lang).to_lowercase()))
            .collect();
        let team_answer = question
            .team
            .as_ref()
            .map_or_else(|| "–".to_string(), |t| t.get(lang).to_lowercase());
        let mut line = format!(
            "{} {}: {}; ",
            question.number,
            question.label.get(lang),
            answers.join(", "),
        );
        match &question.rationale {
            Some(rationale) => {
                let _ = write!(
                    line,
                    "{} {team_answer}: {rationale}",
                    lang.pick("enade om", "settled on")
                );
            }
            None => {
                let _ = write!(line, "{} {team_answer}", lang.pick("förslag", "proposed"));
            }
        }
        layout.paragraph(out, &line, "  ", "    ");
    }
}

/// `1 nivå`, `2 nivåer`.
fn levels(count: u8, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Sv, 1) => "1 nivå".into(),
        (Lang::Sv, n) => format!("{n} nivåer"),
        (Lang::En, 1) => "1 level".into(),
        (Lang::En, n) => format!("{n} levels"),
    }
}

/// An area's level and its name; without a score, why, or when `short` only that there is
/// none (the notes then say why).
fn level(area: &AreaScore, lang: Lang, short: bool) -> String {
    match (&area.level, &area.level_name, &area.no_score) {
        (Some(level), Some(name), _) => format!("{level} {}", name.get(lang)),
        (_, _, Some(_)) if short => lang.pick("ingen poäng", "no score").into(),
        (_, _, Some(NoScore::LowCoverage { .. })) => lang
            .pick(
                "ingen poäng: för lite besvarat",
                "no score: too little answered",
            )
            .into(),
        (_, _, Some(NoScore::NothingApplicable)) => lang
            .pick(
                "ingen poäng: inget tillämpligt",
                "no score: nothing applicable",
            )
            .into(),
        (_, _, Some(NoScore::NothingAnswered)) => lang
            .pick("ingen poäng: inget besvarat", "no score: nothing answered")
            .into(),
        (_, _, Some(NoScore::NotScored)) => lang.pick("poängsätts inte", "not scored").into(),
        _ => "–".into(),
    }
}

/// The groups of areas, one line each: `Styrning (1, 2, 3): 2,4, nivå 2 Beslutad`.
fn groups(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    if card.groups.is_empty() {
        return;
    }
    layout.line(out, lang.pick("Grupper av områden", "Groups of areas"));
    for group in &card.groups {
        let numbers: Vec<String> = group
            .areas
            .iter()
            .filter_map(|id| card.areas.iter().find(|a| &a.id == id))
            .map(|a| a.number.to_string())
            .collect();
        let figure = match (group.score, group.level, &group.level_name) {
            (Some(score), Some(level), Some(name)) => format!(
                "{}, {} {level} {}",
                lang.decimal(score),
                lang.pick("nivå", "level"),
                name.get(lang)
            ),
            _ => lang
                .pick(
                    "ingen poäng: inget av områdena har poäng",
                    "no score: none of its areas is scored",
                )
                .to_string(),
        };
        let line = format!(
            "{} ({}): {figure}",
            group.title.get(lang),
            numbers.join(", ")
        );
        layout.paragraph(out, &line, "  ", "    ");
    }
    out.push('\n');
}

fn overall(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let o = &card.overall;
    let line = match (o.score, &o.level, &o.level_name) {
        (Some(score), Some(level), Some(name)) => format!(
            "{}: {} ({} {level} {}), {} {} {} {}.",
            lang.pick("Samlat index", "Overall index"),
            lang.decimal(score),
            lang.pick("nivå", "level"),
            name.get(lang),
            o.areas_scored,
            lang.pick("av", "of"),
            o.areas,
            lang.pick("områden har poäng", "areas scored"),
        ),
        _ if lang == Lang::Sv => format!(
            "Samlat index: inget, eftersom bara {} av {} områden har poäng (kravet är {}).",
            o.areas_scored, o.areas, o.min_areas
        ),
        _ => format!(
            "Overall index: none, since only {} of {} areas are scored (at least {} are needed).",
            o.areas_scored, o.areas, o.min_areas
        ),
    };
    layout.line(out, &line);
    for gate in o.gates.iter().filter(|g| g.lowered) {
        let line = format!(
            "{} {}: {} ({})",
            lang.pick("begränsat till", "capped at"),
            lang.decimal(gate.cap),
            gate.reason.get(lang),
            subjects(&gate.subject, &gate.also, card, lang)
        );
        layout.paragraph(out, &line, "  ", "    ");
    }
}

fn targets(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let Some(targets) = &card.targets else {
        return;
    };
    let mut line = if lang == Lang::Sv {
        format!(
            "Mål: {} av de {} områden som har ett mål har nått det.",
            targets.reached, targets.set
        )
    } else {
        format!(
            "Targets: {} of {} areas with a target have reached it.",
            targets.reached, targets.set
        )
    };
    if let Some(since) = targets.since {
        let _ = if lang == Lang::Sv {
            write!(
                line,
                " Väg till mål är hur stor del av vägen från poängen {since} till målet som har gåtts."
            )
        } else {
            write!(
                line,
                " Progress is how much of the way from the {since} score to the target has been gone."
            )
        };
    }
    layout.paragraph(out, &line, "", "");
}

fn verdict(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let Some(verdict) = &card.verdict else {
        return;
    };
    out.push('\n');
    if verdict.unsettled.is_empty() {
        let mut line = match &verdict.name {
            Some(name) => format!(
                "{}: {}",
                lang.pick("Bedömning", "Verdict"),
                name.get(lang).to_uppercase()
            ),
            None => match &verdict.at_most_name {
                Some(name) if lang == Lang::Sv => format!(
                    "Bedömning: högst {}; mer kan inte sägas, eftersom indexet saknas",
                    name.get(lang).to_uppercase()
                ),
                Some(name) => format!(
                    "Verdict: at most {}; no more can be said, since there is no index",
                    name.get(lang).to_uppercase()
                ),
                None => lang
                    .pick(
                        "Bedömning: kan inte ges, eftersom indexet saknas och inget hinder avgör",
                        "Verdict: cannot be given, since there is no index and no blocker decides it",
                    )
                    .to_string(),
            },
        };
        let decisive = verdict.blockers.iter().any(|b| b.decisive);
        if decisive && let Some(name) = &verdict.from_index_name {
            let _ = write!(
                line,
                " ({} {})",
                lang.pick("indexet ensamt ger", "the index alone gives"),
                name.get(lang).to_lowercase()
            );
        }
        layout.line(out, &line);
    } else {
        waiting(out, verdict, lang, layout);
    }
    if verdict.blockers.is_empty() {
        layout.line(out, lang.pick("Inget hinder gäller.", "No blocker holds."));
        return;
    }
    layout.line(out, lang.pick("Hinder:", "Blockers:"));
    for blocker in &verdict.blockers {
        let open = std::iter::once(&blocker.subject)
            .chain(&blocker.also)
            .filter_map(|s| s.question.as_ref())
            .any(|id| verdict.unsettled.iter().any(|q| &q.id == id));
        let line = format!(
            "{}: {} ({}){}",
            blocker.limit_name.get(lang),
            blocker.reason.get(lang),
            subjects(&blocker.subject, &blocker.also, card, lang),
            if blocker.decisive {
                lang.pick(", avgör bedömningen", ", decides the verdict")
            } else if open {
                lang.pick(
                    ", enligt förslaget; teamet har inte enats",
                    ", on the proposed answer; the team has not settled it",
                )
            } else {
                ""
            }
        );
        layout.paragraph(out, &line, "  – ", "    ");
    }
}

/// A verdict held back while the team has not settled a question a blocker looks at.
fn waiting(out: &mut String, verdict: &Verdict, lang: Lang, layout: &Layout) {
    let names: Vec<String> = verdict
        .unsettled
        .iter()
        .map(|q| question_name(&q.number, q.label.as_ref(), lang))
        .collect();
    let names = listed(&names, lang);
    let mut line = if lang == Lang::Sv {
        format!("Bedömning: väntar tills teamet har enats om {names}")
    } else {
        format!("Verdict: waits until the team has settled {names}")
    };
    if let Some(name) = &verdict.from_index_name {
        let _ = write!(
            line,
            " ({} {})",
            lang.pick("indexet ensamt ger", "the index alone gives"),
            name.get(lang).to_lowercase()
        );
    }
    layout.paragraph(out, &line, "", "  ");
    let why = match (verdict.unsettled.len(), lang) {
        (1, Lang::Sv) => "Ett hinder ser på den frågan, så bedömningen kan ändras när teamet enas.",
        (_, Lang::Sv) => "Hinder ser på de frågorna, så bedömningen kan ändras när teamet enas.",
        (1, Lang::En) => {
            "A blocker looks at that question, so the verdict can change when the team settles it."
        }
        (_, Lang::En) => {
            "Blockers look at those questions, so the verdict can change when the team settles them."
        }
    };
    layout.paragraph(out, why, "", "");
}

/// What a gate or blocker saw, every answer of a condition on several joined:
/// `4.4 Medicinteknisk produkt: Nej och 6.3 Data och larm till personalen: Ja, med larm …`.
fn subjects(first: &Subject, also: &[Subject], card: &Scorecard, lang: Lang) -> String {
    std::iter::once(first)
        .chain(also)
        .map(|s| subject(s, card, lang))
        .collect::<Vec<_>>()
        .join(lang.pick(" och ", " and "))
}

/// What one test saw: `2.1 Finansiering efter projektet: 1`, `3 Förankring och
/// vetokultur: 1,7`, `4.4 Medicinteknisk produkt: Nej`.
fn subject(subject: &Subject, card: &Scorecard, lang: Lang) -> String {
    let name = subject_name(subject, card, lang);
    if let Some(answer) = &subject.answer {
        return format!("{name}: {}", answer.get(lang));
    }
    match subject.observed {
        // A level or whole number of points reads best without a decimal.
        Observed::Value(value) if value.fract() == 0.0 => format!("{name}: {value:.0}"),
        Observed::Value(value) => format!("{name}: {}", lang.decimal(value)),
        Observed::Unknown if subject.question.is_some() => format!(
            "{name}: {}",
            lang.pick("vet ej eller obesvarad", "don't know or unanswered")
        ),
        Observed::Unknown => format!("{name}: {}", lang.pick("ingen poäng", "no score")),
    }
}

/// What a gate or blocker looked at, as people find it: a question by its number and label
/// (`4.3 CE-märkning`), an area by its number and title.
pub(crate) fn subject_name(subject: &Subject, card: &Scorecard, lang: Lang) -> String {
    match (&subject.question, &subject.number, &subject.area) {
        (Some(_), Some(number), _) => question_name(number, subject.label.as_ref(), lang),
        (Some(id), None, _) => id.clone(),
        (None, _, Some(id)) => card.areas.iter().find(|a| &a.id == id).map_or_else(
            || id.clone(),
            |a| format!("{} {}", a.number, a.title.get(lang)),
        ),
        (None, _, None) => String::new(),
    }
}

fn notes(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let mut lines: Vec<String> = card
        .without_evidence
        .iter()
        .map(|q| without_evidence(q, lang))
        .collect();
    for area in card.areas.iter().filter(|a| a.scored) {
        let name = format!("{} {}", area.number, area.title.get(lang));
        match area.no_score {
            Some(NoScore::LowCoverage { coverage, min }) => lines.push(if lang == Lang::Sv {
                format!(
                    "{name}: ingen poäng, {} av {} tillämpliga frågor besvarade ({} under kravet {})",
                    area.answered,
                    area.applicable,
                    lang.percent(coverage),
                    lang.percent(min)
                )
            } else {
                format!(
                    "{name}: no score, {} of {} applicable questions answered ({} is below the required {})",
                    area.answered,
                    area.applicable,
                    lang.percent(coverage),
                    lang.percent(min)
                )
            }),
            Some(NoScore::NothingApplicable) => lines.push(format!(
                "{name}: {}",
                lang.pick("ingen poäng, ingen fråga är tillämplig", "no score, no question is applicable")
            )),
            Some(NoScore::NothingAnswered) => lines.push(if lang == Lang::Sv {
                format!("{name}: ingen poäng, ingen av {} tillämpliga frågor är besvarad", area.applicable)
            } else {
                format!("{name}: no score, none of {} applicable questions is answered", area.applicable)
            }),
            Some(NoScore::NotScored) | None => {}
        }
        for gate in area.gates.iter().filter(|g| g.lowered) {
            lines.push(format!(
                "{name}: * {} {} ({} {}): {} ({})",
                lang.pick("begränsad till", "capped at"),
                lang.decimal(gate.cap),
                area.score_before_gates
                    .map(|s| lang.decimal(s))
                    .unwrap_or_default(),
                lang.pick("utan begränsning", "without the cap"),
                gate.reason.get(lang),
                subjects(&gate.subject, &gate.also, card, lang)
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    out.push('\n');
    layout.line(out, lang.pick("Anmärkningar", "Notes"));
    for line in lines {
        layout.paragraph(out, &line, "  ", "    ");
    }
}

/// `4.6 Leverantörer räknas som Vet ej: svaret Nej kräver underlag`
pub(crate) fn without_evidence(question: &WithoutEvidence, lang: Lang) -> String {
    let name = question_name(&question.number, question.label.as_ref(), lang);
    let words = question.words.get(lang);
    if lang == Lang::Sv {
        format!("{name} räknas som Vet ej: svaret {words} kräver underlag")
    } else {
        format!("{name} counts as Don't know: the answer {words} needs evidence")
    }
}

fn unscored(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let areas: Vec<&AreaScore> = card.areas.iter().filter(|a| !a.scored).collect();
    if areas.is_empty() {
        return;
    }
    out.push('\n');
    layout.line(
        out,
        lang.pick("Besvarat men inte poängsatt", "Answered but not scored"),
    );
    for area in areas {
        // The area's number leads the line, so a label alone names each question; a
        // question without one is named by its number.
        let answers: Vec<String> = area
            .questions
            .iter()
            .map(|q| {
                let name = q.label.as_ref().map_or(q.number.as_str(), |l| l.get(lang));
                format!("{name} {}", answer(q, lang))
            })
            .collect();
        let line = format!(
            "{} {}: {}",
            area.number,
            area.title.get(lang),
            answers.join(", ")
        );
        layout.paragraph(out, &line, "  ", "    ");
    }
}

/// An answer as a word or number: `4`, `ja`, `vet ej`.
fn answer(question: &QuestionResult, lang: Lang) -> String {
    match question.outcome {
        QuestionOutcome::Answered => match &question.value {
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(serde_json::Value::String(s)) => match s.as_str() {
                "yes" => lang.pick("ja", "yes").into(),
                "no" => lang.pick("nej", "no").into(),
                "partly" => lang.pick("delvis", "partly").into(),
                other => other.into(),
            },
            Some(other) => other.to_string(),
            None => "–".into(),
        },
        QuestionOutcome::DontKnow => lang.pick("vet ej", "don't know").into(),
        QuestionOutcome::NotApplicable => lang.pick("ej tillämpligt", "not applicable").into(),
        QuestionOutcome::Unanswered | QuestionOutcome::NotAsked => "–".into(),
    }
}

fn next_steps(out: &mut String, card: &Scorecard, lang: Lang, layout: &Layout) {
    let mut areas: Vec<&AreaScore> = card
        .areas
        .iter()
        .filter(|a| a.score.is_some() && a.next_step.is_some())
        .collect();
    if areas.is_empty() {
        return;
    }
    // The weakest first; between equals, the questionnaire's order. With targets, the areas
    // short of their target come first, furthest (by weight × gap) first.
    areas.sort_by(|a, b| {
        let by_gap = |area: &AreaScore| -(area.weight.unwrap_or(1.0) * area.gap.unwrap_or(0.0));
        (standing(a), by_gap(a), a.score)
            .partial_cmp(&(standing(b), by_gap(b), b.score))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let heading = if card.targets.is_some() {
        lang.pick(
            "Nästa steg där det är längst kvar till målet (alla områden: --format json)",
            "Next steps where the target is furthest away (every area: --format json)",
        )
    } else {
        lang.pick(
            "Nästa steg för de svagaste områdena (alla områden: --format json)",
            "Next steps for the weakest areas (every area: --format json)",
        )
    };
    out.push('\n');
    layout.line(out, heading);
    for area in areas.into_iter().take(3) {
        let Some(step) = &area.next_step else {
            continue;
        };
        let target = match (area.target, area.gap) {
            (Some(target), Some(gap)) if gap > 0.0 => format!(
                " ({} {target}, {} {})",
                lang.pick("mål", "target"),
                lang.pick("kvar", "gap"),
                lang.decimal(gap)
            ),
            _ => String::new(),
        };
        let line = format!(
            "{} {}{target}: {}",
            area.number,
            area.title.get(lang),
            step.get(lang)
        );
        layout.paragraph(out, &line, "  ", "    ");
    }
}

/// One row per area for a spreadsheet, and a last row for the overall index: the score, level
/// and level name, coverage in percent, the counts of answers, and the gates that capped the
/// score. Written as `spreadsheet` writes every table for Excel.
pub fn csv(card: &Scorecard, lang: Lang) -> String {
    let header: Vec<String> = if lang == Lang::Sv {
        [
            "id",
            "nr",
            "område",
            "poäng",
            "nivå",
            "nivånamn",
            "täckning %",
            "besvarade",
            "vet ej",
            "ej tillämpligt",
            "obesvarade",
            "tillämpliga",
            "spärr",
        ]
    } else {
        [
            "id",
            "no",
            "area",
            "score",
            "level",
            "level name",
            "coverage %",
            "answered",
            "don't know",
            "not applicable",
            "unanswered",
            "applicable",
            "gate",
        ]
    }
    .iter()
    .map(ToString::to_string)
    .collect();
    let mut rows = vec![header];
    for area in card.areas.iter().filter(|a| a.scored) {
        rows.push(vec![
            area.id.clone(),
            area.number.to_string(),
            area.title.get(lang).to_string(),
            crate::spreadsheet::number(area.score, lang),
            area.level.map(|l| l.to_string()).unwrap_or_default(),
            area.level_name
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default(),
            crate::spreadsheet::percent(area.coverage),
            area.answered.to_string(),
            area.dont_know.to_string(),
            area.not_applicable.to_string(),
            area.unanswered.to_string(),
            area.applicable.to_string(),
            area.gates
                .iter()
                .filter(|g| g.lowered)
                .map(|g| g.reason.get(lang).to_string())
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    let o = &card.overall;
    rows.push(vec![
        "index".into(),
        String::new(),
        lang.pick("Samlat index", "Overall index").into(),
        crate::spreadsheet::number(o.score, lang),
        o.level.map(|l| l.to_string()).unwrap_or_default(),
        o.level_name
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        o.gates
            .iter()
            .filter(|g| g.lowered)
            .map(|g| g.reason.get(lang).to_string())
            .collect::<Vec<_>>()
            .join("; "),
    ]);
    crate::spreadsheet::csv(&rows, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::builtin;
    use crate::document::{Document, parse};
    use crate::scoring::{score, with_progress};

    fn read(name: &str) -> Document {
        let path = format!("{}/{name}", env!("CARGO_MANIFEST_DIR"));
        parse(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn answers(name: &str) -> Answers {
        match read(name) {
            Document::Answers(answers) => answers,
            _ => unreachable!(),
        }
    }

    fn scored(id: &str, answers: &Answers) -> Scorecard {
        let questionnaire = builtin::questionnaire_at(id, "2025.1").unwrap().unwrap();
        let rubric = builtin::rubric_at(id, "2025.1").unwrap().unwrap();
        score(&questionnaire, &rubric, answers)
    }

    fn tiopunkt_with_targets() -> Answers {
        let Document::Targets(targets) = read("examples/exempelland-mal-2026.json") else {
            unreachable!()
        };
        let mut answers = answers("examples/exempelland-tiopunkt-2025.json");
        answers.targets = targets.targets;
        answers
    }

    /// The example readiness answers made worse: area 3 unanswered (no score), 4.3 CE-märkning
    /// at 1 (a blocker), 6.2 unknown, and 5.1 at 1 under two top answers (a gate lowers 5).
    fn beredskap_worse() -> Answers {
        let mut answers = answers("examples/exempelland-beredskap-2025.json");
        for id in ["r3-1", "r3-2", "r3-3"] {
            answers.answers.shift_remove(id);
        }
        let set = |answers: &mut Answers, id: &str, value: serde_json::Value| {
            answers.answers.get_mut(id).unwrap().value = Some(crate::answers::Value(value));
        };
        set(&mut answers, "r4-3", 1.into());
        set(&mut answers, "r5-1", 1.into());
        set(&mut answers, "r5-2", 5.into());
        set(&mut answers, "r5-3", 5.into());
        answers.answers.get_mut("r6-2").unwrap().status = Some(crate::answers::Status::DontKnow);
        answers.answers.get_mut("r6-2").unwrap().value = None;
        answers
    }

    /// Every kind of scorecard the examples give: both questionnaires with and without
    /// targets, with last year's progress, a team's, and one with gates, blockers and an area
    /// without a score.
    fn cards() -> Vec<(&'static str, Scorecard)> {
        let tiopunkt = answers("examples/exempelland-tiopunkt-2025.json");
        let last_year = scored(
            "tiopunkt",
            &answers("examples/exempelland-tiopunkt-2024.json"),
        );
        let beredskap = answers("examples/exempelland-beredskap-2025.json");
        let mut beredskap_targets = beredskap.clone();
        beredskap_targets.targets = (1..=9).map(|n| (format!("r{n}"), 3)).collect();
        vec![
            ("tiopunkt", scored("tiopunkt", &tiopunkt)),
            (
                "tiopunkt with targets",
                scored("tiopunkt", &tiopunkt_with_targets()),
            ),
            (
                "tiopunkt with targets and last year",
                with_progress(scored("tiopunkt", &tiopunkt_with_targets()), &last_year),
            ),
            (
                "tiopunkt team",
                scored(
                    "tiopunkt",
                    &answers("examples/team/team-tiopunkt-2025.json"),
                ),
            ),
            ("beredskap", scored("beredskap", &beredskap)),
            (
                "beredskap with targets",
                scored("beredskap", &beredskap_targets),
            ),
            ("beredskap worse", scored("beredskap", &beredskap_worse())),
        ]
    }

    fn too_wide(text: &str, width: usize) -> Vec<&str> {
        text.lines().filter(|l| display_width(l) > width).collect()
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        for (name, card) in cards() {
            for lang in [Lang::Sv, Lang::En] {
                for width in [60, 80, 99, 100, 120].into_iter().chain(60..=130) {
                    let text = render_width(&card, lang, width);
                    let wide = too_wide(&text, width);
                    assert!(
                        wide.is_empty(),
                        "{name} ({lang}) at {width}: {wide:#?}\n{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn where_the_full_table_fits_it_is_shown_as_is() {
        for (name, card) in cards() {
            for lang in [Lang::Sv, Lang::En] {
                let full = render(&card, lang);
                let fits = widest(&full);
                assert_eq!(render_width(&card, lang, fits), full, "{name} ({lang})");
                assert_eq!(render_width(&card, lang, 200), full, "{name} ({lang})");
                assert_ne!(render_width(&card, lang, fits - 1), full, "{name} ({lang})");
            }
        }
    }

    #[test]
    fn the_full_tables_are_wider_than_a_projector() {
        // What the narrow layouts are for: at 80 columns each of these wrapped.
        for (name, card) in cards() {
            let table = areas_grid(
                &card,
                Lang::Sv,
                Columns {
                    counts: true,
                    progress: true,
                },
                false,
            )
            .render(None);
            assert!(widest(&table) > 100, "{name}: {}", widest(&table));
        }
    }

    #[test]
    fn below_the_minimum_the_minimum_is_used() {
        let card = scored("tiopunkt", &tiopunkt_with_targets());
        assert_eq!(
            render_width(&card, Lang::Sv, 20),
            render_width(&card, Lang::Sv, MIN_WIDTH)
        );
    }

    /// Each area's part of the text: from the line that starts with its number to the line
    /// before the next area's, or the table's end.
    fn area_part(text: &str, number: u32) -> String {
        let starts = |line: &str, n: u32| line.starts_with(&format!(" {n:>2}  "));
        let mut lines = text.lines().skip_while(|l| !starts(l, number));
        let first = lines.next().unwrap_or_default().to_string();
        let rest: Vec<&str> = lines
            .take_while(|l| !starts(l, number + 1) && !l.starts_with('─'))
            .collect();
        format!("{first}\n{}", rest.join("\n"))
    }

    #[test]
    fn every_figure_that_matters_is_kept_at_every_width() {
        for (name, card) in cards() {
            for lang in [Lang::Sv, Lang::En] {
                for width in [60, 80, 99] {
                    let text = render_width(&card, lang, width);
                    for area in card.areas.iter().filter(|a| a.scored) {
                        let part = area_part(&text, area.number);
                        // Joined across wrapped lines; the no-break space in `100 %` stays.
                        let words = part
                            .split([' ', '\n'])
                            .filter(|w| !w.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                        // A title may wrap beside the figures: its words are there.
                        let mut figures: Vec<String> = area
                            .title
                            .get(lang)
                            .split(' ')
                            .map(ToString::to_string)
                            .collect();
                        figures.extend(area.score.map(|s| lang.decimal(s)));
                        figures.extend(
                            area.level_name
                                .as_ref()
                                .map(|n| format!("{} {}", area.level.unwrap(), n.get(lang))),
                        );
                        figures.extend(area.coverage.map(|c| lang.percent(c)));
                        figures.extend(area.target.map(|t| t.to_string()));
                        figures.extend(area.gap.map(|_| gap(area, lang)));
                        for figure in figures {
                            assert!(
                                words.contains(&figure),
                                "{name} ({lang}) at {width}: area {} lacks {figure:?}:\n{part}",
                                area.number
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn what_leaves_the_table_is_said_under_it() {
        let card = with_progress(
            scored("tiopunkt", &tiopunkt_with_targets()),
            &scored(
                "tiopunkt",
                &answers("examples/exempelland-tiopunkt-2024.json"),
            ),
        );
        let text = render_width(&card, Lang::Sv, 80);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!text.contains("Vet ej   Ej till."), "{text}");
        assert!(
            words.contains("Vet ej: 1 svar vardera i område 2, 3 och 5. Ej tillämpligt: inga."),
            "{text}"
        );
        assert!(
            words.contains("Väg till mål per område: 1: 14 %, 2: 0 %,"),
            "{text}"
        );
        let en = render_width(&card, Lang::En, 80);
        let words = en.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("Don't know: 1 answer each in areas 2, 3 and 5. Not applicable: none."),
            "{en}"
        );
        assert!(words.contains("Progress by area: 1: 14%, 2: 0%,"), "{en}");
    }

    #[test]
    fn blockers_and_gates_name_questions_by_number_and_label() {
        let card = scored("beredskap", &beredskap_worse());
        let sv = render(&card, Lang::Sv);
        let words = sv.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "(4.3 CE-märkning: 1)",
            "(6.2 Bevakning av patientdata: vet ej eller obesvarad)",
            "(3 Förankring och vetokultur: ingen poäng)",
            "5 Teknik och integration med vårdinformationssystemet: * begränsad till",
            "(5.1 Säkert dataflöde: 1)",
        ] {
            assert!(words.contains(expected), "missing {expected:?}:\n{sv}");
        }
        assert!(!sv.contains("r4-3") && !sv.contains("(r3"), "{sv}");
        let en = render(&card, Lang::En);
        let words = en.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("(4.3 CE marking: 1)"), "{en}");
    }

    #[test]
    fn at_80_columns_in_swedish() {
        let card = with_progress(
            scored("tiopunkt", &tiopunkt_with_targets()),
            &scored(
                "tiopunkt",
                &answers("examples/exempelland-tiopunkt-2024.json"),
            ),
        );
        insta::assert_snapshot!("tiopunkt_80_sv", render_width(&card, Lang::Sv, 80));
        let card = scored(
            "beredskap",
            &answers("examples/exempelland-beredskap-2025.json"),
        );
        insta::assert_snapshot!("beredskap_80_sv", render_width(&card, Lang::Sv, 80));
    }

    #[test]
    fn at_80_columns_in_english() {
        let card = with_progress(
            scored("tiopunkt", &tiopunkt_with_targets()),
            &scored(
                "tiopunkt",
                &answers("examples/exempelland-tiopunkt-2024.json"),
            ),
        );
        insta::assert_snapshot!("tiopunkt_80_en", render_width(&card, Lang::En, 80));
        let card = scored(
            "beredskap",
            &answers("examples/exempelland-beredskap-2025.json"),
        );
        insta::assert_snapshot!("beredskap_80_en", render_width(&card, Lang::En, 80));
    }

    #[test]
    fn at_60_columns_with_targets_each_area_is_a_block() {
        let card = scored("tiopunkt", &tiopunkt_with_targets());
        let text = render_width(&card, Lang::Sv, 60);
        assert!(!text.contains("Täckning"), "no table:\n{text}");
        assert!(
            text.contains(
                "  1  Nationell färdplan\n     Poäng 2,4 · nivå 2 Planerad · täckning 100\u{a0}%\n     mål 3, kvar 0,6\n"
            ),
            "{text}"
        );
        assert!(text.contains("mål 2, nått"), "{text}");
    }
}
