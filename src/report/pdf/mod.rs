//! A small layout toolkit for the report's PDF: headings, paragraphs, lists, key figures,
//! tables and vector figures flow down A4 pages in the order they are added.
//!
//! [`Doc`] owns the page breaks: it keeps a heading with what follows, avoids single lines at
//! the top or bottom of a page, splits tables between rows (repeating the header row) and
//! writes the running header and footer once the page count is known. Everything it draws is
//! either tagged content, in reading order, or an artifact, and [`Doc::finish`] returns only a
//! document that has passed the PDF/UA-1 and PDF/A-2a validators. It is pure: no files, no
//! clock, and the same calls give the same bytes.

mod canvas;
mod render;
mod table;
mod text;
mod tree;

#[cfg(test)]
mod tests;

use std::fmt;

pub use self::canvas::Canvas;
use self::render::OutlineEntry;
use self::text::Fonts;
use self::tree::{
    Artifact, ContentId, ElementId, Mark, MarkKind, Op, Page, Role, Shape, Structure,
};

/// Text widths as a figure measures them, for laying a figure out before it is drawn.
pub struct Metrics(Fonts);

impl Metrics {
    pub fn new() -> Self {
        Self(Fonts::new())
    }

    /// The width of `text` at `size` points, as [`Canvas::text`] draws it.
    pub fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.0.measure(self.0.clean(text).trim(), size, bold)
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// An A4 page, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

const MARGIN_X: f32 = 56.0;
/// Where content starts and ends on a page.
const TOP: f32 = 64.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
/// The tops of the running header's and footer's lines.
const HEADER_TOP: f32 = 30.0;
const FOOTER_TOP: f32 = PAGE_HEIGHT - 40.0;
/// Rounding slack when comparing lengths, in points.
const EPSILON: f32 = 0.01;

/// What the document is, for its metadata and the text on every page.
#[derive(Debug, Clone)]
pub struct Meta {
    /// The document title, which viewers show instead of the file name.
    pub title: String,
    pub subject: String,
    /// Who the document is by, e.g. the region.
    pub author: String,
    pub keywords: Vec<String>,
    /// The document's language: `"sv"` or `"en"`.
    pub lang: &'static str,
    /// The creation and modification date in the metadata.
    pub date: jiff::civil::Date,
    /// A classification label such as "Intern", top right on every page.
    pub header: String,
    /// Said at the left of the running header on every page, such as that the data are
    /// examples.
    pub stamp: Option<String>,
    /// Bottom left on every page, e.g. "Region Exempelland · Digital mognad 2025".
    pub footer: String,
    /// "Sida" or "Page": the footer's right side reads "Sida 3 av 10".
    pub page_word: String,
    /// "av" or "of".
    pub of_word: String,
}

/// A color in sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// Body text.
    pub const INK: Color = Color(0x1f, 0x25, 0x2d);
    /// Secondary text; still 5.5:1 against white.
    pub const MUTED: Color = Color(0x5a, 0x65, 0x72);
    /// Headings, and the main color of figures.
    pub const HEADING: Color = Color(0x1f, 0x3b, 0x5c);
    /// An accent that goes with [`Color::HEADING`].
    pub const ACCENT: Color = Color(0x2f, 0x6f, 0xa8);
    /// Thin rules and grid lines.
    pub const RULE: Color = Color(0xc3, 0xcb, 0xd4);
    /// A light fill for panels and the table header.
    pub const PANEL: Color = Color(0xec, 0xf0, 0xf4);
    pub const WHITE: Color = Color(0xff, 0xff, 0xff);
}

/// How a paragraph looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Body,
    Small,
    /// Larger text that introduces a section.
    Lead,
    /// Small grey text for notes and sources.
    Muted,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A line's look in a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Color,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub fn solid(width: f32, color: Color) -> Self {
        Self {
            width,
            color,
            dash: None,
        }
    }

    pub fn dashed(width: f32, color: Color, dash: f32, gap: f32) -> Self {
        Self {
            width,
            color,
            dash: Some((dash, gap)),
        }
    }
}

/// A table: a header row of columns, then rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Rows of cells, one per column: missing cells are empty, extra cells are ignored.
    pub rows: Vec<Vec<Cell>>,
    /// Printed above the table.
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    /// The column's share of the text width; shares are scaled to add up to 1.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(header: impl Into<String>, width: f32, align: Align) -> Self {
        Self {
            header: header.into(),
            width,
            align,
        }
    }
}

/// A table cell; its text wraps within the column.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub bold: bool,
    /// The text color, if not the body color.
    pub color: Option<Color>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            color: None,
        }
    }

    /// A cell in bold.
    pub fn strong(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::new(text)
        }
    }

    /// This cell in another color.
    #[must_use]
    pub fn colored(self, color: Color) -> Self {
        Self {
            color: Some(color),
            ..self
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

/// Why a document could not be written, e.g. what the PDF/UA or PDF/A validator found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(String);

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PdfError {}

/// How a kind of text is set.
#[derive(Debug, Clone, Copy)]
struct Type {
    size: f32,
    /// The distance between baselines.
    leading: f32,
    bold: bool,
    color: Color,
    /// Space before a block of this type, left out at the top of a page.
    before: f32,
    /// Space after a block of this type.
    after: f32,
}

const BODY: Type = Type {
    size: 10.0,
    leading: 13.5,
    bold: false,
    color: Color::INK,
    before: 0.0,
    after: 7.0,
};
const SMALL: Type = Type {
    size: 8.5,
    leading: 11.5,
    after: 5.0,
    ..BODY
};
const LEAD: Type = Type {
    size: 12.0,
    leading: 17.0,
    after: 10.0,
    color: Color(0x2a, 0x33, 0x3e),
    ..BODY
};
const MUTED: Type = Type {
    color: Color::MUTED,
    ..SMALL
};
const H1: Type = Type {
    size: 20.0,
    leading: 26.0,
    bold: true,
    color: Color::HEADING,
    before: 20.0,
    after: 12.0,
};
const H2: Type = Type {
    size: 14.0,
    leading: 19.0,
    before: 16.0,
    after: 6.0,
    ..H1
};
const H3: Type = Type {
    size: 11.0,
    leading: 15.0,
    before: 12.0,
    after: 4.0,
    ..H1
};
const FIGURE_VALUE: Type = Type {
    size: 20.0,
    leading: 24.0,
    bold: true,
    color: Color::HEADING,
    ..BODY
};
const RUNNING: Type = Type {
    size: 8.0,
    leading: 10.0,
    color: Color::MUTED,
    ..BODY
};

/// Lines a heading keeps with it on its page.
const KEEP_WITH_HEADING: f32 = 3.0 * BODY.leading;
/// The bullet's column and the text's indent in a list.
const BULLET_X: f32 = 6.0;
const LIST_INDENT: f32 = 18.0;
const LIST_ITEM_GAP: f32 = 3.0;
/// Key figure boxes.
const FIGURES_PER_ROW: usize = 4;
const FIGURE_GAP: f32 = 10.0;
const FIGURE_PAD: f32 = 10.0;
const FIGURE_AFTER: f32 = 12.0;
/// How close to the page's edges a figure may draw.
const FIGURE_BLEED: f32 = 20.0;

/// A document being laid out: blocks are added in reading order and flow down the pages.
pub struct Doc {
    meta: Meta,
    fonts: Fonts,
    pages: Vec<Page>,
    /// Where the next block starts on the last page.
    y: f32,
    structure: Structure,
    outline: Vec<OutlineEntry>,
    /// Headings at the end of the last page that nothing has followed yet: a page break
    /// before what follows takes them along.
    keep: Option<Keep>,
}

/// Where the headings to keep with what follows start.
#[derive(Debug, Clone, Copy)]
struct Keep {
    page: usize,
    /// Their first mark on the page.
    mark: usize,
    /// Their first outline entry.
    entry: usize,
    top: f32,
}

impl Doc {
    pub fn new(meta: Meta) -> Self {
        Self {
            meta,
            fonts: Fonts::new(),
            pages: vec![Page::default()],
            y: TOP,
            structure: Structure::default(),
            outline: Vec::new(),
            keep: None,
        }
    }

    /// Starts a new page, unless the current one is still empty.
    pub fn new_page(&mut self) {
        if !self.at_top() {
            self.keep = None;
            self.break_page();
        }
    }

    /// Starts a new page unless `points` are left on this one.
    pub fn ensure_space(&mut self, points: f32) {
        if points.is_finite() {
            self.ensure(points.min(BOTTOM - TOP));
        }
    }

    /// Points left on the current page.
    pub fn remaining(&self) -> f32 {
        (BOTTOM - self.y).max(0.0)
    }

    /// The width of the text column, in points.
    pub fn text_width(&self) -> f32 {
        TEXT_WIDTH
    }

    /// The width of `text` at `size` points, as a figure draws it.
    pub fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts
            .measure(self.fonts.clean(text).trim(), size, bold)
    }

    /// How many pages there are so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Vertical space; at the end of a page it stops there rather than carry over.
    pub fn space(&mut self, points: f32) {
        if points.is_finite() && points > 0.0 {
            self.y = (self.y + points).min(BOTTOM);
        }
    }

    /// A heading: 1 is a page title, 2 a section, 3 a subsection (deeper levels are set as 3).
    /// It stays on the page with the start of what follows, and is an entry in the outline.
    pub fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 3);
        let kind = match level {
            1 => H1,
            2 => H2,
            _ => H3,
        };
        let lines = self.lines(text, kind, TEXT_WIDTH);
        if lines.is_empty() {
            return;
        }
        if !self.at_top() {
            self.space(kind.before);
        }
        let rule = if level == 1 { 6.0 } else { 0.0 };
        self.ensure(lines.len() as f32 * kind.leading + rule + kind.after + KEEP_WITH_HEADING);
        let page = self.current();
        // Headings in a row go to the next page together.
        let keep = self.keep.take().unwrap_or(Keep {
            page,
            mark: self.pages[page].marks.len(),
            entry: self.outline.len(),
            top: self.y,
        });
        let title = lines.join(" ");
        let element = self.structure.open(
            None,
            Role::Heading {
                level,
                title: title.clone(),
            },
        );
        let (page, top) = self.flow_lines(element, &lines, MARGIN_X, kind);
        self.outline.push(OutlineEntry {
            level,
            title,
            page,
            x: MARGIN_X,
            y: top,
        });
        if level == 1 {
            let y = self.y + rule / 2.0;
            self.artifact(vec![rule_op(
                MARGIN_X,
                MARGIN_X + TEXT_WIDTH,
                y,
                0.75,
                Color::RULE,
            )]);
            self.y += rule;
        }
        self.space(kind.after);
        if self.pages.len() - 1 == keep.page {
            self.keep = Some(keep);
        }
    }

    /// A paragraph, wrapped to the text width; a line break in `text` starts a new line.
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        let kind = match style {
            TextStyle::Body => BODY,
            TextStyle::Small => SMALL,
            TextStyle::Lead => LEAD,
            TextStyle::Muted => MUTED,
        };
        let lines = self.lines(text, kind, TEXT_WIDTH);
        if lines.is_empty() {
            return;
        }
        let element = self.structure.open(None, Role::P);
        self.flow_lines(element, &lines, MARGIN_X, kind);
        self.space(kind.after);
    }

    /// A bulleted list; each item wraps with a hanging indent. Empty items are left out.
    pub fn bullets(&mut self, items: &[String]) {
        let items: Vec<Vec<String>> = items
            .iter()
            .map(|item| self.lines(item, BODY, TEXT_WIDTH - LIST_INDENT))
            .filter(|lines| !lines.is_empty())
            .collect();
        if items.is_empty() {
            return;
        }
        let list = self.structure.open(None, Role::L { bullets: true });
        for lines in items {
            let element = self.structure.open(Some(list), Role::LI);
            let label = self.structure.open(Some(element), Role::Lbl);
            let body = self.structure.open(Some(element), Role::LBody);
            let (page, top) = self.flow_lines(body, &lines, MARGIN_X + LIST_INDENT, BODY);
            // The bullet goes where the item's first line landed.
            let bullet = self.text_op(MARGIN_X + BULLET_X, top, "•".into(), BODY);
            self.content_on(page, label, vec![bullet]);
            self.space(LIST_ITEM_GAP);
        }
        self.space(BODY.after - LIST_ITEM_GAP);
    }

    /// Key figures: boxes of a big value over a small label, up to four in a row. They read
    /// as a list, each item the value then its label. Items with neither are left out.
    pub fn key_figures(&mut self, items: &[(String, String)]) {
        let items: Vec<&(String, String)> = items
            .iter()
            .filter(|(value, label)| !(value.trim().is_empty() && label.trim().is_empty()))
            .collect();
        if items.is_empty() {
            return;
        }
        let list = self.structure.open(None, Role::L { bullets: false });
        for row in items.chunks(FIGURES_PER_ROW) {
            let count = row.len() as f32;
            let width = (TEXT_WIDTH - FIGURE_GAP * (count - 1.0)) / count;
            let inner = width - 2.0 * FIGURE_PAD;
            // The values of a row share the largest size at which each of their words fits.
            let size = (12..=20u8)
                .rev()
                .map(f32::from)
                .find(|&size| {
                    row.iter().all(|(value, _)| {
                        self.fonts
                            .clean(value)
                            .split(' ')
                            .all(|word| self.fonts.measure(word, size, true) <= inner)
                    })
                })
                .unwrap_or(12.0);
            let value_kind = Type {
                size,
                leading: size * 1.2,
                ..FIGURE_VALUE
            };
            let boxes: Vec<(Vec<String>, Vec<String>)> = row
                .iter()
                .map(|&(value, label)| {
                    let values = self.lines(value, value_kind, inner);
                    let labels = self.lines(label, MUTED, inner);
                    (limit(values, 3), limit(labels, 8))
                })
                .collect();
            let height = boxes
                .iter()
                .map(|(values, labels)| {
                    2.0 * FIGURE_PAD
                        + values.len() as f32 * value_kind.leading
                        + labels.len() as f32 * MUTED.leading
                })
                .fold(0.0, f32::max);
            self.ensure(height);
            for (index, (values, labels)) in boxes.into_iter().enumerate() {
                let x = MARGIN_X + index as f32 * (width + FIGURE_GAP);
                let panel = Shape::Rect {
                    x,
                    y: self.y,
                    width,
                    height,
                };
                let bar = Shape::Rect {
                    x,
                    y: self.y,
                    width: 3.0,
                    height,
                };
                self.artifact(vec![
                    fill_op(panel, Color::PANEL),
                    fill_op(bar, Color::ACCENT),
                ]);
                let element = self.structure.open(Some(list), Role::LI);
                let body = self.structure.open(Some(element), Role::LBody);
                let mut top = self.y + FIGURE_PAD - 2.0;
                for (lines, kind) in [(values, value_kind), (labels, MUTED)] {
                    let paragraph = self.structure.open(Some(body), Role::P);
                    let ops = (0..lines.len())
                        .map(|index| {
                            let op = self.text_op(x + FIGURE_PAD, top, spaced(&lines, index), kind);
                            top += kind.leading;
                            op
                        })
                        .collect();
                    self.content(paragraph, ops);
                }
            }
            self.y += height;
            self.space(FIGURE_AFTER);
        }
    }

    /// A vector figure the width of the text and `height` points tall (at most a page), on
    /// the next page if it does not fit on this one. Everything drawn is part of the figure,
    /// which `alt` describes to those who cannot see it.
    pub fn figure(&mut self, alt: &str, height: f32, draw: impl FnOnce(&mut Canvas)) {
        let height = if height.is_finite() {
            height.clamp(0.0, BOTTOM - TOP)
        } else {
            0.0
        };
        self.ensure(height);
        // Headings that came along to this page take some of its height.
        let height = height.min(self.remaining());
        let (x, y) = (MARGIN_X, self.y);
        let mut ops = Vec::new();
        draw(&mut Canvas::new(
            &self.fonts,
            &mut ops,
            (x, y),
            (TEXT_WIDTH, height),
        ));
        let page = self.current();
        let element = self.structure.open(
            None,
            Role::Figure {
                alt: alt.trim().to_owned(),
                bbox: Some((page, (x, y, TEXT_WIDTH, height))),
            },
        );
        let content = self.structure.content(element);
        // Drawing stays within the figure's height, with a little room so that a line on its
        // edge is drawn whole; sideways a label may reach into the margins.
        let slack = 2.0;
        let clip = (
            FIGURE_BLEED,
            y - slack,
            PAGE_WIDTH - 2.0 * FIGURE_BLEED,
            height + 2.0 * slack,
        );
        self.push_mark(
            page,
            Mark {
                kind: MarkKind::Content(content),
                clip: Some(clip),
                ops,
            },
        );
        self.y += height;
        self.space(FIGURE_AFTER);
    }

    /// The PDF: every page gets its running header and footer, then the whole is written and
    /// validated as PDF/UA-1 and PDF/A-2a.
    pub fn finish(mut self) -> Result<Vec<u8>, PdfError> {
        let total = self.pages.len();
        for index in 0..total {
            let marks = self.running_marks(index + 1, total);
            self.pages[index].marks.splice(0..0, marks);
        }
        render::write(&render::Layout {
            meta: &self.meta,
            fonts: &self.fonts,
            pages: &self.pages,
            structure: &self.structure,
            outline: &self.outline,
        })
    }

    fn running_marks(&self, number: usize, total: usize) -> Vec<Mark> {
        let right = MARGIN_X + TEXT_WIDTH;
        let mut header = Vec::new();
        let label_kind = Type {
            bold: true,
            ..RUNNING
        };
        let label = self.fonts.clean(&self.meta.header);
        let label = self.truncate(label.trim(), label_kind, TEXT_WIDTH);
        if !label.is_empty() {
            let width = self.fonts.measure(&label, label_kind.size, true);
            header.push(self.text_op(right - width, HEADER_TOP, label, label_kind));
        }
        if let Some(stamp) = &self.meta.stamp {
            let stamp = self.fonts.clean(stamp);
            let stamp = self.truncate(stamp.trim(), label_kind, TEXT_WIDTH / 2.0);
            if !stamp.is_empty() {
                header.push(self.text_op(MARGIN_X, HEADER_TOP, stamp, label_kind));
            }
        }
        let rule_y = FOOTER_TOP - 6.0;
        let page = self.fonts.clean(&format!(
            "{} {number} {} {total}",
            self.meta.page_word.trim(),
            self.meta.of_word.trim()
        ));
        let page = page.trim().to_owned();
        let page_width = self.fonts.measure(&page, RUNNING.size, false);
        let footer = self.fonts.clean(&self.meta.footer);
        let footer = self.truncate(footer.trim(), RUNNING, TEXT_WIDTH - page_width - 16.0);
        let mut footer_ops = vec![rule_op(MARGIN_X, right, rule_y, 0.5, Color::RULE)];
        for (x, text) in [(MARGIN_X, footer), (right - page_width, page)] {
            if !text.is_empty() {
                footer_ops.push(self.text_op(x, FOOTER_TOP, text, RUNNING));
            }
        }
        let mut marks = vec![Mark {
            kind: MarkKind::Artifact(Artifact::Footer),
            clip: None,
            ops: footer_ops,
        }];
        if !header.is_empty() {
            marks.insert(
                0,
                Mark {
                    kind: MarkKind::Artifact(Artifact::Header),
                    clip: None,
                    ops: header,
                },
            );
        }
        marks
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + EPSILON
    }

    /// Starts a new page. Headings waiting for what follows them move along, to its top.
    fn break_page(&mut self) {
        let bottom = self.y;
        self.pages.push(Page::default());
        self.y = TOP;
        let Some(keep) = self.keep.take() else {
            return;
        };
        let last = self.pages.len() - 2;
        if keep.page != last || keep.top <= TOP + EPSILON {
            return;
        }
        let shift = TOP - keep.top;
        let moved: Vec<Mark> = self.pages[last].marks.drain(keep.mark..).collect();
        self.pages[last + 1].marks = moved.into_iter().map(|mark| mark.shifted(shift)).collect();
        for entry in &mut self.outline[keep.entry..] {
            entry.page = last + 1;
            entry.y += shift;
        }
        self.y = bottom + shift;
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty).
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM + EPSILON && !self.at_top() {
            self.break_page();
        }
    }

    /// The index of the last page, where the cursor is.
    fn current(&self) -> usize {
        self.pages.len() - 1
    }

    /// Every mark goes through here: once something follows a heading, it stays put.
    fn push_mark(&mut self, page: usize, mark: Mark) {
        self.keep = None;
        self.pages[page].marks.push(mark);
    }

    /// Records `ops` as a new piece of `parent`'s content on the current page.
    fn content(&mut self, parent: ElementId, ops: Vec<Op>) -> ContentId {
        self.content_on(self.current(), parent, ops)
    }

    fn content_on(&mut self, page: usize, parent: ElementId, ops: Vec<Op>) -> ContentId {
        let id = self.structure.content(parent);
        let mark = Mark {
            kind: MarkKind::Content(id),
            clip: None,
            ops,
        };
        self.push_mark(page, mark);
        id
    }

    /// Records `ops` on the current page as an artifact: decoration, or something repeated.
    fn artifact_of(&mut self, kind: Artifact, ops: Vec<Op>) {
        let mark = Mark {
            kind: MarkKind::Artifact(kind),
            clip: None,
            ops,
        };
        self.push_mark(self.current(), mark);
    }

    /// Records decoration on the current page.
    fn artifact(&mut self, ops: Vec<Op>) {
        self.artifact_of(Artifact::Layout, ops);
    }

    /// `text` cleaned and wrapped to `width`, with its line breaks kept.
    fn lines(&self, text: &str, kind: Type, width: f32) -> Vec<String> {
        text.split('\n')
            .flat_map(|part| {
                self.fonts
                    .wrap(&self.fonts.clean(part), kind.size, kind.bold, width)
            })
            .collect()
    }

    /// `text` cut with an ellipsis to fit `width`.
    fn truncate(&self, text: &str, kind: Type, width: f32) -> String {
        if self.fonts.measure(text, kind.size, kind.bold) <= width {
            return text.to_owned();
        }
        let mut cut = text.to_owned();
        while cut.pop().is_some() {
            let candidate = format!("{}…", cut.trim_end());
            if self.fonts.measure(&candidate, kind.size, kind.bold) <= width {
                return candidate;
            }
        }
        String::new()
    }

    fn text_op(&self, x: f32, top: f32, text: String, kind: Type) -> Op {
        Op::Text {
            x,
            baseline: top + self.fonts.baseline(kind.size, kind.leading),
            text,
            size: kind.size,
            bold: kind.bold,
            color: kind.color,
        }
    }

    /// Sets `lines` at `x` from the cursor down, breaking pages as needed without leaving a
    /// single line of a block at the bottom or top of a page. Each page's share is one piece
    /// of `parent`'s content. Returns where the first line went: its page and top.
    fn flow_lines(
        &mut self,
        parent: ElementId,
        lines: &[String],
        x: f32,
        kind: Type,
    ) -> (usize, f32) {
        let mut first = None;
        if lines.is_empty() {
            self.content(parent, Vec::new());
        }
        let mut start = 0;
        while start < lines.len() {
            let left = lines.len() - start;
            let fit = ((BOTTOM - self.y) / kind.leading + EPSILON)
                .floor()
                .max(0.0) as usize;
            let mut take = fit.min(left);
            if take < left {
                if left - take == 1 {
                    take = take.saturating_sub(1);
                }
                if start == 0 && take == 1 {
                    take = 0;
                }
            }
            if take == 0 {
                if self.at_top() {
                    take = fit.clamp(1, left);
                } else {
                    self.break_page();
                    continue;
                }
            }
            first.get_or_insert((self.pages.len() - 1, self.y));
            let ops = lines[start..start + take]
                .iter()
                .enumerate()
                .map(|(offset, _)| {
                    let text = spaced(lines, start + offset);
                    self.text_op(x, self.y + offset as f32 * kind.leading, text, kind)
                })
                .collect();
            self.content(parent, ops);
            self.y += take as f32 * kind.leading;
            start += take;
            if start < lines.len() {
                self.break_page();
            }
        }
        first.unwrap_or((self.pages.len() - 1, self.y))
    }
}

/// Line `index` of `lines`, as drawn: a space ends every line but the last, so that the text
/// reads as words when it is extracted or read aloud.
fn spaced(lines: &[String], index: usize) -> String {
    match lines.get(index) {
        Some(line) if index + 1 < lines.len() => format!("{line} "),
        Some(line) => line.clone(),
        None => String::new(),
    }
}

/// At most `max` lines; the last one kept ends in an ellipsis if any were cut.
fn limit(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn rule_op(x1: f32, x2: f32, y: f32, width: f32, color: Color) -> Op {
    Op::Shape {
        shape: Shape::Polyline {
            points: vec![(x1, y), (x2, y)],
            closed: false,
        },
        fill: None,
        stroke: Some(Stroke::solid(width, color)),
    }
}

fn fill_op(shape: Shape, color: Color) -> Op {
    Op::Shape {
        shape,
        fill: Some(color),
        stroke: None,
    }
}
