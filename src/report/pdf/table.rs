//! Tables: wrapped cells in columns, split between rows across pages with the header row
//! repeated.

use super::tree::{Artifact, ElementId, Op, Role, Shape};
use super::{
    Align, BODY, BOTTOM, Cell, Color, Column, Doc, EPSILON, MARGIN_X, TEXT_WIDTH, TOP, Table, Type,
    fill_op, limit, rule_op, spaced,
};

const CELL: Type = Type {
    size: 9.0,
    leading: 12.0,
    ..BODY
};
const CAPTION: Type = Type {
    bold: true,
    color: Color::HEADING,
    after: 5.0,
    ..CELL
};
/// Inner spacing of cells.
const CELL_PAD_X: f32 = 5.0;
const CELL_PAD_Y: f32 = 3.5;
const TABLE_AFTER: f32 = 12.0;
/// The fill of every other body row.
const STRIPE: Color = Color(0xf5, 0xf7, 0xf9);

impl Doc {
    /// A table. It breaks between rows (a row taller than a page breaks between lines), and
    /// each page it continues on starts with the header row again.
    pub fn table(&mut self, table: &Table) {
        let Some(grid) = Grid::new(&table.columns) else {
            return;
        };
        let caption = table
            .caption
            .as_deref()
            .map(|caption| self.lines(caption, CAPTION, TEXT_WIDTH))
            .unwrap_or_default();
        let header_cells: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::strong(&c.header))
            .collect();
        let mut header = self.row_layout(&grid, &header_cells);
        // A header row may take at most a third of a page, as it repeats on every page.
        let header_lines = (((BOTTOM - TOP) / 3.0 - 2.0 * CELL_PAD_Y) / CELL.leading) as usize;
        for cell in &mut header {
            cell.lines = limit(std::mem::take(&mut cell.lines), header_lines.max(1));
        }
        let header_height = row_height(line_count(&header));
        let rows: Vec<Vec<CellLayout>> = table
            .rows
            .iter()
            .map(|row| self.row_layout(&grid, row))
            .collect();

        let caption_height = if caption.is_empty() {
            0.0
        } else {
            caption.len() as f32 * CAPTION.leading + CAPTION.after
        };
        let room_for_rows = BOTTOM - TOP - header_height;
        let first_row = rows.first().map_or(0.0, |row| {
            let height = row_height(line_count(row));
            if height <= room_for_rows {
                height
            } else {
                row_height(3)
            }
        });
        self.ensure(caption_height + header_height + first_row);

        let element = self.structure.open(None, Role::Table);
        if !caption.is_empty() {
            let caption_element = self.structure.open(Some(element), Role::Caption);
            self.flow_lines(caption_element, &caption, MARGIN_X, CAPTION);
            self.y += CAPTION.after;
        }
        let head = self.structure.open(Some(element), Role::THead);
        let head_row = self.structure.open(Some(head), Role::TR);
        let head_cells: Vec<ElementId> = (0..grid.len())
            .map(|_| self.structure.open(Some(head_row), Role::TH))
            .collect();
        let header_all = line_count(&header);
        self.draw_row(
            &grid,
            &header,
            0..header_all,
            Some(Color::PANEL),
            Some(&head_cells),
        );
        self.header_rule();

        let body = (!rows.is_empty()).then(|| self.structure.open(Some(element), Role::TBody));
        // Whether no body row has been drawn on this page yet.
        let mut fresh = true;
        for (index, row) in rows.iter().enumerate() {
            let Some(body) = body else { break };
            let row_element = self.structure.open(Some(body), Role::TR);
            let cells: Vec<ElementId> = (0..grid.len())
                .map(|_| self.structure.open(Some(row_element), Role::TD))
                .collect();
            let fill = (index % 2 == 1).then_some(STRIPE);
            let total = line_count(row);
            let mut from = 0;
            while from < total {
                let left = total - from;
                if self.y + row_height(left) <= BOTTOM + EPSILON {
                    self.draw_row(&grid, row, from..total, fill, Some(&cells));
                    fresh = false;
                    break;
                }
                if !fresh && row_height(left) <= room_for_rows {
                    self.continue_table(&grid, &header);
                    fresh = true;
                    continue;
                }
                let fit = ((BOTTOM - self.y - 2.0 * CELL_PAD_Y) / CELL.leading + EPSILON).floor();
                let fit = if fit >= 1.0 {
                    (fit as usize).min(left)
                } else {
                    0
                };
                if fit == 0 && !fresh {
                    self.continue_table(&grid, &header);
                    fresh = true;
                    continue;
                }
                let count = fit.max(1);
                self.draw_row(&grid, row, from..from + count, fill, Some(&cells));
                fresh = false;
                from += count;
                if from < total {
                    self.continue_table(&grid, &header);
                    fresh = true;
                }
            }
        }
        self.artifact(vec![rule_op(
            MARGIN_X,
            MARGIN_X + TEXT_WIDTH,
            self.y,
            0.5,
            Color::RULE,
        )]);
        self.space(TABLE_AFTER);
    }

    fn row_layout(&self, grid: &Grid, cells: &[Cell]) -> Vec<CellLayout> {
        (0..grid.len())
            .map(|column| {
                let cell = cells.get(column).cloned().unwrap_or_default();
                let kind = Type {
                    bold: cell.bold,
                    color: cell.color.unwrap_or(CELL.color),
                    ..CELL
                };
                CellLayout {
                    lines: self.lines(&cell.text, kind, grid.widths[column] - 2.0 * CELL_PAD_X),
                    kind,
                }
            })
            .collect()
    }

    /// Draws `lines` of a row at the cursor, on a `fill`, as content of `cells` (or as a
    /// repeated header, an artifact), and moves the cursor below it.
    fn draw_row(
        &mut self,
        grid: &Grid,
        row: &[CellLayout],
        lines: std::ops::Range<usize>,
        fill: Option<Color>,
        cells: Option<&[ElementId]>,
    ) {
        let height = row_height(lines.len());
        if let Some(fill) = fill {
            let shape = Shape::Rect {
                x: MARGIN_X,
                y: self.y,
                width: TEXT_WIDTH,
                height,
            };
            self.artifact(vec![fill_op(shape, fill)]);
        }
        for (column, cell) in row.iter().enumerate() {
            let (x, width) = (grid.xs[column], grid.widths[column]);
            let ops: Vec<Op> = cell
                .lines
                .iter()
                .enumerate()
                .skip(lines.start)
                .take(lines.len())
                .map(|(index, line)| {
                    let line_width = || self.fonts.measure(line, cell.kind.size, cell.kind.bold);
                    let left = match grid.aligns[column] {
                        Align::Left => x + CELL_PAD_X,
                        Align::Center => x + (width - line_width()) / 2.0,
                        Align::Right => x + width - CELL_PAD_X - line_width(),
                    };
                    let top = self.y + CELL_PAD_Y + (index - lines.start) as f32 * CELL.leading;
                    self.text_op(left, top, spaced(&cell.lines, index), cell.kind)
                })
                .collect();
            match cells {
                Some(cells) if !ops.is_empty() || (lines.start == 0 && cell.lines.is_empty()) => {
                    self.content(cells[column], ops);
                }
                Some(_) => {}
                None if ops.is_empty() => {}
                None => self.artifact_of(Artifact::Pagination, ops),
            }
        }
        self.y += height;
    }

    fn header_rule(&mut self) {
        self.artifact(vec![rule_op(
            MARGIN_X,
            MARGIN_X + TEXT_WIDTH,
            self.y,
            0.8,
            Color::HEADING,
        )]);
    }

    /// Closes the table at the bottom of this page and starts the next with the header row.
    fn continue_table(&mut self, grid: &Grid, header: &[CellLayout]) {
        self.artifact(vec![rule_op(
            MARGIN_X,
            MARGIN_X + TEXT_WIDTH,
            self.y,
            0.5,
            Color::RULE,
        )]);
        self.break_page();
        let shape = Shape::Rect {
            x: MARGIN_X,
            y: self.y,
            width: TEXT_WIDTH,
            height: row_height(line_count(header)),
        };
        self.artifact_of(Artifact::Pagination, vec![fill_op(shape, Color::PANEL)]);
        self.draw_row(grid, header, 0..line_count(header), None, None);
        self.header_rule();
    }
}

/// Where a table's columns are.
struct Grid {
    xs: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
}

impl Grid {
    fn new(columns: &[Column]) -> Option<Self> {
        if columns.is_empty() {
            return None;
        }
        let shares: Vec<f32> = columns
            .iter()
            .map(|c| {
                if c.width.is_finite() && c.width > 0.0 {
                    c.width
                } else {
                    0.0
                }
            })
            .collect();
        let sum: f32 = shares.iter().sum();
        let widths: Vec<f32> = if sum > 0.0 {
            shares
                .iter()
                .map(|share| share / sum * TEXT_WIDTH)
                .collect()
        } else {
            vec![TEXT_WIDTH / columns.len() as f32; columns.len()]
        };
        let xs = widths
            .iter()
            .scan(MARGIN_X, |x, width| {
                let start = *x;
                *x += width;
                Some(start)
            })
            .collect();
        Some(Self {
            xs,
            widths,
            aligns: columns.iter().map(|c| c.align).collect(),
        })
    }

    fn len(&self) -> usize {
        self.widths.len()
    }
}

struct CellLayout {
    lines: Vec<String>,
    kind: Type,
}

/// A row's height in lines (at least one).
fn line_count(row: &[CellLayout]) -> usize {
    row.iter()
        .map(|cell| cell.lines.len())
        .max()
        .unwrap_or(0)
        .max(1)
}

fn row_height(lines: usize) -> f32 {
    lines as f32 * CELL.leading + 2.0 * CELL_PAD_Y
}
