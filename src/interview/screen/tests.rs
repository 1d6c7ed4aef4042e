//! The screens as drawn on ratatui's test backend, driven by scripted keys through the real
//! interview: snapshots of every kind of screen at 80×24 and 120×40 in both languages, and
//! checks over every question of both built-in questionnaires that the question is in view.

use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use super::view::Theme;
use super::{Screen, Scripted};
use crate::answers::Answers;
use crate::document::{Document, parse};
use crate::interview::consensus::Settlement;
use crate::interview::start::{Given, start};
use crate::interview::{Ending, Interview};
use crate::lang::Lang;
use crate::questionnaire::Questionnaire;

fn questionnaire(id: &str) -> Questionnaire {
    crate::builtin::questionnaire_at(id, "2025.1")
        .unwrap()
        .unwrap()
}

fn example(name: &str) -> Answers {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    match parse(&std::fs::read_to_string(path).unwrap()).unwrap() {
        Document::Answers(answers) => answers,
        _ => unreachable!(),
    }
}

/// Empty answers to a questionnaire, for Region Halland 2026.
fn empty(q: &Questionnaire) -> Answers {
    let mut answers = example("exempelland-tiopunkt-2025.json");
    answers.questionnaire.id.clone_from(&q.id);
    answers.questionnaire.version.clone_from(&q.version);
    answers.region = "Region Halland".into();
    answers.year = 2026;
    answers.note = None;
    answers.example = false;
    answers.targets.clear();
    answers.answers.clear();
    answers
}

/// The screen as text, one line per row, trailing blanks cut.
pub fn text(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every row fits the width, measured as a terminal would.
fn fits(screen: &str, width: usize) {
    for line in screen.lines() {
        assert!(line.width() <= width, "wider than {width}: {line}");
    }
}

/// The words of `text`, with the whitespace between them made single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The screen's words without the frame of a panel.
fn screen_words(screen: &str) -> String {
    words(&screen.replace(['│', '┌', '┐', '└', '┘', '─'], " "))
}

struct Run {
    screen: String,
    answers: Answers,
    ending: Ending,
    kept: Option<String>,
}

/// Runs the interview on `answers` with `keys`, on a screen of `width` × `height`, until
/// the keys run out (or it finishes); returns the last screen drawn.
fn interview(
    q: &Questionnaire,
    answers: Answers,
    previous: Option<Answers>,
    keys: &str,
    (width, height): (u16, u16),
    lang: Lang,
) -> Run {
    let rubric = crate::builtin::rubric_at(&q.id, "2025.1").unwrap().unwrap();
    let mut screen = Screen::new(
        TestBackend::new(width, height),
        Scripted::keys(keys),
        lang,
        Theme::plain(),
    )
    .unwrap();
    screen.context = format!("{} · {}", answers.region, q.title.get(lang));
    let mut interview = Interview::new(q, answers, previous);
    if q.kind == crate::questionnaire::Kind::Maturity {
        interview = interview.with_targets(&rubric);
    }
    let ending = interview
        .run(&mut screen, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
        .unwrap();
    Run {
        screen: text(screen.backend()),
        kept: interview.kept_draft().map(str::to_string),
        answers: interview.into_answers(),
        ending,
    }
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn name(kind: &str, (w, h): (u16, u16), lang: Lang) -> String {
    format!("{kind}_{w}x{h}_{}", lang.pick("sv", "en"))
}

#[test]
fn every_question_of_both_questionnaires_is_in_view_at_80_by_24() {
    // Every edition: answers files of each are resumed in the interview.
    for edition in crate::builtin::EDITIONS {
        let (id, q) = (edition.id, edition.questionnaire().unwrap());
        for lang in [Lang::Sv, Lang::En] {
            for (area, question) in q.questions() {
                let mut answers = empty(&q);
                if !q.is_asked(question, &answers) {
                    // Conditional: make it asked by answering what it depends on.
                    let condition = question.show_if.as_ref().unwrap();
                    let value = match (&condition.any_of, condition.at_least, condition.at_most) {
                        (Some(values), _, _) => values[0].clone(),
                        (None, Some(least), _) => serde_json::json!(least.ceil() as i64),
                        (None, None, Some(most)) => serde_json::json!(most.floor() as i64),
                        (None, None, None) => unreachable!("a condition says when it holds"),
                    };
                    answers.answers.insert(
                        condition.question.clone(),
                        crate::answers::answer_of(&crate::answers::Choice::Value(value)),
                    );
                }
                answers.position = Some(question.id.clone());
                for size in [(80, 24), (100, 30)] {
                    let run = interview(&q, answers.clone(), None, "", size, lang);
                    fits(&run.screen, usize::from(size.0));
                    let shown = screen_words(&run.screen);
                    let number = q.number(&question.id).unwrap();
                    assert!(
                        shown.contains(&format!("{number} {}", words(question.text.get(lang)))),
                        "{id} {number} at {size:?} in {lang:?}: the question is not in view\n{}",
                        run.screen
                    );
                    assert!(
                        shown.contains(&format!("{} {}", area.number, area.title.get(lang))),
                        "{id} {number}: the area is not in the header\n{}",
                        run.screen
                    );
                    assert!(
                        run.screen.contains("Ctrl-C"),
                        "{id} {number}: the footer is not in view\n{}",
                        run.screen
                    );
                }
            }
        }
    }
}

#[test]
fn question_screens() {
    let q = questionnaire("tiopunkt");
    let last_year = example("exempelland-tiopunkt-2025.json");
    for lang in [Lang::Sv, Lang::En] {
        for size in SIZES {
            // The first question, entering the first area.
            let run = interview(&q, empty(&q), None, "", size, lang);
            fits(&run.screen, usize::from(size.0));
            insta::assert_snapshot!(name("question_first", size, lang), run.screen);
            // The longest: its question text and levels are the most of all.
            let longest = q
                .questions()
                .max_by_key(|(_, question)| {
                    question.text.get(lang).len()
                        + question
                            .levels
                            .iter()
                            .map(|l| l.get(lang).len())
                            .sum::<usize>()
                })
                .unwrap()
                .1;
            let mut answers = empty(&q);
            answers.position = Some(longest.id.clone());
            let run = interview(&q, answers, Some(last_year.clone()), "", size, lang);
            insta::assert_snapshot!(name("question_longest_last_year", size, lang), run.screen);
            // Moving down through the choices scrolls to the last one.
            let mut answers = empty(&q);
            answers.position = Some(longest.id.clone());
            let run = interview(
                &q,
                answers,
                None,
                "{down}{down}{down}{down}{down}{down}",
                size,
                lang,
            );
            insta::assert_snapshot!(name("question_scrolled", size, lang), run.screen);
        }
    }
}

#[test]
fn panels_and_the_comment_editor() {
    let q = questionnaire("tiopunkt");
    let last_year = example("exempelland-tiopunkt-2025.json");
    for lang in [Lang::Sv, Lang::En] {
        let comment = lang.pick("k", "c");
        for size in SIZES {
            let run = interview(&q, empty(&q), Some(last_year.clone()), "i", size, lang);
            insta::assert_snapshot!(name("panel_info", size, lang), run.screen);
            let run = interview(&q, empty(&q), None, "?", size, lang);
            fits(&run.screen, usize::from(size.0));
            insta::assert_snapshot!(name("panel_keys", size, lang), run.screen);
            let keys = format!(
                "{comment}Beslut i regionstyrelsen 2025-03-12, se protokoll § 45.{{ctrl-j}}Uppföljning i höst."
            );
            let run = interview(&q, empty(&q), None, &keys, size, lang);
            insta::assert_snapshot!(name("comment_editor", size, lang), run.screen);
        }
    }
}

#[test]
fn a_comment_is_what_was_typed_across_wraps_and_backspaces() {
    let q = questionnaire("tiopunkt");
    // 170 characters with å, ä and ö, wrapping in the editor at 80 columns.
    let typed = "Vi behöver statistik från Inera om användningen per förvaltning, och en ägare för varje tjänst; i dag är det oklart vem som äger vad i vår förvaltningsmodell.";
    assert!(typed.chars().count() > 150);
    // Backspace across the wrap: remove the last 60 characters and type them again, with a
    // different word.
    let tail: String = typed.chars().skip(typed.chars().count() - 60).collect();
    let head: String = typed.chars().take(typed.chars().count() - 60).collect();
    let changed = tail.replace("oklart", "otydligt");
    let keys = format!("k{typed}{}{changed}{{enter}}3", "{bs}".repeat(60));
    let run = interview(&q, empty(&q), None, &keys, (80, 24), Lang::Sv);
    let expected = format!("{head}{changed}");
    let answer = &run.answers.answers["a1-1"];
    assert_eq!(answer.comment.as_deref(), Some(expected.as_str()));
    assert_eq!(answer.value.as_ref().unwrap().0, serde_json::json!(3));
    // And while it is edited, the editor shows exactly that text.
    let keys = format!("k{typed}{}{changed}", "{bs}".repeat(60));
    let run = interview(&q, empty(&q), None, &keys, (80, 24), Lang::Sv);
    assert!(
        screen_words(&run.screen).contains(&words(&expected)),
        "{}",
        run.screen
    );
    // Ctrl-C in the editor keeps the draft, and says so.
    let run = interview(
        &q,
        empty(&q),
        None,
        "kutkast om SDK{ctrl-c}",
        (80, 24),
        Lang::Sv,
    );
    assert_eq!(run.ending, Ending::Cancelled);
    assert_eq!(run.answers.drafts["a1-1"], "utkast om SDK");
    assert_eq!(run.kept.as_deref(), Some("1.1"));
    // Pasted text with line breaks arrives whole.
    let mut screen = Screen::new(
        TestBackend::new(80, 24),
        Scripted::keys("k"),
        Lang::Sv,
        Theme::plain(),
    )
    .unwrap();
    screen
        .events
        .0
        .push_back(ratatui::crossterm::event::Event::Paste(
            "rad ett\r\nrad två åäö".into(),
        ));
    screen.events.0.extend(Scripted::keys("{enter}2").0);
    let mut interview = Interview::new(&q, empty(&q), None);
    interview
        .run(&mut screen, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
        .unwrap();
    assert_eq!(
        interview.answers().answers["a1-1"].comment.as_deref(),
        Some("rad ett\nrad två åäö")
    );
}

#[test]
fn enter_answers_only_what_is_selected() {
    let q = questionnaire("tiopunkt");
    // Nothing selected without last year: Enter says so and records nothing.
    let run = interview(&q, empty(&q), None, "{enter}", (80, 24), Lang::Sv);
    assert!(run.answers.answers.is_empty());
    assert!(run.screen.contains("Inget svar är valt"), "{}", run.screen);
    // With last year's answer, Enter keeps it: a whole unchanged year is one key a question.
    let last_year = example("exempelland-tiopunkt-2025.json");
    let run = interview(
        &q,
        empty(&q),
        Some(last_year.clone()),
        "{enter}{enter}",
        (80, 24),
        Lang::Sv,
    );
    assert_eq!(run.answers.answers.len(), 2);
    assert_eq!(
        run.answers.answers["a1-1"].value,
        last_year.answers["a1-1"].value
    );
}

#[test]
fn an_unchanged_year_is_one_key_a_question_and_one_to_finish() {
    let q = questionnaire("tiopunkt");
    let last_year = example("exempelland-tiopunkt-2025.json");
    let (_, asked) = Interview::new(&q, last_year.clone(), None).progress();
    let keys = format!("{}a", "{enter}".repeat(asked));
    let run = interview(&q, empty(&q), Some(last_year), &keys, (80, 24), Lang::Sv);
    assert_eq!(run.ending, Ending::Finished);
    assert_eq!(run.answers.answers.len(), asked);
}

#[test]
fn review_menu_and_targets() {
    let q = questionnaire("tiopunkt");
    let mut this_year = example("exempelland-tiopunkt-2025.json");
    let last_year = example("exempelland-tiopunkt-2024.json");
    this_year.year = 2026;
    this_year.answers.shift_remove("a2-1");
    this_year.targets.clear();
    for lang in [Lang::Sv, Lang::En] {
        for size in SIZES {
            // Every question answered but one: the interview opens at it; skip to the review.
            let skip = lang.pick("h", "s");
            let run = interview(
                &q,
                this_year.clone(),
                Some(last_year.clone()),
                skip,
                size,
                lang,
            );
            fits(&run.screen, usize::from(size.0));
            insta::assert_snapshot!(name("review", size, lang), run.screen);
            let run = interview(
                &q,
                this_year.clone(),
                Some(last_year.clone()),
                &format!("{skip}/2.1"),
                size,
                lang,
            );
            insta::assert_snapshot!(name("review_found", size, lang), run.screen);
            let run = interview(
                &q,
                this_year.clone(),
                Some(last_year.clone()),
                "m",
                size,
                lang,
            );
            insta::assert_snapshot!(name("menu", size, lang), run.screen);
            let run = interview(
                &q,
                this_year.clone(),
                Some(last_year.clone()),
                &format!("{skip}t"),
                size,
                lang,
            );
            insta::assert_snapshot!(name("target", size, lang), run.screen);
        }
    }
}

#[test]
fn the_review_finds_by_number_and_words_and_edits() {
    let q = questionnaire("tiopunkt");
    let mut answers = example("exempelland-tiopunkt-2025.json");
    answers.answers.shift_remove("a2-1");
    // Find 1.3 by its number, change it, and come back to the review.
    let run = interview(
        &q,
        answers.clone(),
        None,
        "h/1.3{enter}5",
        (80, 24),
        Lang::Sv,
    );
    assert_eq!(
        run.answers.answers["a1-3"].value.as_ref().unwrap().0,
        serde_json::json!(5)
    );
    assert!(run.screen.contains("Granskning"), "{}", run.screen);
    // By words: the question on SDK.
    let run = interview(&q, answers.clone(), None, "h/sdk", (80, 24), Lang::Sv);
    assert!(run.screen.contains("1.3"), "{}", run.screen);
    assert!(!run.screen.contains(" 2.2 "), "{}", run.screen);
    // Tab shows only the open ones.
    let run = interview(&q, answers, None, "h{tab}", (80, 24), Lang::Sv);
    assert!(run.screen.contains("2.1"), "{}", run.screen);
    assert!(!run.screen.contains("1.1 "), "{}", run.screen);
}

#[test]
fn a_resumed_interview_says_where_it_goes_on() {
    let q = questionnaire("tiopunkt");
    let mut answers = example("exempelland-tiopunkt-2025.json");
    answers.answers.shift_remove("a2-1");
    answers.answers.shift_remove("a8-3");
    answers.position = Some("a8-3".into());
    let (answered, total) = Interview::new(&q, answers.clone(), None).progress();
    let run = interview(&q, answers, None, "", (80, 24), Lang::Sv);
    assert!(
        screen_words(&run.screen).contains(&format!(
            "Fortsätter vid 8.3 · {answered} av {total} besvarade · öppna före: 2.1"
        )),
        "{}",
        run.screen
    );
}

#[test]
fn a_window_too_small_says_how_large_it_must_be() {
    let q = questionnaire("tiopunkt");
    for lang in [Lang::Sv, Lang::En] {
        let run = interview(&q, empty(&q), None, "", (60, 20), lang);
        insta::assert_snapshot!(name("too_small", (60, 20), lang), run.screen);
    }
}

#[test]
fn start_screens() {
    let q = questionnaire("beredskap");
    for lang in [Lang::Sv, Lang::En] {
        let today = jiff::civil::date(2026, 12, 5);
        let run = |keys: &str| {
            let mut screen = Screen::new(
                TestBackend::new(80, 24),
                Scripted::keys(keys),
                lang,
                Theme::plain(),
            )
            .unwrap();
            let result = start(&mut screen, &q, &Given::default(), None, lang, today);
            (text(screen.backend()), result)
        };
        let (screen, _) = run("oslo");
        insta::assert_snapshot!(name("start_region_no_match", (80, 24), lang), screen);
        let (screen, _) = run("hall{enter}{bs}{bs}{bs}{bs}26{enter}");
        insta::assert_snapshot!(name("start_year_refused", (80, 24), lang), screen);
        let (_, answers) =
            run("hall{enter}{enter}{enter}Digitala vårdmöten{enter}Alla patienter{enter}");
        let answers = answers.unwrap();
        assert_eq!(answers.region, "Region Halland");
        assert_eq!(answers.year, 2026);
        assert_eq!(answers.solution.unwrap().name, "Digitala vårdmöten");
        // No region matches: *Annan organisation* is still there, and its name is typed.
        let (_, answers) = run(
            "oslo{enter}{bs}{bs}{bs}{bs}Oslo kommun{enter}{enter}{enter}Digitala vårdmöten{enter}Alla{enter}",
        );
        assert_eq!(answers.unwrap().region, "Oslo kommun");
    }
}

#[test]
fn the_consensus_screen() {
    let q = questionnaire("tiopunkt");
    let team = example("team/team-tiopunkt-2025.json");
    let rubric = crate::builtin::rubric_at("tiopunkt", "2025.1")
        .unwrap()
        .unwrap();
    for lang in [Lang::Sv, Lang::En] {
        for size in SIZES {
            for (kind, keys) in [
                ("consensus", ""),
                ("consensus_rationale", "2"),
                ("consensus_refused", "2{enter}"),
            ] {
                let mut screen = Screen::new(
                    TestBackend::new(size.0, size.1),
                    Scripted::keys(keys),
                    lang,
                    Theme::plain(),
                )
                .unwrap();
                screen.context = format!("{} · {}", team.region, q.title.get(lang));
                let mut walk =
                    Settlement::new(&q, Some(&rubric), team.clone(), "2026-12-05".into());
                walk.run(&mut screen, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
                    .unwrap();
                let shown = text(screen.backend());
                fits(&shown, usize::from(size.0));
                insta::assert_snapshot!(name(kind, size, lang), shown);
            }
        }
    }
    // A rationale given settles the question.
    let mut screen = Screen::new(
        TestBackend::new(80, 24),
        Scripted::keys("2Vi enades om 2 efter diskussion{enter}"),
        Lang::Sv,
        Theme::plain(),
    )
    .unwrap();
    let mut walk = Settlement::new(&q, Some(&rubric), team.clone(), "2026-12-05".into());
    walk.run(&mut screen, &mut |_: &Answers| -> Result<(), ()> { Ok(()) })
        .unwrap();
    assert_eq!(walk.progress().0, 1);
}

#[test]
fn a_no_that_needs_evidence_asks_for_it_on_its_own_screen() {
    let q = crate::builtin::questionnaire_at("beredskap", "2026.1")
        .unwrap()
        .unwrap();
    let at_suppliers = || {
        let mut answers = example("exempelland-beredskap-2026.json");
        for id in ["r4-12", "r4-4", "r4-9"] {
            answers.answers.shift_remove(id);
        }
        answers.position = Some("r4-12".into());
        answers
    };
    for lang in [Lang::Sv, Lang::En] {
        for size in SIZES {
            let run = interview(&q, at_suppliers(), None, "n", size, lang);
            fits(&run.screen, usize::from(size.0));
            insta::assert_snapshot!(name("evidence", size, lang), run.screen);
        }
        // Written and kept with Enter: the No hides 4.7 and 4.9.
        let run = interview(
            &q,
            at_suppliers(),
            None,
            "nDriftavtal 2025-114, åtkomst bara för regionen{enter}",
            (80, 24),
            lang,
        );
        let answer = &run.answers.answers["r4-12"];
        assert_eq!(
            answer.evidence.as_deref(),
            Some("Driftavtal 2025-114, åtkomst bara för regionen")
        );
        let agreements = q.question("r4-4").unwrap();
        assert!(!q.is_asked(agreements, &run.answers));
        // Skipped with Esc: the No counts as Vet ej, and 4.7 is asked.
        let run = interview(&q, at_suppliers(), None, "n{esc}", (80, 24), lang);
        assert_eq!(run.answers.answers["r4-12"].evidence, None);
        assert!(q.is_asked(agreements, &run.answers));
        assert!(run.screen.contains("4.7 "), "{}", run.screen);
        // The review says which answer lacks its evidence.
        let keys = lang.pick("n{esc}vv/4.6", "n{esc}dd/4.6");
        let run = interview(&q, at_suppliers(), None, keys, (80, 24), lang);
        let row = lang.pick("Nej*", "No*");
        let note = lang.pick(
            "* utan underlag, räknas som Vet ej",
            "* no evidence, counts as Don't know",
        );
        assert!(run.screen.contains(row), "{}", run.screen);
        assert!(screen_words(&run.screen).contains(note), "{}", run.screen);
    }
}
