use std::collections::BTreeSet;
use std::process::Command;

use super::text::{Fonts, Glyph};
use super::tree::{Artifact, Child, MarkKind, Op, Page, Role};
use super::*;

fn meta() -> Meta {
    Meta {
        title: "Digital mognad – Region Exempelland".into(),
        subject: "Självskattning av digital mognad och beredskap".into(),
        author: "Region Exempelland".into(),
        keywords: vec!["digital mognad".into(), "hälso- och sjukvård".into()],
        lang: "sv",
        date: jiff::civil::date(2025, 3, 14),
        header: "Intern".into(),
        stamp: None,
        footer: "Region Exempelland · Digital mognad 2025".into(),
        page_word: "Sida".into(),
        of_word: "av".into(),
    }
}

const LOREM: &str = "Regionen har under året arbetat vidare med den gemensamma plattformen för \
    vårdinformation. Arbetet följer den nationella färdplanen, och flera förvaltningar har nu \
    gått över till de nya arbetssätten. Samtidigt återstår utmaningar kring informationssäkerhet, \
    kompetensförsörjning och finansiering – särskilt för de mindre enheterna.";

fn sample() -> Doc {
    let mut doc = Doc::new(meta());
    doc.heading(1, "Digital mognad – Region Exempelland");
    doc.paragraph(
        "Område åäö ÅÄÖ: en sammanfattning av regionens digitala mognad 2025.",
        TextStyle::Lead,
    );
    doc.key_figures(&[
        ("3,4".into(), "Samlad mognad (0–5)".into()),
        ("+0,6".into(), "Förändring sedan 2024".into()),
        ("\u{2212}0,2".into(), "Avvikelse mot riket".into()),
        ("≥ 3".into(), "Mål för 2026 enligt handlingsplanen".into()),
    ]);
    doc.heading(2, "Sammanfattning");
    doc.paragraph(LOREM, TextStyle::Body);
    doc.bullets(&[
        "Styrning och ledning: tydligt ägarskap för digitaliseringen.".into(),
        format!("Infrastruktur › nätverk och drift: {LOREM}"),
        "Kompetens: 42\u{a0}% av medarbetarna har genomgått utbildningen.".into(),
    ]);
    doc.figure(
        "Stapeldiagram: mognad per område, skala 0–5. Styrning 3,8, Infrastruktur 3,1, \
         Kompetens 2,7, Informationssäkerhet 3,5.",
        180.0,
        |canvas| {
            let (w, h) = (canvas.width(), canvas.height());
            let axis = Stroke::solid(0.75, Color::MUTED);
            canvas.line(&[(40.0, 10.0), (40.0, h - 24.0), (w, h - 24.0)], axis);
            canvas.line(
                &[(40.0, 40.0), (w, 40.0)],
                Stroke::dashed(0.5, Color::RULE, 3.0, 2.0),
            );
            let bars = [
                ("Styrning", 3.8),
                ("Infrastruktur", 3.1),
                ("Kompetens", 2.7),
            ];
            for (index, (label, value)) in bars.iter().enumerate() {
                let x = 60.0 + index as f32 * 110.0;
                let height = value / 5.0 * (h - 40.0);
                canvas.rect(
                    x,
                    h - 24.0 - height,
                    60.0,
                    height,
                    Some(Color::ACCENT),
                    None,
                );
                canvas.text(
                    x + 30.0,
                    h - 10.0,
                    label,
                    8.0,
                    false,
                    Align::Center,
                    Color::INK,
                );
                canvas.text(
                    x + 30.0,
                    h - 28.0 - height,
                    &format!("{value}"),
                    8.0,
                    true,
                    Align::Center,
                    Color::HEADING,
                );
            }
            canvas.polygon(
                &[(400.0, 40.0), (460.0, 90.0), (420.0, 140.0), (380.0, 100.0)],
                Some(Color::PANEL),
                Some(Stroke::solid(1.0, Color::HEADING)),
            );
            canvas.circle(420.0, 90.0, 4.0, Some(Color::HEADING), None);
            canvas.text(36.0, 14.0, "5", 7.0, false, Align::Right, Color::MUTED);
        },
    );
    doc.heading(2, "Resultat per fråga");
    doc.table(&sample_table(40));
    doc.heading(3, "Källor");
    doc.paragraph(
        "Underlag: regionens egna svar och nationell referens 2025 · Bearbetning: mognad.",
        TextStyle::Muted,
    );
    doc.paragraph("Liten text för fotnoter och förbehåll.", TextStyle::Small);
    doc
}

fn sample_table(rows: usize) -> Table {
    Table {
        columns: vec![
            Column::new("Fråga", 0.55, Align::Left),
            Column::new("Svar", 0.15, Align::Right),
            Column::new("Riket", 0.15, Align::Right),
            Column::new("Skillnad", 0.15, Align::Right),
        ],
        rows: (0..rows)
            .map(|index| {
                let question = if index % 7 == 3 {
                    format!("{index}. {LOREM}")
                } else {
                    format!("{index}. Finns en dokumenterad plan för området?")
                };
                vec![
                    Cell::new(question),
                    Cell::strong(format!("{},{}", index % 6, index % 10)),
                    Cell::new("2,5"),
                    Cell::new(format!("\u{2212}0,{}", index % 9)).colored(Color(0xa3, 0x2b, 0x2b)),
                ]
            })
            .collect(),
        caption: Some("Tabell 1. Svar per fråga jämfört med riket".into()),
    }
}

fn render(doc: Doc) -> Vec<u8> {
    match doc.finish() {
        Ok(bytes) => bytes,
        Err(error) => panic!("the document did not validate: {error}"),
    }
}

/// Runs a poppler tool on `pdf`, or says why not and returns `None` when it is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    if Command::new(tool).arg("-v").output().is_err() {
        eprintln!("skipped: `{tool}` is not installed (Debian package poppler-utils)");
        return None;
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .expect("run poppler");
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).expect("UTF-8 from poppler"))
}

/// Every leaf of the structure tree is drawn exactly once, and every drawn content is a leaf
/// exactly once: what krilla needs to write a valid tree.
fn assert_tree_is_whole(doc: &Doc) {
    let mut in_tree = Vec::new();
    let mut stack: Vec<Child> = doc.structure.root.clone();
    while let Some(child) = stack.pop() {
        match child {
            Child::Content(id) => in_tree.push(id),
            Child::Element(id) => {
                stack.extend(doc.structure.elements[id.0].children.iter().copied());
            }
        }
    }
    let drawn: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|page| &page.marks)
        .filter_map(|mark| match mark.kind {
            MarkKind::Content(id) => Some(id),
            MarkKind::Artifact(_) => None,
        })
        .collect();
    let unique_tree: BTreeSet<_> = in_tree.iter().collect();
    let unique_drawn: BTreeSet<_> = drawn.iter().collect();
    assert_eq!(
        unique_tree.len(),
        in_tree.len(),
        "a leaf is in the tree twice"
    );
    assert_eq!(unique_drawn.len(), drawn.len(), "a leaf is drawn twice");
    assert_eq!(unique_tree, unique_drawn);
    assert_eq!(in_tree.len(), doc.structure.content_count());
}

/// Every text drawn in the page's content lies within the margins (figures are clipped).
fn assert_within_margins(doc: &Doc) {
    for (index, page) in doc.pages.iter().enumerate() {
        for mark in &page.marks {
            for op in &mark.ops {
                if let Op::Text {
                    x,
                    baseline,
                    text,
                    size,
                    bold,
                    ..
                } = op
                {
                    let right = x + doc.fonts.measure(text.trim_end(), *size, *bold);
                    assert!(
                        *x >= MARGIN_X - 0.5 && right <= MARGIN_X + TEXT_WIDTH + 0.5,
                        "page {}: `{text}` runs from {x} to {right}",
                        index + 1
                    );
                    if matches!(mark.kind, MarkKind::Content(_)) {
                        assert!(
                            *baseline > TOP && *baseline <= BOTTOM,
                            "page {}: `{text}` has its baseline at {baseline}",
                            index + 1
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn sample_validates_as_pdf_ua_and_pdf_a() {
    let doc = sample();
    assert!(
        doc.page_count() >= 3,
        "the sample has {} pages",
        doc.page_count()
    );
    assert_tree_is_whole(&doc);
    assert_within_margins(&doc);
    let pdf = render(doc);
    assert!(pdf.starts_with(b"%PDF-1.7"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""));
    assert!(text.contains("pdfuaid:part>1<") || text.contains("pdfuaid:part=\"1\""));
    // To look at it: `PDF_SAMPLE=/tmp/toolkit-sample.pdf cargo test --lib sample_validates`,
    // then `pdftoppm -png -r 60 /tmp/toolkit-sample.pdf /tmp/page`.
    if let Ok(path) = std::env::var("PDF_SAMPLE") {
        std::fs::write(&path, &pdf).expect("write the sample");
        eprintln!("wrote {path} ({} bytes)", pdf.len());
    }
}

#[test]
fn two_renders_are_identical() {
    let first = render(sample());
    let second = render(sample());
    assert!(first == second, "two renders of the same document differ");
}

#[test]
fn poppler_reads_back_text_pages_and_tags() {
    let doc = sample();
    let pages = doc.page_count();
    let pdf = render(doc);
    let Some(text) = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf) else {
        return;
    };
    for expected in [
        "Område åäö ÅÄÖ",
        "Digital mognad – Region Exempelland",
        "\u{2212}0,2",
        "≥ 3",
        "Infrastruktur › nätverk",
        "Bearbetning: mognad",
        "Sida 1 av",
        &format!("Sida {pages} av {pages}"),
        "Intern",
    ] {
        assert!(
            text.contains(expected),
            "`{expected}` is not in the text:\n{text}"
        );
    }
    // The no-break space may come back as a plain one; either way the words stay apart.
    assert!(
        text.contains("42\u{a0}%") || text.contains("42 %"),
        "`42 %` is not in the text:\n{text}"
    );
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains(&format!("Pages:           {pages}\n")),
        "{info}"
    );
    assert!(
        info.contains("Title:           Digital mognad – Region Exempelland"),
        "{info}"
    );
    assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
}

#[test]
fn a_table_that_splits_repeats_its_header_row() {
    let mut doc = Doc::new(meta());
    doc.table(&sample_table(60));
    assert!(doc.page_count() >= 2);
    for (index, page) in doc.pages.iter().enumerate().skip(1) {
        let repeated: Vec<&str> = page
            .marks
            .iter()
            .filter(|mark| mark.kind == MarkKind::Artifact(Artifact::Pagination))
            .flat_map(|mark| &mark.ops)
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                Op::Shape { .. } => None,
            })
            .collect();
        assert_eq!(
            repeated,
            ["Fråga", "Svar", "Riket", "Skillnad"],
            "page {}",
            index + 1
        );
    }
    // The header row is in the tree once; the rows all are.
    let count = |role: &Role| {
        doc.structure
            .elements
            .iter()
            .filter(|e| e.role == *role)
            .count()
    };
    assert_eq!(count(&Role::TH), 4);
    assert_eq!(count(&Role::TR), 61);
    assert_eq!(count(&Role::TD), 240);
    assert_tree_is_whole(&doc);
    assert_within_margins(&doc);
    let pdf = render(doc);
    if let Some(second) = poppler("pdftotext", &["-f", "2", "-l", "2"], &pdf) {
        assert!(second.contains("Fråga"), "{second}");
    }
}

#[test]
fn a_row_taller_than_a_page_breaks_between_lines() {
    let mut doc = Doc::new(meta());
    let long = LOREM.repeat(40);
    doc.table(&Table {
        columns: vec![Column::new("Kommentar", 1.0, Align::Left)],
        rows: vec![vec![Cell::new(long)], vec![Cell::new("Nästa")]],
        caption: None,
    });
    assert!(doc.page_count() >= 2);
    assert_tree_is_whole(&doc);
    assert_within_margins(&doc);
    render(doc);
}

#[test]
fn a_heading_is_not_left_alone_at_the_bottom_of_a_page() {
    let mut doc = Doc::new(meta());
    doc.space(doc.remaining() - 40.0);
    doc.heading(2, "Rubrik");
    doc.paragraph(LOREM, TextStyle::Body);
    assert_eq!(doc.page_count(), 2);
    assert_eq!(doc.outline[0].page, 1);
    render(doc);
}

#[test]
fn headings_go_along_with_a_figure_that_does_not_fit() {
    let mut doc = Doc::new(meta());
    doc.paragraph(LOREM, TextStyle::Body);
    doc.space(doc.remaining() - 120.0);
    doc.heading(2, "Diagram");
    doc.heading(3, "Underrubrik");
    doc.figure("Ett diagram", 200.0, |canvas| {
        canvas.rect(0.0, 0.0, 10.0, 10.0, Some(Color::INK), None);
    });
    assert_eq!(doc.page_count(), 2);
    let contents = |page: &Page| {
        page.marks
            .iter()
            .filter(|mark| matches!(mark.kind, MarkKind::Content(_)))
            .count()
    };
    // The paragraph stays; both headings and the figure are on the next page.
    assert_eq!(contents(&doc.pages[0]), 1);
    assert_eq!(contents(&doc.pages[1]), 3);
    assert_eq!(
        doc.outline
            .iter()
            .map(|entry| entry.page)
            .collect::<Vec<_>>(),
        [1, 1]
    );
    assert!((doc.outline[0].y - TOP).abs() < 0.01);
    assert_within_margins(&doc);
    assert_tree_is_whole(&doc);
    render(doc);
}

#[test]
fn a_heading_goes_along_with_a_table_that_does_not_fit() {
    let mut doc = Doc::new(meta());
    doc.space(doc.remaining() - 70.0);
    doc.heading(2, "Tabell");
    doc.table(&sample_table(3));
    assert_eq!(doc.page_count(), 2);
    assert!(doc.pages[0].marks.is_empty());
    assert_eq!(doc.outline[0].page, 1);
    assert_within_margins(&doc);
    render(doc);
}

#[test]
fn a_paragraph_leaves_no_single_line_behind() {
    let mut doc = Doc::new(meta());
    // Room for one line and a bit: the paragraph's first line would be alone.
    doc.space(doc.remaining() - BODY.leading * 1.5);
    doc.paragraph(LOREM, TextStyle::Body);
    let first_page_text = doc.pages[0]
        .marks
        .iter()
        .any(|mark| matches!(mark.kind, MarkKind::Content(_)));
    assert!(!first_page_text);
    assert_eq!(doc.page_count(), 2);
}

#[test]
fn new_page_makes_no_empty_pages() {
    let mut doc = Doc::new(meta());
    doc.new_page();
    assert_eq!(doc.page_count(), 1);
    doc.paragraph("Text", TextStyle::Body);
    doc.new_page();
    doc.new_page();
    assert_eq!(doc.page_count(), 2);
}

#[test]
fn the_outline_nests_headings_by_level() {
    let mut doc = Doc::new(meta());
    for (level, text) in [(1, "A"), (2, "A.1"), (3, "A.1.1"), (2, "A.2"), (1, "B")] {
        doc.heading(level, text);
    }
    let mut position = 0;
    let nodes = render::outline_nodes(&doc.outline, &mut position, 0);
    assert_eq!(nodes.len(), 2);
    assert_eq!(position, 5);
    render(doc);
}

#[test]
fn lines_fit_the_width_and_long_words_break() {
    let fonts = Fonts::new();
    let width = 120.0;
    let text = format!("{LOREM} Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen slut");
    let lines = fonts.wrap(&fonts.clean(&text), 10.0, false, width);
    assert!(lines.len() > 5);
    for line in &lines {
        assert!(
            fonts.measure(line, 10.0, false) <= width + 0.01,
            "`{line}` is too wide"
        );
    }
    let rejoined = lines.join(" ");
    assert!(rejoined.starts_with("Regionen har under året"));
    assert!(rejoined.ends_with("slut"));
    assert!(!rejoined.contains("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen"));
    assert!(
        rejoined
            .replace(' ', "")
            .contains("Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen")
    );
}

#[test]
fn a_no_break_space_holds_its_words_together() {
    let fonts = Fonts::new();
    let one_word = fonts.measure("42\u{a0}procent", 10.0, false);
    let lines = fonts.wrap("mycket text 42\u{a0}procent", 10.0, false, one_word + 1.0);
    assert!(lines.contains(&"42\u{a0}procent".to_owned()), "{lines:?}");
}

#[test]
fn widths_are_real_glyph_advances() {
    let fonts = Fonts::new();
    let narrow = fonts.measure("iiii", 10.0, false);
    let wide = fonts.measure("MMMM", 10.0, false);
    assert!(wide > 2.0 * narrow, "{wide} vs {narrow}");
    assert!((fonts.measure("M", 20.0, false) - 2.0 * fonts.measure("M", 10.0, false)).abs() < 0.01);
    assert!(fonts.measure("Område", 10.0, true) > fonts.measure("Område", 10.0, false));
}

#[test]
fn the_fonts_cover_swedish_and_the_report_symbols() {
    let fonts = Fonts::new();
    let needed = "åäöÅÄÖéÉüÜ–—−\u{a0}≥≤·›‹•…%‰°±×«»”’";
    assert_eq!(fonts.clean(needed), needed);
}

#[test]
fn text_the_fonts_cannot_draw_is_cleaned() {
    let fonts = Fonts::new();
    assert_eq!(
        fonts.clean("a\tb\u{0}c\u{feff}d\u{ad}e\u{200b}f"),
        "a bcdef"
    );
    assert_eq!(
        fonts.clean("emoji 🙂 and private \u{e000}"),
        "emoji ? and private ?"
    );
}

#[test]
fn odd_input_never_panics_and_still_validates() {
    let mut doc = Doc::new(Meta {
        header: String::new(),
        stamp: None,
        footer: "x".repeat(500),
        keywords: Vec::new(),
        ..meta()
    });
    doc.heading(1, "");
    doc.heading(0, "Nivå noll");
    doc.heading(9, "Nivå nio");
    doc.paragraph("", TextStyle::Body);
    doc.paragraph("\n\n\t ", TextStyle::Body);
    doc.paragraph(&"Ω".repeat(3000), TextStyle::Lead);
    doc.paragraph(
        "Rad ett\nRad två\r\nRad tre 🙂 \u{e000} \u{0} \u{feff}",
        TextStyle::Body,
    );
    doc.bullets(&[]);
    doc.bullets(&[String::new(), "   ".into(), "x".repeat(2000)]);
    doc.key_figures(&[]);
    doc.key_figures(&[(String::new(), String::new())]);
    doc.key_figures(
        &(0..9)
            .map(|i| (format!("{i}"), "etikett ".repeat(i * 30)))
            .collect::<Vec<_>>(),
    );
    doc.table(&Table::default());
    doc.table(&Table {
        columns: vec![
            Column::new("", f32::NAN, Align::Center),
            Column::new("B", -1.0, Align::Right),
        ],
        rows: vec![
            vec![],
            vec![Cell::new("ett"), Cell::new("två"), Cell::new("tre")],
        ],
        caption: Some(String::new()),
    });
    doc.table(&Table {
        columns: vec![Column::new("Tom", 1.0, Align::Left)],
        rows: Vec::new(),
        caption: Some("Bara rubrik".into()),
    });
    doc.figure("En figur högre än en sida", 5000.0, |canvas| {
        let h = canvas.height();
        assert!(h <= BOTTOM - TOP);
        canvas.line(&[(0.0, 0.0)], Stroke::solid(1.0, Color::INK));
        canvas.line(
            &[(0.0, 0.0), (f32::NAN, 1.0)],
            Stroke::solid(1.0, Color::INK),
        );
        canvas.line(
            &[(0.0, 0.0), (1e30, h)],
            Stroke::dashed(f32::INFINITY, Color::INK, 0.0, -1.0),
        );
        canvas.polygon(&[], Some(Color::INK), None);
        canvas.rect(10.0, 10.0, -5.0, -5.0, None, None);
        canvas.rect(10.0, 10.0, 0.0, 0.0, Some(Color::INK), None);
        canvas.circle(
            5.0,
            5.0,
            -3.0,
            Some(Color::INK),
            Some(Stroke::solid(-1.0, Color::INK)),
        );
        canvas.text(0.0, 0.0, "", 10.0, false, Align::Left, Color::INK);
        canvas.text(
            0.0,
            10.0,
            "för stor",
            f32::NAN,
            false,
            Align::Left,
            Color::INK,
        );
        canvas.text(0.0, 20.0, "🙂\n≥", 1e9, true, Align::Right, Color::INK);
        assert!(canvas.measure("", 10.0, false).abs() < f32::EPSILON);
    });
    doc.figure("Nollhöjd", f32::NAN, |_| {});
    doc.space(f32::NAN);
    doc.space(-5.0);
    doc.space(1e9);
    doc.ensure_space(f32::INFINITY);
    doc.paragraph("Sist.", TextStyle::Small);
    assert_tree_is_whole(&doc);
    render(doc);
}

#[test]
fn an_empty_document_is_one_valid_page() {
    let doc = Doc::new(meta());
    assert_eq!(doc.page_count(), 1);
    let pdf = render(doc);
    if let Some(info) = poppler("pdfinfo", &[], &pdf) {
        assert!(info.contains("Pages:           1\n"), "{info}");
    }
}

#[test]
fn validation_problems_are_explained() {
    let mut doc = Doc::new(Meta {
        title: String::new(),
        ..meta()
    });
    doc.figure("", 50.0, |canvas| {
        canvas.rect(0.0, 0.0, 10.0, 10.0, Some(Color::INK), None);
    });
    let error = doc.finish().expect_err("no title and no alternative text");
    let message = error.to_string();
    assert!(message.contains("the document has no title"), "{message}");
    assert!(
        message.contains("a figure has no alternative text"),
        "{message}"
    );
    assert!(message.contains("PDF/UA-1"), "{message}");
}

/// The glyphs `fonts` draws `text` with.
fn glyphs(fonts: &Fonts, text: &str, bold: bool) -> Vec<Glyph> {
    let mut glyphs = Vec::new();
    fonts.glyphs(text, bold, |glyph| glyphs.push(glyph));
    glyphs
}

#[test]
fn a_word_is_shaped_as_the_shaper_alone_shapes_it() {
    let fonts = Fonts::new();
    // Scripts and weights in turn, so that each plan kept is used again after another one.
    let words = [
        "Område",
        "Ωμέγα",
        "2025",
        "AVATAR",
        "Привет",
        "fi",
        "−0,2",
        "e\u{301}",
        "42\u{a0}%",
        "Område",
        "Ωμέγα",
        "2025",
        "Tw",
        "Vårdinformation",
        "≥",
        " ",
    ];
    for bold in [false, true, false] {
        let data = if bold {
            notosans::BOLD_TTF
        } else {
            notosans::REGULAR_TTF
        };
        let face = rustybuzz::Face::from_slice(data, 0).expect("the font parses");
        for word in words {
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(word);
            let plain = rustybuzz::shape(&face, &[], buffer);
            let expected: Vec<(u32, i32, i32, i32, i32, usize)> = plain
                .glyph_infos()
                .iter()
                .zip(plain.glyph_positions())
                .map(|(info, position)| {
                    (
                        info.glyph_id,
                        position.x_advance,
                        position.y_advance,
                        position.x_offset,
                        position.y_offset,
                        info.cluster as usize,
                    )
                })
                .collect();
            let shaped: Vec<(u32, i32, i32, i32, i32, usize)> = glyphs(&fonts, word, bold)
                .into_iter()
                .map(|glyph| {
                    (
                        u32::from(glyph.id),
                        glyph.x_advance,
                        glyph.y_advance,
                        glyph.x_offset,
                        glyph.y_offset,
                        glyph.text.start,
                    )
                })
                .collect();
            assert_eq!(shaped, expected, "`{word}`, bold: {bold}");
        }
    }
}

#[test]
fn a_line_is_drawn_as_its_words_and_spaces() {
    let fonts = Fonts::new();
    let text = " Tw Vårdinformation,  e\u{301}n AVATAR ";
    for bold in [false, true] {
        let drawn = glyphs(&fonts, text, bold);
        // The glyphs' texts, cluster by cluster, read back as the line, spaces and all.
        let mut clusters: Vec<std::ops::Range<usize>> = Vec::new();
        for glyph in &drawn {
            if clusters.last() != Some(&glyph.text) {
                clusters.push(glyph.text.clone());
            }
        }
        let mut end = 0;
        for cluster in &clusters {
            assert_eq!(cluster.start, end, "{clusters:?}");
            end = cluster.end;
        }
        assert_eq!(end, text.len());
        let spaces = clusters
            .iter()
            .filter(|cluster| &text[(*cluster).clone()] == " ")
            .count();
        assert_eq!(spaces, text.matches(' ').count());
        // What is drawn is as wide as what was measured.
        let units: i32 = drawn.iter().map(|glyph| glyph.x_advance).sum();
        let drawn_width = units as f32 / fonts.units_per_em(bold) as f32 * 10.0;
        assert!((drawn_width - fonts.measure(text, 10.0, bold)).abs() < 0.001);
    }
    assert!(glyphs(&fonts, "", false).is_empty());
}

#[test]
fn kerning_inside_a_word_is_kept() {
    let fonts = Fonts::new();
    let apart = fonts.measure("A", 10.0, false) + fonts.measure("V", 10.0, false);
    assert!(fonts.measure("AV", 10.0, false) < apart - 0.05);
    // Between words, the space is all there is.
    let spaced = fonts.measure("A V", 10.0, false);
    assert!((spaced - apart - fonts.measure(" ", 10.0, false)).abs() < 0.001);
}

#[test]
fn another_document_in_between_changes_nothing() {
    let first = render(sample());
    let mut other = Doc::new(Meta {
        lang: "en",
        ..meta()
    });
    other.heading(1, "Something else entirely");
    other.paragraph(&"Ωμέγα Привет AVATAR fi ".repeat(40), TextStyle::Lead);
    other.table(&sample_table(5));
    render(other);
    let again = render(sample());
    assert!(
        first == again,
        "a document came out different after another one"
    );
}

#[test]
fn extracted_text_reads_as_the_words_that_were_set() {
    let mut doc = Doc::new(meta());
    doc.paragraph(LOREM, TextStyle::Body);
    let pdf = render(doc);
    let Some(text) = poppler("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf) else {
        return;
    };
    let words: Vec<&str> = text
        .split_whitespace()
        .skip_while(|word| *word != "Regionen")
        .take(LOREM.split_whitespace().count())
        .collect();
    assert_eq!(
        words,
        LOREM.split_whitespace().collect::<Vec<_>>(),
        "{text}"
    );
    assert!(text.contains("Regionen har under året arbetat"), "{text}");
}
