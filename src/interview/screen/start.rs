//! The start on the full screen: the introduction, the region found by typing, and lines to
//! type, each refused with its reason until it fits.

use ratatui::backend::Backend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::view::{self, Header, styled, wrap};
use super::{Editor, Events, Key, Screen};
use crate::interview::Cancelled;
use crate::interview::start::{Intro, LineAsk, StartSource};
use crate::interview::words;

/// The regions whose names hold every word typed, in their order.
pub fn matching<'r>(regions: &[&'r str], typed: &str) -> Vec<&'r str> {
    let typed = typed.to_lowercase();
    regions
        .iter()
        .copied()
        .filter(|r| {
            let name = r.to_lowercase();
            typed.split_whitespace().all(|word| name.contains(word))
        })
        .collect()
}

impl<B: Backend, E: Events> Screen<B, E> {
    /// A screen with a title, some lines, and keys at the foot.
    fn simple(
        &mut self,
        title: &str,
        body: Vec<Line<'static>>,
        keys: &str,
    ) -> Result<(), Cancelled> {
        let theme = self.theme;
        let context = self.context.clone();
        self.draw(|frame| {
            let area = frame.area();
            let width = usize::from(area.width);
            let mut lines = view::header(
                &Header {
                    context: &context,
                    position: String::new(),
                    title: title.to_string(),
                    done: 0,
                    total: 0,
                },
                width,
                theme,
            );
            lines.push(Line::default());
            lines.extend(body);
            let footer = view::footer(keys, width);
            view::page(frame, lines, footer);
        })
    }
}

impl<B: Backend, E: Events> StartSource for Screen<B, E> {
    fn context(&mut self, context: &str) {
        self.context = context.to_string();
    }

    fn intro(&mut self, intro: &Intro) -> Result<(), Cancelled> {
        let lang = self.lang;
        let width = self.terminal.size().map_or(80, |s| usize::from(s.width));
        let mut body = Vec::new();
        body.extend(
            wrap(
                &words::intro(lang, intro.questions, intro.minutes),
                width - 2,
                " ",
                " ",
            )
            .into_iter()
            .map(Line::from),
        );
        for note in &intro.notes {
            body.push(Line::default());
            body.extend(styled(wrap(note, width - 2, " ", " "), self.theme.notice()));
        }
        body.push(Line::default());
        body.push(Line::from(Span::styled(
            format!(
                " {}",
                lang.pick("Tryck Enter för att börja.", "Press Enter to start.")
            ),
            self.theme.bold(),
        )));
        loop {
            self.simple(
                intro.title,
                body.clone(),
                lang.pick(
                    "Enter börjar · Ctrl-C avbryter",
                    "Enter starts · Ctrl-C stops",
                ),
            )?;
            match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Other(key) if key.code == KeyCode::Enter => return Ok(()),
                _ => {}
            }
        }
    }

    fn region(&mut self, regions: &[&str]) -> Result<String, Cancelled> {
        let lang = self.lang;
        let other = lang.pick(
            "Annan organisation (kommun, privat vårdgivare) …",
            "Another organisation (municipality, private provider) …",
        );
        let mut typed = String::new();
        let mut selected = 0usize;
        loop {
            let found = matching(regions, &typed);
            // *Annan organisation* is always there, last.
            let count = found.len() + 1;
            selected = selected.min(count - 1);
            let theme = self.theme;
            let mut body = vec![Line::from(Span::styled(
                format!(
                    " {}: {typed}▏",
                    lang.pick("Region (skriv för att söka)", "Region (type to search)")
                ),
                theme.bold(),
            ))];
            body.push(Line::default());
            if found.is_empty() {
                body.push(Line::from(Span::styled(
                    format!(
                        " {}",
                        lang.pick(
                            "Ingen region matchar; radera med Backspace, eller välj Annan organisation.",
                            "No region matches; delete with Backspace, or choose another organisation."
                        )
                    ),
                    theme.notice(),
                )));
            }
            let height = self.terminal.size().map_or(24, |s| usize::from(s.height));
            let room = height.saturating_sub(9).max(3);
            let first = selected.saturating_sub(room.saturating_sub(1));
            for (i, name) in found
                .iter()
                .copied()
                .chain([other])
                .enumerate()
                .skip(first)
                .take(room)
            {
                let chosen = i == selected;
                let style = if chosen {
                    theme.selected()
                } else {
                    Style::new()
                };
                body.push(Line::from(Span::styled(
                    format!(" {} {name} ", if chosen { "›" } else { " " }),
                    style,
                )));
            }
            self.simple(
                lang.pick("Vem svarar", "Who answers"),
                body,
                lang.pick(
                    "Skriv en del av namnet · ↑↓ väljer · Enter tar den valda · Ctrl-C avbryter",
                    "Type part of the name · ↑↓ choose · Enter takes the selected · Ctrl-C stops",
                ),
            )?;
            let key = match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Other(key) => key,
                Key::Paste(text) => {
                    typed.push_str(text.lines().next().unwrap_or_default());
                    selected = 0;
                    continue;
                }
                Key::Redraw => continue,
            };
            match key.code {
                KeyCode::Up => selected = selected.checked_sub(1).unwrap_or(count - 1),
                KeyCode::Down | KeyCode::Tab => selected = (selected + 1) % count,
                KeyCode::Backspace => {
                    typed.pop();
                    selected = 0;
                }
                KeyCode::Char(c) => {
                    typed.push(c);
                    selected = 0;
                }
                KeyCode::Enter => {
                    if selected < found.len() {
                        return Ok(found[selected].to_string());
                    }
                    let check = |text: &str| Ok(text.to_string());
                    let name = self.line(&LineAsk {
                        label: lang.pick("Organisationens namn", "The organisation's name"),
                        initial: typed.trim(),
                        required: true,
                        check: &check,
                    })?;
                    if let Some(name) = name {
                        return Ok(name);
                    }
                }
                _ => {}
            }
        }
    }

    fn line(&mut self, ask: &LineAsk) -> Result<Option<String>, Cancelled> {
        let lang = self.lang;
        let mut editor = Editor::new(ask.initial, false);
        let mut message: Option<String> = None;
        loop {
            let theme = self.theme;
            let context = self.context.clone();
            let label = ask.label.to_string();
            let shown_message = message.clone();
            let keys = if ask.required {
                lang.pick(
                    "Enter tar raden · Ctrl-C avbryter",
                    "Enter takes the line · Ctrl-C stops",
                )
            } else {
                lang.pick(
                    "Enter tar raden (tom rad hoppar över) · Ctrl-C avbryter",
                    "Enter takes the line (an empty line skips) · Ctrl-C stops",
                )
            };
            self.draw(|frame| {
                let area = frame.area();
                let width = usize::from(area.width);
                let mut top = view::header(
                    &Header {
                        context: &context,
                        position: String::new(),
                        title: lang.pick("Vem svarar", "Who answers").to_string(),
                        done: 0,
                        total: 0,
                    },
                    width,
                    theme,
                );
                top.push(Line::default());
                top.extend(styled(wrap(&label, width - 2, " ", " "), theme.bold()));
                if let Some(message) = &shown_message {
                    top.extend(styled(wrap(message, width - 2, " ", " "), theme.notice()));
                }
                let th = top.len() as u16;
                view::lines(frame, Rect::new(area.x, area.y, area.width, th), top);
                editor.draw(frame, Rect::new(area.x, area.y + th, area.width, 3), "");
                let footer = view::footer(keys, width);
                let fh = footer.len() as u16;
                view::lines(
                    frame,
                    Rect::new(area.x, area.y + area.height - fh, area.width, fh),
                    footer,
                );
            })?;
            let key = match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Other(key) => key,
                Key::Paste(text) => {
                    editor.paste(&text);
                    continue;
                }
                Key::Redraw => continue,
            };
            if !editor.key(key) {
                continue;
            }
            let text = editor.text().trim().to_string();
            if text.is_empty() {
                if ask.required {
                    message = Some(
                        lang.pick(
                            "Raden behövs; skriv något.",
                            "The line is needed; type something.",
                        )
                        .to_string(),
                    );
                    continue;
                }
                return Ok(None);
            }
            match (ask.check)(&text) {
                Ok(taken) => return Ok(Some(taken)),
                Err(reason) => message = Some(reason),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::start::REGIONS;

    #[test]
    fn regions_are_found_by_any_part_of_their_name() {
        assert_eq!(matching(&REGIONS, "skå"), ["Region Skåne"]);
        assert_eq!(
            matching(&REGIONS, "VÄST göta"),
            ["Västra Götalandsregionen"]
        );
        assert_eq!(matching(&REGIONS, "län").len(), 3);
        assert!(matching(&REGIONS, "oslo").is_empty());
    }
}
