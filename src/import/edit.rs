//! Surgical edits of a provision file: the lines of one version change, every other byte
//! stays where it was (comments, blank lines, quoting, the other versions and fields).
//!
//! The file is read as block-style YAML, the way contributors and `trilogue new` write
//! it: `positions:` at the top level, one key per institution, a version as a mapping or
//! a list of mappings, a field running until the next line indented no deeper than its
//! key. The caller checks every edit by parsing the result (see `merge`), so a layout
//! this reading gets wrong is refused, never written. Flow-style positions
//! (`council: {date: ...}`) are refused with a message saying how to rewrite them.

use crate::import::yaml::{self, NewVersion};
use crate::model::Institution;

/// A file as lines (without their line ends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines {
    lines: Vec<String>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines {
            lines: text.lines().map(str::to_string).collect(),
        }
    }

    /// The text, with a final line end.
    pub fn text(&self) -> String {
        let mut out = self.lines.join("\n");
        out.push('\n');
        out
    }

    /// The indentation of line `line` (0 past the end).
    pub fn indent(&self, line: usize) -> usize {
        self.lines.get(line).map_or(0, |l| indent_of(l))
    }

    fn splice(&mut self, range: std::ops::Range<usize>, text: &str) {
        let new: Vec<String> = text.lines().map(str::to_string).collect();
        self.lines.splice(range, new);
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// The end (exclusive) of the block that starts on line `start` with its key at column
/// `column`: the first later line that is not blank and not indented deeper, less the
/// blank lines before it.
fn block_end(lines: &[String], start: usize, column: usize) -> usize {
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if !is_blank(line) && indent_of(line) <= column {
            end = i;
            break;
        }
    }
    while end > start + 1 && is_blank(&lines[end - 1]) {
        end -= 1;
    }
    end
}

/// Whether `line`, from column `column`, is the key `key` (`key:` then a space, a comment
/// or the end).
fn is_key(line: &str, column: usize, key: &str) -> bool {
    let Some(rest) = line.get(column..) else {
        return false;
    };
    let Some(after) = rest.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
        return false;
    };
    after.is_empty() || after.starts_with(' ')
}

/// What follows `key:` on a key line, without a trailing comment.
fn inline_value(line: &str, column: usize, key: &str) -> String {
    let rest = line.get(column + key.len() + 1..).unwrap_or("").trim();
    if rest.starts_with('#') {
        String::new()
    } else {
        rest.to_string()
    }
}

/// Why a file cannot be edited surgically.
pub type EditError = String;

/// One version of an institution: its lines and the column of its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionLines {
    pub start: usize,
    pub end: usize,
    pub column: usize,
}

/// An institution's entry under `positions:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The `council:` line.
    pub key_line: usize,
    /// Its versions; `list` when written as a list.
    pub versions: Vec<VersionLines>,
    pub list: bool,
}

/// The `positions:` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Positions {
    pub line: usize,
    /// Written `positions: {}`.
    pub empty_flow: bool,
    /// The column of the institution keys (2 when there are none yet).
    pub column: usize,
    pub slots: Vec<(Institution, Slot)>,
    /// Where the block ends (exclusive).
    pub end: usize,
}

/// Find `positions:` and the institutions' versions.
pub fn positions(lines: &Lines) -> Result<Positions, EditError> {
    let lines = &lines.lines;
    let line = lines
        .iter()
        .position(|l| is_key(l, 0, "positions"))
        .ok_or("the file has no `positions:` line at the start of a line")?;
    let value = inline_value(&lines[line], 0, "positions");
    let empty_flow = value == "{}";
    if !value.is_empty() && !empty_flow {
        return Err(flow_style("positions"));
    }
    let end = if empty_flow {
        line + 1
    } else {
        block_end(lines, line, 0)
    };
    let column = (line + 1..end)
        .map(|i| &lines[i])
        .find(|l| !is_blank(l) && !is_comment(l))
        .map_or(2, |l| indent_of(l));
    let mut slots = Vec::new();
    for i in line + 1..end {
        if indent_of(&lines[i]) != column || is_comment(&lines[i]) {
            continue;
        }
        let Some(institution) = Institution::ALL
            .into_iter()
            .find(|inst| is_key(&lines[i], column, inst.key()))
        else {
            continue;
        };
        slots.push((institution, slot(lines, i, column, institution)?));
    }
    Ok(Positions {
        line,
        empty_flow,
        column,
        slots,
        end,
    })
}

fn flow_style(what: &str) -> EditError {
    format!(
        "`{what}` is written on one line (flow style, `{{...}}`); write it as one `key: value` per line, as `trilogue new provision` does, and import again"
    )
}

/// The versions of the institution whose key is on line `key_line`.
fn slot(
    lines: &[String],
    key_line: usize,
    column: usize,
    institution: Institution,
) -> Result<Slot, EditError> {
    if !inline_value(&lines[key_line], column, institution.key()).is_empty() {
        return Err(flow_style(&format!("positions.{}", institution.key())));
    }
    let end = block_end(lines, key_line, column);
    let first = (key_line + 1..end).find(|i| !is_blank(&lines[*i]) && !is_comment(&lines[*i]));
    let Some(first) = first else {
        return Err(format!("positions.{} has no version", institution.key()));
    };
    let dash = indent_of(&lines[first]);
    let list = lines[first][dash..].starts_with('-');
    if !list {
        let version = VersionLines {
            start: first,
            end,
            column: dash,
        };
        return Ok(Slot {
            key_line,
            versions: vec![version],
            list,
        });
    }
    let mut versions = Vec::new();
    for i in first..end {
        let line = &lines[i];
        if indent_of(line) != dash || !line[dash..].starts_with('-') {
            continue;
        }
        let after = &line[dash + 1..];
        let key_column = dash + 1 + (after.len() - after.trim_start_matches(' ').len());
        if after.trim().is_empty() || key_column == dash + 1 {
            return Err(format!(
                "a version of positions.{} starts on a line of its own after `-`; write `- date: ...` and import again",
                institution.key()
            ));
        }
        versions.push(VersionLines {
            start: i,
            end: block_end(lines, i, dash).min(end),
            column: key_column,
        });
    }
    Ok(Slot {
        key_line,
        versions,
        list,
    })
}

/// The lines of field `key` in a version: from its key line to the end of its value.
pub fn field(lines: &Lines, version: VersionLines, key: &str) -> Option<std::ops::Range<usize>> {
    let lines = &lines.lines;
    let line = (version.start..version.end).find(|i| {
        let l = &lines[*i];
        (indent_of(l) == version.column || *i == version.start) && is_key(l, version.column, key)
    })?;
    Some(line..block_end(lines, line, version.column).min(version.end))
}

/// Replace the field's lines by `rendered` (at the version's column), keeping the `- `
/// of a list item's first line.
pub fn replace_field(
    lines: &mut Lines,
    version: VersionLines,
    range: std::ops::Range<usize>,
    rendered: &str,
) {
    let text = keep_prefix(lines, version, range.start, rendered);
    lines.splice(range, &text);
}

/// Insert `rendered` (a field at the version's column) after line `after` (exclusive
/// end of the field it follows).
pub fn insert_field(lines: &mut Lines, at: usize, rendered: &str) {
    lines.splice(at..at, rendered);
}

/// Remove a field's lines; on a list item's first line, the next line takes its `- `.
pub fn remove_field(lines: &mut Lines, version: VersionLines, range: std::ops::Range<usize>) {
    if range.start == version.start && range.end < version.end {
        let prefix = lines.lines[version.start][..version.column].to_string();
        let next = &lines.lines[range.end];
        let rest = next.get(version.column..).unwrap_or("").to_string();
        lines.lines[range.end] = format!("{prefix}{rest}");
    }
    lines.splice(range, "");
}

/// On the first line of a version, the original text before the key (`    - `).
fn keep_prefix(lines: &Lines, version: VersionLines, line: usize, rendered: &str) -> String {
    if line != version.start {
        return rendered.to_string();
    }
    let prefix = &lines.lines[line][..version.column];
    let body = rendered.get(version.column..).unwrap_or(rendered);
    format!("{prefix}{body}")
}

/// Turn the single version of `slot` into the first item of a list (its lines indented
/// by two more spaces, the first one starting `- `), and return the list's versions.
pub fn make_list(lines: &mut Lines, slot: &Slot) -> Vec<VersionLines> {
    let Some(&one) = slot.versions.first() else {
        return Vec::new();
    };
    let column = one.column;
    for i in one.start..one.end {
        let line = &lines.lines[i];
        lines.lines[i] = if i == one.start {
            format!("{}- {}", " ".repeat(column), &line[column..])
        } else if is_blank(line) {
            line.clone()
        } else {
            format!("  {line}")
        };
    }
    vec![VersionLines {
        start: one.start,
        end: one.end,
        column: column + 2,
    }]
}

/// Insert `version` as a list item before the item `before` (or after the last one),
/// with the dash at `dash`.
pub fn insert_item(
    lines: &mut Lines,
    items: &[VersionLines],
    before: Option<usize>,
    dash: usize,
    version: &NewVersion,
) {
    // After the item before it, so that a comment above the next item stays with it.
    let at = match before {
        Some(0) => items.first().map_or(0, |item| item.start),
        Some(i) => items.get(i - 1).or(items.last()).map_or(0, |item| item.end),
        None => items.last().map_or(0, |item| item.end),
    };
    lines.splice(at..at, &yaml::list_item(version, dash));
}

/// Add an institution with one version under `positions:`, in column order.
pub fn insert_slot(
    lines: &mut Lines,
    positions: &Positions,
    institution: Institution,
    version: &NewVersion,
) {
    let column = positions.column;
    let block = format!(
        "{}{}:\n{}",
        " ".repeat(column),
        institution.key(),
        yaml::version_fields(version, column + 2)
    );
    if positions.empty_flow {
        lines.lines[positions.line] = "positions:".to_string();
        lines.splice(positions.line + 1..positions.line + 1, &block);
        return;
    }
    let earlier = positions
        .slots
        .iter()
        .filter(|(i, _)| *i < institution)
        .max_by_key(|(i, _)| *i);
    let later = positions
        .slots
        .iter()
        .filter(|(i, _)| *i > institution)
        .min_by_key(|(i, _)| *i);
    let at = match (earlier, later) {
        (Some((_, slot)), _) => slot.versions.last().map_or(slot.key_line + 1, |v| v.end),
        (None, Some((_, slot))) => slot.key_line,
        (None, None) => positions.end,
    };
    lines.splice(at..at, &block);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::yaml::Content;

    const FILE: &str = "# yaml-language-server: $schema=../../../schema/provision.schema.json\nref: Article 7\ntitle: Detection orders\npositions:\n  commission:\n    date: 2022-05-11   # the proposal\n    source: com\n    text: |\n      1. The authority shall.\n\n      2. Orders shall.\n    note: Hand-written.\n  # The Council's versions:\n  council:\n    - date: 2024-04-15\n      source: c1\n      same_as: commission\n\n    - date: 2025-11-26\n      source: c2\n      deleted: true\n";

    fn version(date: &str, content: Content) -> NewVersion {
        NewVersion {
            date: date.into(),
            source: "s".into(),
            reference: None,
            content,
        }
    }

    #[test]
    fn finds_the_institutions_and_their_versions() {
        let p = positions(&Lines::new(FILE)).expect("block style");
        assert_eq!(p.line, 3);
        assert_eq!(p.column, 2);
        let (commission, one) = &p.slots[0];
        assert_eq!(*commission, Institution::Commission);
        assert!(!one.list);
        assert_eq!(
            one.versions,
            [VersionLines {
                start: 5,
                end: 12,
                column: 4
            }]
        );
        let (council, many) = &p.slots[1];
        assert_eq!(*council, Institution::Council);
        assert_eq!(
            many.versions,
            [
                VersionLines {
                    start: 14,
                    end: 17,
                    column: 6
                },
                VersionLines {
                    start: 18,
                    end: 21,
                    column: 6
                }
            ]
        );
        let lines = Lines::new(FILE);
        assert_eq!(field(&lines, one.versions[0], "text"), Some(7..11));
        assert_eq!(field(&lines, many.versions[0], "date"), Some(14..15));
        assert_eq!(field(&lines, many.versions[0], "summary"), None);
    }

    #[test]
    fn a_field_is_replaced_and_the_rest_kept() {
        let mut lines = Lines::new(FILE);
        let p = positions(&lines).expect("block style");
        let v = p.slots[0].1.versions[0];
        let range = field(&lines, v, "text").expect("a text");
        replace_field(
            &mut lines,
            v,
            range,
            &yaml::block_scalar("text", "1. New.", 4),
        );
        let text = lines.text();
        assert!(text.contains(
            "    text: |\n      1. New.\n    note: Hand-written.\n  # The Council's versions:\n"
        ));
        assert!(text.contains("date: 2022-05-11   # the proposal\n"));
    }

    #[test]
    fn the_first_field_of_an_item_keeps_its_dash() {
        let mut lines = Lines::new(FILE);
        let p = positions(&lines).expect("block style");
        let v = p.slots[1].1.versions[1];
        let range = field(&lines, v, "date").expect("a date");
        remove_field(&mut lines, v, range);
        assert!(lines
            .text()
            .contains("\n    - source: c2\n      deleted: true\n"));
    }

    #[test]
    fn a_single_version_becomes_a_list() {
        let mut lines = Lines::new(FILE);
        let p = positions(&lines).expect("block style");
        let items = make_list(&mut lines, &p.slots[0].1);
        insert_item(
            &mut lines,
            &items,
            None,
            4,
            &version("2023-01-01", Content::Deleted),
        );
        let text = lines.text();
        assert!(
            text.contains("  commission:\n    - date: 2022-05-11   # the proposal\n      source: com\n      text: |\n        1. The authority shall.\n\n        2. Orders shall.\n      note: Hand-written.\n    - date: 2023-01-01\n      source: s\n      deleted: true\n  # The Council's versions:\n"),
            "{text}"
        );
    }

    #[test]
    fn an_institution_is_added_in_column_order() {
        let mut lines = Lines::new(FILE);
        let p = positions(&lines).expect("block style");
        insert_slot(
            &mut lines,
            &p,
            Institution::Parliament,
            &version("2023-11-14", Content::SameAs(Institution::Commission)),
        );
        assert!(lines.text().contains("    note: Hand-written.\n  parliament:\n    date: 2023-11-14\n    source: s\n    same_as: commission\n  # The Council's versions:\n"));

        let mut lines = Lines::new("ref: Article 1\ntitle: T\npositions: {}\n");
        let p = positions(&lines).expect("empty flow");
        insert_slot(
            &mut lines,
            &p,
            Institution::Council,
            &version("2024-01-01", Content::Deleted),
        );
        assert_eq!(lines.text(), "ref: Article 1\ntitle: T\npositions:\n  council:\n    date: 2024-01-01\n    source: s\n    deleted: true\n");
    }

    #[test]
    fn flow_style_is_refused_with_advice() {
        let lines = Lines::new("ref: Article 1\ntitle: T\npositions:\n  council: {date: 2024-01-01, source: s, deleted: true}\n");
        let err = positions(&lines).expect_err("flow style");
        assert!(
            err.contains("positions.council") && err.contains("one `key: value` per line"),
            "{err}"
        );
    }
}
