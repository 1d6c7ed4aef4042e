//! What a document is before it becomes PDF: pages of marked drawing operations, and the
//! structure tree whose leaves are those marks.
//!
//! Laying out needs to know where pages break before anything is written (the footer says
//! "page 3 of 10"), so the layout records into these plain values and the writer turns them
//! into PDF in one pass at the end.

use super::{Color, Stroke};

/// A page: its marks in drawing order.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub marks: Vec<Mark>,
}

/// A run of drawing operations that is either real content (a leaf of the structure tree) or
/// an artifact (decoration, pagination) that assistive technology skips.
#[derive(Debug)]
pub(super) struct Mark {
    pub kind: MarkKind,
    /// Drawing is clipped to this rectangle (x, y, width, height), if set.
    pub clip: Option<(f32, f32, f32, f32)>,
    pub ops: Vec<Op>,
}

impl Mark {
    /// This mark moved down by `dy` points.
    pub fn shifted(mut self, dy: f32) -> Self {
        self.clip = self.clip.map(|(x, y, w, h)| (x, y + dy, w, h));
        for op in &mut self.ops {
            match op {
                Op::Text { baseline, .. } => *baseline += dy,
                Op::Shape { shape, .. } => match shape {
                    Shape::Polyline { points, .. } => {
                        for (_, y) in points {
                            *y += dy;
                        }
                    }
                    Shape::Rect { y, .. } => *y += dy,
                    Shape::Circle { cy, .. } => *cy += dy,
                },
            }
        }
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkKind {
    /// Text or graphics that belong to the structure element that holds this content.
    Content(ContentId),
    Artifact(Artifact),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Artifact {
    /// The running header.
    Header,
    /// The running footer and page number.
    Footer,
    /// Something repeated because of a page break, such as a table's header row.
    Pagination,
    /// Rules, fills and other decoration.
    Layout,
}

/// A drawing operation in page coordinates: points, origin at the top-left, y downwards.
#[derive(Debug, Clone)]
pub(super) enum Op {
    Text {
        x: f32,
        baseline: f32,
        text: String,
        size: f32,
        bold: bool,
        color: Color,
    },
    Shape {
        shape: Shape,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    },
}

#[derive(Debug, Clone)]
pub(super) enum Shape {
    Polyline {
        points: Vec<(f32, f32)>,
        closed: bool,
    },
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
    },
}

/// A leaf of the structure tree: one mark of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct ContentId(pub usize);

/// A structure element, by its index in [`Structure::elements`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ElementId(pub usize);

/// The logical structure of the document, in reading order.
#[derive(Debug, Default)]
pub(super) struct Structure {
    pub elements: Vec<Element>,
    /// The children of the document element.
    pub root: Vec<Child>,
    contents: usize,
}

#[derive(Debug)]
pub(super) struct Element {
    pub role: Role,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Child {
    Element(ElementId),
    Content(ContentId),
}

/// What a structure element is. Each maps to the standard structure type of the same name.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Role {
    P,
    Heading {
        level: u8,
        title: String,
    },
    /// A list; `bullets` says whether its items are marked with bullets (or not at all).
    L {
        bullets: bool,
    },
    LI,
    Lbl,
    LBody,
    Table,
    Caption,
    THead,
    TBody,
    TR,
    /// A header cell for its column.
    TH,
    TD,
    Figure {
        alt: String,
        /// The page index and the rectangle (x, y, width, height) the figure covers.
        bbox: Option<(usize, (f32, f32, f32, f32))>,
    },
}

impl Structure {
    /// Opens a new element as the last child of `parent` (or of the document).
    pub fn open(&mut self, parent: Option<ElementId>, role: Role) -> ElementId {
        let id = ElementId(self.elements.len());
        self.elements.push(Element {
            role,
            children: Vec::new(),
        });
        self.children_of(parent).push(Child::Element(id));
        id
    }

    /// A new leaf, the last child of `parent`.
    pub fn content(&mut self, parent: ElementId) -> ContentId {
        let id = ContentId(self.contents);
        self.contents += 1;
        self.children_of(Some(parent)).push(Child::Content(id));
        id
    }

    /// How many leaves there are; their ids are `0..count`.
    pub fn content_count(&self) -> usize {
        self.contents
    }

    fn children_of(&mut self, parent: Option<ElementId>) -> &mut Vec<Child> {
        match parent {
            Some(ElementId(index)) => &mut self.elements[index].children,
            None => &mut self.root,
        }
    }
}
