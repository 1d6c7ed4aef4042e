//! Where a radar chart's rings and axis labels go, decided before it is drawn, so that no two
//! labels overlap and none leaves the column, whatever the number of areas (3 to 20) and
//! however long their names. Pure geometry: a measure of text widths in, boxes out.
//!
//! Names stand around the ring when they fit: each at the end of its axis, wrapped, and on
//! either side pushed apart along the ring where neighbours would touch. When they cannot
//! all fit, even in a smaller size, each axis gets its number and the names are listed in
//! two columns under the chart.

/// The ring's radius with names around it, and with numbers only.
const RADIUS: f32 = 125.0;
const RADIUS_NUMBERED: f32 = 140.0;
/// From the ring's edge to a label.
const GAP: f32 = 12.0;
/// Between two labels, at least.
const SPACE: f32 = 3.0;
/// The widest a name around the ring is wrapped to.
const WRAP: f32 = 120.0;
/// Room above and below the ring for the labels there.
const ROOM: f32 = 62.0;
const ROOM_NUMBERED: f32 = 24.0;
/// Text sizes tried for names around the ring, largest first; numbers and the list use the
/// first.
const SIZES: [f32; 2] = [8.0, 7.0];
/// Only a label straight above or below the centre is centred on its axis; the others stand
/// beside theirs, so that two labels near the bottom do not meet.
const CENTRED: f32 = 0.05;
/// Line height as a share of the text size.
const LEADING: f32 = 1.2;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    fn right(&self) -> f32 {
        self.x + self.width
    }
    fn bottom(&self) -> f32 {
        self.y + self.height
    }
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// The point of the box nearest to `(x, y)`.
    fn nearest(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (
            x.clamp(self.x, self.right()),
            y.clamp(self.y, self.bottom()),
        )
    }
}

/// One label: its lines, left-aligned in `rect`, each `line_height` below the one before.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    pub rect: Rect,
    pub size: f32,
    /// Where the label belongs on the ring, for a leader line when it was pushed away.
    pub anchor: (f32, f32),
}

impl Label {
    pub fn line_height(&self) -> f32 {
        self.size * LEADING
    }
}

/// The whole chart: the ring, a label per axis, and the list of names when the axes are
/// numbered.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub centre: (f32, f32),
    pub radius: f32,
    pub labels: Vec<Label>,
    /// The names under the chart, when the axes carry only their numbers.
    pub list: Vec<Label>,
    /// Where the list ends: the chart's height without its legend.
    pub height: f32,
}

/// The angle of axis `i` of `n`: the first straight up, then clockwise.
pub fn angle(i: usize, n: usize) -> f32 {
    -std::f32::consts::FRAC_PI_2 + (i as f32) * std::f32::consts::TAU / n as f32
}

/// Lays out a radar of `axes` in a column `width` wide; `measure` gives a text's width at a
/// size.
pub fn layout(axes: &[String], width: f32, measure: &dyn Fn(&str, f32) -> f32) -> Layout {
    SIZES
        .iter()
        .find_map(|&size| around(axes, width, size, measure))
        .unwrap_or_else(|| numbered(axes, width, measure))
}

/// Names around the ring at `size`, or nothing when they do not fit.
fn around(
    axes: &[String],
    width: f32,
    size: f32,
    measure: &dyn Fn(&str, f32) -> f32,
) -> Option<Layout> {
    let n = axes.len();
    let centre = (width / 2.0, ROOM + RADIUS);
    let reach = RADIUS + GAP;
    let line_height = size * LEADING;
    let mut labels: Vec<Label> = Vec::with_capacity(n);
    for (i, axis) in axes.iter().enumerate() {
        let (sin, cos) = angle(i, n).sin_cos();
        let anchor = (centre.0 + reach * cos, centre.1 + reach * sin);
        let room = if cos.abs() < CENTRED {
            WRAP
        } else if cos > 0.0 {
            width - anchor.0
        } else {
            anchor.0
        };
        let lines = wrap(axis, size, room.min(WRAP), measure);
        let wide = lines.iter().map(|l| measure(l, size)).fold(0.0, f32::max);
        let tall = lines.len() as f32 * line_height;
        let left = if cos.abs() < CENTRED {
            anchor.0 - wide / 2.0
        } else if cos > 0.0 {
            anchor.0
        } else {
            anchor.0 - wide
        };
        let top = if sin < -0.85 {
            anchor.1 - tall
        } else if sin > 0.85 {
            anchor.1
        } else {
            anchor.1 - tall / 2.0
        };
        labels.push(Label {
            lines,
            rect: Rect {
                x: left,
                y: top,
                width: wide,
                height: tall,
            },
            size,
            anchor,
        });
    }
    // Each side's labels, top to bottom, are pushed apart, then slid sideways to clear the
    // ring at their new height.
    for on_right in [true, false] {
        let mut stack: Vec<usize> = (0..n)
            .filter(|&i| {
                let cos = angle(i, n).cos();
                cos.abs() >= CENTRED && (cos > 0.0) == on_right
            })
            .collect();
        stack.sort_by(|&a, &b| labels[a].rect.y.total_cmp(&labels[b].rect.y));
        spread(&mut labels, &stack, 0.0, 2.0 * (ROOM + RADIUS));
        for &i in &stack {
            let rect = &mut labels[i].rect;
            let dy = if rect.y > centre.1 {
                rect.y - centre.1
            } else if rect.bottom() < centre.1 {
                centre.1 - rect.bottom()
            } else {
                0.0
            };
            let dx = (reach * reach - dy * dy).max(0.0).sqrt();
            rect.x = if on_right {
                centre.0 + dx
            } else {
                centre.0 - dx - rect.width
            };
        }
    }
    let height = 2.0 * (ROOM + RADIUS);
    let fits = labels.iter().enumerate().all(|(i, label)| {
        inside(&label.rect, width, height)
            && clear_of_ring(&label.rect, centre, RADIUS + GAP / 2.0)
            && labels[i + 1..]
                .iter()
                .all(|other| !label.rect.intersects(&other.rect))
            // A word wider than its room is not wrapped: the label would spill.
            && label.rect.width <= WRAP + 0.5
    });
    fits.then_some(Layout {
        centre,
        radius: RADIUS,
        labels,
        list: Vec::new(),
        height,
    })
}

/// Pushes the labels `side` (top to bottom) apart so that at least `SPACE` is between them,
/// within `top`..`bottom`: downwards first, then back up from the bottom.
fn spread(labels: &mut [Label], side: &[usize], top: f32, bottom: f32) {
    let mut floor = top;
    for &i in side {
        let rect = &mut labels[i].rect;
        rect.y = rect.y.max(floor);
        floor = rect.bottom() + SPACE;
    }
    let mut ceiling = bottom;
    for &i in side.iter().rev() {
        let rect = &mut labels[i].rect;
        if rect.bottom() > ceiling {
            rect.y = ceiling - rect.height;
        }
        ceiling = rect.y - SPACE;
    }
}

/// Numbers at the axes and the names in two columns under the chart.
fn numbered(axes: &[String], width: f32, measure: &dyn Fn(&str, f32) -> f32) -> Layout {
    let n = axes.len();
    let size = SIZES[0];
    let line_height = size * LEADING;
    let centre = (width / 2.0, ROOM_NUMBERED + RADIUS_NUMBERED);
    let reach = RADIUS_NUMBERED + GAP;
    let labels = axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let number = axis.split(' ').next().unwrap_or_default().to_string();
            let number = if number.is_empty() {
                (i + 1).to_string()
            } else {
                number
            };
            let (sin, cos) = angle(i, n).sin_cos();
            let anchor = (centre.0 + reach * cos, centre.1 + reach * sin);
            let wide = measure(&number, size);
            // The box's centre a little further out, by half its size along the axis.
            let out = wide.max(line_height) / 2.0;
            let middle = (anchor.0 + out * cos, anchor.1 + out * sin);
            Label {
                lines: vec![number],
                rect: Rect {
                    x: middle.0 - wide / 2.0,
                    y: middle.1 - line_height / 2.0,
                    width: wide,
                    height: line_height,
                },
                size,
                anchor,
            }
        })
        .collect();
    let column = (width - 16.0) / 2.0;
    let rows = n.div_ceil(2);
    let mut list = Vec::with_capacity(n);
    let mut y = 2.0 * (ROOM_NUMBERED + RADIUS_NUMBERED) + 6.0;
    let mut bottom = y;
    // Down the first column, then the second, each row as tall as its taller name.
    let wrapped: Vec<Vec<String>> = axes
        .iter()
        .map(|axis| wrap(axis, size, column, measure))
        .collect();
    for row in 0..rows {
        let tallest = [row, row + rows]
            .iter()
            .filter_map(|&i| wrapped.get(i))
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        for (col, i) in [row, row + rows].into_iter().enumerate() {
            let Some(lines) = wrapped.get(i) else {
                continue;
            };
            let wide = lines.iter().map(|l| measure(l, size)).fold(0.0, f32::max);
            list.push(Label {
                lines: lines.clone(),
                rect: Rect {
                    x: col as f32 * (column + 16.0),
                    y,
                    width: wide,
                    height: lines.len() as f32 * line_height,
                },
                size,
                anchor: (col as f32 * (column + 16.0), y),
            });
        }
        y += tallest as f32 * line_height + 2.0;
        bottom = y;
    }
    Layout {
        centre,
        radius: RADIUS_NUMBERED,
        labels,
        list,
        height: bottom,
    }
}

fn inside(rect: &Rect, width: f32, height: f32) -> bool {
    rect.x >= -0.01
        && rect.y >= -0.01
        && rect.right() <= width + 0.01
        && rect.bottom() <= height + 0.01
}

fn clear_of_ring(rect: &Rect, centre: (f32, f32), radius: f32) -> bool {
    let (x, y) = rect.nearest(centre);
    (x - centre.0).hypot(y - centre.1) >= radius
}

/// Breaks `text` into lines no wider than `width`, between words.
fn wrap(text: &str, size: f32, width: f32, measure: &dyn Fn(&str, f32) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}"), size) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::Metrics;

    /// The text column of an A4 page.
    const WIDTH: f32 = 595.28 - 2.0 * 56.0;

    /// Long area names as a region's own instrument may have them.
    const NAMES: [&str; 20] = [
        "Styrning, strategi och mätetal för hela regionens vård",
        "Policy och efterlevnad av lagar och föreskrifter",
        "Utbildning och vägledning för vårdpersonal och chefer",
        "Hotbedömning av kritiska vårdsystem",
        "Säkerhetskrav på leverantörer och upphandlade tjänster",
        "Säkerhetsarkitektur för journalsystem och integrationer",
        "Säker byggprocess och förvaltning av egenutvecklade tjänster",
        "Säker driftsättning i sjukhusens och primärvårdens miljöer",
        "Hantering av sårbarheter och defekter över tid",
        "Arkitekturgranskning av nya e-hälsotjänster för invånare",
        "Kravdriven testning före införande i vården",
        "Säkerhetstestning med återkommande penetrationstester",
        "Incidenthantering och övningar med förvaltningarna",
        "Miljöhantering och härdning av servrar och klienter",
        "Driftshantering, återställning och kontinuitet",
        "Åtkomststyrning och behörigheter i öppen och sluten vård",
        "Informationsklassning och skydd av känsliga personuppgifter",
        "Övervakning, loggning och uppföljning av åtkomst",
        "Leverantörsstyrning och avtal om molntjänster",
        "Kompetensförsörjning inom informationssäkerhet och IT",
    ];

    fn check(layout: &Layout, n: usize, width: f32) {
        let all: Vec<&Label> = layout.labels.iter().chain(&layout.list).collect();
        for (i, label) in all.iter().enumerate() {
            assert!(
                inside(&label.rect, width, layout.height),
                "n = {n}: {:?} {:?} leaves the figure",
                label.lines,
                label.rect
            );
            for other in &all[i + 1..] {
                assert!(
                    !label.rect.intersects(&other.rect),
                    "n = {n}: {:?} and {:?} overlap",
                    label.lines,
                    other.lines
                );
            }
        }
        for label in &layout.labels {
            assert!(
                clear_of_ring(&label.rect, layout.centre, layout.radius),
                "n = {n}: {:?} is on the ring",
                label.lines
            );
        }
    }

    #[test]
    fn no_two_labels_overlap_and_none_leaves_the_column_for_3_to_20_areas() {
        let metrics = Metrics::new();
        let measure = |text: &str, size: f32| metrics.measure(text, size, false);
        for n in 3..=20 {
            let axes: Vec<String> = NAMES[..n]
                .iter()
                .enumerate()
                .map(|(i, name)| format!("{} {name}", i + 1))
                .collect();
            let layout = layout(&axes, WIDTH, &measure);
            assert_eq!(layout.labels.len(), n);
            check(&layout, n, WIDTH);
            // Every name is there in full, around the ring or in the list.
            let text: String = layout
                .labels
                .iter()
                .chain(&layout.list)
                .map(|l| l.lines.join(" "))
                .collect::<Vec<_>>()
                .join(" ");
            for axis in &axes {
                assert!(text.contains(axis.as_str()), "n = {n}: {axis} is missing");
            }
        }
    }

    #[test]
    fn fifteen_short_names_stand_around_the_ring() {
        let metrics = Metrics::new();
        let measure = |text: &str, size: f32| metrics.measure(text, size, false);
        let names = [
            "Strategi och mätetal",
            "Policy och efterlevnad",
            "Utbildning och vägledning",
            "Hotbedömning",
            "Säkerhetskrav",
            "Säkerhetsarkitektur",
            "Säker byggprocess",
            "Säker driftsättning",
            "Hantering av defekter",
            "Arkitekturgranskning",
            "Kravdriven testning",
            "Säkerhetstestning",
            "Incidenthantering",
            "Miljöhantering",
            "Driftshantering",
        ];
        let axes: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{} {name}", i + 1))
            .collect();
        let layout = layout(&axes, WIDTH, &measure);
        assert!(layout.list.is_empty(), "no list under the chart");
        assert_eq!(layout.labels[7].lines, ["8 Säker driftsättning"]);
        check(&layout, 15, WIDTH);
    }

    #[test]
    fn short_names_stand_around_the_ring_and_many_long_ones_are_numbered() {
        let metrics = Metrics::new();
        let measure = |text: &str, size: f32| metrics.measure(text, size, false);
        let short: Vec<String> = [
            "1 Styrning",
            "2 Åtkomst",
            "3 Övervakning",
            "4 Drift",
            "5 Stöd",
        ]
        .map(String::from)
        .to_vec();
        let around = layout(&short, WIDTH, &measure);
        assert!(around.list.is_empty());
        assert_eq!(around.labels[1].lines, ["2 Åtkomst"]);
        let many: Vec<String> = NAMES
            .iter()
            .enumerate()
            .map(|(i, name)| format!("{} {name}", i + 1))
            .collect();
        let numbered = layout(&many, WIDTH, &measure);
        assert_eq!(numbered.labels[14].lines, ["15"]);
        assert_eq!(numbered.list.len(), 20);
    }
}
