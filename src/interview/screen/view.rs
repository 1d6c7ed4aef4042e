//! Drawing the interview's screens: pure functions from what is shown to a frame. Every
//! screen is laid out to the frame it gets, from 80×24 up: a fixed header, the question always
//! in view, the choices wrapped to the width and scrolled when they do not fit, a footer with
//! the keys. Nothing is said by colour alone: the selected choice has a marker and is shown
//! reversed, and without colour (`NO_COLOR`) only bold and reverse are used.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::lang::Lang;

/// The smallest window the interview draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// How things are set off: with colour, or (with `NO_COLOR`) by bold and reverse alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    pub fn plain() -> Self {
        Theme { colour: false }
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The header bar.
    pub fn bar(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The selected line: a marker before it says so too.
    pub fn selected(self) -> Style {
        if self.colour {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A message that asks for attention, such as why a key did nothing.
    pub fn notice(self) -> Style {
        if self.colour {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Labels such as *Förra året:*.
    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// Text wrapped to `width` columns, the first line after `first` and the rest after `rest`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let text = &*crate::text::visible(text);
    let options = textwrap::Options::new(width.max(10))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// At most `max` lines of wrapped text, the last ending in `…` when some were left out.
pub fn wrap_at_most(text: &str, width: usize, first: &str, rest: &str, max: usize) -> Vec<String> {
    let mut lines = wrap(text, width, first, rest);
    if lines.len() > max && max > 0 {
        lines.truncate(max);
        let last = lines.last_mut().expect("max > 0");
        while last.width() + 1 > width && last.pop().is_some() {}
        last.push('…');
    }
    lines
}

pub fn styled(lines: Vec<String>, style: Style) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// A line with `left` and `right` set apart to fill `width`, `left` cut when both do not fit.
pub fn spread(left: &str, right: &str, width: usize) -> String {
    let room = width.saturating_sub(right.width() + 1);
    let mut left = left.to_string();
    if left.width() > room {
        left = crate::interview::words::cut(&left, room.saturating_sub(1).max(1));
    }
    let gap = width.saturating_sub(left.width() + right.width());
    format!("{left}{}{right}", " ".repeat(gap))
}

/// The header: where the team is and how far it has come, on two lines.
pub struct Header<'a> {
    /// `Region Skåne · 10-punktslistan`
    pub context: &'a str,
    /// `Område 1 av 11 · 1.3 · 12 av 67 besvarade`
    pub position: String,
    /// `1 Nationell färdplan`
    pub title: String,
    /// Answered and in all, for the bar.
    pub done: usize,
    pub total: usize,
}

pub fn header(header: &Header, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let first = spread(
        &format!(" {}", header.context),
        &format!("{} ", header.position),
        width,
    );
    // The bar gives way to the area's title: narrower, or only the percentage.
    let title = format!(" {}", header.title);
    let percent = (100 * header.done).checked_div(header.total).unwrap_or(0);
    let room = width.saturating_sub(title.width() + 8);
    let bar_width = room.min(20);
    let bar = if header.total == 0 {
        String::new()
    } else if bar_width >= 5 {
        let filled = (bar_width * header.done)
            .checked_div(header.total)
            .unwrap_or(0)
            .min(bar_width);
        format!(
            "{}{} {percent:>3} % ",
            "█".repeat(filled),
            "░".repeat(bar_width - filled)
        )
    } else {
        format!("{percent:>3} % ")
    };
    let second = spread(&title, &bar, width);
    vec![
        Line::from(Span::styled(first, theme.bar())),
        Line::from(Span::styled(second, theme.bold())),
    ]
}

/// The footer: the keys, on at most three lines.
pub fn footer(keys: &str, width: usize) -> Vec<Line<'static>> {
    wrap_at_most(keys, width.saturating_sub(1), " ", " ", 3)
        .into_iter()
        .map(Line::from)
        .collect()
}

/// Draws lines from the top of `area`.
pub fn lines(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(Paragraph::new(lines), area);
}

/// A screen of lines from the top, with the footer's lines at the bottom.
pub fn page(frame: &mut Frame, body: Vec<Line<'static>>, footer: Vec<Line<'static>>) {
    let area = frame.area();
    let fh = (footer.len() as u16).min(area.height);
    lines(
        frame,
        Rect::new(area.x, area.y, area.width, area.height - fh),
        body,
    );
    lines(
        frame,
        Rect::new(area.x, area.y + area.height - fh, area.width, fh),
        footer,
    );
}

/// A panel over `area` with a title, the text from line `scroll`, and a note of what is above
/// and below.
pub fn panel(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    body: &[Line<'static>],
    scroll: &mut usize,
    lang: Lang,
) {
    frame.render_widget(Clear, area);
    let inner_height = usize::from(area.height.saturating_sub(2));
    let max_scroll = body.len().saturating_sub(inner_height);
    *scroll = (*scroll).min(max_scroll);
    let mut title = format!(" {title} ");
    if max_scroll > 0 {
        let _ = write!(
            title,
            "· {} {}–{} {} {} ",
            lang.pick("rad", "lines"),
            *scroll + 1,
            (*scroll + inner_height).min(body.len()),
            lang.pick("av", "of"),
            body.len()
        );
    }
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        title,
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let visible: Vec<Line> = body
        .iter()
        .skip(*scroll)
        .take(inner_height)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// What a window too small for the interview shows instead.
pub fn too_small(frame: &mut Frame, lang: Lang) {
    let area = frame.area();
    let text = if lang == Lang::Sv {
        format!(
            "Fönstret är {}×{} tecken. Intervjun behöver minst {MIN_WIDTH}×{MIN_HEIGHT}: gör fönstret större eller texten mindre. Ctrl-C avbryter; svaren är sparade.",
            area.width, area.height
        )
    } else {
        format!(
            "The window is {}×{} characters. The interview needs at least {MIN_WIDTH}×{MIN_HEIGHT}: make the window larger or the text smaller. Ctrl-C stops; the answers are saved.",
            area.width, area.height
        )
    };
    let lines = wrap(&text, usize::from(area.width.max(10)), "", "");
    frame.render_widget(Paragraph::new(styled(lines, Theme::plain().bold())), area);
}

/// Whether a frame is large enough to draw the interview in.
pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_never_pass_the_width() {
        let text = "Regionen har en beslutad plan för hur den nationella färdplanen ska genomföras, med ägare, tidplan och resurser, och följer upp den varje år.";
        for width in [20, 40, 79] {
            for line in wrap(text, width, "› 3  ", "     ") {
                assert!(line.width() <= width, "{width}: {line}");
            }
        }
        let cut = wrap_at_most(text, 30, "", "", 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…') && cut[1].width() <= 30, "{cut:?}");
    }

    #[test]
    fn a_spread_line_fills_the_width_and_cuts_the_left() {
        let line = spread(
            "Region Västra Götaland · 10-punktslistan",
            "1.3 · 5 av 67",
            40,
        );
        assert_eq!(line.width(), 40, "{line}");
        assert!(line.ends_with("1.3 · 5 av 67"), "{line}");
        assert!(line.contains('…'), "{line}");
    }
}
