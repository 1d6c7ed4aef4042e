//! The interview in a terminal: one question per screen, answered with one or two keys. This
//! is the only file that knows dialoguer and console; everything it decides comes from the
//! pure interview in `super`.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

use console::{Key, Term, style};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{FuzzySelect, Input};

use super::{
    AnswerSource, Cancelled, Choice, MenuChoice, MenuPrompt, QuestionPrompt, Reply, ReviewChoice,
    ReviewPrompt, TargetPrompt, TargetReply, TeamPrompt,
};
use crate::answers::{Answer, Rule};
use crate::lang::Lang;
use crate::questionnaire::{NO, PARTLY, Question, QuestionKind, YES};

/// Set when Ctrl-C arrives outside a prompt (a prompt in raw mode reads it as a key).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The Swedish regions, for the start screen's type-to-filter list.
pub const REGIONS: [&str; 21] = [
    "Region Blekinge",
    "Region Dalarna",
    "Region Gotland",
    "Region Gävleborg",
    "Region Halland",
    "Region Jämtland Härjedalen",
    "Region Jönköpings län",
    "Region Kalmar län",
    "Region Kronoberg",
    "Region Norrbotten",
    "Region Skåne",
    "Region Stockholm",
    "Region Sörmland",
    "Region Uppsala",
    "Region Värmland",
    "Region Västerbotten",
    "Region Västernorrland",
    "Region Västmanland",
    "Region Örebro län",
    "Region Östergötland",
    "Västra Götalandsregionen",
];

/// A terminal as the source of answers.
pub struct TerminalSource {
    term: Term,
    lang: Lang,
    theme: ColorfulTheme,
}

/// Shows the cursor again however the interview ends.
pub struct CursorGuard(Term);

impl Drop for CursorGuard {
    fn drop(&mut self) {
        let _ = self.0.show_cursor();
    }
}

/// One line of a choice list.
struct Item {
    key: char,
    label: String,
    choice: Choice,
}

impl TerminalSource {
    /// A source on standard output. Ctrl-C from here on cancels the interview instead of
    /// killing the process, so the terminal is always restored.
    pub fn new(lang: Lang) -> Self {
        // A second Ctrl-C handler cannot be set; the first one does the same.
        let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
        if std::env::var_os("NO_COLOR").is_some() {
            console::set_colors_enabled(false);
        }
        TerminalSource {
            term: Term::stdout(),
            lang,
            theme: ColorfulTheme::default(),
        }
    }

    /// Clears the screen, for what is printed after the interview.
    pub fn clear(&self) -> Result<(), Cancelled> {
        self.term.clear_screen().map_err(|_| Cancelled)
    }

    /// Shows the cursor and leaves the line, before anything is printed after the interview.
    pub fn restore(&self) {
        let _ = self.term.show_cursor();
        let _ = self.term.flush();
    }

    pub fn cursor_guard(&self) -> CursorGuard {
        CursorGuard(self.term.clone())
    }

    fn pick<'a>(&self, sv: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(sv, en)
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(40, 110)
    }

    #[allow(clippy::unused_self)] // a method, so that every prompt starts the same way
    fn interrupted(&self) -> Result<(), Cancelled> {
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    fn wrap(&self, out: &mut String, text: &str, indent: &str) {
        let options = textwrap::Options::new(self.width() - 2)
            .initial_indent(indent)
            .subsequent_indent(indent);
        for line in textwrap::wrap(text, options) {
            let _ = writeln!(out, "{line}");
        }
    }

    fn show(&self, screen: &str) -> Result<(), Cancelled> {
        let _ = self.term.clear_screen();
        self.term.write_str(screen).map_err(|_| Cancelled)?;
        let _ = self.term.flush();
        Ok(())
    }

    /// A line of text typed by the user; `None` for an empty line when empty is allowed.
    pub fn text(
        &self,
        prompt: &str,
        initial: &str,
        required: bool,
    ) -> Result<Option<String>, Cancelled> {
        self.interrupted()?;
        let _ = self.term.show_cursor();
        let typed: String = Input::with_theme(&self.theme)
            .with_prompt(prompt)
            .with_initial_text(initial)
            .allow_empty(!required)
            .interact_text_on(&self.term)
            .map_err(|_| Cancelled)?;
        let typed = typed.trim().to_string();
        Ok((!typed.is_empty()).then_some(typed))
    }

    /// The start screen: what this is, how long it takes, and how to stop.
    pub fn intro(&self, title: &str, questions: usize, minutes: usize) -> Result<(), Cancelled> {
        let mut screen = String::new();
        let _ = writeln!(screen, "\n  {}\n", style(title).bold());
        let text = if self.lang == Lang::Sv {
            format!(
                "Ni besvarar {questions} frågor, område för område. Det tar ungefär {minutes} minuter. Varje fråga har nivåer som beskriver vad som går att se i verksamheten; välj den som stämmer i dag, inte den ni siktar på. Svaren sparas efter varje fråga. Avbryt när som helst med Ctrl-C och fortsätt senare där ni slutade."
            )
        } else {
            format!(
                "You answer {questions} questions, area by area. It takes about {minutes} minutes. Each question has levels that describe what can be seen in practice; choose the one that is true today, not the one you aim for. The answers are saved after every question. Stop at any time with Ctrl-C and go on later where you left off."
            )
        };
        self.wrap(&mut screen, &text, "  ");
        let _ = writeln!(
            screen,
            "\n  {}\n",
            style(self.pick("Tryck Enter för att börja.", "Press Enter to start.")).cyan()
        );
        self.show(&screen)?;
        let _ = self.term.hide_cursor();
        loop {
            match self.term.read_key_raw().map_err(|_| Cancelled)? {
                Key::Enter => return Ok(()),
                Key::CtrlC => return Err(Cancelled),
                _ => {}
            }
        }
    }

    /// The region: one of the 21 regions, found by typing, or any other name.
    pub fn region(&self) -> Result<String, Cancelled> {
        self.interrupted()?;
        let other = self.pick(
            "Annan organisation (kommun, privat vårdgivare) …",
            "Another organisation (municipality, private provider) …",
        );
        let items: Vec<&str> = REGIONS.iter().copied().chain([other]).collect();
        let _ = self.term.show_cursor();
        let chosen = FuzzySelect::with_theme(&self.theme)
            .with_prompt(self.pick("Region (skriv för att söka)", "Region (type to search)"))
            .items(&items)
            .max_length(12)
            .interact_on_opt(&self.term)
            .map_err(|_| Cancelled)?
            .ok_or(Cancelled)?;
        if chosen < REGIONS.len() {
            return Ok(REGIONS[chosen].to_string());
        }
        self.text(
            self.pick("Organisationens namn", "The organisation's name"),
            "",
            true,
        )?
        .ok_or(Cancelled)
    }

    fn items(&self, question: &Question) -> Vec<Item> {
        let mut items = Vec::new();
        let lang = self.lang;
        match question.kind {
            QuestionKind::Scale => {
                for (level, text) in question.levels.iter().enumerate() {
                    items.push(Item {
                        key: char::from_digit(level as u32, 10).unwrap_or('?'),
                        label: text.get(lang).to_string(),
                        choice: Choice::Value(level.into()),
                    });
                }
            }
            QuestionKind::YesNo => {
                let mut values = vec![(lang.pick("j", "y"), lang.pick("Ja", "Yes"), YES)];
                if question.partly {
                    values.push((lang.pick("d", "p"), lang.pick("Delvis", "Partly"), PARTLY));
                }
                values.push(("n", lang.pick("Nej", "No"), NO));
                for (key, label, value) in values {
                    items.push(Item {
                        key: key.chars().next().unwrap_or('?'),
                        label: label.to_string(),
                        choice: Choice::Value(value.into()),
                    });
                }
            }
            QuestionKind::Choice => {
                for (i, option) in question.options.iter().enumerate() {
                    items.push(Item {
                        key: char::from_digit((i as u32 + 1) % 36, 36).unwrap_or('?'),
                        label: option.label.get(lang).to_string(),
                        choice: Choice::Value(option.id.clone().into()),
                    });
                }
            }
            // Typed answers: the first item opens a line to type in.
            QuestionKind::Number | QuestionKind::Text => items.push(Item {
                key: 's',
                label: lang.pick("Skriv svaret …", "Type the answer …").to_string(),
                choice: Choice::Value(serde_json::Value::Null),
            }),
        }
        if question.dont_know {
            items.push(Item {
                key: lang.pick("v", "d").chars().next().unwrap_or('?'),
                label: lang.pick("Vet ej", "Don't know").to_string(),
                choice: Choice::DontKnow,
            });
        }
        if question.not_applicable {
            items.push(Item {
                key: lang.pick("e", "a").chars().next().unwrap_or('?'),
                label: lang.pick("Ej tillämpligt", "Not applicable").to_string(),
                choice: Choice::NotApplicable,
            });
        }
        items
    }

    fn describe(&self, question: &Question, answer: &Answer) -> String {
        crate::answers::answer_words(question, answer, self.lang, true)
            .unwrap_or_else(|| "–".into())
    }

    fn short(&self, question: &Question, answer: &Answer) -> String {
        let full = self.describe(question, answer);
        let mut short: String = full.chars().take(60).collect();
        if short.len() < full.len() {
            short.push('…');
        }
        short
    }

    fn screen(
        &self,
        prompt: &QuestionPrompt,
        items: &[Item],
        selected: usize,
        comment: Option<&str>,
    ) -> String {
        let lang = self.lang;
        let question = prompt.question;
        let mut s = String::new();
        // The header: where we are and how far we have come.
        let width = self.width();
        let header = format!(
            " {} {} {} {} · {}",
            lang.pick("Område", "Area"),
            prompt.area_number,
            lang.pick("av", "of"),
            prompt.area_count,
            prompt.area.title.get(lang)
        );
        let right = format!(
            "{} {} {} {} · {} {} {} {} ",
            lang.pick("Fråga", "Question"),
            prompt.number_in_area,
            lang.pick("av", "of"),
            prompt.questions_in_area,
            prompt.answered,
            lang.pick("av", "of"),
            prompt.total,
            if prompt.team.is_some() {
                lang.pick("oeniga enade", "split settled")
            } else {
                lang.pick("besvarade", "answered")
            }
        );
        let gap = width.saturating_sub(
            console::measure_text_width(&header) + console::measure_text_width(&right),
        );
        let _ = writeln!(
            s,
            "{}{}{}",
            style(&header).bold(),
            " ".repeat(gap.max(1)),
            style(&right).dim()
        );
        let bar_width = width.saturating_sub(4);
        let filled = (bar_width * prompt.answered)
            .checked_div(prompt.total)
            .unwrap_or(0);
        let _ = writeln!(
            s,
            " {}{}\n",
            style("█".repeat(filled)).cyan(),
            style("░".repeat(bar_width - filled)).dim()
        );
        if prompt.entering_area {
            self.wrap(&mut s, prompt.area.description.get(lang), "  ");
            s.push('\n');
        }
        let title = format!(
            "{}.{}  {}",
            prompt.area_number,
            prompt.number_in_area,
            question.text.get(lang)
        );
        let _ = writeln!(s, "{}", style(textwrap::fill(&title, width - 2)).bold());
        s.push('\n');
        let mut help = String::new();
        self.wrap(&mut help, question.help.get(lang), "  ");
        let _ = write!(s, "{}", style(help).dim());
        let evidence = format!(
            "{}: {}",
            lang.pick("Underlag", "Evidence"),
            question.evidence.get(lang)
        );
        let mut wrapped = String::new();
        self.wrap(&mut wrapped, &evidence, "  ");
        let _ = write!(s, "{}", style(wrapped).dim());
        if let Some(previous) = prompt.previous {
            let text = format!(
                "{}: {}",
                lang.pick("Förra året", "Last year"),
                self.short(question, previous)
            );
            let _ = writeln!(s, "  {}", style(text).yellow());
        }
        if let Some(team) = &prompt.team {
            self.team(&mut s, question, team);
        }
        if let Some(comment) = comment.or(prompt.current.and_then(|a| a.comment.as_deref())) {
            self.wrap(
                &mut s,
                &format!("{}: {comment}", lang.pick("Kommentar", "Comment")),
                "  ",
            );
        }
        s.push('\n');
        for (i, item) in items.iter().enumerate() {
            let marker = if i == selected { "›" } else { " " };
            let key = format!("{marker} {} ", item.key);
            let mut lines = String::new();
            let options = textwrap::Options::new(width.saturating_sub(2))
                .initial_indent(&key)
                .subsequent_indent("     ");
            for line in textwrap::wrap(&item.label, options) {
                let _ = writeln!(lines, "{line}");
            }
            if i == selected {
                let _ = write!(s, "{}", style(lines).cyan().bold());
            } else {
                s.push_str(&lines);
            }
        }
        let keys = match (lang, prompt.team.is_some()) {
            (Lang::Sv, false) => {
                "↑↓ och Enter, eller tangenten framför svaret · k kommentar · b bakåt · h hoppa över · m meny · Ctrl-C avbryt"
            }
            (Lang::En, false) => {
                "↑↓ and Enter, or the key before the answer · c comment · b back · s skip · m menu · Ctrl-C stop"
            }
            (Lang::Sv, true) => {
                "Välj svaret teamet enas om: ↑↓ och Enter, eller tangenten framför svaret · b bakåt · h hoppa över · Ctrl-C avbryt"
            }
            (Lang::En, true) => {
                "Choose the answer the team agrees on: ↑↓ and Enter, or the key before the answer · b back · s skip · Ctrl-C stop"
            }
        };
        let _ = writeln!(s, "\n{}", style(textwrap::fill(keys, width - 2)).dim());
        s
    }

    /// Every respondent's answer and comment, and what the rule proposes.
    fn team(&self, s: &mut String, question: &Question, team: &TeamPrompt) {
        let lang = self.lang;
        let _ = writeln!(
            s,
            "\n  {}",
            style(lang.pick("Var och ens svar", "Each person's answer")).bold()
        );
        for given in team.answers {
            let who = crate::team::who(team.respondents, &given.name);
            let who = if who == given.name {
                who
            } else {
                format!("{who} {}", given.name)
            };
            let line = format!("{who}: {}", self.short(question, &given.answer()));
            self.wrap(s, &line, "    ");
            if let Some(comment) = &given.comment {
                let mut wrapped = String::new();
                self.wrap(&mut wrapped, comment, "      ");
                let _ = write!(s, "{}", style(wrapped).dim());
            }
        }
        let rule = match (team.rule, lang) {
            (Rule::Median, Lang::Sv) => "Förslag (medianen)",
            (Rule::Min, Lang::Sv) => "Förslag (det lägsta svaret)",
            (Rule::Median, Lang::En) => "Proposed (the median)",
            (Rule::Min, Lang::En) => "Proposed (the lowest answer)",
        };
        let proposal = team.proposal.as_ref().map_or_else(
            || "–".to_string(),
            |choice| self.short(question, &crate::answers::answer_of(choice)),
        );
        let _ = writeln!(s, "  {}", style(format!("{rule}: {proposal}")).yellow());
    }

    fn typed_value(&self, question: &Question) -> Result<Option<Choice>, Cancelled> {
        let lang = self.lang;
        let prompt = lang.pick("Svar", "Answer");
        let Some(text) = self.text(prompt, "", false)? else {
            return Ok(None);
        };
        Ok(crate::answers::typed(question, &text))
    }
}

impl super::StartSource for TerminalSource {
    fn intro(&mut self, intro: &super::Intro) -> Result<(), Cancelled> {
        TerminalSource::intro(self, intro.title, intro.questions, intro.minutes)
    }

    fn region(&mut self, _: &[&str]) -> Result<String, Cancelled> {
        TerminalSource::region(self)
    }

    fn line(&mut self, ask: &super::LineAsk) -> Result<Option<String>, Cancelled> {
        loop {
            let typed = self.text(ask.label, ask.initial, ask.required)?;
            match typed {
                None => return Ok(None),
                Some(text) => match (ask.check)(&text) {
                    Ok(text) => return Ok(Some(text)),
                    Err(reason) => {
                        let _ = self.term.write_line(&reason);
                    }
                },
            }
        }
    }
}

impl AnswerSource for TerminalSource {
    fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled> {
        self.interrupted()?;
        let items = self.items(prompt.question);
        let mut selected = prompt
            .default
            .as_ref()
            .and_then(|d| {
                items
                    .iter()
                    .position(|i| crate::answers::same(&i.choice, d))
            })
            .unwrap_or(0);
        let mut comment: Option<String> = None;
        let (comment_key, skip_key) = (self.pick("k", "c"), self.pick("h", "s"));
        loop {
            self.show(&self.screen(prompt, &items, selected, comment.as_deref()))?;
            let _ = self.term.hide_cursor();
            let key = self.term.read_key_raw().map_err(|_| Cancelled)?;
            let chosen = match key {
                Key::CtrlC => return Err(Cancelled),
                Key::ArrowUp => {
                    selected = selected.checked_sub(1).unwrap_or(items.len() - 1);
                    continue;
                }
                Key::ArrowDown | Key::Tab => {
                    selected = (selected + 1) % items.len();
                    continue;
                }
                Key::Home => {
                    selected = 0;
                    continue;
                }
                Key::End => {
                    selected = items.len() - 1;
                    continue;
                }
                Key::Enter => selected,
                Key::Escape if prompt.team.is_none() => return Ok(Reply::Menu),
                Key::ArrowLeft | Key::Backspace => return Ok(Reply::Back),
                Key::Char(c) => {
                    let c = c.to_ascii_lowercase();
                    if let Some(i) = items.iter().position(|i| i.key == c) {
                        i
                    } else if c == 'b' {
                        return Ok(Reply::Back);
                    } else if c == 'm' && prompt.team.is_none() {
                        return Ok(Reply::Menu);
                    } else if skip_key.starts_with(c) {
                        return Ok(Reply::Skip);
                    } else if comment_key.starts_with(c) && prompt.team.is_none() {
                        let initial = comment
                            .clone()
                            .or_else(|| prompt.current.and_then(|a| a.comment.clone()))
                            .unwrap_or_default();
                        comment = self.text(self.pick("Kommentar", "Comment"), &initial, false)?;
                        continue;
                    } else {
                        continue;
                    }
                }
                _ => continue,
            };
            let choice = match &items[chosen].choice {
                Choice::Value(serde_json::Value::Null) => {
                    match self.typed_value(prompt.question)? {
                        Some(choice) => choice,
                        None => continue,
                    }
                }
                other => other.clone(),
            };
            if prompt.team.is_some() {
                // What the team agreed needs a line on why; an empty one goes back to the choice.
                let Some(rationale) = self.text(
                    self.pick(
                        "Varför enades ni om det svaret? (en rad)",
                        "Why did you agree on that answer? (one line)",
                    ),
                    "",
                    false,
                )?
                else {
                    continue;
                };
                return Ok(Reply::Answer {
                    choice,
                    comment: Some(rationale),
                });
            }
            return Ok(Reply::Answer { choice, comment });
        }
    }

    fn menu(&mut self, prompt: &MenuPrompt) -> Result<MenuChoice, Cancelled> {
        let lang = self.lang;
        let mut selected = prompt.current.unwrap_or(0);
        let count = prompt.areas.len();
        loop {
            let mut s = format!("\n  {}\n\n", style(lang.pick("Områden", "Areas")).bold());
            for (i, area) in prompt.areas.iter().enumerate() {
                let marker = if i == selected { "›" } else { " " };
                let line = format!(
                    "{marker} {:>2}  {}  ({} {} {})",
                    area.area.number,
                    area.area.title.get(lang),
                    area.answered,
                    lang.pick("av", "of"),
                    area.asked
                );
                let _ = writeln!(
                    s,
                    "{}",
                    if i == selected {
                        style(line).cyan().bold()
                    } else {
                        style(line)
                    }
                );
            }
            let extra = [
                lang.pick("Granska och avsluta", "Review and finish"),
                lang.pick("Tillbaka till frågan", "Back to the question"),
            ];
            for (j, label) in extra.iter().enumerate() {
                let marker = if selected == count + j { "›" } else { " " };
                let line = format!("{marker}     {label}");
                let _ = writeln!(
                    s,
                    "{}",
                    if selected == count + j {
                        style(line).cyan().bold()
                    } else {
                        style(line)
                    }
                );
            }
            let _ = writeln!(
                s,
                "\n{}",
                style(lang.pick("↑↓ och Enter · Esc tillbaka", "↑↓ and Enter · Esc back")).dim()
            );
            self.show(&s)?;
            let _ = self.term.hide_cursor();
            match self.term.read_key_raw().map_err(|_| Cancelled)? {
                Key::CtrlC => return Err(Cancelled),
                Key::ArrowUp => selected = selected.checked_sub(1).unwrap_or(count + 1),
                Key::ArrowDown | Key::Tab => selected = (selected + 1) % (count + 2),
                Key::Escape => return Ok(MenuChoice::Continue),
                Key::Enter => {
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
        self.interrupted()?;
        let lang = self.lang;
        let mut s = format!(
            "\n  {}  {} {} {} {}",
            style(lang.pick("Granskning", "Review")).bold(),
            prompt.answered,
            lang.pick("av", "of"),
            prompt.total,
            lang.pick("besvarade", "answered")
        );
        if prompt.changed > 0 {
            let _ = write!(
                s,
                ", {} {}",
                prompt.changed,
                lang.pick("ändrade sedan förra året", "changed since last year")
            );
        }
        s.push_str("\n\n");
        let mut editable = Vec::new();
        for area in &prompt.areas {
            let target = area
                .target
                .map(|t| format!("  ({} {t})", lang.pick("mål", "target")))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "  {}{}",
                style(format!(
                    "{} {}",
                    area.area.number,
                    area.area.title.get(lang)
                ))
                .bold(),
                style(target).green()
            );
            for item in &area.items {
                let name = item
                    .question
                    .label
                    .as_ref()
                    .map_or(item.question.id.as_str(), |l| l.get(lang));
                let answer = item.answer.map_or_else(
                    || {
                        style(lang.pick("obesvarad", "unanswered").to_string())
                            .red()
                            .to_string()
                    },
                    |a| self.short(item.question, a),
                );
                let change = match (item.changed, item.previous) {
                    (true, Some(previous)) => format!(
                        "  {}",
                        style(format!(
                            "({} {})",
                            lang.pick("förra året", "last year"),
                            self.short(item.question, previous)
                        ))
                        .yellow()
                    ),
                    _ => String::new(),
                };
                let _ = writeln!(
                    s,
                    "    {:<28} {answer}{change}",
                    console::truncate_str(name, 28, "…")
                );
                editable.push(item);
            }
        }
        s.push('\n');
        self.show(&s)?;
        let unanswered = prompt.total - prompt.answered;
        // `None` is changing an answer, which asks which one first.
        let mut actions: Vec<(String, Option<ReviewChoice>)> = vec![
            (
                lang.pick("Avsluta och visa resultatet", "Finish and show the result")
                    .to_string(),
                Some(ReviewChoice::Finish),
            ),
            (
                lang.pick("Ändra ett svar …", "Change an answer …")
                    .to_string(),
                None,
            ),
        ];
        if unanswered > 0 {
            actions.push((
                if lang == Lang::Sv {
                    format!("Svara på de {unanswered} obesvarade")
                } else {
                    format!("Answer the {unanswered} unanswered")
                },
                Some(ReviewChoice::Continue),
            ));
        }
        if prompt.targets {
            actions.push((
                lang.pick("Sätt mål för områdena …", "Set the areas' targets …")
                    .to_string(),
                Some(ReviewChoice::Targets),
            ));
        }
        let labels: Vec<&str> = actions.iter().map(|(label, _)| label.as_str()).collect();
        let _ = self.term.show_cursor();
        let chosen = dialoguer::Select::with_theme(&self.theme)
            .items(&labels)
            .default(if unanswered > 0 { 2 } else { 0 })
            .interact_on_opt(&self.term)
            .map_err(|_| Cancelled)?
            .ok_or(Cancelled)?;
        if let Some(choice) = actions.swap_remove(chosen).1 {
            return Ok(choice);
        }
        let labels: Vec<String> = editable
            .iter()
            .map(|item| {
                let name = item
                    .question
                    .label
                    .as_ref()
                    .map_or(item.question.text.get(lang), |l| l.get(lang));
                let answer = item.answer.map_or_else(
                    || lang.pick("obesvarad", "unanswered").to_string(),
                    |a| self.short(item.question, a),
                );
                format!("{}  {name}: {answer}", item.question.id)
            })
            .collect();
        let picked = FuzzySelect::with_theme(&self.theme)
            .with_prompt(lang.pick(
                "Vilket svar (skriv för att söka)",
                "Which answer (type to search)",
            ))
            .items(&labels)
            .max_length(12)
            .interact_on_opt(&self.term)
            .map_err(|_| Cancelled)?;
        Ok(match picked {
            Some(i) => ReviewChoice::Edit(editable[i].question.id.clone()),
            None => ReviewChoice::Continue,
        })
    }

    fn target(&mut self, prompt: &TargetPrompt) -> Result<TargetReply, Cancelled> {
        self.interrupted()?;
        let lang = self.lang;
        let width = self.width();
        let mut s = String::new();
        let header = format!(" {}", lang.pick("Mål för områdena", "The areas' targets"));
        let right = format!(
            "{} {} {} {} ",
            lang.pick("Område", "Area"),
            prompt.number,
            lang.pick("av", "of"),
            prompt.count
        );
        let gap = width.saturating_sub(
            console::measure_text_width(&header) + console::measure_text_width(&right),
        );
        let _ = writeln!(
            s,
            "{}{}{}\n",
            style(&header).bold(),
            " ".repeat(gap.max(1)),
            style(&right).dim()
        );
        let _ = writeln!(
            s,
            "  {}\n",
            style(format!(
                "{} {}",
                prompt.area.number,
                prompt.area.title.get(lang)
            ))
            .bold()
        );
        match (prompt.score, &prompt.level) {
            (Some(score), Some((level, name))) => {
                let _ = writeln!(
                    s,
                    "  {}: {} ({} {level} {})",
                    lang.pick("Poäng i dag", "Score today"),
                    lang.decimal(score),
                    lang.pick("nivå", "level"),
                    name.get(lang)
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "  {}",
                    lang.pick(
                        "Poäng i dag: ingen, för lite besvarat",
                        "Score today: none, too little answered"
                    )
                );
            }
        }
        if let Some(previous) = prompt.previous {
            let text = format!(
                "{}: {previous}",
                lang.pick("Förra årets mål", "Last year's target")
            );
            let _ = writeln!(s, "  {}", style(text).yellow());
        }
        let current = prompt
            .current
            .map_or_else(|| lang.pick("inget", "none").to_string(), |t| t.to_string());
        let _ = writeln!(
            s,
            "  {}: {}\n",
            lang.pick("Mål nu", "Target now"),
            style(current).cyan().bold()
        );
        let _ = writeln!(
            s,
            "  {}",
            lang.pick(
                "Vilken nivå ska området nå?",
                "Which level is the area to reach?"
            )
        );
        for band in prompt
            .levels
            .iter()
            .filter(|b| crate::targets::LEVELS.contains(&b.level))
        {
            let line = format!("    {} {}", band.level, band.name.get(lang));
            if prompt.current == Some(band.level) {
                let _ = writeln!(s, "{}", style(line).cyan().bold());
            } else {
                let _ = writeln!(s, "{line}");
            }
        }
        let keys = lang.pick(
            "1–5 sätter målet · 0 tar bort det · Enter behåller · Esc tillbaka till granskningen · Ctrl-C avbryt",
            "1–5 sets the target · 0 removes it · Enter keeps it · Esc back to the review · Ctrl-C stop",
        );
        let _ = writeln!(s, "\n{}", style(textwrap::fill(keys, width - 2)).dim());
        self.show(&s)?;
        let _ = self.term.hide_cursor();
        loop {
            match self.term.read_key_raw().map_err(|_| Cancelled)? {
                Key::CtrlC => return Err(Cancelled),
                Key::Enter => return Ok(TargetReply::Keep),
                Key::Escape => return Ok(TargetReply::Done),
                Key::Char('0') => return Ok(TargetReply::Clear),
                Key::Char(c @ '1'..='5') => {
                    return Ok(TargetReply::Set(c.to_digit(10).map_or(0, |d| d as u8)));
                }
                _ => {}
            }
        }
    }
}
