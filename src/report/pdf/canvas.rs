//! Drawing a figure.

use super::text::Fonts;
use super::tree::{Op, Shape};
use super::{Align, Color, Stroke};

/// Where a figure is drawn: origin at the figure's top-left, y downwards, in points.
pub struct Canvas<'a> {
    fonts: &'a Fonts,
    ops: &'a mut Vec<Op>,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
}

/// Coordinates further out than this are pulled in; nothing that far is on the page anyway.
const FAR: f32 = 10_000.0;

impl<'a> Canvas<'a> {
    /// A canvas that records into `ops`, for a figure at `origin` of `size`, in page points.
    pub(super) fn new(
        fonts: &'a Fonts,
        ops: &'a mut Vec<Op>,
        (x, y): (f32, f32),
        (width, height): (f32, f32),
    ) -> Self {
        Self {
            fonts,
            ops,
            x,
            y,
            width,
            height,
        }
    }

    pub fn width(&self) -> f32 {
        self.width
    }

    pub fn height(&self) -> f32 {
        self.height
    }

    /// A line through `points`.
    pub fn line(&mut self, points: &[(f32, f32)], stroke: Stroke) {
        self.polyline(points, false, None, Some(stroke));
    }

    /// A closed shape through `points`.
    pub fn polygon(&mut self, points: &[(f32, f32)], fill: Option<Color>, stroke: Option<Stroke>) {
        self.polyline(points, true, fill, stroke);
    }

    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) {
        if ![x, y, w, h].iter().all(|v| v.is_finite()) {
            return;
        }
        let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
        let (y, h) = if h < 0.0 { (y + h, -h) } else { (y, h) };
        let (x, y) = self.place(x, y);
        let shape = Shape::Rect {
            x,
            y,
            width: w.min(FAR),
            height: h.min(FAR),
        };
        self.shape(shape, fill, stroke);
    }

    pub fn circle(
        &mut self,
        cx: f32,
        cy: f32,
        r: f32,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) {
        if ![cx, cy, r].iter().all(|v| v.is_finite()) || r == 0.0 {
            return;
        }
        let (cx, cy) = self.place(cx, cy);
        let shape = Shape::Circle {
            cx,
            cy,
            r: r.abs().min(FAR),
        };
        self.shape(shape, fill, stroke);
    }

    /// One line of text with its baseline at `y`; `align` says which end (or the middle) of
    /// the text is at `x`.
    // Every argument is a plain number or flag a chart computes; a struct would only rename them.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        text: &str,
        size: f32,
        bold: bool,
        align: Align,
        color: Color,
    ) {
        if ![x, y, size].iter().all(|v| v.is_finite()) || size <= 0.0 {
            return;
        }
        let text = self.fonts.clean(text);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let size = size.min(FAR);
        let width = self.fonts.measure(text, size, bold);
        let x = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        let (x, baseline) = self.place(x, y);
        self.ops.push(Op::Text {
            x,
            baseline,
            text: text.to_owned(),
            size,
            bold,
            color,
        });
    }

    /// The width of `text` at `size` points, as [`Canvas::text`] would draw it.
    pub fn measure(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts
            .measure(self.fonts.clean(text).trim(), size, bold)
    }

    fn polyline(
        &mut self,
        points: &[(f32, f32)],
        closed: bool,
        fill: Option<Color>,
        stroke: Option<Stroke>,
    ) {
        if points.len() < 2 || !points.iter().all(|(x, y)| x.is_finite() && y.is_finite()) {
            return;
        }
        let points = points.iter().map(|&(x, y)| self.place(x, y)).collect();
        self.shape(Shape::Polyline { points, closed }, fill, stroke);
    }

    fn shape(&mut self, shape: Shape, fill: Option<Color>, stroke: Option<Stroke>) {
        let stroke = stroke.and_then(|stroke| {
            (stroke.width.is_finite() && stroke.width > 0.0).then(|| Stroke {
                width: stroke.width.min(FAR),
                dash: stroke.dash.filter(|&(dash, gap)| {
                    dash.is_finite() && gap.is_finite() && dash > 0.0 && gap > 0.0
                }),
                ..stroke
            })
        });
        if fill.is_none() && stroke.is_none() {
            return;
        }
        self.ops.push(Op::Shape {
            shape,
            fill,
            stroke,
        });
    }

    /// A point on the figure, in page coordinates.
    fn place(&self, x: f32, y: f32) -> (f32, f32) {
        ((self.x + x).clamp(-FAR, FAR), (self.y + y).clamp(-FAR, FAR))
    }
}
