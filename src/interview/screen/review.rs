//! The review: one scrollable table of every question asked, with this year's answer, last
//! year's, whether it has a comment, and whether it is open or changed; filtered to the open
//! or changed ones, found by number (`1.3`) or words, and changed with Enter.

use std::fmt::Write as _;

use ratatui::backend::Backend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::view::{self, Header};
use super::{Events, Key, Screen};
use crate::interview::words;
use crate::interview::{Cancelled, ReviewChoice, ReviewItem, ReviewPrompt};
use crate::lang::Lang;

/// Which questions the table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Open,
    Changed,
}

impl Filter {
    fn next(self) -> Self {
        match self {
            Filter::All => Filter::Open,
            Filter::Open => Filter::Changed,
            Filter::Changed => Filter::All,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Filter::All => lang.pick("alla", "all"),
            Filter::Open => lang.pick("öppna", "open"),
            Filter::Changed => lang.pick("ändrade", "changed"),
        }
    }

    fn keeps(self, item: &ReviewItem) -> bool {
        match self {
            Filter::All => true,
            Filter::Open => item.answer.is_none(),
            Filter::Changed => item.changed,
        }
    }
}

/// Whether a question is found by what was typed: its number from the start (`1.3`, `1.`)
/// or words of its label or text.
pub fn found(item: &ReviewItem, query: &str, lang: Lang) -> bool {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let number = query.replace(',', ".");
    if number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        // `1.3` is that question; `1` and `1.` are the area's questions.
        return if number.contains('.') && !number.ends_with('.') {
            item.number == number
        } else {
            item.number
                .starts_with(&format!("{}.", number.trim_end_matches('.')))
        };
    }
    let label = item
        .question
        .label
        .as_ref()
        .map(|l| l.get(lang).to_lowercase())
        .unwrap_or_default();
    let text = item.question.text.get(lang).to_lowercase();
    query
        .split_whitespace()
        .all(|word| label.contains(word) || text.contains(word) || item.question.id == word)
}

/// A row of the table: an area's heading, or one of its questions.
enum Row<'p, 'a> {
    Area(usize),
    Item(&'p ReviewItem<'a>),
}

pub fn run<B: Backend, E: Events>(
    screen: &mut Screen<B, E>,
    prompt: &ReviewPrompt,
) -> Result<ReviewChoice, Cancelled> {
    let lang = screen.lang;
    let open = prompt.total - prompt.answered;
    let mut filter = Filter::All;
    let mut query: Option<String> = None;
    let mut selected = 0usize;
    let mut scroll = 0usize;
    let mut message: Option<String> = None;
    let previous_column = prompt
        .areas
        .iter()
        .flat_map(|a| &a.items)
        .any(|i| i.previous.is_some());
    loop {
        let rows: Vec<Row> = {
            let mut rows = Vec::new();
            for (a, area) in prompt.areas.iter().enumerate() {
                let items: Vec<&ReviewItem> = area
                    .items
                    .iter()
                    .filter(|i| filter.keeps(i))
                    .filter(|i| query.as_deref().is_none_or(|q| found(i, q, lang)))
                    .collect();
                if !items.is_empty() {
                    rows.push(Row::Area(a));
                    rows.extend(items.into_iter().map(Row::Item));
                }
            }
            rows
        };
        let items: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Row::Item(_)))
            .map(|(i, _)| i)
            .collect();
        selected = selected.min(items.len().saturating_sub(1));
        let theme = screen.theme;
        let context = screen.context.clone();
        let k_finish = lang.pick("a", "f");
        screen.draw(|frame| {
            let area = frame.area();
            let width = usize::from(area.width);
            let mut top = view::header(
                &Header {
                    context: &context,
                    position: format!(
                        "{} {} {} {}",
                        prompt.answered,
                        lang.pick("av", "of"),
                        prompt.total,
                        lang.pick("besvarade", "answered")
                    ),
                    title: lang.pick("Granskning", "Review").to_string(),
                    done: prompt.answered,
                    total: prompt.total,
                },
                width,
                theme,
            );
            let mut summary = if lang == Lang::Sv {
                format!(" {open} öppna · {} ändrade sedan förra året · visar {} (Tab)", prompt.changed, filter.name(lang))
            } else {
                format!(" {open} open · {} changed since last year · showing {} (Tab)", prompt.changed, filter.name(lang))
            };
            if let Some(query) = &query {
                summary = format!(
                    " {}: {query}▏  {}",
                    lang.pick("Sök nummer eller ord", "Find number or words"),
                    lang.pick("(Enter ändrar den valda, Esc slutar söka)", "(Enter changes the selected, Esc stops finding)")
                );
            }
            top.push(Line::from(Span::styled(summary, theme.label())));
            if let Some(message) = &message {
                top.push(Line::from(Span::styled(format!(" {message}"), theme.notice())));
            }
            // Columns: number, question, this year, last year, comment, state.
            let answer_width = if width >= 110 { 24 } else { 14 };
            let previous_width = if previous_column { answer_width } else { 0 };
            let fixed = 5 + 1 + answer_width + 1 + previous_width + usize::from(previous_column) + 2 + 7;
            let question_width = width.saturating_sub(fixed + 2).max(10);
            let cell = |text: &str, w: usize| {
                let cut = words::cut(text, w);
                let pad = w.saturating_sub(cut.width());
                format!("{cut}{}", " ".repeat(pad))
            };
            let mut head = format!(
                " {}{} {} ",
                cell(lang.pick("Nr", "No."), 5),
                cell(lang.pick("Fråga", "Question"), question_width),
                cell(lang.pick("I år", "This year"), answer_width)
            );
            if previous_column {
                head.push_str(&cell(lang.pick("Förra året", "Last year"), previous_width));
                head.push(' ');
            }
            head.push_str(&cell("K", 2));
            head.push_str(&cell(lang.pick("Läge", "State"), 7));
            top.push(Line::from(Span::styled(head, theme.bold())));
            let footer_text = {
                let mut keys = if lang == Lang::Sv {
                    format!("↑↓ PgUp PgDn · Enter ändrar · / sök nummer eller ord · Tab öppna/ändrade · {k_finish} avsluta")
                } else {
                    format!("↑↓ PgUp PgDn · Enter changes · / find number or words · Tab open/changed · {k_finish} finish")
                };
                if open > 0 {
                    keys.push_str(lang.pick(" · o svara på de öppna", " · o answer the open ones"));
                }
                if prompt.targets {
                    keys.push_str(lang.pick(" · t mål", " · t targets"));
                }
                let unsupported = prompt.areas.iter().flat_map(|a| &a.items).any(|item| {
                    item.answer.is_some_and(|a| item.question.lacks_evidence(a))
                });
                if unsupported {
                    keys.push_str(lang.pick(
                        " · * utan underlag, räknas som Vet ej",
                        " · * no evidence, counts as Don't know",
                    ));
                }
                keys.push_str(lang.pick(" · K = kommentar · Ctrl-C avbryt", " · K = comment · Ctrl-C stop"));
                keys
            };
            let footer = view::footer(&footer_text, width);
            let fh = footer.len();
            let height = usize::from(area.height);
            let visible = height.saturating_sub(top.len() + fh).max(1);
            let at = items.get(selected).copied().unwrap_or(0);
            if at < scroll {
                scroll = at.saturating_sub(1);
            } else if at >= scroll + visible {
                scroll = at + 1 - visible;
            }
            if rows.len() > visible && query.is_none() {
                // Where the table is, when it does not fit.
                let last = (scroll + visible).min(rows.len());
                let note = if lang == Lang::Sv {
                    format!(" · rad {}–{last} av {}", scroll + 1, rows.len())
                } else {
                    format!(" · rows {}–{last} of {}", scroll + 1, rows.len())
                };
                if let Some(line) = top.get_mut(2) {
                    line.spans.push(Span::styled(note, theme.label()));
                }
            }
            let mut body: Vec<Line<'static>> = Vec::new();
            for (i, row) in rows.iter().enumerate().skip(scroll).take(visible) {
                match row {
                    Row::Area(a) => {
                        let area = &prompt.areas[*a];
                        let mut text = format!(" {} {}", area.area.number, area.area.title.get(lang));
                        if let Some(target) = area.target {
                            let _ = write!(text, " · {} {target}", lang.pick("mål", "target"));
                        }
                        body.push(Line::from(Span::styled(words::cut(&text, width), theme.bold())));
                    }
                    Row::Item(item) => {
                        let chosen = items.get(selected) == Some(&i);
                        let name = item
                            .question
                            .label
                            .as_ref()
                            .map_or(item.question.text.get(lang), |l| l.get(lang));
                        let now = item.answer.map_or_else(
                            || "–".to_string(),
                            |a| {
                                let now = words::answer(item.question, a, lang, false);
                                if item.question.lacks_evidence(a) {
                                    format!("{now}*")
                                } else {
                                    now
                                }
                            },
                        );
                        let mut line = format!(
                            "{}{} {} ",
                            if chosen { "›" } else { " " },
                            cell(&item.number, 5),
                            cell(name, question_width)
                        );
                        line.push_str(&cell(&now, answer_width));
                        if previous_column {
                            let then = item.previous.map_or_else(String::new, |a| {
                                words::answer(item.question, a, lang, false)
                            });
                            line.push_str(&cell(&then, previous_width));
                            line.push(' ');
                        }
                        let comment = item.answer.is_some_and(|a| a.comment.is_some());
                        line.push_str(&cell(if comment { "K" } else { "" }, 2));
                        let state = if item.answer.is_none() {
                            lang.pick("öppen", "open")
                        } else if item.changed {
                            lang.pick("ändrad", "changed")
                        } else {
                            ""
                        };
                        line.push_str(&cell(state, 7));
                        let style = if chosen { theme.selected() } else { Style::new() };
                        body.push(Line::from(Span::styled(line, style)));
                    }
                }
            }
            if rows.is_empty() {
                body.push(Line::from(format!(
                    " {}",
                    lang.pick("Ingen fråga matchar.", "No question matches.")
                )));
            }
            let th = top.len() as u16;
            view::lines(frame, Rect::new(area.x, area.y, area.width, th), top);
            view::lines(
                frame,
                Rect::new(area.x, area.y + th, area.width, visible as u16),
                body,
            );
            view::lines(
                frame,
                Rect::new(area.x, area.y + area.height - fh as u16, area.width, fh as u16),
                footer,
            );
        })?;
        message = None;
        let key = match screen.key() {
            Key::Stop => return Err(Cancelled),
            Key::Other(key) => key,
            Key::Paste(text) => {
                if let Some(query) = &mut query {
                    query.push_str(text.lines().next().unwrap_or_default());
                }
                continue;
            }
            Key::Redraw => continue,
        };
        let edit = |selected: usize| match items.get(selected).map(|&i| &rows[i]) {
            Some(Row::Item(item)) => Some(ReviewChoice::Edit(item.question.id.clone())),
            _ => None,
        };
        match key.code {
            KeyCode::Up => selected = selected.saturating_sub(1),
            KeyCode::Down => selected = (selected + 1).min(items.len().saturating_sub(1)),
            KeyCode::PageUp => selected = selected.saturating_sub(10),
            KeyCode::PageDown => selected = (selected + 10).min(items.len().saturating_sub(1)),
            KeyCode::Home => selected = 0,
            KeyCode::End => selected = items.len().saturating_sub(1),
            KeyCode::Tab => {
                filter = filter.next();
                selected = 0;
                scroll = 0;
            }
            KeyCode::Enter => {
                if let Some(choice) = edit(selected) {
                    return Ok(choice);
                }
            }
            KeyCode::Esc if query.is_some() => {
                query = None;
                selected = 0;
            }
            KeyCode::Backspace if query.is_some() => {
                if let Some(query) = &mut query {
                    query.pop();
                }
                selected = 0;
            }
            KeyCode::Char(c) if query.is_some() => {
                if let Some(query) = &mut query {
                    query.push(c);
                }
                selected = 0;
                scroll = 0;
            }
            KeyCode::Char('/') => {
                query = Some(String::new());
                selected = 0;
            }
            KeyCode::Char(c) if c.to_string() == k_finish => return Ok(ReviewChoice::Finish),
            KeyCode::Char('o') if open > 0 => return Ok(ReviewChoice::Continue),
            KeyCode::Char('t') if prompt.targets => return Ok(ReviewChoice::Targets),
            KeyCode::Char(c) => {
                message = Some(if lang == Lang::Sv {
                    format!("Tangenten {c} gör inget här; tangenterna står längst ned.")
                } else {
                    format!("The key {c} does nothing here; the keys are at the bottom.")
                });
            }
            _ => {}
        }
    }
}
