//! The interview as plain lines (`mognad assess --plain`, and when `TERM=dumb`), for a screen
//! reader, a dumb terminal or a log: each question is printed once as lines of text, then one
//! line is read. Nothing is redrawn, the cursor is never moved and no escape sequence is
//! written, so what a screen reader reads, a log keeps and a script sends is the same text.
//!
//! The keys are those of the full screen (`words::keys`), each typed on a line of its own and
//! sent with Enter. What is refused is said in one line and asked again. The end of the input
//! and Ctrl-C stop the interview as Ctrl-C does on the full screen.

use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{self, Receiver};

use unicode_normalization::UnicodeNormalization;

use super::start::{Intro, LineAsk, StartSource};
use super::{
    AnswerSource, Cancelled, EvidencePrompt, MenuChoice, MenuPrompt, QuestionPrompt, Reply,
    ReviewChoice, ReviewPrompt, TargetPrompt, TargetReply, TeamPrompt, words,
};
use crate::answers::{Choice, answer_of, typed};
use crate::lang::Lang;
use crate::questionnaire::{Question, QuestionKind};

/// The width lines are wrapped at when `COLUMNS` does not say.
pub const WIDTH: usize = 80;

/// Asks line by line: prints to `output`, reads one line at a time from `input`.
pub struct Plain<R: BufRead, W: Write> {
    input: R,
    output: W,
    lang: Lang,
    width: usize,
    /// Writes each line read after its prompt, so that a transcript reads as a conversation
    /// when the input is not a terminal (which would show what is typed).
    echo: bool,
    /// A comment written at the last question that did not go with an answer.
    draft: Option<String>,
}

/// Plain lines on the process's standard input and output.
pub type Stdio = Plain<BufReader<Input>, io::Stdout>;

impl Stdio {
    /// Reads standard input, where Ctrl-C stops the interview; writes standard output, wrapped
    /// at `COLUMNS` (80 when not set). What is read is repeated in the output when standard
    /// input is not a terminal.
    pub fn stdio(lang: Lang) -> Self {
        use std::io::IsTerminal;
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|columns| columns.trim().parse().ok())
            .filter(|&columns: &usize| columns >= 20)
            .unwrap_or(WIDTH);
        let echo = !io::stdin().is_terminal();
        Plain::new(BufReader::new(Input::stdin()), io::stdout(), lang)
            .width(width)
            .echo(echo)
    }
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// Lines wrapped at 80 columns, without repeating what is read.
    pub fn new(input: R, output: W, lang: Lang) -> Self {
        Plain {
            input,
            output,
            lang,
            width: WIDTH,
            echo: false,
            draft: None,
        }
    }

    /// Wraps lines at `columns`.
    #[must_use]
    pub fn width(mut self, columns: usize) -> Self {
        self.width = columns.max(20);
        self
    }

    /// Repeats each line read in the output.
    #[must_use]
    pub fn echo(mut self, echo: bool) -> Self {
        self.echo = echo;
        self
    }

    /// What was written.
    pub fn into_output(self) -> W {
        self.output
    }

    fn pick<'a>(&self, sv: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(sv, en)
    }

    /// Writes a line. A closed output stops the interview as the end of the input does.
    fn say(&mut self, text: &str) -> Result<(), Cancelled> {
        let text = crate::text::visible(text);
        writeln!(self.output, "{text}").map_err(|_| Cancelled)
    }

    /// Writes a text wrapped at the width: the first line after `first`, the rest after
    /// `rest`. An empty text writes nothing.
    fn wrap(&mut self, text: &str, first: &str, rest: &str) -> Result<(), Cancelled> {
        if text.trim().is_empty() {
            return Ok(());
        }
        let text = crate::text::visible(text);
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest);
        let mut lines = String::new();
        for line in textwrap::wrap(text.trim(), options) {
            let _ = writeln!(lines, "{}", line.trim_end());
        }
        self.output
            .write_all(lines.as_bytes())
            .map_err(|_| Cancelled)
    }

    /// Writes `prompt` without ending the line and reads one line, trimmed and without
    /// control characters. The end of the input, Ctrl-C and an input that cannot be read are
    /// `Cancelled`.
    fn ask(&mut self, prompt: &str) -> Result<String, Cancelled> {
        loop {
            write!(self.output, "{prompt}").map_err(|_| Cancelled)?;
            self.output.flush().map_err(|_| Cancelled)?;
            let mut raw = Vec::new();
            if matches!(self.input.read_until(b'\n', &mut raw), Ok(0) | Err(_)) {
                // The line the prompt is on is ended, so what follows starts on its own.
                let _ = writeln!(self.output);
                let _ = self.output.flush();
                return Err(Cancelled);
            }
            let raw = String::from_utf8_lossy(&raw);
            let line = clean(&raw);
            if self.echo {
                self.say(&line)?;
            }
            if line.is_empty() && !raw.trim().is_empty() {
                // An arrow key, as on the full screen, gives only an escape sequence here.
                self.say(self.pick(
                    "Piltangenterna används inte här: skriv tangenten framför det du väljer och tryck Enter.",
                    "The arrow keys are not used here: type the key before what you choose and press Enter.",
                ))?;
                continue;
            }
            return Ok(line);
        }
    }

    /// `Välj (Enter behåller förra årets svar 2; ? visar tangenterna): `
    fn choose(&self, what: &str, enter: Option<&str>) -> String {
        let keys = self.pick("? visar tangenterna", "? lists the keys");
        match enter {
            Some(enter) => format!("{what} (Enter {enter}; {keys}): "),
            None => format!("{what} ({keys}): "),
        }
    }

    /// `”x” är ingen tangent här; …`
    fn refuse(&mut self, typed: &str) -> Result<(), Cancelled> {
        let typed = words::cut(typed, 24);
        let text = if self.lang == Lang::Sv {
            format!(
                "”{typed}” är ingen tangent här; skriv tangenten framför det du väljer, eller ? för alla tangenter."
            )
        } else {
            format!(
                "“{typed}” is no key here; type the key before what you choose, or ? for every key."
            )
        };
        self.say(&text)
    }

    /// Lists the keys, each with what it does.
    fn keys(&mut self, keys: &[(String, String)]) -> Result<(), Cancelled> {
        self.say(self.pick("Tangenterna:", "The keys:"))?;
        // Aligned after the short keys; a longer one (the answers' keys) is followed by two
        // spaces.
        let width = keys
            .iter()
            .map(|(k, _)| k.chars().count())
            .filter(|&n| n <= 8)
            .max()
            .unwrap_or(1);
        for (key, what) in keys {
            let first = format!("{key:<width$}  ");
            self.wrap(what, &first, &" ".repeat(width + 2))?;
        }
        let stop = self.pick(
            "Ctrl-C eller Ctrl-D avbryter; det som är besvarat är sparat.",
            "Ctrl-C or Ctrl-D stops; what is answered is saved.",
        );
        self.say(stop)
    }

    fn header(&mut self, prompt: &QuestionPrompt) -> Result<(), Cancelled> {
        let lang = self.lang;
        let mut header = format!(
            "{} {} {} {}: {} · {} {} · {} {} {} {}",
            lang.pick("Område", "Area"),
            prompt.area_number,
            lang.pick("av", "of"),
            prompt.area_count,
            prompt.area.title.get(lang),
            lang.pick("fråga", "question"),
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
        if prompt.editing {
            let _ = write!(
                header,
                " · {}",
                lang.pick("ändras från granskningen", "changed from the review")
            );
        }
        self.wrap(&header, "", "")
    }

    /// Everything shown with a question, up to and including its choices.
    fn show(&mut self, prompt: &QuestionPrompt, items: &[words::Item]) -> Result<(), Cancelled> {
        let lang = self.lang;
        let question = prompt.question;
        self.say("")?;
        if let Some(resume) = &prompt.resumed {
            self.wrap(&words::resumed(resume, lang), "", "")?;
        }
        self.header(prompt)?;
        if prompt.entering_area {
            self.wrap(prompt.area.description.get(lang), "", "")?;
        }
        self.say("")?;
        let indent = " ".repeat(prompt.number.chars().count() + 2);
        self.wrap(
            question.text.get(lang),
            &format!("{}  ", prompt.number),
            &indent,
        )?;
        self.wrap(question.help.get(lang), "", "")?;
        let evidence = question.evidence.get(lang);
        if !evidence.trim().is_empty() {
            let line = format!("{}: {evidence}", lang.pick("Underlag", "Evidence"));
            self.wrap(&line, "", "")?;
        }
        if prompt.team.is_none()
            && let Some(current) = prompt.current
        {
            let line = format!(
                "{}: {}",
                lang.pick("Ert svar", "Your answer"),
                words::answer(question, current, lang, true)
            );
            self.wrap(&line, "", "")?;
        }
        if let Some(previous) = prompt.previous {
            let line = format!(
                "{}: {}",
                lang.pick("Förra året", "Last year"),
                words::answer(question, previous, lang, true)
            );
            self.wrap(&line, "", "")?;
            if let Some(comment) = &previous.comment {
                let line = format!(
                    "{}: {comment}",
                    lang.pick("Förra årets kommentar", "Last year's comment")
                );
                self.wrap(&line, "", "")?;
            }
        }
        if let Some(team) = &prompt.team {
            self.team(question, team)?;
            // Back at a settled question: what the team agreed then.
            if let Some(current) = prompt.current.filter(|a| a.consensus.is_some()) {
                let line = format!(
                    "{}: {}",
                    lang.pick("Teamets svar", "The team's answer"),
                    words::answer(question, current, lang, true)
                );
                self.wrap(&line, "", "")?;
            }
        }
        if let Some(comment) = prompt.comment.filter(|c| !c.trim().is_empty()) {
            let label = if prompt.team.is_some() {
                lang.pick("Teamets motivering", "The team's rationale")
            } else {
                lang.pick("Kommentar", "Comment")
            };
            self.wrap(&format!("{label}: {comment}"), "", "")?;
        }
        self.say("")?;
        for item in items {
            self.wrap(&item.label, &format!("{}  ", item.key), "   ")?;
        }
        Ok(())
    }

    /// Every respondent's answer, role and comment, and what the rule proposes.
    fn team(&mut self, question: &Question, team: &TeamPrompt) -> Result<(), Cancelled> {
        let lang = self.lang;
        self.say(lang.pick("Var och ens svar:", "Each person's answer:"))?;
        for given in team.answers {
            let role = team
                .respondents
                .iter()
                .find(|r| r.name == given.name)
                .map(|r| r.role.trim())
                .filter(|role| !role.is_empty());
            let who = match role {
                Some(role) => format!("{} ({role})", given.name),
                None => given.name.clone(),
            };
            let line = format!(
                "{who}: {}",
                words::answer(question, &given.answer(), lang, true)
            );
            self.wrap(&line, "  ", "    ")?;
            if let Some(comment) = given.comment.as_deref().filter(|c| !c.trim().is_empty()) {
                let line = format!("{}: {comment}", lang.pick("Kommentar", "Comment"));
                self.wrap(&line, "    ", "    ")?;
            }
        }
        let proposal = team.proposal.as_ref().map_or_else(
            || "–".to_string(),
            |choice| words::answer(question, &answer_of(choice), lang, true),
        );
        let line = format!("{}: {proposal}", words::proposal(team.rule, question, lang));
        self.wrap(&line, "", "")
    }

    /// What Enter answers at a question: last year's answer, or this file's own, when there
    /// is one; never for a team, which chooses its answer.
    fn enter_choice(prompt: &QuestionPrompt) -> Option<Choice> {
        if prompt.team.is_some() || (prompt.previous.is_none() && prompt.current.is_none()) {
            return None;
        }
        prompt.default.clone()
    }

    fn question_keys(
        &self,
        prompt: &QuestionPrompt,
        items: &[words::Item],
    ) -> Vec<(String, String)> {
        let lang = self.lang;
        let keys = words::keys(lang);
        let mut list = Vec::new();
        let (typed, chosen): (Vec<&words::Item>, Vec<&words::Item>) =
            items.iter().partition(|i| i.is_typed());
        if !chosen.is_empty() {
            let keys: Vec<String> = chosen.iter().map(|i| i.key.to_string()).collect();
            list.push((
                keys.join(" "),
                lang.pick(
                    "svarar med det som står efter tangenten",
                    "answers with what follows the key",
                )
                .to_string(),
            ));
        }
        for item in typed {
            list.push((
                item.key.to_string(),
                lang.pick(
                    "skriver svaret på raden efter",
                    "types the answer on the next line",
                )
                .to_string(),
            ));
        }
        if let Some(choice) = Self::enter_choice(prompt) {
            list.push((
                "Enter".to_string(),
                format!(
                    "{} {}",
                    lang.pick("behåller", "keeps"),
                    self.default_words(prompt, &choice)
                ),
            ));
        }
        if prompt.team.is_none() {
            list.push((
                keys.comment.to_string(),
                lang.pick(
                    "skriver en kommentar på en rad; den följer med svaret",
                    "writes a comment on one line; it goes with the answer",
                )
                .to_string(),
            ));
        }
        list.push((
            keys.back.to_string(),
            lang.pick("tillbaka till frågan före", "back to the question before")
                .to_string(),
        ));
        list.push((
            keys.skip.to_string(),
            lang.pick(
                "hoppar över frågan; den står kvar obesvarad",
                "skips the question; it stays unanswered",
            )
            .to_string(),
        ));
        if prompt.team.is_none() {
            list.push((
                keys.menu.to_string(),
                lang.pick(
                    "menyn med områdena och granskningen",
                    "the menu of areas and the review",
                )
                .to_string(),
            ));
        }
        list.push((
            "?".to_string(),
            lang.pick("visar den här listan", "shows this list")
                .to_string(),
        ));
        list
    }

    /// `förra årets svar 2`
    fn default_words(&self, prompt: &QuestionPrompt, choice: &Choice) -> String {
        let lang = self.lang;
        let whose = if prompt.current.is_some() {
            lang.pick("ert svar", "your answer")
        } else {
            lang.pick("förra årets svar", "last year's answer")
        };
        format!(
            "{whose} {}",
            words::answer(prompt.question, &answer_of(choice), lang, false)
        )
    }

    /// Asks for a comment; `None` leaves the comment as it is, an empty text removes it.
    fn comment(&mut self) -> Result<Option<String>, Cancelled> {
        let typed = self.ask(self.pick(
            "Kommentar på en rad (Enter utan text ändrar inget, - tar bort kommentaren): ",
            "Comment on one line (Enter without text changes nothing, - removes the comment): ",
        ))?;
        Ok(match typed.as_str() {
            "" => {
                self.say(self.pick("Kommentaren är som den var.", "The comment is as it was."))?;
                None
            }
            "-" => {
                self.say(self.pick("Kommentaren tas bort.", "The comment is removed."))?;
                Some(String::new())
            }
            _ => {
                let line = format!("{}: {typed}", self.pick("Kommentar", "Comment"));
                self.wrap(&line, "", "")?;
                Some(typed)
            }
        })
    }

    /// Asks for a typed answer until one fits the question; `None` when left empty.
    fn typed_answer(&mut self, question: &Question) -> Result<Option<Choice>, Cancelled> {
        let prompt = format!(
            "{} ({}; {}): ",
            self.pick("Svar", "Answer"),
            expected(question, self.lang),
            self.pick(
                "Enter utan text går tillbaka",
                "Enter without text goes back"
            )
        );
        loop {
            let text = self.ask(&prompt)?;
            if text.is_empty() {
                return Ok(None);
            }
            if let Some(choice) = typed(question, &text) {
                return Ok(Some(choice));
            }
            let reason = refusal(question, &text, self.lang);
            self.say(&reason)?;
        }
    }

    /// Asks the team why it agreed, until it says; `None` to choose another answer.
    fn rationale(&mut self, kept: Option<&str>) -> Result<Option<String>, Cancelled> {
        let prompt = match kept {
            Some(_) => self
                .pick(
                    "Varför enades ni om det svaret? En rad (Enter behåller motiveringen, - väljer ett annat svar): ",
                    "Why did you agree on that answer? One line (Enter keeps the rationale, - chooses another answer): ",
                )
                .to_string(),
            None => self
                .pick(
                    "Varför enades ni om det svaret? En rad (- väljer ett annat svar): ",
                    "Why did you agree on that answer? One line (- chooses another answer): ",
                )
                .to_string(),
        };
        loop {
            let text = self.ask(&prompt)?;
            match (text.as_str(), kept) {
                ("-", _) => return Ok(None),
                ("", Some(kept)) => return Ok(Some(kept.to_string())),
                ("", None) => self.say(self.pick(
                    "Teamets svar behöver en motivering: skriv en rad om varför ni enades om det.",
                    "The team's answer needs a rationale: write one line on why you agreed on it.",
                ))?,
                _ => return Ok(Some(text)),
            }
        }
    }

    /// Reads lines at a question until the user does something with it.
    fn reply(
        &mut self,
        prompt: &QuestionPrompt,
        items: &[words::Item],
        held: &mut Option<String>,
    ) -> Result<Reply, Cancelled> {
        let lang = self.lang;
        let keys = words::keys(lang);
        let team = prompt.team.is_some();
        let enter = Self::enter_choice(prompt);
        let what = if team {
            lang.pick(
                "Välj svaret teamet enas om",
                "Choose the answer the team agrees on",
            )
        } else {
            lang.pick("Välj", "Choose")
        };
        let enter_words = enter.as_ref().map(|choice| {
            format!(
                "{} {}",
                lang.pick("behåller", "keeps"),
                self.default_words(prompt, choice)
            )
        });
        let ask = self.choose(what, enter_words.as_deref());
        loop {
            let typed = self.ask(&ask)?;
            let mut chars = typed.chars();
            let key = match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c.to_lowercase().next().unwrap_or(c)),
                _ => None,
            };
            let choice = if typed.is_empty() {
                if let Some(choice) = &enter {
                    choice.clone()
                } else {
                    self.say(if team {
                        lang.pick(
                            "Teamet behöver välja ett svar: skriv tangenten framför det, eller ? för alla tangenter.",
                            "The team needs to choose an answer: type the key before it, or ? for every key.",
                        )
                    } else {
                        lang.pick(
                            "Ett svar behöver väljas: skriv tangenten framför det, eller ? för alla tangenter.",
                            "An answer needs to be chosen: type the key before it, or ? for every key.",
                        )
                    })?;
                    continue;
                }
            } else if typed == "?" {
                let list = self.question_keys(prompt, items);
                self.keys(&list)?;
                continue;
            } else if let Some(item) = key.and_then(|k| items.iter().find(|i| i.key == k)) {
                if item.is_typed() {
                    match self.typed_answer(prompt.question)? {
                        Some(choice) => choice,
                        None => continue,
                    }
                } else {
                    item.choice.clone()
                }
            } else if key == Some(keys.back) {
                return Ok(Reply::Back);
            } else if key == Some(keys.skip) {
                return Ok(Reply::Skip);
            } else if key == Some(keys.menu) && !team {
                return Ok(Reply::Menu);
            } else if key == Some(keys.comment) && !team {
                if let Some(comment) = self.comment()? {
                    *held = Some(comment);
                }
                continue;
            } else {
                self.refuse(&typed)?;
                continue;
            };
            if team {
                let kept = prompt.comment.filter(|c| !c.trim().is_empty());
                match self.rationale(kept)? {
                    Some(rationale) => {
                        return Ok(Reply::Answer {
                            choice,
                            comment: Some(rationale),
                        });
                    }
                    None => continue,
                }
            }
            return Ok(Reply::Answer {
                choice,
                comment: held.take(),
            });
        }
    }

    fn review_line(&self, item: &super::ReviewItem) -> String {
        let lang = self.lang;
        let question = item.question;
        let name = question.label.as_ref().map_or_else(
            || words::cut(question.text.get(lang), 40),
            |l| l.get(lang).to_string(),
        );
        let answer = item.answer.map_or_else(
            || lang.pick("obesvarad", "unanswered").to_string(),
            |a| words::short(question, a, lang, 32),
        );
        let mut line = format!("{}  {name}  {answer}", item.number);
        if let Some(previous) = item.previous {
            let _ = write!(
                line,
                "  ({}: {})",
                lang.pick("förra året", "last year"),
                words::short(question, previous, lang, 20)
            );
        }
        if item
            .answer
            .and_then(|a| a.comment.as_deref())
            .is_some_and(|c| !c.trim().is_empty())
        {
            let _ = write!(line, "  [{}]", words::keys(lang).comment);
        }
        if item.changed {
            let _ = write!(line, "  [{}]", lang.pick("ändrad", "changed"));
        }
        if item.answer.is_some_and(|a| question.lacks_evidence(a)) {
            let _ = write!(
                line,
                "  [{}]",
                lang.pick(
                    "utan underlag, räknas som Vet ej",
                    "no evidence, counts as Don't know"
                )
            );
        }
        line
    }
}

/// A line as typed, trimmed, without escape sequences (an arrow key in a terminal that is
/// not in raw mode) or other control characters, and with a letter typed as a letter and a
/// combining mark (as on a Mac) kept as one, so that `å` is `å` in the file.
fn clean(raw: &str) -> String {
    let mut line = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then one final character.
                Some('[') => while chars.next().is_some_and(|c| !('@'..='~').contains(&c)) {},
                // SS3 and the like: one character more.
                Some('O') => {
                    chars.next();
                }
                _ => {}
            },
            '\t' => line.push(' '),
            c if c.is_control() => {}
            c => line.push(c),
        }
    }
    line.trim().nfc().collect()
}

/// What a typed answer to a question is to be, as said before it is typed: `ett heltal från
/// 0 till 100, procent`.
fn expected(question: &Question, lang: Lang) -> String {
    if question.kind == QuestionKind::Text {
        return "text".to_string();
    }
    let mut text = if question.integer {
        lang.pick("ett heltal", "a whole number").to_string()
    } else {
        lang.pick("ett tal", "a number").to_string()
    };
    let _ = match (question.min, question.max) {
        (Some(min), Some(max)) => write!(
            text,
            " {} {} {} {}",
            lang.pick("från", "from"),
            number(min, lang),
            lang.pick("till", "to"),
            number(max, lang)
        ),
        (Some(min), None) => write!(
            text,
            " {} {}",
            lang.pick("minst", "at least"),
            number(min, lang)
        ),
        (None, Some(max)) => write!(
            text,
            " {} {}",
            lang.pick("högst", "at most"),
            number(max, lang)
        ),
        (None, None) => Ok(()),
    };
    if let Some(unit) = &question.unit {
        let _ = write!(text, ", {}", unit.get(lang));
    }
    text
}

/// Why a typed text is no answer to a question: not a number, outside its range, or not whole.
fn refusal(question: &Question, text: &str, lang: Lang) -> String {
    let shown = words::cut(text, 24);
    let number: Option<f64> = text
        .replace(',', ".")
        .replace(['\u{a0}', ' '], "")
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite());
    let why = match number {
        None if question.kind == QuestionKind::Number => {
            format!("{shown} {}", lang.pick("är inget tal", "is not a number"))
        }
        Some(n)
            if question.min.is_some_and(|min| n < min)
                || question.max.is_some_and(|max| n > max) =>
        {
            format!(
                "{shown} {}",
                lang.pick(
                    "ligger utanför det som går att svara",
                    "is outside what can be answered"
                )
            )
        }
        Some(n) if question.integer && n.fract() != 0.0 => {
            format!(
                "{shown} {}",
                lang.pick("är inget heltal", "is not a whole number")
            )
        }
        _ => format!(
            "{shown} {}",
            lang.pick("går inte att svara", "cannot be answered")
        ),
    };
    format!(
        "{why}; {} {}.",
        lang.pick("skriv", "type"),
        expected(question, lang)
    )
}

/// `100`, `2,5` (`2.5` in English).
fn number(value: f64, lang: Lang) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let text = value.to_string();
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

impl<R: BufRead, W: Write> AnswerSource for Plain<R, W> {
    fn question(&mut self, prompt: &QuestionPrompt) -> Result<Reply, Cancelled> {
        self.draft = None;
        let items = words::items(prompt.question, self.lang);
        let mut held = None;
        let reply = self
            .show(prompt, &items)
            .and_then(|()| self.reply(prompt, &items, &mut held));
        if !matches!(reply, Ok(Reply::Answer { .. })) {
            self.draft = held;
        }
        reply
    }

    fn take_draft(&mut self) -> Option<String> {
        self.draft.take()
    }

    fn evidence(&mut self, prompt: &EvidencePrompt) -> Result<Option<String>, Cancelled> {
        let why = words::evidence_why(prompt.question, prompt.answer, self.lang);
        self.wrap(&why, "", "")?;
        let ask = self.pick(
            "Underlag (Enter hoppar över; svaret räknas då som Vet ej): ",
            "Evidence (Enter skips it; the answer then counts as Don't know): ",
        );
        let typed = self.ask(ask)?;
        Ok((!typed.is_empty()).then_some(typed))
    }

    fn menu(&mut self, prompt: &MenuPrompt) -> Result<MenuChoice, Cancelled> {
        let lang = self.lang;
        let review = lang.pick("g", "r");
        self.say("")?;
        self.say(lang.pick("Områden:", "Areas:"))?;
        for (i, area) in prompt.areas.iter().enumerate() {
            let here = if prompt.current == Some(i) {
                lang.pick(" (här är ni)", " (you are here)")
            } else {
                ""
            };
            let line = format!(
                "{} · {} {} {} {}{here}",
                area.area.title.get(lang),
                area.answered,
                lang.pick("av", "of"),
                area.asked,
                lang.pick("besvarade", "answered")
            );
            let key = format!("{:>2}  ", area.area.number);
            self.wrap(&line, &key, "    ")?;
        }
        let back = lang.pick("Tillbaka till frågan", "Back to the question");
        let finish = lang.pick("Granska och avsluta", "Review and finish");
        self.say(&format!("{review:>2}  {finish}"))?;
        self.say(&format!(" b  {back}"))?;
        let ask = self.choose(
            lang.pick(
                "Välj ett område med dess nummer",
                "Choose an area by its number",
            ),
            Some(lang.pick("går tillbaka till frågan", "goes back to the question")),
        );
        loop {
            let typed = self.ask(&ask)?;
            let lower = typed.to_lowercase();
            if typed.is_empty() || lower == "b" {
                return Ok(MenuChoice::Continue);
            }
            if lower == review {
                return Ok(MenuChoice::Review);
            }
            if typed == "?" {
                self.keys(&[
                    (
                        lang.pick("nummer", "number").to_string(),
                        lang.pick(
                            "går till områdets första obesvarade fråga",
                            "goes to the area's first unanswered question",
                        )
                        .to_string(),
                    ),
                    (review.to_string(), finish.to_string()),
                    ("b, Enter".to_string(), back.to_string()),
                ])?;
                continue;
            }
            let area = typed
                .parse::<u32>()
                .ok()
                .and_then(|n| prompt.areas.iter().position(|a| a.area.number == n));
            match area {
                Some(index) => return Ok(MenuChoice::Area(index)),
                None => self.refuse(&typed)?,
            }
        }
    }

    fn review(&mut self, prompt: &ReviewPrompt) -> Result<ReviewChoice, Cancelled> {
        let lang = self.lang;
        let (finish_key, open_key, targets_key) = match lang {
            Lang::Sv => ("a", "o", "m"),
            Lang::En => ("f", "u", "t"),
        };
        self.say("")?;
        let mut heading = format!(
            "{}: {} {} {} {}",
            lang.pick("Granskning", "Review"),
            prompt.answered,
            lang.pick("av", "of"),
            prompt.total,
            lang.pick("besvarade", "answered")
        );
        if prompt.changed > 0 {
            let _ = write!(
                heading,
                ", {} {}",
                prompt.changed,
                lang.pick("ändrade sedan förra året", "changed since last year")
            );
        }
        self.say(&heading)?;
        for area in &prompt.areas {
            self.say("")?;
            let mut line = format!("{} {}", area.area.number, area.area.title.get(lang));
            if let Some(target) = area.target {
                let _ = write!(line, " ({} {target})", lang.pick("mål", "target"));
            }
            self.say(&line)?;
            for item in &area.items {
                let line = self.review_line(item);
                self.say(&line)?;
            }
        }
        let open = prompt.total - prompt.answered;
        let finish = lang
            .pick("Avsluta och visa resultatet", "Finish and show the result")
            .to_string();
        let answer_open = if lang == Lang::Sv {
            format!("Svara på de {open} obesvarade")
        } else {
            format!("Answer the {open} unanswered")
        };
        let targets = lang
            .pick("Sätt mål för områdena", "Set the areas' targets")
            .to_string();
        let change = lang
            .pick(
                "Ändra svaret på den frågan (frågans nummer, som 1.3)",
                "Change the answer to that question (its number, such as 1.3)",
            )
            .to_string();
        let mut commands = vec![(finish_key.to_string(), finish)];
        if open > 0 {
            commands.push((open_key.to_string(), answer_open.clone()));
        }
        if prompt.targets {
            commands.push((targets_key.to_string(), targets));
        }
        commands.push(("1.3".to_string(), change));
        self.say("")?;
        for (key, what) in &commands {
            self.wrap(what, &format!("{key:>3}  "), "     ")?;
        }
        let enter = if open > 0 {
            if lang == Lang::Sv {
                format!("svarar på de {open} obesvarade")
            } else {
                format!("answers the {open} unanswered")
            }
        } else {
            lang.pick("avslutar", "finishes").to_string()
        };
        let ask = self.choose(lang.pick("Välj", "Choose"), Some(&enter));
        loop {
            let typed = self.ask(&ask)?;
            let lower = typed.to_lowercase();
            if typed.is_empty() {
                return Ok(if open > 0 {
                    ReviewChoice::Continue
                } else {
                    ReviewChoice::Finish
                });
            }
            if lower == finish_key {
                return Ok(ReviewChoice::Finish);
            }
            if lower == open_key && open > 0 {
                return Ok(ReviewChoice::Continue);
            }
            if lower == targets_key && prompt.targets {
                return Ok(ReviewChoice::Targets);
            }
            if typed == "?" {
                let mut list = commands.clone();
                list.push((
                    "Enter".to_string(),
                    if open > 0 {
                        answer_open.clone()
                    } else {
                        commands[0].1.clone()
                    },
                ));
                self.keys(&list)?;
                continue;
            }
            let found = prompt
                .areas
                .iter()
                .flat_map(|a| &a.items)
                .find(|item| item.number == typed || item.question.id == typed);
            match found {
                Some(item) => return Ok(ReviewChoice::Edit(item.question.id.clone())),
                None => self.refuse(&typed)?,
            }
        }
    }

    fn target(&mut self, prompt: &TargetPrompt) -> Result<TargetReply, Cancelled> {
        let lang = self.lang;
        self.say("")?;
        self.say(&format!(
            "{} · {} {} {} {}",
            lang.pick("Mål för områdena", "The areas' targets"),
            lang.pick("område", "area"),
            prompt.number,
            lang.pick("av", "of"),
            prompt.count
        ))?;
        self.say(&format!(
            "{} {}",
            prompt.area.number,
            prompt.area.title.get(lang)
        ))?;
        let today = match (prompt.score, &prompt.level) {
            (Some(score), Some((level, name))) => format!(
                "{}: {} ({} {level} {})",
                lang.pick("Poäng i dag", "Score today"),
                lang.decimal(score),
                lang.pick("nivå", "level"),
                name.get(lang)
            ),
            _ => lang
                .pick(
                    "Poäng i dag: ingen, för lite besvarat",
                    "Score today: none, too little answered",
                )
                .to_string(),
        };
        self.say(&today)?;
        if let Some(previous) = prompt.previous {
            self.say(&format!(
                "{}: {previous}",
                lang.pick("Förra årets mål", "Last year's target")
            ))?;
        }
        let current = prompt
            .current
            .map_or_else(|| lang.pick("inget", "none").to_string(), |t| t.to_string());
        self.say(&format!("{}: {current}", lang.pick("Mål nu", "Target now")))?;
        self.say("")?;
        for band in prompt
            .levels
            .iter()
            .filter(|b| crate::targets::LEVELS.contains(&b.level))
        {
            self.wrap(band.name.get(lang), &format!("{}  ", band.level), "   ")?;
        }
        self.say(&format!("0  {}", lang.pick("Inget mål", "No target")))?;
        self.say(&format!(
            "b  {}",
            lang.pick("Tillbaka till granskningen", "Back to the review")
        ))?;
        let ask = self.choose(
            lang.pick("Välj målet", "Choose the target"),
            Some(lang.pick("behåller det som det är", "keeps it as it is")),
        );
        loop {
            let typed = self.ask(&ask)?;
            match typed.to_lowercase().as_str() {
                "" => return Ok(TargetReply::Keep),
                "0" => return Ok(TargetReply::Clear),
                "b" => return Ok(TargetReply::Done),
                "?" => {
                    self.keys(&[
                        (
                            "1–5".to_string(),
                            lang.pick(
                                "sätter målet och går till nästa område",
                                "sets the target and goes on to the next area",
                            )
                            .to_string(),
                        ),
                        (
                            "0".to_string(),
                            lang.pick("tar bort målet", "removes the target")
                                .to_string(),
                        ),
                        (
                            "Enter".to_string(),
                            lang.pick("behåller målet som det är", "keeps the target as it is")
                                .to_string(),
                        ),
                        (
                            "b".to_string(),
                            lang.pick("tillbaka till granskningen", "back to the review")
                                .to_string(),
                        ),
                    ])?;
                }
                other => match other.parse::<u8>() {
                    Ok(level) if crate::targets::LEVELS.contains(&level) => {
                        return Ok(TargetReply::Set(level));
                    }
                    _ => self.refuse(&typed)?,
                },
            }
        }
    }
}

impl<R: BufRead, W: Write> StartSource for Plain<R, W> {
    fn intro(&mut self, intro: &Intro) -> Result<(), Cancelled> {
        let lang = self.lang;
        self.say("")?;
        self.wrap(intro.title, "", "")?;
        self.say("")?;
        self.wrap(&words::intro(lang, intro.questions, intro.minutes), "", "")?;
        for note in &intro.notes {
            self.say("")?;
            self.wrap(note, "", "")?;
        }
        self.say("")?;
        self.wrap(
            lang.pick(
                "Skriv tangenten framför det du väljer och tryck Enter; ? visar tangenterna.",
                "Type the key before what you choose and press Enter; ? lists the keys.",
            ),
            "",
            "",
        )?;
        self.ask(lang.pick("Tryck Enter för att börja: ", "Press Enter to start: "))?;
        Ok(())
    }

    fn region(&mut self, regions: &[&str]) -> Result<String, Cancelled> {
        let lang = self.lang;
        let other = lang.pick(
            "Annan organisation (kommun, privat vårdgivare) …",
            "Another organisation (municipality, private provider) …",
        );
        let count = regions.len() + 1;
        let digits = count.to_string().len();
        let ask = lang
            .pick(
                "Skriv numret eller en del av namnet (? visar listan igen): ",
                "Type the number or part of the name (? shows the list again): ",
            )
            .to_string();
        let mut list = true;
        loop {
            if list {
                self.say("")?;
                self.say(lang.pick(
                    "Vilken region eller organisation svarar?",
                    "Which region or organisation answers?",
                ))?;
                for (i, name) in regions.iter().chain([&other]).enumerate() {
                    self.say(&format!("{:>digits$}  {name}", i + 1))?;
                }
            }
            list = false;
            let typed = self.ask(&ask)?;
            let wanted = typed.to_lowercase();
            let found: Vec<usize> = match typed.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => vec![n - 1],
                Ok(_) => Vec::new(),
                Err(_) if typed.is_empty() => {
                    self.say(lang.pick(
                        "Skriv regionens nummer eller en del av dess namn.",
                        "Type the region's number or part of its name.",
                    ))?;
                    continue;
                }
                Err(_) if typed == "?" => {
                    list = true;
                    continue;
                }
                Err(_) => {
                    let exact: Vec<usize> = (0..regions.len())
                        .filter(|&i| regions[i].to_lowercase() == wanted)
                        .collect();
                    if exact.is_empty() {
                        (0..regions.len())
                            .filter(|&i| regions[i].to_lowercase().contains(&wanted))
                            .collect()
                    } else {
                        exact
                    }
                }
            };
            match found.as_slice() {
                [i] if *i < regions.len() => {
                    self.say(&format!(
                        "{}: {}",
                        lang.pick("Region", "Region"),
                        regions[*i]
                    ))?;
                    return Ok(regions[*i].to_string());
                }
                [_] => {
                    let name = self.ask(lang.pick(
                        "Organisationens namn (Enter utan text går tillbaka till listan): ",
                        "The organisation's name (Enter without text goes back to the list): ",
                    ))?;
                    if name.is_empty() {
                        list = true;
                    } else {
                        return Ok(name);
                    }
                }
                [] => {
                    let text = if lang == Lang::Sv {
                        format!(
                            "Ingen region matchar ”{}”; välj {count} för en annan organisation.",
                            words::cut(&typed, 40)
                        )
                    } else {
                        format!(
                            "No region matches “{}”; choose {count} for another organisation.",
                            words::cut(&typed, 40)
                        )
                    };
                    self.say(&text)?;
                    list = true;
                }
                many => {
                    let names: Vec<&str> = many.iter().map(|&i| regions[i]).collect();
                    let text = if lang == Lang::Sv {
                        format!(
                            "Flera regioner matchar: {}. Skriv mer av namnet, eller numret.",
                            names.join(", ")
                        )
                    } else {
                        format!(
                            "Several regions match: {}. Type more of the name, or the number.",
                            names.join(", ")
                        )
                    };
                    self.wrap(&text, "", "")?;
                }
            }
        }
    }

    fn line(&mut self, ask: &LineAsk) -> Result<Option<String>, Cancelled> {
        let prompt = if ask.initial.is_empty() {
            format!("{}: ", ask.label)
        } else {
            format!("{} (Enter: {}): ", ask.label, ask.initial)
        };
        loop {
            let typed = self.ask(&prompt)?;
            let typed = if typed.is_empty() {
                ask.initial.trim().to_string()
            } else {
                typed
            };
            if typed.is_empty() {
                if !ask.required {
                    return Ok(None);
                }
                self.say(self.pick("Det här behöver fyllas i.", "This needs to be filled in."))?;
                continue;
            }
            match (ask.check)(&typed) {
                Ok(text) => return Ok(Some(text)),
                Err(reason) => self.say(&reason)?,
            }
        }
    }
}

/// Standard input read on a thread of its own. Without raw mode Ctrl-C arrives as SIGINT,
/// and a blocked read is restarted after it; here it ends the wait for a line as the end of
/// the input does, so the interview stops its usual way: saved, and saying how to go on.
pub struct Input {
    events: Receiver<Event>,
    pending: Vec<u8>,
    at: usize,
    ended: bool,
}

enum Event {
    Bytes(Vec<u8>),
    End,
    Interrupt,
}

impl Input {
    /// Starts reading standard input, and makes Ctrl-C stop the interview.
    pub fn stdin() -> Self {
        let (sender, events) = mpsc::channel();
        let interrupt = sender.clone();
        // One handler per process: when one is set already, Ctrl-C does what it does, and
        // the file saved after the last answer stays whole either way.
        let _ = ctrlc::set_handler(move || {
            let _ = interrupt.send(Event::Interrupt);
        });
        std::thread::spawn(move || {
            let mut stdin = io::stdin();
            let mut buffer = [0; 4096];
            loop {
                let event = match stdin.read(&mut buffer) {
                    Ok(0) => Event::End,
                    Ok(n) => Event::Bytes(buffer[..n].to_vec()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => Event::End,
                };
                let end = matches!(event, Event::End);
                if sender.send(event).is_err() || end {
                    return;
                }
            }
        });
        Input {
            events,
            pending: Vec::new(),
            at: 0,
            ended: false,
        }
    }
}

impl Read for Input {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        while self.at >= self.pending.len() {
            if self.ended {
                return Ok(0);
            }
            match self.events.recv() {
                Ok(Event::Bytes(bytes)) => {
                    self.pending = bytes;
                    self.at = 0;
                }
                Ok(Event::End) | Err(_) => self.ended = true,
                // Not `Interrupted`, which a reader retries.
                Ok(Event::Interrupt) => return Err(io::Error::other("interrupted")),
            }
        }
        let n = buffer.len().min(self.pending.len() - self.at);
        buffer[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use serde_json::json;

    use super::*;
    use crate::answers::Answers;
    use crate::document::{Document, parse};
    use crate::interview::consensus::Settlement;
    use crate::interview::start::{REGIONS, year};
    use crate::interview::tests::{answers, questionnaire, rubric};
    use crate::interview::{Ending, Interview};
    use crate::questionnaire::Questionnaire;

    type Scripted = Plain<Cursor<Vec<u8>>, Vec<u8>>;

    /// A source that reads `lines` and repeats them after their prompts, as a log shows them.
    fn plain(lines: &[&str], lang: Lang) -> Scripted {
        let mut input = String::new();
        for line in lines {
            input.push_str(line);
            input.push('\n');
        }
        Plain::new(Cursor::new(input.into_bytes()), Vec::new(), lang).echo(true)
    }

    fn written(source: Scripted) -> String {
        let out = String::from_utf8(source.into_output()).unwrap();
        assert!(!out.contains('\u{1b}'), "an escape sequence in:\n{out}");
        out
    }

    /// Runs the interview of `questionnaire` on `lines`, with targets from the review: the
    /// ending, the answers and what was written.
    fn run_on(
        questionnaire: &Questionnaire,
        start: Answers,
        previous: Option<Answers>,
        lines: &[&str],
    ) -> (Ending, Answers, String) {
        let rubric = rubric();
        let mut source = plain(lines, Lang::Sv);
        let mut interview = Interview::new(questionnaire, start, previous);
        if questionnaire.id == "t" {
            interview = interview.with_targets(&rubric);
        }
        let ending = interview
            .run(&mut source, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
            .unwrap();
        (ending, interview.into_answers(), written(source))
    }

    /// The interview's questionnaire (area `a`: a-1, a-yn, a-2 when a-yn is yes; area `b`:
    /// b-1, b-2).
    fn run(start: Answers, previous: Option<Answers>, lines: &[&str]) -> (Ending, Answers, String) {
        run_on(&questionnaire(), start, previous, lines)
    }

    fn value(answers: &Answers, id: &str) -> serde_json::Value {
        answers.answers[id].value.as_ref().unwrap().0.clone()
    }

    #[test]
    fn a_small_questionnaire_is_answered_line_by_line() {
        let (ending, answers, out) = run(
            answers(json!({})),
            None,
            &[
                "2",
                "k",
                "Vi mäter på Åland och i Östergötland",
                "N",
                "3",
                "b",
                "",
                "4",
                "a",
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(value(&answers, "a-1"), json!(2));
        assert_eq!(
            value(&answers, "a-yn"),
            json!("no"),
            "a key in capitals too"
        );
        assert_eq!(
            answers.answers["a-yn"].comment.as_deref(),
            Some("Vi mäter på Åland och i Östergötland")
        );
        assert_eq!(
            value(&answers, "b-1"),
            json!(3),
            "Enter kept it after going back"
        );
        assert_eq!(value(&answers, "b-2"), json!(4));
        assert!(answers.drafts.is_empty());
        for line in [
            "Område 1 av 2: A · fråga 1.1 · 0 av 4 besvarade\n",
            "1.1  a-1\n",
            "Underlag: e\n",
            "0  L0\n",
            "5  L5\n",
            "v  Vet ej\n",
            "j  Ja\n",
            "n  Nej\n",
            "Välj (? visar tangenterna): 2\n",
            "Kommentar: Vi mäter på Åland och i Östergötland\n",
            "Område 2 av 2: B · fråga 2.1 · 2 av 4 besvarade\n",
            "Ert svar: 3 – L3\n",
            "Välj (Enter behåller ert svar 3; ? visar tangenterna): \n",
            "Granskning: 4 av 4 besvarade\n",
            "1.2  yn  Nej  [k]\n",
            "2.2  b-2  4 – L4\n",
            "  a  Avsluta och visa resultatet\n",
            "  m  Sätt mål för områdena\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        // The area's introduction comes with its first question only.
        assert_eq!(out.matches("Område 1 av 2: A").count(), 2);
        assert_eq!(out.matches("\nA\n").count(), 1, "{out}");
    }

    #[test]
    fn refused_input_says_why_and_is_asked_again() {
        let (ending, answers, out) = run(
            answers(json!({})),
            None,
            &["x", "", "12", "?", "ja", "\u{1b}[B", "2"],
        );
        assert_eq!(ending, Ending::Cancelled, "the input ended at 1.2");
        assert_eq!(value(&answers, "a-1"), json!(2));
        assert_eq!(answers.position.as_deref(), Some("a-yn"));
        assert!(
            out.contains("”x” är ingen tangent här; skriv tangenten framför det du väljer, eller ? för alla tangenter.\n"),
            "{out}"
        );
        assert!(out.contains("”12” är ingen tangent här"), "{out}");
        assert!(out.contains("”ja” är ingen tangent här"), "{out}");
        assert!(
            out.contains("Piltangenterna används inte här: skriv tangenten framför det du väljer och tryck Enter.\n"),
            "{out}"
        );
        assert!(
            out.contains("Ett svar behöver väljas: skriv tangenten framför det"),
            "{out}"
        );
        for line in [
            "Tangenterna:\n",
            "0 1 2 3 4 5 v  svarar med det som står efter tangenten\n",
            "k  skriver en kommentar på en rad; den följer med svaret\n",
            "b  tillbaka till frågan före\n",
            "h  hoppar över frågan; den står kvar obesvarad\n",
            "m  menyn med områdena och granskningen\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        // The question is shown once; only the prompt is asked again.
        assert_eq!(out.matches("1.1  a-1").count(), 1);
        assert_eq!(out.matches("Välj (? visar tangenterna): ").count(), 7 + 1);
    }

    #[test]
    fn a_line_keeps_its_letters_and_loses_escape_sequences() {
        assert_eq!(clean(" a\u{1b}[Ab\u{1b}[1;5D c\t\u{7}\r\n"), "ab c");
        assert_eq!(clean("Sa\u{30a}s Va\u{308}xjo\u{308}\n"), "Sås Växjö");
        assert_eq!(clean("\u{1b}OA"), "");
    }

    #[test]
    fn a_comment_not_given_with_an_answer_is_kept_as_a_draft() {
        // The input ends while the comment waits for its answer.
        let (ending, answers, out) = run(
            answers(json!({})),
            None,
            &["k", "oklart, fråga Örjan på IT"],
        );
        assert_eq!(ending, Ending::Cancelled);
        assert!(out.ends_with("Välj (? visar tangenterna): \n"), "{out}");
        assert_eq!(answers.drafts["a-1"], "oklart, fråga Örjan på IT");
        assert!(answers.answers.is_empty());
        // Going back, or skipping, keeps it too; the next run opens it and an answer takes it.
        let (_, answers, _) = run(answers, None, &["k", "ny text", "h"]);
        assert_eq!(answers.drafts["a-1"], "ny text");
        let (_, answers, out) = run(answers, None, &["b", "1"]);
        assert!(out.contains("Kommentar: ny text\n"), "{out}");
        assert_eq!(answers.answers["a-1"].comment.as_deref(), Some("ny text"));
        assert!(answers.drafts.is_empty());
        // An empty line leaves a comment as it was; `-` removes it.
        let mut start = answers.clone();
        start.position = Some("a-1".into());
        let (_, kept, out) = run(start.clone(), None, &["k", "", "b"]);
        assert!(out.contains("Kommentaren är som den var.\n"), "{out}");
        assert_eq!(kept.answers["a-1"].comment.as_deref(), Some("ny text"));
        let (_, removed, _) = run(start.clone(), None, &["k", "-", "b"]);
        assert_eq!(removed.answers["a-1"].comment, None);
        let (_, removed, _) = run(start, None, &["k", "-", "4"]);
        assert_eq!(removed.answers["a-1"].comment, None);
        assert_eq!(value(&removed, "a-1"), json!(4));
    }

    #[test]
    fn enter_keeps_last_years_answer_and_needs_a_choice_without_one() {
        let last_year = answers(json!({"a-1": {"value": 2, "comment": "Plan finns"},
            "a-yn": {"value": "no"}}));
        let (ending, answers, out) = run(
            answers(json!({})),
            Some(last_year),
            &["", "", "", "3", "4", ""],
        );
        assert_eq!(
            ending,
            Ending::Finished,
            "Enter finishes a review with nothing open"
        );
        assert_eq!(value(&answers, "a-1"), json!(2));
        assert_eq!(value(&answers, "a-yn"), json!("no"));
        assert_eq!(value(&answers, "b-1"), json!(3));
        for line in [
            "Förra året: 2 – L2\n",
            "Förra årets kommentar: Plan finns\n",
            "Välj (Enter behåller förra årets svar 2; ? visar tangenterna): \n",
            "Välj (Enter behåller förra årets svar Nej; ? visar tangenterna): \n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        assert_eq!(
            out.matches("Ett svar behöver väljas").count(),
            1,
            "2.1 has no answer last year: {out}"
        );
        assert_eq!(
            answers.answers["a-1"].comment, None,
            "last year's stays there"
        );
    }

    /// Area `n`: a number 0–100 in whole percent, and a text.
    fn typed_questionnaire() -> Questionnaire {
        let text = |t: &str| json!({"sv": t, "en": t});
        let value = json!({
            "format": "mognad.questionnaire/1", "id": "typed", "version": "1", "kind": "maturity",
            "title": text("T"), "description": text("D"),
            "areas": [{"id": "n", "number": 1, "title": text("N"), "description": text("N"), "questions": [
                {"id": "n-1", "kind": "number", "text": text("Andel"), "help": text(""), "evidence": text(""),
                    "min": 0, "max": 100, "integer": true, "unit": {"sv": "procent", "en": "percent"}},
                {"id": "n-2", "kind": "text", "text": text("Vilka system?"), "help": text(""), "evidence": text(""),
                    "dont_know": false},
            ]}]
        });
        match parse(&value.to_string()).unwrap() {
            Document::Questionnaire(q) => q,
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_typed_number_is_refused_with_its_range_until_it_fits() {
        let start = answers(json!({}));
        let mut start = start;
        start.questionnaire.id = "typed".into();
        let (ending, answers, out) = run_on(
            &typed_questionnaire(),
            start,
            None,
            &[
                "s",
                "150",
                "abc",
                "2,5",
                "",
                "s",
                " 42 ",
                "s",
                "Cosmic och Millennium, båda på väg ut",
                "a",
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(value(&answers, "n-1"), json!(42));
        assert_eq!(
            value(&answers, "n-2"),
            json!("Cosmic och Millennium, båda på väg ut")
        );
        for line in [
            "s  Skriv svaret …\n",
            "Svar (ett heltal från 0 till 100, procent; Enter utan text går tillbaka): 150\n",
            "150 ligger utanför det som går att svara; skriv ett heltal från 0 till 100, procent.\n",
            "abc är inget tal; skriv ett heltal från 0 till 100, procent.\n",
            "2,5 är inget heltal; skriv ett heltal från 0 till 100, procent.\n",
            "Svar (text; Enter utan text går tillbaka): ",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        assert!(!out.contains("v  Vet ej\ns"), "n-2 takes no don't know");
        let question = &typed_questionnaire().areas[0].questions[0];
        assert_eq!(
            expected(question, Lang::En),
            "a whole number from 0 to 100, percent"
        );
    }

    #[test]
    fn the_start_finds_a_region_by_number_or_part_of_its_name() {
        let mut source = plain(
            &[
                "",
                "region",
                "xyz",
                "?",
                "skå",
                "19",
                "22",
                "",
                "22",
                "Malmö stad",
            ],
            Lang::Sv,
        );
        let intro = Intro {
            title: "Titel",
            questions: 4,
            minutes: 10,
            notes: vec!["Filen svar.json finns redan.".into()],
        };
        source.intro(&intro).unwrap();
        assert_eq!(source.region(&REGIONS).unwrap(), "Region Skåne");
        assert_eq!(source.region(&REGIONS).unwrap(), "Region Örebro län");
        assert_eq!(source.region(&REGIONS).unwrap(), "Malmö stad");
        assert_eq!(source.region(&REGIONS), Err(Cancelled), "the input ended");
        let out = written(source);
        for line in [
            "Titel\n",
            "Ni besvarar 4 frågor, område för område.",
            "Filen svar.json finns redan.\n",
            "Tryck Enter för att börja: \n",
            " 1  Region Blekinge\n",
            "11  Region Skåne\n",
            "22  Annan organisation (kommun, privat vårdgivare) …\n",
            "Flera regioner matchar: Region Blekinge, Region Dalarna,",
            "Ingen region matchar ”xyz”; välj 22 för en annan organisation.\n",
            "Region: Region Skåne\n",
            "Organisationens namn (Enter utan text går tillbaka till listan): Malmö stad\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        // Listed each time a region is asked, after no match, on ?, and back from the name.
        assert_eq!(out.matches("11  Region Skåne").count(), 7, "{out}");
    }

    #[test]
    fn a_line_is_checked_and_enter_takes_what_it_holds() {
        let check = |text: &str| year(text, Lang::Sv).map(|y| y.to_string());
        let ask = LineAsk {
            label: "År som bedömningen gäller",
            initial: "2025",
            required: true,
            check: &check,
        };
        let name = LineAsk {
            label: "Lösningen",
            initial: "",
            required: true,
            check: &any_text,
        };
        let optional = LineAsk {
            label: "Ditt namn (Enter hoppar över)",
            initial: "",
            required: false,
            check: &any_text,
        };
        let mut source = plain(&["", "26", "2026", "", "Distansmonitorering", ""], Lang::Sv);
        assert_eq!(source.line(&ask).unwrap().as_deref(), Some("2025"));
        assert_eq!(source.line(&ask).unwrap().as_deref(), Some("2026"));
        assert_eq!(
            source.line(&name).unwrap().as_deref(),
            Some("Distansmonitorering")
        );
        assert_eq!(source.line(&optional).unwrap(), None);
        let out = written(source);
        for line in [
            "År som bedömningen gäller (Enter: 2025): \n",
            "Skriv ett år med fyra siffror, från 2000 till 2100.\n",
            "Det här behöver fyllas i.\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
    }

    fn any_text(text: &str) -> Result<String, String> {
        crate::interview::start::any(text)
    }

    #[test]
    fn the_review_menu_and_targets_take_their_keys() {
        let start = answers(json!({"a-1": {"value": 2}, "a-yn": {"value": "no"},
            "b-1": {"value": 3}, "b-2": {"value": 4, "comment": "Se protokollet"}}));
        let (ending, answers, out) = run(
            start,
            None,
            &[
                "9.9", "2.1", "m", "7", "?", "2", "5", "m", "g", "m", "7", "3", "?", "b", "a",
            ],
        );
        assert_eq!(ending, Ending::Finished);
        assert_eq!(value(&answers, "b-1"), json!(5));
        assert_eq!(answers.targets, [("a".to_string(), 3)].into());
        for line in [
            "Granskning: 4 av 4 besvarade\n",
            "2.2  b-2  4 – L4  [k]\n",
            "”9.9” är ingen tangent här",
            "1.3  Ändra svaret på den frågan (frågans nummer, som 1.3)\n",
            "Välj (Enter avslutar; ? visar tangenterna): ",
            "fråga 2.1 · 4 av 4 besvarade · ändras från granskningen\n",
            "Områden:\n",
            " 1  A · 2 av 2 besvarade\n",
            " 2  B · 2 av 2 besvarade (här är ni)\n",
            " g  Granska och avsluta\n",
            "Välj ett område med dess nummer (Enter går tillbaka till frågan; ? visar tangenterna): 7\n",
            "nummer    går till områdets första obesvarade fråga\n",
            "Mål för områdena · område 1 av 2\n",
            "1 A\n",
            "Poäng i dag: 2,0 (nivå 2 L2)\n",
            "Mål nu: inget\n",
            "5  L5\n",
            "0  Inget mål\n",
            "1–5    sätter målet och går till nästa område\n",
            "1 A (mål 3)\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
    }

    #[test]
    fn a_team_sees_each_answer_and_the_proposal_and_says_why() {
        let q = questionnaire();
        let mut source = plain(
            &[
                "",
                "3",
                "",
                "Beslutet i RS gäller hela regionen",
                "k",
                "h",
                // Back at 1.1: another answer, then back to the choice, and the rationale kept.
                "b",
                "b",
                "4",
                "-",
                "2",
                "",
            ],
            Lang::Sv,
        );
        let team = crate::interview::consensus::tests::team();
        let mut walk = Settlement::new(&q, None, team, "2025-10-20".into());
        let ending = walk
            .run(&mut source, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
            .unwrap();
        assert_eq!(ending, Ending::Cancelled);
        let settled = &walk.answers().answers["a-1"];
        assert_eq!(settled.value.as_ref().unwrap().0, json!(2));
        assert_eq!(
            settled.consensus.as_ref().unwrap().rationale,
            "Beslutet i RS gäller hela regionen"
        );
        assert!(
            walk.answers().answers["a-yn"].consensus.is_none(),
            "skipped"
        );
        let out = written(source);
        for line in [
            "Område 1 av 2: A · fråga 1.1 · 0 av 3 oeniga enade\n",
            "Var och ens svar:\n",
            "  ann (ANN): 2 – L2\n",
            "  bo (BO): 4 – L4\n",
            "    Kommentar: Beslut i RS\n",
            "Förslag (medianen): 2 – L2\n",
            "Välj svaret teamet enas om (? visar tangenterna): \n",
            "Teamet behöver välja ett svar",
            "Varför enades ni om det svaret? En rad (- väljer ett annat svar): \n",
            "Teamets svar behöver en motivering: skriv en rad om varför ni enades om det.\n",
            "”k” är ingen tangent här",
            "Förslag (vanligast; vid lika det försiktigare): Nej\n",
            "Teamets svar: 3 – L3\n",
            "Teamets motivering: Beslutet i RS gäller hela regionen\n",
            "Varför enades ni om det svaret? En rad (Enter behåller motiveringen, - väljer ett annat svar): -\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
        assert!(
            !out.contains("Ert svar"),
            "the team's answer is the proposal"
        );
    }

    #[test]
    fn english_has_its_own_keys() {
        let (_, answers, out) = {
            let q = questionnaire();
            let mut source = plain(&["c", "Unclear", "s", "y", "?"], Lang::En);
            let mut interview = Interview::new(&q, answers(json!({})), None);
            let ending = interview
                .run(&mut source, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
                .unwrap();
            (ending, interview.into_answers(), written(source))
        };
        assert_eq!(answers.drafts["a-1"], "Unclear");
        assert_eq!(value(&answers, "a-yn"), json!("yes"));
        for line in [
            "Area 1 of 2: A · question 1.1 · 0 of 4 answered\n",
            "d  Don't know\n",
            "y  Yes\n",
            "Choose (? lists the keys): ",
            "s  skips the question; it stays unanswered\n",
        ] {
            assert!(out.contains(line), "{line:?} is not in:\n{out}");
        }
    }
}
