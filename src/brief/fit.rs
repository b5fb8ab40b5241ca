//! Whether a row of a briefing's table may be taller than a page, estimated from its text.
//!
//! The PDF keeps a row on one page when it fits on one, and lets a taller row break across
//! pages (or it would run off the page). The template used to decide by laying out every
//! cell once to measure it (Typst's `measure`) and then again in the table: twice the
//! layout, and the largest part of a briefing's time and memory. This estimate is made from
//! the characters of each cell, for the column widths of `templates/briefing.typ`, and is
//! cautious: a row is called long well before it could fill a page, so a row estimated
//! short fits on one page. Getting it wrong the other way only lets a row break at a page
//! end.

use super::{CellView, RowView};

/// Millimetres of the A4 landscape page's body that the table's columns share after the
/// first (297 mm less 2 × 14 mm of margins and the 34 mm reference column).
const COLUMNS_WIDTH_MM: f64 = 297.0 - 2.0 * 14.0 - 34.0;
/// Millimetres of a cell's padding (2 × 5 pt) across.
const PADDING_MM: f64 = 3.5;
/// The average advance of a character of Inter at 8.5 pt, with room to spare (Inter's
/// average is about 0.5 em; 0.6 em of 8.5 pt is 1.8 mm).
const CHAR_MM: f64 = 1.8;
/// Lines a row may have and still be kept on one page: about half of the page body
/// (174 mm at about 4.6 mm per line, with paragraph spacing), which leaves room for the
/// repeated header and for lines the estimate misses.
const MAX_LINES: usize = 18;

/// Characters of text a line of a column holds, when `columns` columns share the width.
fn per_line(columns: usize) -> usize {
    let width = COLUMNS_WIDTH_MM / columns.max(1) as f64 - PADDING_MM;
    ((width / CHAR_MM).floor() as usize).max(8)
}

/// Lines a paragraph of `chars` characters takes: at least one.
fn lines(chars: usize, per_line: usize) -> usize {
    chars.div_ceil(per_line).max(1)
}

/// Lines the cell's content takes, paragraph by paragraph, as the template lays it out.
fn cell_lines(cell: &CellView, per_line: usize) -> usize {
    let runs = |rs: &[super::Run]| rs.iter().map(|r| r.text.chars().count()).sum::<usize>();
    let opt = |s: &Option<String>| s.as_ref().map_or(0, |s| lines(s.chars().count(), per_line));
    let mut n = opt(&cell.status) + opt(&cell.detail) + opt(&cell.stale) + opt(&cell.date);
    if !cell.summary.is_empty() {
        n += lines(runs(&cell.summary) + 12, per_line);
    }
    for p in &cell.text {
        let chars: usize = p.segments.iter().map(|s| s.text.chars().count()).sum();
        n += lines(chars, per_line);
    }
    for b in &cell.blocks {
        let indent = 4 * (b.depth + usize::from(b.marker.is_some()));
        n += lines(runs(&b.runs), per_line.saturating_sub(indent).max(8));
    }
    n
}

/// Whether `row` may be taller than a page.
pub fn is_long(row: &RowView) -> bool {
    let per_line = per_line(row.cells.len());
    let first = lines(row.reference.chars().count(), 17)
        + lines(row.title.chars().count(), 17)
        + lines(row.cites.join(", ").chars().count(), 17)
        + 2;
    let tallest = row
        .cells
        .iter()
        .map(|c| cell_lines(c, per_line))
        .chain([first])
        .max()
        .unwrap_or(0);
    tallest > MAX_LINES
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{ParagraphView, SegmentView};
    use crate::vocabulary::{CellKind, Differ};

    fn row(paragraphs: usize, chars: usize) -> RowView {
        let mut cell = CellView::empty("commission", CellKind::Proposal);
        cell.text = (0..paragraphs)
            .map(|_| ParagraphView {
                label: None,
                status: "unchanged",
                segments: vec![SegmentView {
                    kind: "equal",
                    text: "x".repeat(chars),
                }],
            })
            .collect();
        RowView {
            id: "article-1".into(),
            reference: "Article 1".into(),
            title: "Subject matter".into(),
            is_new: false,
            topics: Vec::new(),
            cells: vec![cell.clone(), cell.clone(), cell],
            parliament_council: Differ::Unknown,
            cites: Vec::new(),
            long: false,
        }
    }

    #[test]
    fn a_row_is_long_when_its_tallest_cell_has_more_lines_than_half_a_page() {
        // Three columns of 41 characters a line.
        assert_eq!(per_line(3), 41);
        assert!(!is_long(&row(1, 200)));
        assert!(!is_long(&row(3, 240)));
        assert!(is_long(&row(4, 240)));
        assert!(is_long(&row(40, 10)));
    }

    #[test]
    fn narrower_columns_hold_fewer_characters() {
        assert!(per_line(5) < per_line(3));
        assert_eq!(per_line(1000), 8);
        assert_eq!(lines(0, 40), 1);
        assert_eq!(lines(81, 40), 3);
    }
}
