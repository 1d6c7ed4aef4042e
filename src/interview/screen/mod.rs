//! The interview as a full-screen terminal application: the alternate screen in raw mode,
//! drawn with ratatui on crossterm, one question per screen that always fits the window. This
//! module and its `view` are the only code that knows ratatui and crossterm; what the
//! interview decides comes from the pure interview in `super`, through [`AnswerSource`] and
//! [`StartSource`].
//!
//! Events come through [`Events`], so tests drive every screen with scripted keys on
//! ratatui's test backend and read what was drawn.

pub mod view;

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};
use ratatui_textarea::{TextArea, WrapMode};
use unicode_width::UnicodeWidthStr;

use self::view::{Header, Theme, styled, wrap, wrap_at_most};
use super::words::{self, Item};
use super::{
    AnswerSource, Cancelled, EvidencePrompt, MenuChoice, MenuPrompt, QuestionPrompt, Reply,
    ReviewChoice, ReviewPrompt, TargetPrompt, TargetReply,
};
use crate::answers::{Choice, same, typed};
use crate::lang::Lang;
use crate::questionnaire::QuestionKind;

/// Where the screen's events come from.
pub trait Events {
    /// The next event; an error ends the interview as Ctrl-C does.
    fn next(&mut self) -> io::Result<Event>;
}

/// The terminal's own events.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self) -> io::Result<Event> {
        event::read()
    }
}

/// Events given in advance, for tests; when they run out the interview is stopped.
#[derive(Default)]
pub struct Scripted(pub VecDeque<Event>);

impl Events for Scripted {
    fn next(&mut self) -> io::Result<Event> {
        self.0
            .pop_front()
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "no more keys"))
    }
}

impl Scripted {
    /// Keys as typed: each character a key, with `{name}` for a named key (`{enter}`,
    /// `{esc}`, `{up}`, `{down}`, `{left}`, `{right}`, `{bs}`, `{del}`, `{tab}`, `{home}`,
    /// `{end}`, `{pgup}`, `{pgdn}`, `{ctrl-c}`, `{ctrl-j}`, `{alt-enter}`).
    pub fn keys(keys: &str) -> Self {
        let mut events = VecDeque::new();
        let mut rest = keys;
        while let Some(c) = rest.chars().next() {
            if c == '{'
                && let Some(end) = rest.find('}')
            {
                let name = &rest[1..end];
                let (code, modifiers) = match name {
                    "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                    "alt-enter" => (KeyCode::Enter, KeyModifiers::ALT),
                    "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                    "up" => (KeyCode::Up, KeyModifiers::NONE),
                    "down" => (KeyCode::Down, KeyModifiers::NONE),
                    "left" => (KeyCode::Left, KeyModifiers::NONE),
                    "right" => (KeyCode::Right, KeyModifiers::NONE),
                    "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                    "del" => (KeyCode::Delete, KeyModifiers::NONE),
                    "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                    "home" => (KeyCode::Home, KeyModifiers::NONE),
                    "end" => (KeyCode::End, KeyModifiers::NONE),
                    "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
                    "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                    "ctrl-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
                    "ctrl-j" => (KeyCode::Char('j'), KeyModifiers::CONTROL),
                    other => panic!("no key named {other}"),
                };
                events.push_back(Event::Key(KeyEvent::new(code, modifiers)));
                rest = &rest[end + 1..];
            } else {
                events.push_back(Event::Key(KeyEvent::new(
                    KeyCode::Char(c),
                    KeyModifiers::NONE,
                )));
                rest = &rest[c.len_utf8()..];
            }
        }
        Scripted(events)
    }
}

/// The full-screen interview on a terminal `B`, with events from `E`.
pub struct Screen<B: Backend, E: Events> {
    terminal: Terminal<B>,
    events: E,
    lang: Lang,
    theme: Theme,
    /// `Region Skåne · 10-punktslistan`, set once the start is done.
    context: String,
    /// A comment written at the last question that did not go with an answer.
    draft: Option<String>,
    /// Whether this screen took over the terminal and gives it back when dropped.
    owns_terminal: bool,
}

impl Screen<CrosstermBackend<Stdout>, TerminalEvents> {
    /// Takes over the terminal: the alternate screen, raw mode (Ctrl-C becomes a key, so the
    /// interview always stops through its own path), pasted text as one event. The terminal
    /// is given back when the screen is dropped, and on a panic.
    pub fn open(lang: Lang) -> io::Result<Self> {
        let terminal = ratatui::try_init()?;
        execute!(io::stdout(), EnableBracketedPaste)?;
        Ok(Screen {
            terminal,
            events: TerminalEvents,
            lang,
            theme: Theme {
                colour: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            },
            context: String::new(),
            draft: None,
            owns_terminal: true,
        })
    }
}

impl<B: Backend, E: Events> Drop for Screen<B, E> {
    fn drop(&mut self) {
        if self.owns_terminal {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            ratatui::restore();
        }
    }
}

/// What a key does on a screen, once read.
enum Key {
    Stop,
    Other(KeyEvent),
    Paste(String),
    Redraw,
}

/// An editor for a comment or a typed line: wraps to its width, never loses a character.
struct Editor {
    area: TextArea<'static>,
    multiline: bool,
}

impl Editor {
    fn new(text: &str, multiline: bool) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::new());
        area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Editor { area, multiline }
    }

    fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Feeds a key to the editor; `true` when it was Enter (keep).
    fn key(&mut self, key: KeyEvent) -> bool {
        let new_line = (key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::ALT))
            || (key.code == KeyCode::Char('j') && key.modifiers.contains(KeyModifiers::CONTROL));
        if new_line {
            if self.multiline {
                self.area.insert_newline();
            }
            return false;
        }
        if key.code == KeyCode::Enter {
            return true;
        }
        self.area.input(key);
        false
    }

    fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if self.multiline {
            self.area.insert_str(text);
        } else {
            self.area.insert_str(text.replace('\n', " "));
        }
    }

    fn draw(&mut self, frame: &mut ratatui::Frame, area: Rect, title: &str) {
        frame.render_widget(Clear, area);
        let mut block = Block::new().borders(Borders::ALL);
        if !title.is_empty() {
            block = block.title(Span::styled(format!(" {title} "), Theme::plain().bold()));
        }
        self.area.set_block(block);
        frame.render_widget(&self.area, area);
    }
}

/// What covers the choices of a question screen.
enum Overlay {
    None,
    /// The area's introduction, help, evidence and last year's answer and comment.
    Info(usize),
    /// Every key.
    Keys(usize),
    /// The comment being written.
    Comment(Editor),
    /// A number or text answer being typed.
    Typed(Editor),
    /// Why the team agreed, after it chose (consensus).
    Rationale(Editor, Choice),
}

/// A question screen's state between keys.
struct QuestionState {
    selected: Option<usize>,
    /// The first line of the choices shown.
    scroll: usize,
    overlay: Overlay,
    /// The comment as it is now, and whether it was changed here.
    comment: Option<String>,
    comment_changed: bool,
    /// Why the last key did nothing, or what it did.
    message: Option<String>,
}

impl<B: Backend, E: Events> Screen<B, E> {
    /// A screen on any backend, for tests: it does not take over a terminal.
    pub fn new(backend: B, events: E, lang: Lang, theme: Theme) -> io::Result<Self> {
        let terminal = Terminal::new(backend).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(Screen {
            terminal,
            events,
            lang,
            theme,
            context: String::new(),
            draft: None,
            owns_terminal: false,
        })
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    fn draw(&mut self, draw: impl FnOnce(&mut ratatui::Frame)) -> Result<(), Cancelled> {
        let lang = self.lang;
        self.terminal
            .draw(|frame| {
                if view::fits(frame.area()) {
                    draw(frame);
                } else {
                    view::too_small(frame, lang);
                }
            })
            .map(|_| ())
            .map_err(|_| Cancelled)
    }

    /// The next key pressed, or pasted text; Ctrl-C and the end of input stop.
    fn key(&mut self) -> Key {
        match self.events.next() {
            Err(_) => Key::Stop,
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Release => Key::Redraw,
            Ok(Event::Key(key))
                if key.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(key.code, KeyCode::Char('c' | 'd')) =>
            {
                Key::Stop
            }
            Ok(Event::Key(key)) => Key::Other(key),
            Ok(Event::Paste(text)) => Key::Paste(text),
            Ok(_) => Key::Redraw,
        }
    }

    fn too_small(&self) -> bool {
        self.terminal
            .size()
            .is_ok_and(|size| size.width < view::MIN_WIDTH || size.height < view::MIN_HEIGHT)
    }

    /// The footer's keys at a question.
    fn question_keys(
        &self,
        prompt: &QuestionPrompt,
        items: &[Item],
        state: &QuestionState,
    ) -> String {
        let k = words::keys(self.lang);
        let answer_keys = answer_keys(items);
        match (&state.overlay, prompt.team.is_some(), self.lang) {
            (Overlay::Comment(_), _, Lang::Sv) => "Enter behåller kommentaren · Ctrl-J eller Alt-Enter ny rad · Esc stänger (texten finns kvar) · Ctrl-C avbryt (texten sparas)".into(),
            (Overlay::Comment(_), _, Lang::En) => "Enter keeps the comment · Ctrl-J or Alt-Enter new line · Esc closes (the text stays) · Ctrl-C stop (the text is saved)".into(),
            (Overlay::Rationale(..), _, Lang::Sv) => "Enter sparar det enade svaret med motiveringen · Esc tillbaka till valet · Ctrl-C avbryt".into(),
            (Overlay::Rationale(..), _, Lang::En) => "Enter saves the agreed answer with the reason · Esc back to the choice · Ctrl-C stop".into(),
            (Overlay::Typed(_), _, Lang::Sv) => "Enter tar svaret · Esc stänger · Ctrl-C avbryt".into(),
            (Overlay::Typed(_), _, Lang::En) => "Enter takes the answer · Esc closes · Ctrl-C stop".into(),
            (Overlay::Info(_) | Overlay::Keys(_), _, Lang::Sv) => "↑↓ PgUp PgDn bläddrar · Esc eller samma tangent stänger".into(),
            (Overlay::Info(_) | Overlay::Keys(_), _, Lang::En) => "↑↓ PgUp PgDn scroll · Esc or the same key closes".into(),
            (Overlay::None, false, Lang::Sv) => format!(
                "{answer_keys} svarar · ↑↓ Enter · {} kommentar · {} info · {} bakåt · {} hoppa över · {} meny · ? alla tangenter · Ctrl-C avbryt",
                k.comment, k.info, k.back, k.skip, k.menu
            ),
            (Overlay::None, false, Lang::En) => format!(
                "{answer_keys} answers · ↑↓ Enter · {} comment · {} info · {} back · {} skip · {} menu · ? all keys · Ctrl-C stop",
                k.comment, k.info, k.back, k.skip, k.menu
            ),
            (Overlay::None, true, Lang::Sv) => format!(
                "Välj svaret teamet enas om: {answer_keys} eller ↑↓ Enter · {} info · {} bakåt · {} hoppa över · ? alla tangenter · Ctrl-C avbryt",
                k.info, k.back, k.skip
            ),
            (Overlay::None, true, Lang::En) => format!(
                "Choose the answer the team agrees on: {answer_keys} or ↑↓ Enter · {} info · {} back · {} skip · ? all keys · Ctrl-C stop",
                k.info, k.back, k.skip
            ),
        }
    }

    /// Every key at a question, for `?`, wrapped to `width`.
    fn all_keys(&self, items: &[Item], team: bool, width: usize) -> Vec<Line<'static>> {
        let k = words::keys(self.lang);
        let sv = self.lang == Lang::Sv;
        let mut rows: Vec<(String, String)> = vec![(
            answer_keys(items),
            if sv {
                "svarar med svaret som tangenten står framför"
            } else {
                "answers with the answer the key stands before"
            }
            .to_string(),
        )];
        let mut add = |key: &str, sv_text: &str, en_text: &str| {
            rows.push((
                key.to_string(),
                if sv { sv_text } else { en_text }.to_string(),
            ));
        };
        add(
            "↑ ↓",
            "välj bland svaren; PgUp PgDn bläddrar",
            "move among the answers; PgUp PgDn scroll",
        );
        add(
            "Enter",
            "svara med det valda; utan val händer inget (förra årets svar är förvalt)",
            "answer with the selected one; with none selected nothing happens (last year's answer is preselected)",
        );
        if !team {
            add(
                &k.comment.to_string(),
                "skriv eller ändra kommentaren; den sparas direkt",
                "write or change the comment; it is saved at once",
            );
        }
        add(
            &k.info.to_string(),
            "områdets introduktion, hjälp, underlag och förra årets svar och kommentar",
            "the area's introduction, help, evidence and last year's answer and comment",
        );
        if !team {
            add(
                &k.copy.to_string(),
                "kopiera förra årets kommentar till kommentaren",
                "copy last year's comment into the comment",
            );
        }
        add(
            &format!("{} ←", k.back),
            "förra frågan",
            "the question before",
        );
        add(
            &k.skip.to_string(),
            "hoppa över; frågan står kvar som öppen",
            "skip; the question stays open",
        );
        if !team {
            add(
                &format!("{} Esc", k.menu),
                "menyn: områden, granskning",
                "the menu: areas, review",
            );
        }
        add("?", "den här listan", "this list");
        add(
            "Ctrl-C",
            "avbryt; allt besvarat och en påbörjad kommentar är sparat",
            "stop; everything answered and a comment being written is saved",
        );
        let mut lines = Vec::new();
        for (key, text) in rows {
            let first = format!(" {key:<8} ");
            let rest = " ".repeat(first.width());
            for (i, line) in wrap(&text, width, &first, &rest).into_iter().enumerate() {
                if i == 0 {
                    let (key_part, text_part) = line.split_at(first.len().min(line.len()));
                    lines.push(Line::from(vec![
                        Span::styled(key_part.to_string(), Theme::plain().bold()),
                        Span::raw(text_part.to_string()),
                    ]));
                } else {
                    lines.push(Line::from(line));
                }
            }
        }
        lines
    }

    /// The info panel's text: the area's introduction, help, evidence, last year.
    fn info(&self, prompt: &QuestionPrompt, width: usize) -> Vec<Line<'static>> {
        let lang = self.lang;
        let question = prompt.question;
        let mut body = Vec::new();
        let mut section = |title: &str, text: &str| {
            body.push(Line::from(Span::styled(
                title.to_string(),
                Theme::plain().bold(),
            )));
            for line in wrap(text, width, "", "") {
                body.push(Line::from(line));
            }
            body.push(Line::default());
        };
        section(
            &format!("{} {}", prompt.area.number, prompt.area.title.get(lang)),
            prompt.area.description.get(lang),
        );
        section(lang.pick("Hjälp", "Help"), question.help.get(lang));
        section(
            lang.pick("Underlag", "Evidence"),
            question.evidence.get(lang),
        );
        if let Some(previous) = prompt.previous {
            section(
                lang.pick("Förra årets svar", "Last year's answer"),
                &words::answer(question, previous, lang, true),
            );
            if let Some(comment) = &previous.comment {
                section(
                    lang.pick("Förra årets kommentar", "Last year's comment"),
                    comment,
                );
            }
            if let Some(evidence) = &previous.evidence {
                section(
                    lang.pick("Förra årets underlag", "Last year's evidence"),
                    evidence,
                );
            }
        }
        body.pop();
        body
    }

    fn draw_question(
        &mut self,
        prompt: &QuestionPrompt,
        items: &[Item],
        state: &mut QuestionState,
    ) -> Result<(), Cancelled> {
        let lang = self.lang;
        let theme = self.theme;
        let keys = self.question_keys(prompt, items, state);
        let context = self.context.clone();
        let info = if matches!(state.overlay, Overlay::Info(_)) {
            let width = self.terminal.size().map_or(80, |s| usize::from(s.width));
            self.info(prompt, width.saturating_sub(4))
        } else {
            Vec::new()
        };
        let all_keys = if matches!(state.overlay, Overlay::Keys(_)) {
            let width = self.terminal.size().map_or(80, |s| usize::from(s.width));
            self.all_keys(items, prompt.team.is_some(), width.saturating_sub(3))
        } else {
            Vec::new()
        };
        self.draw(|frame| {
            let area = frame.area();
            let width = usize::from(area.width);
            let question = prompt.question;
            // The top: header, question, and what belongs with it.
            let position = format!(
                "{} {}/{} · {} · {} {} {} {}",
                lang.pick("Område", "Area"),
                prompt.area_number,
                prompt.area_count,
                prompt.number,
                prompt.answered,
                lang.pick("av", "of"),
                prompt.total,
                if prompt.team.is_some() {
                    lang.pick("oeniga enade", "split settled")
                } else {
                    lang.pick("besvarade", "answered")
                }
            );
            let mut top = view::header(
                &Header {
                    context: &context,
                    position,
                    title: format!("{} {}", prompt.area.number, prompt.area.title.get(lang)),
                    done: prompt.answered,
                    total: prompt.total,
                },
                width,
                theme,
            );
            top.push(Line::default());
            let text_width = width.saturating_sub(1);
            let number = format!(" {}  ", prompt.number);
            let indent = " ".repeat(number.width());
            top.extend(styled(
                wrap(question.text.get(lang), text_width, &number, &indent),
                theme.bold(),
            ));
            if let Some(resume) = &prompt.resumed {
                top.extend(styled(
                    wrap(&words::resumed(resume, lang), text_width, " ", " "),
                    theme.notice(),
                ));
            }
            if prompt.editing {
                top.extend(styled(
                    wrap(
                        lang.pick(
                            "Du ändrar ett svar från granskningen; efter svaret går du tillbaka dit.",
                            "You are changing an answer from the review; after answering you go back there.",
                        ),
                        text_width,
                        " ",
                        " ",
                    ),
                    theme.notice(),
                ));
            }
            if let Some(message) = &state.message {
                top.extend(styled(wrap(message, text_width, " ", " "), theme.notice()));
            }
            if let Some(team) = &prompt.team {
                top.push(Line::from(Span::styled(
                    format!(" {}", lang.pick("Var och ens svar", "Each person's answer")),
                    theme.label(),
                )));
                // One line each, and one for a comment while there is room for it.
                let comments = team.answers.len() <= 4;
                for given in team.answers {
                    let who = crate::team::who(team.respondents, &given.name);
                    let who = if who == given.name {
                        who
                    } else {
                        format!("{who} {}", given.name)
                    };
                    let line = format!(
                        "{who}: {}",
                        words::answer(question, &given.answer(), lang, true)
                    );
                    top.extend(
                        wrap_at_most(&line, text_width, "  • ", "    ", 1)
                            .into_iter()
                            .map(Line::from),
                    );
                    if comments && let Some(comment) = &given.comment {
                        top.extend(
                            wrap_at_most(&format!("“{comment}”"), text_width, "    ", "    ", 1)
                                .into_iter()
                                .map(Line::from),
                        );
                    }
                }
                let proposal = team.proposal.as_ref().map_or_else(
                    || "–".to_string(),
                    |choice| {
                        words::answer(question, &crate::answers::answer_of(choice), lang, false)
                    },
                );
                top.push(Line::from(Span::styled(
                    format!(
                        " {}: {proposal}",
                        words::proposal(team.rule, question, lang)
                    ),
                    theme.notice(),
                )));
            } else if let Some(previous) = prompt.previous {
                // The level's words are among the choices; its number and a mark say enough.
                let mut text = format!(
                    "{}: {}",
                    lang.pick("Förra året", "Last year"),
                    words::answer(question, previous, lang, question.kind != QuestionKind::Scale)
                );
                if prompt.current.is_none() {
                    text.push_str(lang.pick(
                        " (förvalt: Enter behåller det)",
                        " (preselected: Enter keeps it)",
                    ));
                }
                if previous.comment.is_some() {
                    let k = words::keys(lang);
                    let _ = if lang == Lang::Sv {
                        write!(text, " (med kommentar: {} visar, {} kopierar)", k.info, k.copy)
                    } else {
                        write!(text, " (with a comment: {} shows, {} copies)", k.info, k.copy)
                    };
                }
                top.extend(
                    wrap_at_most(&text, text_width, " ", " ", 2)
                        .into_iter()
                        .map(Line::from),
                );
            }
            if prompt.team.is_none()
                && let Some(comment) = &state.comment
                && !comment.trim().is_empty()
                && !matches!(state.overlay, Overlay::Comment(_))
            {
                let label = if state.comment_changed && prompt.current.is_none() {
                    lang.pick("Kommentar (sparas med svaret)", "Comment (saved with the answer)")
                } else {
                    lang.pick("Kommentar", "Comment")
                };
                top.extend(
                    wrap_at_most(&format!("{label}: {comment}"), text_width, " ", " ", 2)
                        .into_iter()
                        .map(Line::from),
                );
            }
            let footer = view::footer(&keys, width);
            let height = usize::from(area.height);
            // The question stays in view: it is cut only below the room of three choice lines.
            let room_for_top = height.saturating_sub(footer.len() + 5);
            if top.len() > room_for_top {
                top.truncate(room_for_top);
            }
            let below = height.saturating_sub(top.len() + footer.len() + 1);
            // The choices, each wrapped under its key.
            let mut choice_lines: Vec<Line<'static>> = Vec::new();
            let mut spans: Vec<(usize, usize)> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let chosen = state.selected == Some(i);
                let marker = if chosen { "›" } else { " " };
                let current = prompt.team.is_none()
                    && prompt
                        .current
                        .and_then(crate::answers::choice_of)
                        .is_some_and(|c| same(&c, &item.choice));
                let label = if current {
                    format!("{} ({})", item.label, lang.pick("nuvarande svar", "current answer"))
                } else {
                    item.label.clone()
                };
                let first = format!(" {marker} {}  ", item.key);
                let rest = " ".repeat(first.width());
                let start = choice_lines.len();
                let style = if chosen { theme.selected() } else { Style::new() };
                for line in wrap(&label, text_width, &first, &rest) {
                    let padded = format!("{line:<text_width$}");
                    choice_lines.push(Line::from(Span::styled(padded, style)));
                }
                spans.push((start, choice_lines.len()));
            }
            // Extras go between the question and the choices when there is room for them.
            let mut extras: Vec<Line<'static>> = Vec::new();
            if matches!(state.overlay, Overlay::None) {
                let spare = below.saturating_sub(choice_lines.len() + 1);
                let mut add = |lines: Vec<Line<'static>>| {
                    if extras.len() + lines.len() < spare {
                        extras.extend(lines);
                        true
                    } else {
                        false
                    }
                };
                if prompt.entering_area && prompt.team.is_none() {
                    add(styled(
                        wrap(prompt.area.description.get(lang), text_width, " ", " "),
                        Style::new().add_modifier(Modifier::ITALIC),
                    ));
                }
                let mut help = vec![Line::from(Span::styled(
                    format!(" {}", lang.pick("Hjälp", "Help")),
                    theme.label(),
                ))];
                help.extend(wrap(question.help.get(lang), text_width, " ", " ").into_iter().map(Line::from));
                add(help);
            }
            let mut y = area.y;
            let top_height = top.len() as u16;
            view::lines(frame, Rect::new(area.x, y, area.width, top_height), top);
            y += top_height;
            if !extras.is_empty() {
                let h = extras.len() as u16;
                view::lines(frame, Rect::new(area.x, y, area.width, h), extras);
                y += h;
            }
            let footer_height = footer.len() as u16;
            let bottom = area.y + area.height - footer_height;
            // A blank line before the choices when they fit; when they scroll, the line that
            // says what is above takes its place.
            if choice_lines.len() < usize::from(bottom.saturating_sub(y + 1)) {
                y += 1;
            }
            let choices_area = Rect::new(area.x, y, area.width, bottom.saturating_sub(y + 1).max(1));
            // Scroll so that the selected choice is in view, with a line saying what is above
            // and below.
            let visible = usize::from(choices_area.height);
            let total = choice_lines.len();
            if total <= visible {
                state.scroll = 0;
            } else {
                let window = visible.saturating_sub(2).max(1);
                if let Some(i) = state.selected {
                    let (start, end) = spans[i];
                    if start < state.scroll {
                        state.scroll = start;
                    } else if end > state.scroll + window {
                        state.scroll = end.saturating_sub(window);
                    }
                }
                state.scroll = state.scroll.min(total.saturating_sub(window));
            }
            let shown: Vec<Line<'static>> = if total <= visible {
                choice_lines
            } else {
                let window = visible.saturating_sub(2).max(1);
                let above = state.scroll;
                let after = total.saturating_sub(above + window);
                let mut shown = vec![Line::from(Span::styled(
                    if above > 0 {
                        format!(" ↑ {above} {}", lines_word(above, lang, true))
                    } else {
                        String::new()
                    },
                    theme.label(),
                ))];
                shown.extend(choice_lines.into_iter().skip(above).take(window));
                shown.push(Line::from(Span::styled(
                    if after > 0 {
                        format!(" ↓ {after} {}", lines_word(after, lang, false))
                    } else {
                        String::new()
                    },
                    theme.label(),
                )));
                shown
            };
            view::lines(frame, choices_area, shown);
            // What covers the choices.
            match &mut state.overlay {
                Overlay::None => {}
                Overlay::Info(scroll) => view::panel(
                    frame,
                    choices_area,
                    lang.pick("Info (i stänger)", "Info (i closes)"),
                    &info,
                    scroll,
                    lang,
                ),
                Overlay::Keys(scroll) => view::panel(
                    frame,
                    choices_area,
                    lang.pick("Tangenter (? stänger)", "Keys (? closes)"),
                    &all_keys,
                    scroll,
                    lang,
                ),
                Overlay::Comment(editor) => editor.draw(
                    frame,
                    choices_area,
                    &format!("{} {}", lang.pick("Kommentar till", "Comment on"), prompt.number),
                ),
                Overlay::Typed(editor) => {
                    let h = choices_area.height.min(4);
                    editor.draw(
                        frame,
                        Rect::new(choices_area.x, choices_area.y, choices_area.width, h),
                        lang.pick("Svar", "Answer"),
                    );
                }
                Overlay::Rationale(editor, choice) => {
                    let title = format!(
                        "{} {} · {}",
                        lang.pick("Enat svar", "Agreed answer"),
                        words::answer(question, &crate::answers::answer_of(choice), lang, false),
                        lang.pick("varför enades ni om det?", "why did you agree on it?")
                    );
                    editor.draw(frame, choices_area, &title);
                }
            }
            view::lines(
                frame,
                Rect::new(area.x, bottom, area.width, footer_height),
                footer,
            );
        })
    }
}

/// `rader till ovanför`, `rad till nedanför (↓ eller PgDn)`: what a scroll mark says.
fn lines_word(count: usize, lang: Lang, above: bool) -> &'static str {
    match (lang, count == 1, above) {
        (Lang::Sv, true, true) => "rad till ovanför",
        (Lang::Sv, false, true) => "rader till ovanför",
        (Lang::Sv, true, false) => "rad till nedanför (↓ eller PgDn)",
        (Lang::Sv, false, false) => "rader till nedanför (↓ eller PgDn)",
        (Lang::En, true, true) => "more line above",
        (Lang::En, false, true) => "more lines above",
        (Lang::En, true, false) => "more line below (↓ or PgDn)",
        (Lang::En, false, false) => "more lines below (↓ or PgDn)",
    }
}

/// `0–5`, `j/n/v`, … : the keys that answer, for the footer.
fn answer_keys(items: &[Item]) -> String {
    let keys: Vec<char> = items.iter().map(|i| i.key).collect();
    let digits: Vec<char> = keys.iter().copied().filter(char::is_ascii_digit).collect();
    let mut parts = Vec::new();
    if digits.len() > 2 {
        parts.push(format!("{}–{}", digits[0], digits[digits.len() - 1]));
    } else {
        parts.extend(digits.iter().map(char::to_string));
    }
    parts.extend(
        keys.iter()
            .filter(|k| !k.is_ascii_digit())
            .map(char::to_string),
    );
    parts.join("/")
}

impl<B: Backend, E: Events> AnswerSource for Screen<B, E> {
    fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled> {
        let lang = self.lang;
        let items = words::items(prompt.question, lang);
        let k = words::keys(lang);
        let team = prompt.team.is_some();
        // Preselected only from last year, this file's own answer, or the team's proposal:
        // never a level nobody chose.
        let selected = prompt
            .default
            .as_ref()
            .filter(|_| prompt.previous.is_some() || prompt.current.is_some() || team)
            .and_then(|d| items.iter().position(|i| same(&i.choice, d)));
        let mut state = QuestionState {
            selected,
            scroll: 0,
            overlay: Overlay::None,
            comment: prompt.comment.map(str::to_string),
            comment_changed: false,
            message: None,
        };
        self.draft = None;
        let leave = |state: &QuestionState, screen: &mut Self| {
            if state.comment_changed && !team {
                screen.draft = Some(state.comment.clone().unwrap_or_default());
            }
        };
        loop {
            self.draw_question(prompt, &items, &mut state)?;
            let key = match self.key() {
                Key::Stop => {
                    // A comment still open in the editor is kept too.
                    if let Overlay::Comment(editor) = &state.overlay {
                        state.comment = Some(editor.text());
                        state.comment_changed = true;
                    }
                    leave(&state, self);
                    return Err(Cancelled);
                }
                Key::Redraw => continue,
                Key::Paste(text) => {
                    match &mut state.overlay {
                        Overlay::Comment(editor)
                        | Overlay::Typed(editor)
                        | Overlay::Rationale(editor, _) => editor.paste(&text),
                        _ => {}
                    }
                    continue;
                }
                Key::Other(key) => key,
            };
            if self.too_small() {
                continue;
            }
            state.message = None;
            // Keys for what covers the choices first.
            match &mut state.overlay {
                Overlay::Comment(editor) => {
                    let keep = editor.key(key);
                    if keep || key.code == KeyCode::Esc {
                        let text = editor.text();
                        state.overlay = Overlay::None;
                        if state.comment.as_deref().unwrap_or_default() != text {
                            // Saved at once, so that not even a killed process loses it.
                            state.comment = Some(text);
                            state.comment_changed = true;
                            leave(&state, self);
                            return Ok(Reply::Draft);
                        }
                    }
                    continue;
                }
                Overlay::Typed(editor) => {
                    if key.code == KeyCode::Esc {
                        state.overlay = Overlay::None;
                    } else if editor.key(key) {
                        let text = editor.text();
                        match typed(prompt.question, text.trim()) {
                            Some(choice) if !text.trim().is_empty() => {
                                if team {
                                    state.overlay =
                                        Overlay::Rationale(Editor::new("", false), choice);
                                    continue;
                                }
                                return Ok(Self::answer(choice, &state));
                            }
                            _ => state.message = Some(words::typed_refusal(prompt.question, lang)),
                        }
                    }
                    continue;
                }
                Overlay::Rationale(editor, choice) => {
                    if key.code == KeyCode::Esc {
                        state.overlay = Overlay::None;
                    } else if editor.key(key) {
                        let rationale = editor.text().trim().to_string();
                        if rationale.is_empty() {
                            state.message = Some(
                                lang.pick(
                                    "Skriv en rad om varför teamet enades om svaret; utan den sparas inget.",
                                    "Write a line on why the team agreed on the answer; without it nothing is saved.",
                                )
                                .to_string(),
                            );
                        } else {
                            return Ok(Reply::Answer {
                                choice: choice.clone(),
                                comment: Some(rationale),
                            });
                        }
                    }
                    continue;
                }
                Overlay::Info(scroll) | Overlay::Keys(scroll) => {
                    match key.code {
                        KeyCode::Up => *scroll = scroll.saturating_sub(1),
                        KeyCode::Down => *scroll += 1,
                        KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                        KeyCode::PageDown => *scroll += 10,
                        _ => state.overlay = Overlay::None,
                    }
                    continue;
                }
                Overlay::None => {}
            }
            let count = items.len();
            match key.code {
                KeyCode::Up => {
                    state.selected = Some(
                        state
                            .selected
                            .map_or(count - 1, |s| s.checked_sub(1).unwrap_or(count - 1)),
                    );
                }
                KeyCode::Down | KeyCode::Tab => {
                    state.selected = Some(state.selected.map_or(0, |s| (s + 1) % count));
                }
                KeyCode::PageDown => state.scroll += 5,
                KeyCode::PageUp => state.scroll = state.scroll.saturating_sub(5),
                KeyCode::Home => state.selected = Some(0),
                KeyCode::End => state.selected = Some(count - 1),
                KeyCode::Enter => match state.selected {
                    Some(i) => {
                        if let Some(reply) = Self::choose(&items[i], prompt, &mut state) {
                            return Ok(reply);
                        }
                    }
                    None => {
                        state.message = Some(
                            lang.pick(
                                "Inget svar är valt: tryck tangenten framför svaret, eller ↑↓ och Enter.",
                                "No answer is selected: press the key before the answer, or ↑↓ and Enter.",
                            )
                            .to_string(),
                        );
                    }
                },
                KeyCode::Esc if !team => {
                    leave(&state, self);
                    return Ok(Reply::Menu);
                }
                KeyCode::Left | KeyCode::Backspace => {
                    leave(&state, self);
                    return Ok(Reply::Back);
                }
                KeyCode::Char(c) => {
                    let c = c.to_ascii_lowercase();
                    if let Some(i) = items.iter().position(|i| i.key == c) {
                        state.selected = Some(i);
                        if let Some(reply) = Self::choose(&items[i], prompt, &mut state) {
                            return Ok(reply);
                        }
                    } else if c == k.back {
                        leave(&state, self);
                        return Ok(Reply::Back);
                    } else if c == k.skip {
                        leave(&state, self);
                        return Ok(Reply::Skip);
                    } else if c == k.menu && !team {
                        leave(&state, self);
                        return Ok(Reply::Menu);
                    } else if c == k.comment && !team {
                        state.overlay = Overlay::Comment(Editor::new(
                            state.comment.as_deref().unwrap_or(""),
                            true,
                        ));
                    } else if c == k.copy && !team {
                        match prompt.previous.and_then(|p| p.comment.as_deref()) {
                            Some(last) => {
                                let text = match state.comment.as_deref() {
                                    Some(now) if !now.trim().is_empty() && now != last => {
                                        format!("{now}\n{last}")
                                    }
                                    _ => last.to_string(),
                                };
                                state.overlay = Overlay::Comment(Editor::new(&text, true));
                            }
                            None => {
                                state.message = Some(
                                    lang.pick(
                                        "Förra året har ingen kommentar till den här frågan.",
                                        "Last year has no comment on this question.",
                                    )
                                    .to_string(),
                                );
                            }
                        }
                    } else if c == k.info {
                        state.overlay = Overlay::Info(0);
                    } else if c == '?' {
                        state.overlay = Overlay::Keys(0);
                    } else {
                        state.message = Some(if lang == Lang::Sv {
                            format!("Tangenten {c} gör inget här; ? visar alla tangenter.")
                        } else {
                            format!("The key {c} does nothing here; ? shows every key.")
                        });
                    }
                }
                _ => {}
            }
        }
    }

    fn menu(&mut self, prompt: &MenuPrompt) -> Result<MenuChoice, Cancelled> {
        let lang = self.lang;
        let count = prompt.areas.len();
        let mut selected = prompt.current.unwrap_or(0);
        loop {
            let theme = self.theme;
            let context = self.context.clone();
            let (answered, total) = prompt
                .areas
                .iter()
                .fold((0, 0), |(a, t), p| (a + p.answered, t + p.asked));
            self.draw(|frame| {
                let area = frame.area();
                let width = usize::from(area.width);
                let mut body = view::header(
                    &Header {
                        context: &context,
                        position: format!(
                            "{answered} {} {total} {}",
                            lang.pick("av", "of"),
                            lang.pick("besvarade", "answered")
                        ),
                        title: lang.pick("Meny: områden", "Menu: areas").to_string(),
                        done: answered,
                        total,
                    },
                    width,
                    theme,
                );
                body.push(Line::default());
                let mut rows: Vec<String> = prompt
                    .areas
                    .iter()
                    .map(|p| {
                        let right = format!("{} {} {}", p.answered, lang.pick("av", "of"), p.asked);
                        view::spread(
                            &format!("{:>3}  {}", p.area.number, p.area.title.get(lang)),
                            &right,
                            width.saturating_sub(6),
                        )
                    })
                    .collect();
                rows.push(format!(
                    "     {}",
                    lang.pick("Granska och avsluta", "Review and finish")
                ));
                rows.push(format!(
                    "     {}",
                    lang.pick("Tillbaka till frågan", "Back to the question")
                ));
                for (i, row) in rows.into_iter().enumerate() {
                    let marker = if i == selected { "›" } else { " " };
                    let style = if i == selected {
                        theme.selected()
                    } else {
                        Style::new()
                    };
                    body.push(Line::from(Span::styled(format!(" {marker} {row} "), style)));
                }
                let footer = view::footer(
                    lang.pick(
                        "↑↓ och Enter · Esc tillbaka till frågan · Ctrl-C avbryt",
                        "↑↓ and Enter · Esc back to the question · Ctrl-C stop",
                    ),
                    width,
                );
                view::page(frame, body, footer);
            })?;
            let key = match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Other(key) => key,
                _ => continue,
            };
            match key.code {
                KeyCode::Up => selected = selected.checked_sub(1).unwrap_or(count + 1),
                KeyCode::Down | KeyCode::Tab => selected = (selected + 1) % (count + 2),
                KeyCode::Esc => return Ok(MenuChoice::Continue),
                KeyCode::Enter => {
                    return Ok(match selected {
                        i if i < count => MenuChoice::Area(i),
                        i if i == count => MenuChoice::Review,
                        _ => MenuChoice::Continue,
                    });
                }
                _ => {}
            }
        }
    }

    fn review(&mut self, prompt: &ReviewPrompt) -> Result<ReviewChoice, Cancelled> {
        review::run(self, prompt)
    }

    fn target(&mut self, prompt: &TargetPrompt) -> Result<TargetReply, Cancelled> {
        let lang = self.lang;
        // Last year's target is proposed when the area has none yet.
        let proposed = prompt.current.or(prompt.previous);
        loop {
            let theme = self.theme;
            let context = self.context.clone();
            self.draw(|frame| {
                let area = frame.area();
                let width = usize::from(area.width);
                let text_width = width.saturating_sub(1);
                let mut body = view::header(
                    &Header {
                        context: &context,
                        position: format!(
                            "{} {} {} {}",
                            lang.pick("Område", "Area"),
                            prompt.number,
                            lang.pick("av", "of"),
                            prompt.count
                        ),
                        title: lang.pick("Mål för områdena", "The areas' targets").to_string(),
                        done: prompt.number.saturating_sub(1),
                        total: prompt.count,
                    },
                    width,
                    theme,
                );
                body.push(Line::default());
                body.extend(styled(
                    wrap(
                        &format!("{} {}", prompt.area.number, prompt.area.title.get(lang)),
                        text_width,
                        " ",
                        " ",
                    ),
                    theme.bold(),
                ));
                body.push(Line::default());
                body.push(Line::from(match (prompt.score, &prompt.level) {
                    (Some(score), Some((level, name))) => format!(
                        " {}: {} ({} {level} {})",
                        lang.pick("Poäng i dag", "Score today"),
                        lang.decimal(score),
                        lang.pick("nivå", "level"),
                        name.get(lang)
                    ),
                    _ => format!(
                        " {}",
                        lang.pick(
                            "Poäng i dag: ingen, för lite besvarat",
                            "Score today: none, too little answered"
                        )
                    ),
                }));
                if let Some(previous) = prompt.previous {
                    body.push(Line::from(format!(
                        " {}: {previous}",
                        lang.pick("Förra årets mål", "Last year's target")
                    )));
                }
                body.push(Line::from(Span::styled(
                    format!(
                        " {}: {}",
                        lang.pick("Mål nu", "Target now"),
                        prompt
                            .current
                            .map_or_else(|| lang.pick("inget", "none").to_string(), |t| t.to_string())
                    ),
                    theme.bold(),
                )));
                body.push(Line::default());
                body.push(Line::from(format!(
                    " {}",
                    lang.pick("Vilken nivå ska området nå?", "Which level is the area to reach?")
                )));
                for band in prompt
                    .levels
                    .iter()
                    .filter(|b| crate::targets::LEVELS.contains(&b.level))
                {
                    let chosen = proposed == Some(band.level);
                    let marker = if chosen { "›" } else { " " };
                    let style = if chosen { theme.selected() } else { Style::new() };
                    body.push(Line::from(Span::styled(
                        format!(" {marker} {}  {} ", band.level, band.name.get(lang)),
                        style,
                    )));
                }
                let enter = match (prompt.current, prompt.previous) {
                    (None, Some(previous)) => {
                        if lang == Lang::Sv {
                            format!("Enter tar förra årets mål {previous}")
                        } else {
                            format!("Enter takes last year's target {previous}")
                        }
                    }
                    _ => lang.pick("Enter behåller", "Enter keeps it").to_string(),
                };
                let keys = if lang == Lang::Sv {
                    format!("1–5 sätter målet · 0 tar bort det · {enter} · Esc tillbaka till granskningen · Ctrl-C avbryt")
                } else {
                    format!("1–5 sets the target · 0 removes it · {enter} · Esc back to the review · Ctrl-C stop")
                };
                let footer = view::footer(&keys, width);
                view::page(frame, body, footer);
            })?;
            let key = match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Other(key) => key,
                _ => continue,
            };
            match key.code {
                KeyCode::Enter => {
                    return Ok(match (prompt.current, prompt.previous) {
                        (None, Some(previous)) => TargetReply::Set(previous),
                        _ => TargetReply::Keep,
                    });
                }
                KeyCode::Esc => return Ok(TargetReply::Done),
                KeyCode::Char('0') => return Ok(TargetReply::Clear),
                KeyCode::Char(c @ '1'..='5') => {
                    return Ok(TargetReply::Set(c.to_digit(10).map_or(0, |d| d as u8)));
                }
                _ => {}
            }
        }
    }

    fn take_draft(&mut self) -> Option<String> {
        self.draft.take()
    }

    fn evidence(&mut self, prompt: &EvidencePrompt) -> Result<Option<String>, Cancelled> {
        let lang = self.lang;
        let mut editor = Editor::new("", false);
        loop {
            let theme = self.theme;
            let context = self.context.clone();
            self.draw(|frame| {
                let area = frame.area();
                let text_width = usize::from(area.width).saturating_sub(1);
                let question = prompt.question;
                let mut body = styled(
                    wrap_at_most(&context, text_width, " ", " ", 1),
                    theme.label(),
                );
                body.push(Line::default());
                body.extend(styled(
                    wrap(
                        &format!("{} {}", prompt.number, question.text.get(lang)),
                        text_width,
                        " ",
                        " ",
                    ),
                    theme.bold(),
                ));
                body.push(Line::default());
                body.extend(styled(
                    wrap(
                        &words::evidence_why(question, prompt.answer, lang),
                        text_width,
                        " ",
                        " ",
                    ),
                    Style::new(),
                ));
                let what = question.evidence.get(lang);
                if !what.trim().is_empty() {
                    body.push(Line::default());
                    body.extend(styled(
                        wrap(
                            &format!("{}: {what}", lang.pick("Underlag", "Evidence")),
                            text_width,
                            " ",
                            " ",
                        ),
                        theme.label(),
                    ));
                }
                body.push(Line::default());
                let keys = lang.pick(
                    "Enter sparar underlaget · Esc hoppar över (svaret räknas som Vet ej) · Ctrl-C avbryt (svaret är sparat)",
                    "Enter keeps the evidence · Esc skips it (the answer counts as Don't know) · Ctrl-C stop (the answer is saved)",
                );
                let footer = view::footer(keys, usize::from(area.width));
                let top = (body.len() as u16).min(area.height);
                let footer_height = (footer.len() as u16).min(area.height);
                let room = area.height.saturating_sub(top + footer_height);
                view::page(frame, body, footer);
                if room >= 3 {
                    let title = format!(
                        "{} {}",
                        lang.pick("Underlag till", "Evidence for"),
                        prompt.number
                    );
                    editor.draw(
                        frame,
                        Rect::new(area.x, area.y + top, area.width, room.min(5)),
                        &title,
                    );
                }
            })?;
            match self.key() {
                Key::Stop => return Err(Cancelled),
                Key::Redraw => {}
                Key::Paste(text) => editor.paste(&text),
                Key::Other(key) if key.code == KeyCode::Esc => return Ok(None),
                Key::Other(key) => {
                    if editor.key(key) {
                        let text = editor.text();
                        return Ok((!text.trim().is_empty()).then_some(text));
                    }
                }
            }
        }
    }
}

impl<B: Backend, E: Events> Screen<B, E> {
    /// What choosing an item does: an answer, or the line to type one in, or (for a team)
    /// the line on why.
    fn choose(item: &Item, prompt: &QuestionPrompt, state: &mut QuestionState) -> Option<Reply> {
        if item.is_typed() {
            let initial = prompt
                .current
                .and_then(|a| a.value.as_ref())
                .map(|v| match &v.0 {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_default();
            state.overlay = Overlay::Typed(Editor::new(&initial, false));
            return None;
        }
        if prompt.team.is_some() {
            let initial = prompt.comment.unwrap_or_default();
            state.overlay = Overlay::Rationale(Editor::new(initial, false), item.choice.clone());
            return None;
        }
        Some(Self::answer(item.choice.clone(), state))
    }

    fn answer(choice: Choice, state: &QuestionState) -> Reply {
        Reply::Answer {
            choice,
            comment: if state.comment_changed {
                Some(state.comment.clone().unwrap_or_default())
            } else {
                None
            },
        }
    }
}

mod review;
mod start;

#[cfg(test)]
mod tests;
