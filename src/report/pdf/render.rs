//! Writing the laid-out pages as PDF with krilla: the only file that names the PDF crate.
//!
//! The document is written for PDF/UA-1 (accessible) and PDF/A-2a (archival, level A: tagged,
//! with Unicode text), and krilla's validators check both before any byte is returned.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{
    Accessibility, Archival, ConfigurationBuilder, ValidationError, Validator,
};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{Path, PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineJoin, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, BBox, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use super::text;
use super::tree::{Artifact, Child, MarkKind, Op, Page, Role, Shape, Structure};
use super::{Color, Meta, PAGE_HEIGHT, PAGE_WIDTH, PdfError};

/// A heading's entry in the document outline (the viewer's bookmarks).
#[derive(Debug, Clone)]
pub(super) struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub x: f32,
    pub y: f32,
}

/// What the writer needs from the layout.
pub(super) struct Layout<'a> {
    pub meta: &'a Meta,
    /// The fonts the layout measured with, which shape the text drawn.
    pub fonts: &'a text::Fonts,
    pub pages: &'a [Page],
    pub structure: &'a Structure,
    pub outline: &'a [OutlineEntry],
}

/// The fonts as the PDF embeds them, and what drawing text needs between lines.
struct Fonts<'a> {
    regular: Font,
    bold: Font,
    shaped: &'a text::Fonts,
    /// Reused from line to line.
    run: Vec<KrillaGlyph>,
}

pub(super) fn write(layout: &Layout) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|error| PdfError(format!("cannot combine PDF/A-2a and PDF/UA-1: {error:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut fonts = Fonts {
        regular: Font::new(notosans::REGULAR_TTF.into(), 0)
            .ok_or_else(|| PdfError("cannot read the font Noto Sans Regular".into()))?,
        bold: Font::new(notosans::BOLD_TTF.into(), 0)
            .ok_or_else(|| PdfError("cannot read the font Noto Sans Bold".into()))?,
        shaped: layout.fonts,
        run: Vec::new(),
    };
    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError("invalid page size".into()))?;

    let mut document = Document::new_with(settings);
    document.set_metadata(metadata(layout.meta));

    let mut ids: Vec<Option<Identifier>> = vec![None; layout.structure.content_count()];
    for page in layout.pages {
        let mut krilla_page = document.start_page_with(page_settings.clone());
        let mut surface = krilla_page.surface();
        for mark in &page.marks {
            let tag = match mark.kind {
                MarkKind::Artifact(artifact) => ContentTag::Artifact(
                    krilla::tagging::Artifact::with_kind(artifact_type(artifact)),
                ),
                MarkKind::Content(_) if mark.ops.iter().all(|op| matches!(op, Op::Text { .. })) => {
                    ContentTag::Span(SpanTag::empty())
                }
                MarkKind::Content(_) => ContentTag::Other,
            };
            let id = surface.start_tagged(tag);
            if let MarkKind::Content(content) = mark.kind {
                ids[content.0] = Some(id);
            }
            let clip = mark
                .clip
                .and_then(|(x, y, w, h)| Rect::from_xywh(x, y, w, h))
                .and_then(|rect| {
                    let mut builder = PathBuilder::new();
                    builder.push_rect(rect);
                    builder.finish()
                });
            if let Some(clip) = &clip {
                surface.push_clip_path(clip, &FillRule::NonZero);
            }
            for op in &mark.ops {
                draw(&mut surface, &mut fonts, op);
            }
            if clip.is_some() {
                surface.pop();
            }
            surface.end_tagged();
        }
        surface.finish();
        krilla_page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(layout.meta.lang.to_owned()));
    for child in &layout.structure.root {
        if let Some(node) = node(layout.structure, *child, &ids) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);

    let mut outline = Outline::new();
    let mut position = 0;
    for node in outline_nodes(layout.outline, &mut position, 0) {
        outline.push_child(node);
    }
    document.set_outline(outline);

    let bytes = document.finish().map_err(|error| describe(&error))?;
    pack(&bytes)
}

/// The same PDF with its objects packed into compressed object streams and a cross-reference
/// stream (ISO 32000-1, 7.5.7 and 7.5.8; allowed in PDF/A-2). The structure tree of a tagged
/// report is a thousand small dictionaries, and the table that finds them another 20 bytes
/// each: together more than half the file, and a tenth of it once compressed.
/// Objects per object stream, and the deflate level: lopdf's defaults. Level 1 saves about a
/// millisecond and costs 6 kB; more objects per stream change neither measurably.
const PACK_OBJECTS: usize = 100;
const PACK_LEVEL: u32 = 6;

fn pack(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    let mut document = lopdf::Document::load_mem(bytes)
        .map_err(|error| PdfError(format!("cannot read back the PDF: {error}")))?;
    let mut packed = Vec::with_capacity(bytes.len() / 2);
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(PACK_OBJECTS)
        .compression_level(PACK_LEVEL)
        .build();
    document
        .save_with_options(&mut packed, options)
        .map_err(|error| PdfError(format!("cannot pack the PDF: {error}")))?;
    Ok(packed)
}

fn metadata(meta: &Meta) -> Metadata {
    let date = DateTime::new(u16::try_from(meta.date.year()).unwrap_or(0))
        .month(u8::try_from(meta.date.month()).unwrap_or(1))
        .day(u8::try_from(meta.date.day()).unwrap_or(1));
    let authors = if meta.author.is_empty() {
        Vec::new()
    } else {
        vec![meta.author.clone()]
    };
    Metadata::new()
        .title(meta.title.clone())
        .description(meta.subject.clone())
        .authors(authors)
        .keywords(meta.keywords.clone())
        .language(meta.lang.to_owned())
        .creator(env!("CARGO_PKG_NAME").to_owned())
        .creation_date(date)
}

fn artifact_type(artifact: Artifact) -> ArtifactType {
    match artifact {
        Artifact::Header => ArtifactType::Header,
        Artifact::Footer => ArtifactType::Footer,
        Artifact::Pagination => ArtifactType::PaginationOther,
        Artifact::Layout => ArtifactType::Layout,
    }
}

fn draw(surface: &mut Surface, fonts: &mut Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            text,
            size,
            bold,
            color,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            let font = if *bold { &fonts.bold } else { &fonts.regular };
            // krilla takes advances and offsets in ems.
            let em = fonts.shaped.units_per_em(*bold) as f32;
            let run = &mut fonts.run;
            run.clear();
            fonts.shaped.glyphs(text, *bold, |glyph| {
                run.push(KrillaGlyph::new(
                    GlyphId::new(u32::from(glyph.id)),
                    glyph.x_advance as f32 / em,
                    glyph.x_offset as f32 / em,
                    glyph.y_offset as f32 / em,
                    glyph.y_advance as f32 / em,
                    glyph.text,
                    None,
                ));
            });
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                &fonts.run,
                font.clone(),
                text,
                *size,
                false,
            );
        }
        Op::Shape {
            shape,
            fill: shape_fill,
            stroke,
        } => {
            if shape_fill.is_none() && stroke.is_none() {
                return;
            }
            let Some(path) = path(shape) else {
                return;
            };
            surface.set_fill(shape_fill.map(fill));
            surface.set_stroke(stroke.map(|stroke| krilla::paint::Stroke {
                paint: rgb(stroke.color).into(),
                width: stroke.width,
                line_join: LineJoin::Round,
                dash: stroke.dash.map(|(on, off)| StrokeDash {
                    array: vec![on, off],
                    offset: 0.0,
                }),
                ..krilla::paint::Stroke::default()
            }));
            surface.draw_path(&path);
        }
    }
}

fn rgb(Color(r, g, b): Color) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn fill(color: Color) -> Fill {
    Fill {
        paint: rgb(color).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn path(shape: &Shape) -> Option<Path> {
    let mut builder = PathBuilder::new();
    match shape {
        Shape::Polyline { points, closed } => {
            let (first, rest) = points.split_first()?;
            builder.move_to(first.0, first.1);
            for (x, y) in rest {
                builder.line_to(*x, *y);
            }
            if *closed {
                builder.close();
            }
        }
        Shape::Rect {
            x,
            y,
            width,
            height,
        } => builder.push_rect(Rect::from_xywh(*x, *y, *width, *height)?),
        Shape::Circle { cx, cy, r } => {
            // Four cubic arcs; this constant puts their midpoints on the circle.
            let k = 0.552_284_8 * r;
            builder.move_to(cx + r, *cy);
            builder.cubic_to(cx + r, cy + k, cx + k, cy + r, *cx, cy + r);
            builder.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, *cy);
            builder.cubic_to(cx - r, cy - k, cx - k, cy - r, *cx, cy - r);
            builder.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, *cy);
            builder.close();
        }
    }
    builder.finish()
}

fn node(structure: &Structure, child: Child, ids: &[Option<Identifier>]) -> Option<Node> {
    match child {
        Child::Content(content) => ids.get(content.0).copied().flatten().map(Node::from),
        Child::Element(element) => {
            let element = &structure.elements[element.0];
            let children = element
                .children
                .iter()
                .filter_map(|child| node(structure, *child, ids))
                .collect();
            Some(TagGroup::with_children(tag(&element.role), children).into())
        }
    }
}

fn tag(role: &Role) -> TagKind {
    match role {
        Role::P => Tag::P.into(),
        Role::Heading { level, title } => Tag::Hn(
            NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN),
            Some(title.clone()),
        )
        .into(),
        Role::L { bullets } => Tag::L(if *bullets {
            ListNumbering::Disc
        } else {
            ListNumbering::None
        })
        .into(),
        Role::LI => Tag::LI.into(),
        Role::Lbl => Tag::Lbl.into(),
        Role::LBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::Caption => Tag::Caption.into(),
        Role::THead => Tag::THead.into(),
        Role::TBody => Tag::TBody.into(),
        Role::TR => Tag::TR.into(),
        Role::TH => Tag::TH(TableHeaderScope::Column).into(),
        Role::TD => Tag::TD.into(),
        Role::Figure { alt, bbox } => Tag::Figure(Some(alt.clone()))
            .with_bbox(bbox.and_then(|(page, (x, y, w, h))| {
                Rect::from_xywh(x, y, w, h).map(|rect| BBox::new(page, rect))
            }))
            .into(),
    }
}

/// The outline entries after `position` that are deeper than `parent_level`, nested by level.
pub(super) fn outline_nodes(
    entries: &[OutlineEntry],
    position: &mut usize,
    parent_level: u8,
) -> Vec<OutlineNode> {
    let mut nodes = Vec::new();
    while let Some(entry) = entries.get(*position) {
        if entry.level <= parent_level {
            break;
        }
        *position += 1;
        let destination = XyzDestination::new(entry.page, Point::from_xy(entry.x, entry.y));
        let mut node =
            OutlineNode::new(entry.title.clone(), destination).with_open(entry.level == 1);
        for child in outline_nodes(entries, position, entry.level) {
            node.push_child(child);
        }
        nodes.push(node);
    }
    nodes
}

/// Turns krilla's error into a message that says what in the document is wrong.
fn describe(error: &KrillaError) -> PdfError {
    const SHOWN: usize = 8;
    let KrillaError::Validation(errors) = error else {
        return PdfError(format!("cannot write the PDF: {error}"));
    };
    let mut problems: Vec<String> = Vec::new();
    for (problem, validators) in errors {
        let standards: Vec<&str> = validators.into_iter().map(Validator::as_str).collect();
        let line = format!("{} ({})", problem_text(problem), standards.join(", "));
        if !problems.contains(&line) {
            problems.push(line);
        }
    }
    let more = problems.len().saturating_sub(SHOWN);
    problems.truncate(SHOWN);
    if more > 0 {
        problems.push(format!("and {more} more"));
    }
    PdfError(format!(
        "the PDF would not be valid PDF/UA-1 and PDF/A-2a: {}",
        problems.join("; ")
    ))
}

fn problem_text(problem: &ValidationError) -> String {
    match problem {
        ValidationError::NoDocumentTitle => "the document has no title".into(),
        ValidationError::NoDocumentLanguage => "the document has no language".into(),
        ValidationError::MissingDocumentDate => "the document has no date".into(),
        ValidationError::MissingDocumentOutline => "the document has no outline".into(),
        ValidationError::MissingTagging => "the document is not tagged".into(),
        ValidationError::MissingAltText(_) => "a figure has no alternative text".into(),
        ValidationError::MissingHeadingTitle => "a heading has no text".into(),
        ValidationError::ContainsNotDefGlyph(_, _, text) => {
            format!("the font has no glyph for `{text}`")
        }
        ValidationError::NoCodepointMapping(..) => "a glyph maps to no character".into(),
        ValidationError::InvalidCodepointMapping(_, _, c, _)
        | ValidationError::UnicodePrivateArea(_, _, c, _) => {
            format!("the character U+{:04X} cannot be used", u32::from(*c))
        }
        ValidationError::RestrictedLicense(_) => "a font's license forbids embedding".into(),
        ValidationError::TooLongString => "a text is longer than 32767 bytes".into(),
        ValidationError::TooManyIndirectObjects => "the document is too large".into(),
        other => format!("{other:?}"),
    }
}
