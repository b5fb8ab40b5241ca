//! The location line of a Parliament amendment: "Article 7 — paragraph 4 — point a",
//! "Recital 12 a (new)", "Annex III — paragraph 1 — point 1 — point a",
//! "Article 58 — SECTION 5 — title", "Title IV".
//!
//! The first segment names the unit (a part name on its own is joined to the next segment:
//! "Article — 57 a (new)"); the others walk down to a paragraph, subparagraph, point,
//! introductory part or title. Headings that group articles (Title, Chapter, Section) are
//! kept apart: they are not part of any unit's text.

use crate::refs::LegalRef;

/// One step down from the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// "paragraph 5 a (new)": `num` is `5a`.
    Paragraph { num: String, new: bool },
    /// "subparagraph 2".
    Subparagraph { num: String, new: bool },
    /// "point c a (new)", "point 4.5".
    Point { num: String, new: bool },
    /// "introductory part": the paragraph's or point's own text, without its points.
    Intro,
    /// "title": the unit's title.
    Title,
    /// "SECTION 4", "Chapter 3a (new)", "Title III": a heading grouping provisions.
    Group {
        kind: String,
        num: String,
        new: bool,
    },
    /// A segment not understood, kept to be reported.
    Unknown(String),
}

/// A parsed location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The unit amended, `None` when the location names only a grouping heading.
    pub unit: Option<LegalRef>,
    /// The unit itself is new ("Article 4 a (new)").
    pub unit_new: bool,
    pub steps: Vec<Step>,
}

impl Location {
    /// Whether the amendment inserts something (the unit or its last step is new).
    pub fn is_new(&self) -> bool {
        match self.steps.last() {
            None => self.unit_new,
            Some(
                Step::Paragraph { new, .. }
                | Step::Subparagraph { new, .. }
                | Step::Point { new, .. }
                | Step::Group { new, .. },
            ) => *new,
            Some(_) => false,
        }
    }
}

const GROUPS: [&str; 6] = [
    "title",
    "chapter",
    "section",
    "subsection",
    "part",
    "heading",
];

/// Splits a location into its segments at dashes surrounded by spaces.
fn segments(location: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in location
        .split([' ', '\u{a0}'])
        .collect::<Vec<_>>()
        .split(|w| matches!(*w, "—" | "–" | "-" | "−"))
    {
        let segment = part.join(" ");
        let segment = segment.trim();
        if !segment.is_empty() {
            out.push(segment.to_string());
        }
    }
    out
}

/// Parses a location line.
pub fn parse(location: &str) -> Location {
    let mut parts = segments(location).into_iter();
    let mut first = parts.next().unwrap_or_default();
    let lower = first.to_lowercase();
    let mut rest: Vec<String> = parts.collect();
    if matches!(lower.as_str(), "article" | "recital" | "citation" | "annex") && !rest.is_empty() {
        first = format!("{first} {}", rest.remove(0));
    }
    let unit_new = first.contains("(new)");
    let unit = LegalRef::parse(&first).ok();
    let mut steps: Vec<Step> = Vec::new();
    if unit.is_none() {
        steps.push(step(&first));
    }
    steps.extend(rest.iter().map(|s| step(s)));
    Location {
        unit,
        unit_new,
        steps,
    }
}

/// One segment after the unit.
fn step(segment: &str) -> Step {
    let new = segment.contains("(new)");
    let bare = segment.replace("(new)", "");
    let bare = bare.trim();
    let lower = bare.to_lowercase();
    if lower == "title" {
        return Step::Title;
    }
    if lower.starts_with("introductory part") || lower == "introductory wording" {
        return Step::Intro;
    }
    let (word, number) = bare.split_once(char::is_whitespace).unwrap_or((bare, ""));
    let num: String = number
        .split_whitespace()
        .collect::<String>()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let word = word.to_lowercase();
    match word.as_str() {
        "paragraph" if !num.is_empty() => Step::Paragraph { num, new },
        "subparagraph" if !num.is_empty() => Step::Subparagraph { num, new },
        "point" | "indent" if !num.is_empty() => Step::Point { num, new },
        w if GROUPS.contains(&w) => Step::Group {
            kind: w.to_string(),
            num,
            new,
        },
        _ => Step::Unknown(segment.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(l: &Location) -> String {
        l.unit.as_ref().map(|u| u.to_string()).unwrap_or_default()
    }

    #[test]
    fn locations_of_the_ai_act_amendments() {
        let l = parse("Article 7 — paragraph 1 — point b");
        assert_eq!(unit(&l), "Article 7");
        assert_eq!(
            l.steps,
            vec![
                Step::Paragraph {
                    num: "1".into(),
                    new: false
                },
                Step::Point {
                    num: "b".into(),
                    new: false
                }
            ]
        );
        assert!(!l.is_new());

        let l = parse("Article 2 — paragraph 1 — point c a (new)");
        assert_eq!(
            l.steps.last(),
            Some(&Step::Point {
                num: "ca".into(),
                new: true
            })
        );
        assert!(l.is_new());

        let l = parse("Article 4 a (new)");
        assert_eq!(unit(&l), "Article 4a");
        assert!(l.unit_new && l.is_new() && l.steps.is_empty());

        let l = parse("Article — 57 a (new) — SECTION 2 — title");
        assert_eq!(unit(&l), "Article 57a");
        assert_eq!(l.steps.len(), 2);

        let l = parse("Recital 12");
        assert_eq!(unit(&l), "Recital 12");

        let l = parse("Title IV");
        assert_eq!(l.unit, None);
        assert!(
            matches!(&l.steps[0], Step::Group { kind, num, .. } if kind == "title" && num == "iv")
        );

        let l = parse("Annex VII — point 4 — point 4.5");
        assert_eq!(unit(&l), "Annex VII");
        assert_eq!(
            l.steps[1],
            Step::Point {
                num: "4.5".into(),
                new: false
            }
        );

        let l = parse("Article 7 — paragraph 2 — point h –");
        assert_eq!(
            l.steps[1],
            Step::Point {
                num: "h".into(),
                new: false
            }
        );

        let l = parse("Article 3 — paragraph 1 — point 44 — introductory part");
        assert_eq!(l.steps[2], Step::Intro);
    }
}
