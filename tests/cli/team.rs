//! Several respondents: `mognad merge` of three people's files into the team's, what it
//! refuses, the team in `score` and `report`, and settling the split questions with
//! `mognad assess --consensus` in a pseudo-terminal.

use std::path::{Path, PathBuf};

use crate::assess::{CTRL_C, ENTER, answers_in, exit_code, keys, names, refused, spawn};
use crate::{BEREDSKAP_2025, Test, json, root};

const CIO: &str = "examples/team/svar-tiopunkt-2025-cio.json";
const CMIO: &str = "examples/team/svar-tiopunkt-2025-cmio.json";
const CISO: &str = "examples/team/svar-tiopunkt-2025-ciso.json";
const TEAM: &str = "examples/team/team-tiopunkt-2025.json";

/// Writes a changed copy of an example into a folder and returns its path.
fn copy(
    dir: &Path,
    name: &str,
    from: &str,
    change: impl FnOnce(&mut serde_json::Value),
) -> PathBuf {
    let mut value = json(from);
    change(&mut value);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path
}

#[test]
fn merging_the_three_examples_gives_the_committed_team_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.json");
    let run = Test::new()
        .args(&["merge", CIO, CMIO, CISO, "-o"])
        .arg(&out)
        .success();
    assert!(
        run.stderr
            .contains("Slog ihop 3 personers svar på 68 frågor; 6 är oeniga."),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--consensus"),
        "the next step: {}",
        run.stderr
    );
    let merged = std::fs::read_to_string(&out).unwrap();
    let committed = std::fs::read_to_string(root().join(TEAM)).unwrap();
    assert!(
        merged == committed,
        "{TEAM} is not what `mognad merge` makes of the three examples"
    );

    let team: serde_json::Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(team["merge"]["rule"], "median");
    assert_eq!(team["merge"]["split_share"], 0.33);
    assert_eq!(team["merge"]["split_distance"], 1);
    assert_eq!(team["respondents"].as_array().unwrap().len(), 3);
    let split: Vec<&str> = team["answers"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, a)| a["split"] == true)
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(
        split,
        [
            "a4-3",
            "a4-5",
            "a5-1",
            "a7-3",
            "a7-digital-patologi",
            "a8-5"
        ]
    );
    // The CISO's 0 is kept beside the team's 2, with the comment.
    let a4_3 = &team["answers"]["a4-3"];
    assert_eq!(a4_3["value"], 2);
    assert_eq!(a4_3["respondents"][2]["name"], "Maria Öberg");
    assert_eq!(a4_3["respondents"][2]["value"], 0);
    assert!(a4_3["respondents"][2]["comment"].is_string());
    // One don't know among two threes: counted, not averaged, no split.
    let a8_3 = &team["answers"]["a8-3"];
    assert_eq!(a8_3["value"], 3);
    assert_eq!(a8_3["respondents"][1]["status"], "dont_know");
    assert_eq!(a8_3.get("split"), None);

    // Every command reads it: it is an ordinary answers file.
    let out = Test::new().args(&["validate", TEAM]).success();
    assert!(out.stdout.contains("ok: "), "{}", out.stdout);

    // `-` writes the same to standard output, with the file names only.
    let out = Test::new()
        .args(&["merge", CIO, CMIO, CISO, "-o", "-"])
        .success();
    assert_eq!(out.stdout, committed);
}

#[test]
fn what_cannot_be_merged_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.json");
    let refused = |files: &[&Path], expected: &str| {
        let mut test = Test::new().args(&["merge"]);
        for file in files {
            test = test.arg(file);
        }
        let err = test.args(&["-o"]).arg(&out).code(2).stderr;
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
        assert!(err.contains("tips: "), "{err}");
        assert!(!out.exists(), "nothing written");
        err
    };
    let (cio, clinician) = (root().join(CIO), root().join(CMIO));

    let other = copy(dir.path(), "annan.json", CISO, |v| {
        v["region"] = "Region Testland".into();
    });
    let err = refused(
        &[&cio, &clinician, &other],
        "gäller Region Testland 2025, tiopunkt 2025.1, men",
    );
    assert!(err.contains("annan.json"), "names the file: {err}");
    assert!(
        err.contains("svar-tiopunkt-2025-cio.json"),
        "names the first: {err}"
    );

    let year = copy(dir.path(), "2024.json", CISO, |v| v["year"] = 2024.into());
    refused(&[&cio, &year], "gäller Region Exempelland (fiktiv) 2024");

    let again = copy(dir.path(), "karin-igen.json", CMIO, |v| {
        v["respondents"][0]["name"] = "Karin Lindqvist".into();
    });
    let err = refused(&[&cio, &again], "är båda besvarade av Karin Lindqvist");
    assert!(err.contains("karin-igen.json` och `"), "{err}");

    refused(
        &[&cio, &root().join(TEAM)],
        "är redan ett teams sammanslagna svar",
    );
    let nobody = copy(dir.path(), "vem.json", CISO, |v| {
        v.as_object_mut().unwrap().remove("respondents");
    });
    refused(&[&cio, &nobody], "säger inte vem som svarade");
    refused(&[&cio], "behöver minst två svarsfiler");
    let err = Test::new()
        .args(&["merge", CIO, CMIO, "--split-share", "1.5", "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(
        err.contains("`--split-share` ska vara större än 0"),
        "{err}"
    );

    // In English, too.
    let err = Test::new()
        .args(&["--lang", "en", "merge"])
        .arg(&cio)
        .arg(&again)
        .args(&["-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(
        err.contains("were both answered by Karin Lindqvist"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn an_existing_team_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("team.json");
    std::fs::write(&out, "det teamet enats om").unwrap();
    let err = Test::new()
        .args(&["merge", CIO, CMIO, CISO, "-o"])
        .arg(&out)
        .code(2)
        .stderr;
    assert!(err.contains("finns redan"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "det teamet enats om"
    );
    Test::new()
        .args(&["merge", CIO, CMIO, CISO, "--force", "-o"])
        .arg(&out)
        .success();
    assert_eq!(
        answers_in(&out)["merge"]["from"][0],
        "svar-tiopunkt-2025-cio.json"
    );
    // Without `-o`, the file is named after the region and year, in the current folder.
    Test::new()
        .dir(dir.path())
        .arg("merge")
        .arg(root().join(CIO))
        .arg(root().join(CISO))
        .success();
    assert!(
        dir.path()
            .join("team-tiopunkt-region-exempelland-fiktiv-2025.json")
            .exists()
    );
}

#[test]
fn a_readiness_team_file_is_named_after_its_solution() {
    let dir = tempfile::tempdir().unwrap();
    let one = |name: &str, nth: usize| {
        copy(dir.path(), name, BEREDSKAP_2025, |v| {
            let person = v["respondents"][nth].clone();
            v["respondents"] = serde_json::json!([person]);
        })
    };
    let (first, second) = (one("cmio.json", 0), one("ciso.json", 1));
    Test::new()
        .dir(dir.path())
        .arg("merge")
        .arg(&first)
        .arg(&second)
        .success();
    let team = dir.path().join(
        "team-beredskap-region-exempelland-fiktiv-distansmonitorering-vid-hjartsvikt-2025.json",
    );
    assert_eq!(
        answers_in(&team)["solution"]["name"],
        "Distansmonitorering vid hjärtsvikt"
    );
}

#[test]
fn the_rule_and_the_split_can_be_chosen() {
    let out = Test::new()
        .args(&[
            "merge",
            CIO,
            CMIO,
            CISO,
            "--rule",
            "min",
            "--split-distance",
            "2",
            "-o",
            "-",
        ])
        .success();
    let team: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(team["merge"]["rule"], "min");
    // The lowest of 2, 2 and 0; two levels from the median is not far with distance 2.
    assert_eq!(team["answers"]["a4-3"]["value"], 0);
    assert_eq!(team["answers"]["a4-3"].get("split"), None);
    assert_eq!(team["answers"]["a7-digital-patologi"]["value"], "no");
    // Left split: a not applicable beside values, and a yes/no disagreement.
    assert!(out.stderr.contains("2 är oeniga"), "{}", out.stderr);
}

#[test]
fn score_shows_who_answered_and_where_they_disagreed() {
    let sv = Test::new().args(&["score", TEAM]).success();
    assert_eq!(sv.stderr, "", "no warnings on the team's example");
    // The paragraph is wrapped; its words are what counts.
    let words = sv.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Teamet: 3 svarande (CIO Karin Lindqvist, CMIO Johan Bergström, CISO Maria Öberg). Teamets svar är medianen av deras svar (det vanligaste svaret på ja/nej- och flervalsfrågor); en skalfråga är oenig när minst 33 % av dem ligger mer än 1 nivå från medianen"),
        "{}",
        sv.stdout
    );
    for expected in [
        "Svarande   Oeniga   Enade",
        "Användning av molntjänster                            3        2       0",
        "Oeniga frågor (0 av 6 enade)",
        "4.3 Förteckning över molntjänster: CIO 2, CMIO 2, CISO 0; förslag 2",
        "7.6 Digital patologi: CIO nej, CMIO ja, CISO nej; förslag nej",
        "4.5 Uppföljning av molnleverantörer: CIO 1, CMIO ej tillämpligt, CISO 1; förslag 1",
    ] {
        assert!(
            sv.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            sv.stdout
        );
    }
    let en = Test::new().args(&["--lang", "en", "score", TEAM]).success();
    for expected in [
        "The team: 3 respondents",
        "Respondents   Split   Settled",
        "Split questions (0 of 6 settled)",
        "8.5 Security monitoring: CIO 4, CMIO 4, CISO 2; proposed 4",
    ] {
        assert!(
            en.stdout.contains(expected),
            "missing {expected:?}:\n{}",
            en.stdout
        );
    }
    // A respondent's own file is no team's: no team section.
    let one = Test::new().args(&["score", CIO]).success();
    assert!(!one.stdout.contains("Teamet"), "{}", one.stdout);

    let card: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", TEAM, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    let a4 = &card["areas"][3];
    assert_eq!(a4["respondents"], 3);
    assert_eq!(a4["split"], 2);
    assert_eq!(a4["settled"], 0);
    assert_eq!(card["team"]["split"].as_array().unwrap().len(), 6);
    assert_eq!(card["team"]["split"][0]["answers"][2]["who"], "CISO");
    assert_eq!(card["team"]["split"][0]["answers"][2]["value"], 0);
    let one: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args(&["score", CIO, "--format", "json"])
            .success()
            .stdout,
    )
    .unwrap();
    assert_eq!(one.get("team"), None);
    assert_eq!(one["areas"][0].get("respondents"), None);
}

#[test]
fn validate_checks_the_team_s_fields() {
    let dir = tempfile::tempdir().unwrap();
    let broken = copy(dir.path(), "team.json", TEAM, |v| {
        let a = &mut v["answers"]["a4-3"];
        a["respondents"][1]["name"] = "Okänd Person".into();
        a["respondents"][2]["value"] = 7.into();
        a["consensus"] = serde_json::json!({"rationale": " "});
        v["merge"]["split_share"] = 0.into();
    });
    let out = Test::new().args(&["validate"]).arg(&broken).code(1);
    for expected in [
        "answers.a4-3.respondents[1].name: `Okänd Person` finns inte bland filens `respondents`",
        "answers.a4-3.respondents[2].value: 7 ligger utanför nivåerna 0–5",
        "answers.a4-3.consensus.rationale: motiveringen är tom",
        "merge.split_share: andelen 0 ska vara större än 0 och högst 1",
    ] {
        assert!(
            out.stdout.contains(expected) || out.stderr.contains(expected),
            "missing {expected:?}:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
    let stray = copy(dir.path(), "svar.json", CIO, |v| {
        v["answers"]["a1-1"]["split"] = true.into();
    });
    let out = Test::new().args(&["validate"]).arg(&stray).code(1);
    assert!(
        (out.stdout.clone() + &out.stderr)
            .contains("answers.a1-1: svaret har fält från ett teams svar"),
        "{}{}",
        out.stdout,
        out.stderr
    );
}

#[test]
fn the_report_shows_where_the_team_disagreed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("team.pdf");
    Test::new()
        .args(&["report", TEAM, "-o"])
        .arg(&pdf)
        .success();
    let text = crate::report::text(&pdf);
    // pdftotext keeps the layout's line breaks; compare the words.
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Teamets bedömning",
        "Karin Lindqvist (CIO), Johan Bergström (CMIO) och Maria Öberg (CISO)",
        "Där teamet var oenigt",
        "Förteckning över molntjänster: CIO: 2, CMIO: 2, CISO: 0.",
        "Säkerhetsövervakning: CIO: 4, CMIO: 4, CISO: 2.",
        "Digital patologi: CIO: Nej, CMIO: Ja, CISO: Nej.",
        "mognad merge av 3 personers egna svar",
        "minst 33 % av dem som angav en nivå ligger mer än 1 nivå från medianen",
    ] {
        assert!(
            words.contains(expected),
            "missing {expected:?} in the report"
        );
    }
    // A report on one person's answers has no team page.
    let one = dir.path().join("cio.pdf");
    Test::new().args(&["report", CIO, "-o"]).arg(&one).success();
    assert!(!crate::report::text(&one).contains("Teamets bedömning"));
}

#[test]
fn consensus_needs_a_team_file_and_a_terminal() {
    let out = Test::new()
        .args(&["assess", "--answers", TEAM, "--consensus"])
        .code(2);
    assert!(
        out.stderr
            .contains("`mognad assess --consensus` behöver en terminal"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!(
            "tips: kör det i en terminal; `mognad score {TEAM}`"
        )),
        "{}",
        out.stderr
    );
    let out = Test::new()
        .args(&["assess", "--answers", CIO, "--consensus"])
        .code(2);
    assert!(
        out.stderr.contains("är inte ett teams sammanslagna svar"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("mognad merge"), "{}", out.stderr);
    // Nothing to settle needs no terminal.
    let dir = tempfile::tempdir().unwrap();
    let settled = copy(dir.path(), "team.json", TEAM, |v| {
        for answer in v["answers"].as_object_mut().unwrap().values_mut() {
            if answer.get("split").is_some() {
                answer["consensus"] = serde_json::json!({"rationale": "Avstämt på mötet"});
            }
        }
    });
    let out = Test::new()
        .args(&["assess", "--consensus", "--answers"])
        .arg(&settled)
        .success();
    assert!(
        out.stdout.contains("Teamet är enat om alla oeniga frågor"),
        "{}",
        out.stdout
    );
    // `--consensus` goes with a file to settle, and without the interview's start.
    Test::new().args(&["assess", "--consensus"]).code(2);
    Test::new()
        .args(&["assess", "--answers", TEAM, "--consensus", "--year", "2025"])
        .code(2);
}

#[test]
fn one_walk_at_a_time_settles_a_team_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.json");
    std::fs::copy(root().join(TEAM), &file).unwrap();
    let mut first = spawn(dir.path(), &["--answers", "team.json", "--consensus"]);
    keys(&mut first, "", "Förslag (medianen): 2");
    let before = std::fs::read(&file).unwrap();

    // A second walk, or an interview, on the same file stops before it shows anything.
    for args in [
        &["--answers", "team.json", "--consensus"][..],
        &["--answers", "team.json"][..],
    ] {
        let second = refused(dir.path(), args);
        assert!(
            second.contains("fel: svarsfilen `team.json` används redan av en annan intervju"),
            "{args:?}: {second}"
        );
        assert!(!second.contains("oeniga"), "nothing shown: {second}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // The first settles a question, saved at once, and still holds the file.
    keys(&mut first, "1", "varför enades ni om det");
    keys(
        &mut first,
        &format!("Avstämt på mötet{ENTER}"),
        "1 av 6 oeniga enade",
    );
    let saved = answers_in(&file);
    assert_eq!(saved["answers"]["a4-3"]["value"], 1);
    assert_eq!(
        saved["answers"]["a4-3"]["consensus"]["rationale"],
        "Avstämt på mötet"
    );
    refused(dir.path(), &["--answers", "team.json", "--consensus"]);
    keys(&mut first, CTRL_C, "--consensus");
    assert_eq!(exit_code(&mut first), 130);
    assert_eq!(names(dir.path()), ["team.json"]);

    let mut again = spawn(dir.path(), &["--answers", "team.json", "--consensus"]);
    keys(&mut again, "", "0 av 5 oeniga enade");
    keys(&mut again, CTRL_C, "--consensus");
    assert_eq!(exit_code(&mut again), 130);
}

#[test]
fn the_team_settles_a_split_question_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team.json");
    std::fs::copy(root().join(TEAM), &file).unwrap();
    let mut s = spawn(dir.path(), &["--answers", "team.json", "--consensus"]);
    let screen = crate::assess::words(&keys(&mut s, "", "Förslag (medianen): 2"));
    for expected in [
        "0 av 6 oeniga enade",
        "4.3 Har regionen en förteckning över de molntjänster",
        "Var och ens svar",
        "CIO Karin Lindqvist: 2",
        "CISO Maria Öberg: 0",
        "IT:s lista saknar de tjänster",
    ] {
        assert!(screen.contains(expected), "missing {expected:?}:\n{screen}");
    }
    // An empty reason is refused with a word on why, and nothing is saved.
    keys(&mut s, "1", "varför enades ni om det");
    keys(&mut s, ENTER, "Skriv en rad om varför teamet enades");
    assert_eq!(answers_in(&file)["answers"]["a4-3"].get("consensus"), None);
    keys(&mut s, "\x1b", "Förslag (medianen): 2");
    // The team agrees on 1, says why, and goes on to the next split question.
    keys(&mut s, "1", "varför enades ni om det");
    keys(
        &mut s,
        &format!("Listan omfattar bara IT:s egna tjänster{ENTER}"),
        "1 av 6 oeniga enade",
    );
    let stopped = crate::assess::words(&keys(&mut s, CTRL_C, "--consensus"));
    assert!(
        stopped.contains("Avbrutet. 1 av 6 oeniga frågor är enade"),
        "{stopped}"
    );
    assert_eq!(exit_code(&mut s), 130);

    let saved = answers_in(&file);
    let a4_3 = &saved["answers"]["a4-3"];
    assert_eq!(a4_3["value"], 1);
    assert_eq!(a4_3["split"], true);
    assert_eq!(
        a4_3["consensus"]["rationale"],
        "Listan omfattar bara IT:s egna tjänster"
    );
    assert_eq!(a4_3["consensus"]["date"], "2025-10-09");
    assert_eq!(a4_3["respondents"].as_array().unwrap().len(), 3);
    assert_eq!(saved["answers"]["a4-5"].get("consensus"), None);

    let out = Test::new().args(&["score"]).arg(&file).success();
    assert!(
        out.stdout.contains("Oeniga frågor (1 av 6 enade)"),
        "{}",
        out.stdout
    );
    let words = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("CISO 0; enade om 1: Listan omfattar bara IT:s egna tjänster"),
        "{}",
        out.stdout
    );
    Test::new().args(&["validate"]).arg(&file).success();

    // Resumed, the walk starts at the next open split question; skipping the rest finishes
    // and says what is left.
    let mut s = spawn(dir.path(), &["--answers", "team.json", "--consensus"]);
    keys(&mut s, "", "0 av 5 oeniga enade");
    let done = crate::assess::words(&keys(&mut s, "hhhhh", "står kvar"));
    assert!(done.contains("0 av 5 oeniga frågor är enade"), "{done}");
    assert!(done.contains("5 står kvar"), "{done}");
    assert_eq!(exit_code(&mut s), 0);

    // One report for the team, saying where it disagreed and what it agreed.
    let pdf = dir.path().join("team.pdf");
    Test::new()
        .args(&["report"])
        .arg(&file)
        .args(&["-o"])
        .arg(&pdf)
        .success();
    let words = crate::report::text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("Teamet enades om 1: Listan omfattar bara IT:s egna tjänster"),
        "{words}"
    );
    assert!(words.contains("enats om 1 av dem"), "{words}");
}

/// Two people's answers to a readiness questionnaire handed out as an instrument folder,
/// split on 1.1, a question a blocker looks at: the verdict waits until the team has settled
/// it, in the text and the JSON, and every command printed on the way works as written.
#[test]
fn a_verdict_waits_until_the_team_has_settled_a_blocker_question() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("instrument");
    std::fs::create_dir(&folder).unwrap();
    copy(
        &folder,
        "questionnaire.json",
        "tests/fixtures/own/questionnaire.json",
        |q| {
            q["areas"][0]["questions"][0]["label"] =
                serde_json::json!({"sv": "Ansvarig för införandet", "en": "Person in charge"});
        },
    );
    std::fs::copy(
        root().join("tests/fixtures/own/rubric.json"),
        folder.join("rubric.json"),
    )
    .unwrap();
    let own = "tests/fixtures/own/answers.json";
    copy(dir.path(), "eva.json", own, |a| {
        a["respondents"] = serde_json::json!([{"name": "Eva Ek", "role": "Verksamhetschef"}]);
    });
    copy(dir.path(), "orjan.json", own, |a| {
        a["respondents"] = serde_json::json!([{"name": "Örjan Ås", "role": "IT-chef"}]);
        a["answers"]["r1-1"] = serde_json::json!({"value": 1});
    });
    let run = |args: &[&str]| Test::new().dir(dir.path()).args(args);

    let merged = run(&[
        "--instruments",
        "instrument",
        "merge",
        "eva.json",
        "orjan.json",
    ])
    .args(&["-o", "team.json"])
    .success();
    let settle = crate::plain::printed(&merged.stderr, "enas om de oeniga frågorna: ");
    assert_eq!(
        settle,
        [
            "assess",
            "--answers",
            "team.json",
            "--consensus",
            "--instruments",
            "instrument"
        ]
    );

    let sv = run(&["--instruments", "instrument", "score", "team.json"]).success();
    let words = sv.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "Bedömning: väntar tills teamet har enats om 1.1 Ansvarig för införandet (indexet ensamt ger inte redo)",
        "Ett hinder ser på den frågan, så bedömningen kan ändras när teamet enas.",
        "(1.1 Ansvarig för införandet: 1), enligt förslaget; teamet har inte enats",
    ] {
        assert!(words.contains(said), "{said:?} is not in:\n{}", sv.stdout);
    }
    assert!(!sv.stdout.contains("Bedömning: INTE REDO"), "{}", sv.stdout);
    assert_eq!(
        crate::plain::printed(&sv.stdout, "enas om de oeniga frågorna: "),
        settle,
        "score says how to settle it, as merge did"
    );
    let en = run(&[
        "--lang",
        "en",
        "--instruments",
        "instrument",
        "score",
        "team.json",
    ])
    .success();
    let words = en.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Verdict: waits until the team has settled 1.1 Person in charge (the index alone gives not ready)"),
        "{}",
        en.stdout
    );
    assert!(
        words.contains("Next, settle the split questions: mognad assess --answers team.json --consensus --instruments instrument"),
        "{}",
        en.stdout
    );
    let json = |args: &[&str]| -> serde_json::Value {
        let out = run(&[
            "--instruments",
            "instrument",
            "score",
            "team.json",
            "--format",
            "json",
        ])
        .args(args)
        .success();
        serde_json::from_str(&out.stdout).unwrap()
    };
    let verdict = json(&[])["verdict"].clone();
    assert_eq!(verdict["id"], serde_json::Value::Null);
    assert_eq!(verdict["from_index"], "not_ready");
    assert_eq!(
        verdict["unsettled"],
        serde_json::json!([{"id": "r1-1", "number": "1.1",
            "label": {"sv": "Ansvarig för införandet", "en": "Person in charge"}}])
    );
    assert!(
        verdict["blockers"]
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["decisive"] == false)
    );

    // Without a terminal the walk cannot ask; its hint names a score command that works.
    let mut settle: Vec<&str> = settle.iter().map(String::as_str).collect();
    let refused = run(&settle).code(2);
    assert!(
        refused.stderr.contains(
            "tips: kör det i en terminal; `mognad score team.json --instruments instrument` visar"
        ),
        "{}",
        refused.stderr
    );
    run(&["score", "team.json", "--instruments", "instrument"]).success();

    // The command printed, in plain lines: the team settles 1.1 on 2, with a rationale.
    settle.push("--plain");
    let settled = run(&settle)
        .stdin("2\n\nEva är utsedd i delegationsordningen\n")
        .success();
    let report = crate::plain::printed(&settled.stdout, "profilen för ledningen: ");
    assert_eq!(
        report,
        ["report", "team.json", "--instruments", "instrument"]
    );
    let verdict = json(&[])["verdict"].clone();
    assert_eq!(verdict["id"], "partly_ready");
    assert_eq!(verdict.get("unsettled"), None);
    let words: Vec<&str> = report.iter().map(String::as_str).collect();
    run(&words).success();
}
