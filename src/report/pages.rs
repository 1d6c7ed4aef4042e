//! Lays the report model out on A4 pages with the PDF toolkit: text blocks flow, and the
//! charts are drawn as vector figures with real text labels, readable in grey-scale print.

use crate::lang::Lang;
use crate::report::model::{
    Bars, Block, Radar, Report, Scale, SeriesKind, Strip, Style, Table, Trend,
};
use crate::report::pdf::{
    Align, Canvas, Cell, Color, Column, Doc, Meta, PdfError, Stroke, TextStyle,
};

/// The report's colours: dark blue for the region, grey for last year, and a light band for
/// the nation; they differ in lightness too, so grey-scale print keeps them apart.
const INK: Color = Color(0x1f, 0x3b, 0x5c);
const REGION: Color = Color(0x1f, 0x5a, 0x96);
const REGION_FILL: Color = Color(0xc9, 0xd9, 0xea);
const LAST_YEAR: Color = Color(0x6b, 0x6b, 0x6b);
const NATIONAL: Color = Color(0xb0, 0x8a, 0x3e);
const GRID: Color = Color(0xd4, 0xd8, 0xdd);
const MUTED: Color = Color(0x5f, 0x66, 0x6d);
/// The target tick: dark green, and a triangle as well as a line, so that it stands apart
/// from the other marks in grey-scale print too.
const TARGET: Color = Color(0x2e, 0x6b, 0x34);

/// A rendered profile.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Renders the report to PDF bytes.
pub fn render(report: &Report) -> Result<Rendered, PdfError> {
    let sv = report.lang == "sv";
    let lang = if sv { Lang::Sv } else { Lang::En };
    let date = report
        .date
        .parse::<jiff::civil::Date>()
        .unwrap_or(jiff::civil::date(2000, 1, 1));
    let mut doc = Doc::new(Meta {
        title: report.title.clone(),
        subject: report.subject.clone(),
        author: report.author.clone(),
        keywords: report.keywords.clone(),
        lang: if sv { "sv" } else { "en" },
        date,
        header: report.classification.clone(),
        stamp: report.stamp.clone(),
        footer: report.footer.clone(),
        page_word: if sv { "Sida" } else { "Page" }.to_string(),
        of_word: if sv { "av" } else { "of" }.to_string(),
    });
    for (i, page) in report.pages.iter().enumerate() {
        if i > 0 {
            doc.new_page();
        }
        let is_cover = matches!(page.blocks.first(), Some(Block::Cover { .. }));
        if !is_cover {
            doc.heading(1, &page.title);
        }
        for block in &page.blocks {
            draw(&mut doc, block, lang);
        }
    }
    let pages = doc.page_count();
    doc.finish().map(|bytes| Rendered { bytes, pages })
}

fn style(style: Style) -> TextStyle {
    match style {
        Style::Lead => TextStyle::Lead,
        Style::Body => TextStyle::Body,
        Style::Muted => TextStyle::Muted,
    }
}

fn draw(doc: &mut Doc, block: &Block, lang: Lang) {
    match block {
        Block::Cover {
            title,
            subtitle,
            lines,
        } => {
            doc.space(140.0);
            doc.heading(1, title);
            doc.paragraph(subtitle, TextStyle::Lead);
            doc.space(36.0);
            for (label, value) in lines {
                doc.paragraph(&format!("{label}: {value}"), TextStyle::Body);
            }
        }
        Block::Heading { text } => doc.heading(2, text),
        Block::Paragraph { text, style: s } => doc.paragraph(text, style(*s)),
        Block::Bullets { items } => doc.bullets(items),
        // The model names a figure, then gives it; the boxes show the value large.
        Block::KeyFigures { items } => {
            let boxes: Vec<(String, String)> = items
                .iter()
                .map(|(label, value)| (value.clone(), label.clone()))
                .collect();
            doc.key_figures(&boxes);
        }
        Block::Table(table) => doc.table(&pdf_table(table)),
        Block::Radar(radar) => draw_radar(doc, radar),
        Block::Bars(bars) => draw_bars(doc, bars, Scale::FULL),
        Block::ScoreBars { scale, bars } => draw_bars(doc, bars, *scale),
        Block::Trend(trend) => draw_trend(doc, trend, lang),
        Block::Strip(strip) => draw_strip(doc, strip),
    }
}

fn pdf_table(table: &Table) -> crate::report::pdf::Table {
    crate::report::pdf::Table {
        caption: table.caption.clone(),
        columns: table
            .columns
            .iter()
            .map(|c| Column {
                header: c.header.clone(),
                width: c.width,
                align: if c.numeric { Align::Right } else { Align::Left },
            })
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|text| Cell {
                        text: text.clone(),
                        bold: false,
                        color: None,
                    })
                    .collect()
            })
            .collect(),
    }
}

fn stroke(width: f32, color: Color) -> Stroke {
    Stroke {
        width,
        color,
        dash: None,
    }
}

fn dashed(width: f32, color: Color) -> Stroke {
    Stroke {
        width,
        color,
        dash: Some((4.0, 2.5)),
    }
}

/// Breaks a label into lines no wider than `width`.
fn label_lines(canvas: &Canvas, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if canvas.measure(&format!("{line} {word}"), size, false) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The target mark: a line across the row at `x` with a small triangle on top.
fn target_tick(canvas: &mut Canvas, x: f32, top: f32, bottom: f32) {
    canvas.line(&[(x, top), (x, bottom)], stroke(1.6, TARGET));
    canvas.polygon(
        &[(x - 3.5, top - 4.0), (x + 3.5, top - 4.0), (x, top + 1.0)],
        Some(TARGET),
        None,
    );
}

fn legend(canvas: &mut Canvas, y: f32, items: &[(SeriesKind, String)]) {
    let mut x = 0.0;
    for (kind, name) in items {
        let line = match kind {
            SeriesKind::Region => stroke(2.0, REGION),
            SeriesKind::LastYear => dashed(1.4, LAST_YEAR),
            SeriesKind::National => stroke(5.0, NATIONAL),
            SeriesKind::Target => {
                target_tick(canvas, x + 11.0, y - 7.0, y + 1.0);
                canvas.text(x + 28.0, y, name, 8.5, false, Align::Left, INK);
                x += 40.0 + canvas.measure(name, 8.5, false);
                continue;
            }
        };
        canvas.line(&[(x, y - 3.0), (x + 22.0, y - 3.0)], line);
        canvas.text(x + 28.0, y, name, 8.5, false, Align::Left, INK);
        x += 40.0 + canvas.measure(name, 8.5, false);
    }
}

fn draw_radar(doc: &mut Doc, radar: &Radar) {
    let n = radar.axes.len();
    if n < 3 {
        return;
    }
    let scale = radar.scale;
    let layout = crate::report::radar::layout(&radar.axes, doc.text_width(), &|text, size| {
        doc.measure(text, size, false)
    });
    let legend_y = layout.height + 16.0;
    doc.figure(&radar.alt, legend_y + 8.0, |c| {
        let ((cx, cy), r) = (layout.centre, layout.radius);
        let point = |i: usize, value: f64| {
            let angle = crate::report::radar::angle(i, n);
            let d = r * scale.share(value) as f32;
            (cx + d * angle.cos(), cy + d * angle.sin())
        };
        // A ring per whole point, the centre at the scale's low end.
        for ring in scale.steps().filter(|&ring| ring > scale.low) {
            let ring_points: Vec<(f32, f32)> = (0..n).map(|i| point(i, ring)).collect();
            c.polygon(
                &ring_points,
                None,
                Some(stroke(if ring >= scale.high { 0.8 } else { 0.5 }, GRID)),
            );
        }
        for i in 0..n {
            let (x, y) = point(i, scale.high);
            c.line(&[(cx, cy), (x, y)], stroke(0.5, GRID));
        }
        for label in layout.labels.iter().chain(&layout.list) {
            let rect = label.rect;
            // A label pushed along the ring away from its axis gets a thin line back to it.
            let near = (
                label.anchor.0.clamp(rect.x, rect.x + rect.width),
                label.anchor.1.clamp(rect.y, rect.y + rect.height),
            );
            let pushed =
                label.anchor.1 < rect.y - 3.0 || label.anchor.1 > rect.y + rect.height + 3.0;
            if layout.list.is_empty() && pushed {
                c.line(&[label.anchor, near], stroke(0.4, MUTED));
            }
            for (j, line) in label.lines.iter().enumerate() {
                let baseline = rect.y + label.line_height() * (j as f32 + 0.78);
                c.text(rect.x, baseline, line, label.size, false, Align::Left, INK);
            }
        }
        let points = |series: &crate::report::model::Series| -> Vec<(f32, f32)> {
            series
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| point(i, v)))
                .collect()
        };
        // The region's area first, then the nation's and last year's lines over it, so that a
        // line inside the region's area still shows, and the region's own line on top.
        for series in radar.series.iter().filter(|s| s.kind == SeriesKind::Region) {
            let points = points(series);
            if points.len() > 1 {
                c.polygon(&points, Some(REGION_FILL), None);
            }
        }
        let mut order: Vec<&crate::report::model::Series> = radar.series.iter().collect();
        order.sort_by_key(|s| match s.kind {
            SeriesKind::National => 0,
            SeriesKind::LastYear => 1,
            SeriesKind::Region => 2,
            SeriesKind::Target => 3,
        });
        for series in order {
            let points = points(series);
            if points.len() < 2 {
                continue;
            }
            match series.kind {
                SeriesKind::Region => {
                    c.polygon(&points, None, Some(stroke(2.0, REGION)));
                    for &(x, y) in &points {
                        c.circle(x, y, 2.4, Some(REGION), None);
                    }
                }
                SeriesKind::LastYear => c.polygon(&points, None, Some(dashed(1.4, LAST_YEAR))),
                SeriesKind::National => c.polygon(&points, None, Some(stroke(2.5, NATIONAL))),
                SeriesKind::Target => {}
            }
        }
        // The rings' numbers up the first axis, over the lines; the centre's only when the
        // scale does not start at 0.
        for ring in scale.steps().filter(|&ring| ring > 0.0) {
            let (x, y) = point(0, ring);
            c.text(
                x + 3.0,
                y + 3.0,
                &format!("{ring}"),
                7.0,
                false,
                Align::Left,
                MUTED,
            );
        }
        let items: Vec<(SeriesKind, String)> = radar
            .series
            .iter()
            .map(|s| (s.kind, s.name.clone()))
            .collect();
        legend(c, legend_y, &items);
    });
}

fn draw_bars(doc: &mut Doc, bars: &Bars, axis: Scale) {
    let row_height = 26.0;
    let height = 30.0 + row_height * bars.rows.len() as f32 + 24.0;
    doc.figure(&bars.alt, height, |c| {
        let label_width = 190.0;
        let x0 = label_width + 8.0;
        let text_width = 110.0;
        let x1 = c.width() - text_width;
        let scale = |v: f64| x0 + (x1 - x0) * axis.share(v) as f32;
        let top = 22.0;
        for tick in axis.steps() {
            let x = scale(tick);
            c.line(
                &[
                    (x, top - 4.0),
                    (x, top + row_height * bars.rows.len() as f32),
                ],
                stroke(0.5, GRID),
            );
            c.text(
                x,
                top - 8.0,
                &format!("{tick}"),
                7.5,
                false,
                Align::Center,
                MUTED,
            );
        }
        for (i, row) in bars.rows.iter().enumerate() {
            let y = top + row_height * i as f32;
            let lines = label_lines(c, &row.label, 8.5, label_width);
            let first = y + row_height / 2.0 + 3.0 - (lines.len() as f32 - 1.0) * 5.0;
            for (j, line) in lines.iter().enumerate() {
                c.text(
                    0.0,
                    first + j as f32 * 10.0,
                    line,
                    8.5,
                    false,
                    Align::Left,
                    INK,
                );
            }
            if let Some((q1, median, q3)) = row.national {
                c.rect(
                    scale(q1),
                    y + 4.0,
                    scale(q3) - scale(q1),
                    row_height - 8.0,
                    Some(Color(0xef, 0xe4, 0xcc)),
                    None,
                );
                c.line(
                    &[
                        (scale(median), y + 3.0),
                        (scale(median), y + row_height - 3.0),
                    ],
                    stroke(2.0, NATIONAL),
                );
            }
            if let Some(value) = row.value {
                c.rect(
                    x0,
                    y + 8.0,
                    scale(value) - x0,
                    row_height - 16.0,
                    Some(REGION),
                    None,
                );
            }
            if let Some(previous) = row.previous {
                let x = scale(previous);
                c.line(
                    &[(x, y + 5.0), (x, y + row_height - 5.0)],
                    dashed(1.4, LAST_YEAR),
                );
            }
            if let Some(target) = row.target {
                target_tick(c, scale(target), y + 5.0, y + row_height - 3.0);
            }
            c.text(
                x1 + 8.0,
                y + row_height / 2.0 + 3.0,
                &row.text,
                8.5,
                row.value.is_some(),
                Align::Left,
                INK,
            );
        }
        legend(
            c,
            top + row_height * bars.rows.len() as f32 + 20.0,
            &bars.legend,
        );
    });
}

fn draw_strip(doc: &mut Doc, strip: &Strip) {
    let row_height = 28.0;
    let top = 22.0;
    let height = top + row_height * strip.rows.len() as f32 + 26.0;
    doc.figure(&strip.alt, height, |c| {
        let label_width = 170.0;
        let x0 = label_width + 10.0;
        let x1 = c.width() - 100.0;
        let scale = |v: f64| x0 + (x1 - x0) * (v as f32 / 5.0);
        let bottom = top + row_height * strip.rows.len() as f32;
        for tick in 0..=5 {
            let x = scale(f64::from(tick));
            c.line(&[(x, top - 4.0), (x, bottom)], stroke(0.5, GRID));
            let label = tick.to_string();
            c.text(x, top - 8.0, &label, 7.5, false, Align::Center, MUTED);
        }
        for (i, row) in strip.rows.iter().enumerate() {
            let y = top + row_height * i as f32;
            let middle = y + 18.5;
            let lines = label_lines(c, &row.label, 8.5, label_width);
            let first = middle + 3.0 - (lines.len() as f32 - 1.0) * 5.0;
            for (j, line) in lines.iter().enumerate() {
                let at = first + j as f32 * 10.0;
                c.text(0.0, at, line, 8.5, false, Align::Left, INK);
            }
            // Last year's middle half: a grey outline above the line of dots.
            if let Some((q1, median, q3)) = row.previous {
                let (top, bottom) = (y + 3.0, y + 8.0);
                c.rect(
                    scale(q1),
                    top,
                    scale(q3) - scale(q1),
                    bottom - top,
                    None,
                    Some(dashed(0.9, LAST_YEAR)),
                );
                c.line(
                    &[(scale(median), top), (scale(median), bottom)],
                    stroke(1.4, LAST_YEAR),
                );
            }
            if let Some((q1, median, q3)) = row.band {
                c.rect(
                    scale(q1),
                    middle - 6.0,
                    scale(q3) - scale(q1),
                    12.0,
                    Some(REGION_FILL),
                    None,
                );
                c.line(
                    &[(scale(median), middle - 7.5), (scale(median), middle + 7.5)],
                    stroke(2.0, NATIONAL),
                );
            }
            // Equal scores stack upwards and downwards in turn, so every region shows; a tall
            // stack is packed closer, so that it stays within its row.
            let key = |v: f64| (v * 20.0).round() as i64;
            let mut sizes: std::collections::BTreeMap<i64, u32> = std::collections::BTreeMap::new();
            for value in &row.values {
                *sizes.entry(key(*value)).or_default() += 1;
            }
            let radius = if row.values.len() > 60 { 1.2 } else { 2.1 };
            let mut seen: std::collections::BTreeMap<i64, u32> = std::collections::BTreeMap::new();
            for value in &row.values {
                let half = sizes[&key(*value)].div_ceil(2).max(1) as f32;
                let step = (8.5 / half).min(3.0);
                let k = seen.entry(key(*value)).or_default();
                let offset = (k.div_ceil(2) as f32) * step * if *k % 2 == 1 { -1.0 } else { 1.0 };
                *k += 1;
                c.circle(
                    scale(*value),
                    middle + offset,
                    radius,
                    Some(REGION),
                    Some(stroke(0.3, Color(0xff, 0xff, 0xff))),
                );
            }
            c.text(
                x1 + 8.0,
                middle + 3.0,
                &row.text,
                8.5,
                false,
                Align::Left,
                INK,
            );
        }
        // The regions are dots, not a line: their legend entry is drawn as one.
        let y = bottom + 20.0;
        let mut x = 0.0;
        for (kind, name) in &strip.legend {
            if *kind == SeriesKind::Region {
                c.circle(x + 11.0, y - 3.0, 2.6, Some(REGION), None);
                c.text(x + 28.0, y, name, 8.5, false, Align::Left, INK);
                x += 40.0 + c.measure(name, 8.5, false);
            } else {
                let line = match kind {
                    SeriesKind::LastYear => dashed(1.4, LAST_YEAR),
                    _ => stroke(5.0, NATIONAL),
                };
                c.line(&[(x, y - 3.0), (x + 22.0, y - 3.0)], line);
                c.text(x + 28.0, y, name, 8.5, false, Align::Left, INK);
                x += 40.0 + c.measure(name, 8.5, false);
            }
        }
    });
}

fn draw_trend(doc: &mut Doc, trend: &Trend, lang: Lang) {
    let columns = 2;
    let rows = trend.lines.len().div_ceil(columns);
    // Five rows of charts (ten areas) are drawn a little lower, so that the table and its
    // note about earlier versions still fit on the page.
    let cell_height = if rows >= 5 { 70.0 } else { 78.0 };
    doc.figure(&trend.alt, cell_height * rows as f32 + 6.0, |c| {
        let cell_width = c.width() / columns as f32;
        let years = trend.years.len().max(1);
        for (k, (label, values)) in trend.lines.iter().enumerate() {
            let (col, row) = (k % columns, k / columns);
            let (ox, oy) = (col as f32 * cell_width, row as f32 * cell_height);
            let title = label_lines(c, label, 8.0, cell_width - 16.0);
            c.text(ox, oy + 10.0, &title[0], 8.0, true, Align::Left, INK);
            let (px0, px1) = (ox + 22.0, ox + cell_width - 26.0);
            let (py0, py1) = (oy + 22.0, oy + cell_height - 18.0);
            let x = |i: usize| {
                if years == 1 {
                    f32::midpoint(px0, px1)
                } else {
                    px0 + (px1 - px0) * i as f32 / (years - 1) as f32
                }
            };
            let y = |v: f64| py1 - (py1 - py0) * trend.scale.share(v) as f32;
            for level in [trend.scale.low, trend.scale.high] {
                c.line(&[(px0, y(level)), (px1, y(level))], stroke(0.5, GRID));
                c.text(
                    px0 - 5.0,
                    y(level) + 2.5,
                    &format!("{level}"),
                    6.5,
                    false,
                    Align::Right,
                    MUTED,
                );
            }
            for (i, year) in trend.years.iter().enumerate() {
                let mark = if trend.version_changed.contains(year) {
                    "*"
                } else {
                    ""
                };
                c.text(
                    x(i),
                    py1 + 11.0,
                    &format!("{year}{mark}"),
                    6.5,
                    false,
                    Align::Center,
                    MUTED,
                );
            }
            let points: Vec<(f32, f32)> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x(i), y(v))))
                .collect();
            if points.len() > 1 {
                c.line(&points, stroke(1.6, REGION));
            }
            for (i, value) in values.iter().enumerate() {
                if let Some(v) = value {
                    c.circle(x(i), y(*v), 2.2, Some(REGION), None);
                    if i + 1 == values.len() {
                        c.text(
                            x(i) + 5.0,
                            y(*v) + 3.0,
                            &lang.decimal(*v),
                            7.0,
                            true,
                            Align::Left,
                            INK,
                        );
                    }
                }
            }
        }
    });
}
