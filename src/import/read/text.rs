//! Plain text, e.g. `pdftotext -layout` of a Council document: the page furniture is
//! removed, wrapped lines are joined into paragraphs, and the paragraphs are cut into units
//! with the same rules as a proposal ([`structure`](crate::import::read::structure)).
//!
//! Pages are separated by form feeds (`pdftotext`) or `--<PAGE>--` lines. Lines repeated at
//! the top or bottom of many pages ("15698/22 RB/ek 12", "TREE.2.B EN") and bare page
//! numbers are furniture. Footnotes sit at the bottom of a page after a blank line, each
//! starting with the next footnote number; they are dropped with their references in the
//! text ("Committee1," reads "Committee,"). A line continues the paragraph above when that
//! one filled the line and the new line starts no number or heading; a word broken by a
//! hyphen at the end of a line is joined without the hyphen when the joined word appears
//! elsewhere in the document and the hyphenated one does not.

use std::collections::{HashMap, HashSet};

use crate::import::document::Document;
use crate::import::read::cues;
use crate::import::read::identify;
use crate::import::read::normalize::clean;
use crate::import::read::numbers::split_num;
use crate::import::read::structure::{units, Para};

/// Reads a plain-text document.
pub fn read(text: &str) -> Document {
    let paras = paragraphs(text);
    let identifier = paras
        .iter()
        .take(80)
        .find_map(|p| identify::com_number(&p.text));
    Document {
        lang: None,
        identifier,
        title: None,
        units: units(&paras),
    }
}

/// The paragraphs of a plain-text document, furniture and footnotes removed.
pub fn paragraphs(text: &str) -> Vec<Para> {
    let pages = split_pages(text);
    let furniture = repeated_furniture(&pages);
    let mut lines: Vec<String> = Vec::new();
    let mut next_note = 1;
    for page in &pages {
        let mut body: Vec<&str> = page
            .iter()
            .copied()
            .filter(|l| !furniture.contains(&furniture_key(l)) && !is_page_number(l))
            .collect();
        let notes = if pages.len() > 1 {
            footnotes(&mut body, &mut next_note)
        } else {
            Vec::new()
        };
        // Blank lines at the top and bottom of a page do not end a paragraph: paragraphs run
        // on from one page to the next.
        while body.last().is_some_and(|l| l.trim().is_empty()) {
            body.pop();
        }
        let first = body
            .iter()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(body.len());
        lines.extend(body[first..].iter().map(|l| drop_note_refs(l, &notes)));
    }
    join(&lines)
}

fn split_pages(text: &str) -> Vec<Vec<&str>> {
    let mut pages = vec![Vec::new()];
    for line in text.lines() {
        let mut parts = line.split('\u{c}');
        if let Some(first) = parts.next() {
            if first.trim() == "--<PAGE>--" {
                pages.push(Vec::new());
                continue;
            }
            if let Some(page) = pages.last_mut() {
                page.push(first);
            }
        }
        for part in parts {
            pages.push(vec![part]);
        }
    }
    pages
}

/// A line with each run of digits blanked to one `#` and spaces collapsed: page furniture
/// differs from page to page only in its numbers, whose length changes too (page 9, page
/// 10: the Council's "15698/22 RB/ek 9" stayed in the text of pages 1 to 9 while each
/// digit counted).
fn furniture_key(line: &str) -> String {
    let mut blanked = String::with_capacity(line.len());
    for c in line.chars() {
        if !c.is_ascii_digit() {
            blanked.push(c);
        } else if !blanked.ends_with('#') {
            blanked.push('#');
        }
    }
    blanked.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The keys of lines found in the first or last three lines of at least a third of the
/// pages (and of three pages at least).
fn repeated_furniture(pages: &[Vec<&str>]) -> HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let filled: Vec<&&str> = page.iter().filter(|l| !l.trim().is_empty()).collect();
        let edge: HashSet<String> = filled
            .iter()
            .take(3)
            .chain(filled.iter().rev().take(3))
            .filter(|l| !is_cue(&clean(l)))
            .map(|l| furniture_key(l))
            .collect();
        for key in edge {
            *counts.entry(key).or_default() += 1;
        }
    }
    if pages.len() == 1 {
        return pageless_furniture(&pages[0]);
    }
    let threshold = (pages.len() / 3).max(3);
    counts
        .into_iter()
        .filter(|(key, n)| *n >= threshold && key.chars().count() <= 60)
        .map(|(key, _)| key)
        .collect()
}

/// Without page breaks, furniture is a short line with a number (a page number or a
/// document number) repeated at least ten times.
fn pageless_furniture(lines: &[&str]) -> HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        let key = furniture_key(line);
        if key.contains('#') && key.chars().count() <= 80 && !is_cue(&clean(line)) {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(key, n)| *n >= 10 && split_num(key).is_none())
        .map(|(key, _)| key)
        .collect()
}

/// Lines that repeat by nature and are never furniture.
fn is_cue(key: &str) -> bool {
    cues::article_heading(key).is_some()
        || cues::annex_heading(key).is_some()
        || key.eq_ignore_ascii_case("deleted")
        || key.eq_ignore_ascii_case("[deleted]")
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let t = t.trim_start_matches('-').trim_end_matches('-').trim();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Removes the footnotes at the bottom of a page; returns their numbers. A footnote starts
/// after a blank line with the next footnote number, or a later one (pages may be missing)
/// that the page's text refers to ("Council31").
fn footnotes(body: &mut Vec<&str>, next_note: &mut u32) -> Vec<u32> {
    let referenced = |n: u32, upto: usize| {
        let lines: Vec<&str> = body[..upto].to_vec();
        lines.iter().any(|l| drop_note_refs(l, &[n]) != *l)
    };
    let start = (1..body.len()).find(|&i| {
        body[i - 1].trim().is_empty()
            && note_number(body[i]).is_some_and(|n| {
                n == *next_note || (n > *next_note && n < *next_note + 200 && referenced(n, i))
            })
    });
    let Some(start) = start else {
        return Vec::new();
    };
    let mut numbers = Vec::new();
    for line in &body[start..] {
        if let Some(n) = note_number(line).filter(|&n| n >= *next_note) {
            numbers.push(n);
            *next_note = n + 1;
        }
    }
    body.truncate(start);
    numbers
}

/// `12  OJ C ...`: the number a footnote line starts with.
fn note_number(line: &str) -> Option<u32> {
    let t = line.trim_start();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    (!digits.is_empty() && digits.len() <= 3 && rest.starts_with(char::is_whitespace))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Removes the footnote references `numbers` from a line: a number glued to the end of a
/// word or closing mark ("Committee1,", "Council)12.").
fn drop_note_refs(line: &str, numbers: &[u32]) -> String {
    let mut out = line.to_string();
    for n in numbers {
        let digits = n.to_string();
        let mut search = 0;
        while let Some(found) = out[search..].find(&digits) {
            let at = search + found;
            let end = at + digits.len();
            let before = out[..at].chars().next_back();
            let after = out[end..].chars().next();
            let glued = before.is_some_and(|c| c.is_alphabetic() || matches!(c, ')' | '’' | '”'));
            let ends = after.is_none_or(|c| !c.is_ascii_digit() && !c.is_alphanumeric());
            if glued && ends {
                out.replace_range(at..end, "");
                break;
            }
            search = end;
        }
    }
    out
}

/// The line before the one being joined.
#[derive(Default)]
struct Previous {
    /// It reached the right margin, so the paragraph may go on.
    full: bool,
    /// A heading or formula: a paragraph by itself.
    alone: bool,
    /// It started its paragraph.
    first: bool,
    indent: usize,
    text: String,
}

/// Joins wrapped lines into paragraphs.
fn join(lines: &[String]) -> Vec<Para> {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    let width = percentile(&lengths, 90);
    let wrapped = width > 0 && width <= 200;
    let words = word_set(lines);
    let mut paras: Vec<String> = Vec::new();
    let mut previous: Option<Previous> = None;
    for line in lines {
        // Markdown headings ("## ANNEX I: ...") in texts prepared by hand.
        let text = strip_markdown_heading(line.trim());
        if text.is_empty() {
            previous = None;
            continue;
        }
        let indent = line.chars().take_while(|c| c.is_whitespace()).count();
        let continues = wrapped
            && previous
                .as_ref()
                .is_some_and(|p| continues_paragraph(p, text, indent));
        match paras.last_mut() {
            Some(last) if continues => append(last, text, &words),
            _ => paras.push(text.to_string()),
        }
        previous = Some(Previous {
            full: line.trim_end().chars().count() * 10 >= width * 7,
            alone: stands_alone(text),
            first: !continues,
            indent,
            text: text.to_string(),
        });
    }
    paras
        .into_iter()
        .map(|p| Para::new(None, clean(&p)))
        .filter(|p| !p.text.is_empty())
        .collect()
}

/// Whether `text` (indented by `indent`) continues the paragraph of the line before.
fn continues_paragraph(previous: &Previous, text: &str, indent: usize) -> bool {
    if !previous.full || previous.alone || stands_alone(text) || cues::is_citation_start(text) {
        return false;
    }
    // "... paragraphs (2) to" / "(4) of this Regulation": a reference, not a new point.
    let numbered = split_num(text).is_some();
    let reference = numbered && text.starts_with('(') && mid_sentence(&previous.text);
    if numbered && !reference {
        return false;
    }
    // An indented line after a sentence that ended: a new subparagraph.
    let ended = previous.text.ends_with(['.', ':', ';']);
    !(indent > previous.indent && !previous.first && ended)
}

fn percentile(values: &[usize], p: usize) -> usize {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted
        .get((sorted.len() * p / 100).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0)
}

/// Whether a full line stops in the middle of a sentence, so that a number starting the
/// next line is a reference ("... paragraphs (2) to" / "(4) of this Regulation"), not a
/// new point. A list's "; and" or "; or" ends a point.
fn mid_sentence(line: &str) -> bool {
    let line = line.trim_end();
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or_default();
    let conjunction = matches!(
        last_word,
        "and" | "or" | "et" | "ou" | "und" | "oder" | "y" | "o" | "e" | "en"
    );
    let open = line.ends_with(|c: char| c.is_lowercase() || c == ',');
    open && !conjunction && !line.ends_with(['.', ':', ';'])
}

fn strip_markdown_heading(line: &str) -> &str {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    match line[hashes..].strip_prefix(' ') {
        Some(rest) if hashes > 0 => rest.trim_start(),
        _ => line,
    }
}

/// A line that is a paragraph by itself: a heading or a fixed formula.
fn stands_alone(text: &str) -> bool {
    let t = clean(text);
    cues::article_heading(&t).is_some()
        || cues::annex_heading(&t).is_some()
        || cues::annex_heading_with_title(&t).is_some()
        || cues::is_grouping_heading(&t)
        || cues::is_recital_intro(&t)
        || cues::is_enacting_formula(&t)
        || cues::is_preamble_init(&t)
}

/// Appends a continuation line, joining a word broken by a hyphen.
fn append(paragraph: &mut String, line: &str, words: &HashSet<String>) {
    let trimmed = paragraph.trim_end().to_string();
    let left_word: String = trimmed
        .trim_end_matches('-')
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right_word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let hyphenated = trimmed.ends_with('-')
        && !left_word.is_empty()
        && right_word.starts_with(char::is_lowercase);
    if hyphenated {
        let joined = format!("{left_word}{right_word}").to_lowercase();
        let with_hyphen = format!("{left_word}-{right_word}").to_lowercase();
        let mut kept = trimmed;
        if words.contains(&joined) && !words.contains(&with_hyphen) {
            kept.pop();
        }
        *paragraph = kept;
        paragraph.push_str(line);
    } else {
        paragraph.push(' ');
        paragraph.push_str(line);
    }
}

/// Every word of the document, lower-case, hyphenated compounds included as one word.
fn word_set(lines: &[String]) -> HashSet<String> {
    let mut words = HashSet::new();
    for line in lines {
        for word in line.split(|c: char| !(c.is_alphabetic() || c == '-')) {
            let word = word.trim_matches('-');
            if !word.is_empty() {
                words.insert(word.to_lowercase());
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_footnotes_and_wrapping_are_removed() {
        let mut text = String::new();
        let words = ["alpha", "beta", "gamma", "delta"];
        for (i, word) in words.iter().enumerate() {
            let page = i + 1;
            text.push_str(&format!(
                "Line about {word} with enough words to fill the width of the\n\
                 {word} Committee{page}.\n\
                 \n\
                 {page}  Opinion on {word}.\n \
                 15698/22     RB/ek  {page}\n  TREE.2.B    EN\n--<PAGE>--\n"
            ));
        }
        let paras = paragraphs(&text);
        assert_eq!(paras.len(), 4);
        assert_eq!(
            paras[0].text,
            "Line about alpha with enough words to fill the width of the alpha Committee."
        );
    }

    /// A 208-page Council document: the furniture of pages 1 to 9 goes as well as that of
    /// pages 10 to 208 (ST 15698/22 kept "15698/22 RB/ek 3" in recital 2).
    #[test]
    fn furniture_goes_whatever_the_number_of_digits_of_the_page() {
        let mut text = String::new();
        for page in 1..=30 {
            text.push_str(&format!(
                "({page}) Recital number {page} says something about the subject at hand.\n \
                 15698/22     RB/ek  {page}\n  TREE.2.B    EN\n--<PAGE>--\n"
            ));
        }
        let paras = paragraphs(&text);
        assert_eq!(paras.len(), 30);
        assert!(
            paras.iter().all(|p| !p.text.contains("RB/ek")),
            "{paras:#?}"
        );
        assert_eq!(
            paras[2].text,
            "(3) Recital number 3 says something about the subject at hand."
        );
    }

    #[test]
    fn hyphens_at_line_ends() {
        let lines: Vec<String> = [
            "The regulation applies to cross-border data flows and to every long line here-",
            "with a regula-",
            "tion and cross-",
            "border services.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let words = word_set(&lines);
        let mut p = String::from("a regula-");
        append(&mut p, "tion", &words);
        assert_eq!(p, "a regulation");
        let mut q = String::from("and cross-");
        append(&mut q, "border services.", &words);
        assert_eq!(q, "and cross-border services.");
    }
}
