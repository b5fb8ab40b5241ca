//! Applying the Parliament's amendments to the Commission's text, to give the Parliament's
//! text of every provision it amends.
//!
//! Each unit amended is kept as a run of paragraphs ("slots"), each remembering its place
//! in the Commission's text, so that every amendment is located against the Commission's
//! numbering whatever earlier amendments inserted. An amendment is located by its location
//! line (paragraph, subparagraph, point, introductory part) and by the "Text proposed by
//! the Commission" column, which quotes the paragraphs it replaces; the quoted text wins
//! when both are found. New paragraphs and points go after the one whose number they extend
//! ("point c a (new)" after point (c)); a new unit is built from the amendment column.
//! Whatever cannot be applied is reported, never dropped: headings that group articles, a
//! unit missing from the Commission's text, a text found nowhere, two amendments to one
//! paragraph.

use std::collections::{BTreeMap, HashSet};

use crate::import::document::{Block, Document, Unit};
use crate::import::read::cues;
use crate::import::read::location::{self, Location, Step};
use crate::import::read::numbers::{key, split_num};
use crate::import::read::outline::{flatten, nest, Item};
use crate::import::read::structure::looks_like_title;
use crate::import::read::{Amendment, Amendments, Applied};
use crate::refs::{LegalRef, Part};

/// Applies `amendments` to `base` (see the module documentation).
pub fn apply(base: &Document, amendments: &Amendments) -> Applied {
    let mut works: BTreeMap<LegalRef, Work> = BTreeMap::new();
    let mut problems: Vec<String> = amendments
        .unplaced
        .iter()
        .map(|u| {
            format!(
                "Amendment {} ({}): not applied: {}",
                u.number, u.location, u.reason
            )
        })
        .collect();
    for amendment in &amendments.items {
        let located = location::parse(&amendment.location);
        if let Err(reason) = apply_one(base, &mut works, amendment, &located) {
            problems.push(format!(
                "Amendment {} ({}): not applied: {reason}",
                amendment.number, amendment.location
            ));
        }
    }
    let mut document = Document {
        lang: amendments.lang.clone().or_else(|| base.lang.clone()),
        identifier: amendments.identifier.clone(),
        title: base.title.clone(),
        units: Vec::new(),
    };
    let mut deleted = Vec::new();
    for (reference, work) in works {
        if work.deleted {
            deleted.push(reference);
        } else {
            document.units.push(work.into_unit(reference));
        }
    }
    Applied {
        document,
        deleted,
        problems,
    }
}

fn apply_one(
    base: &Document,
    works: &mut BTreeMap<LegalRef, Work>,
    amendment: &Amendment,
    located: &Location,
) -> Result<(), String> {
    let target = &amendment.target;
    let grouping = located
        .steps
        .iter()
        .any(|s| matches!(s, Step::Group { .. }));
    if grouping && target.part() != Part::Annex {
        return Err("it amends a heading that groups provisions, not a provision's text".into());
    }
    if !works.contains_key(target) {
        let work = match base.unit(target) {
            Some(unit) => Work::from_unit(unit),
            None if located.unit_new || (amendment.new && located.steps.is_empty()) => {
                Work::empty(target.part())
            }
            None => return Err(format!("{target} is not in the Commission's text")),
        };
        works.insert(target.clone(), work);
    }
    let Some(work) = works.get_mut(target) else {
        return Err(format!("{target} could not be prepared"));
    };
    work.apply(amendment, &located.steps)
}

/// One paragraph of a unit being amended.
#[derive(Debug, Clone)]
struct Slot {
    /// Its position in the Commission's text (preorder index of the block); `None` for a
    /// paragraph the amendments inserted.
    id: Option<usize>,
    item: Item,
    removed: bool,
}

/// A block of the Commission's text and the ids its subtree spans.
#[derive(Debug, Clone)]
struct Node {
    id: usize,
    end: usize,
    key: Option<String>,
    children: Vec<Node>,
}

/// A unit being amended.
struct Work {
    part: Part,
    title: Option<String>,
    slots: Vec<Slot>,
    tree: Vec<Node>,
    deleted: bool,
}

/// Base ids `first..=last`.
type Range = (usize, usize);

impl Work {
    fn from_unit(unit: &Unit) -> Work {
        let flat = unit.blocks.iter().all(|b| b.children.is_empty());
        let blocks = if flat && unit.part() != Part::Recital && unit.part() != Part::Citation {
            nest(flatten(&unit.blocks))
        } else {
            unit.blocks.clone()
        };
        let mut next = 0;
        let tree = blocks.iter().map(|b| node(b, &mut next)).collect();
        let slots = flatten(&blocks)
            .into_iter()
            .enumerate()
            .map(|(i, item)| Slot {
                id: Some(i),
                item,
                removed: false,
            })
            .collect();
        Work {
            part: unit.part(),
            title: unit.title.clone(),
            slots,
            tree,
            deleted: false,
        }
    }

    fn empty(part: Part) -> Work {
        Work {
            part,
            title: None,
            slots: Vec::new(),
            tree: Vec::new(),
            deleted: false,
        }
    }

    fn apply(&mut self, amendment: &Amendment, steps: &[Step]) -> Result<(), String> {
        if self.deleted {
            return Err("an earlier amendment deletes the whole provision".into());
        }
        let grouping = steps.iter().any(|s| matches!(s, Step::Group { .. }));
        if grouping {
            return self.grouping(amendment, steps);
        }
        if steps.contains(&Step::Title) {
            self.title = (!amendment.deleted).then(|| amendment.amended.join(" "));
            return Ok(());
        }
        if steps.is_empty() {
            if amendment.deleted {
                self.deleted = true;
            } else {
                self.replace_all(&amendment.amended);
            }
            return Ok(());
        }
        let items = self.items(&amendment.amended);
        if amendment.new {
            self.insert(steps, items)
        } else {
            self.modify(steps, amendment, items)
        }
    }

    /// An amendment naming a heading that groups provisions: in an annex a new section is
    /// text of the annex (appended); anywhere else it is not part of any provision.
    fn grouping(&mut self, amendment: &Amendment, steps: &[Step]) -> Result<(), String> {
        let new_section = matches!(steps.last(), Some(Step::Group { new: true, .. }));
        if self.part == Part::Annex && new_section && !amendment.deleted {
            let items = self.items(&amendment.amended);
            self.slots.extend(items.into_iter().map(inserted));
            return Ok(());
        }
        Err("it amends a heading that groups provisions, not a provision's text".into())
    }

    /// The amendment column as items: numbers split off, recitals' and citations' own
    /// numbers dropped.
    fn items(&self, paragraphs: &[String]) -> Vec<Item> {
        paragraphs
            .iter()
            .map(|p| match split_num(p) {
                Some((_, rest)) if matches!(self.part, Part::Recital | Part::Citation) => {
                    Item::new(None, rest)
                }
                Some((num, rest)) => Item::new(Some(num.to_string()), rest),
                None => Item::new(None, p.clone()),
            })
            .filter(|i| i.num.is_some() || !i.text.is_empty())
            .collect()
    }

    /// Replaces the whole unit by the amendment column, whose first lines may repeat the
    /// unit's heading ("Article 4 a") and give its title.
    fn replace_all(&mut self, paragraphs: &[String]) {
        let mut rest: &[String] = paragraphs;
        let is_heading = |p: &String| {
            cues::article_heading(p).is_some()
                || cues::annex_heading(p).is_some()
                || p.to_lowercase().starts_with("recital ")
        };
        if rest.first().is_some_and(is_heading) {
            rest = &rest[1..];
            let titled = matches!(self.part, Part::Article | Part::Annex);
            if let Some(title) = rest.first().filter(|t| titled && looks_like_title(t)) {
                if split_num(title).is_none() {
                    self.title = Some(title.clone());
                    rest = &rest[1..];
                }
            }
        }
        let items = self.items(rest);
        for slot in &mut self.slots {
            slot.removed = true;
        }
        self.slots.extend(items.into_iter().map(inserted));
    }

    /// Replaces (or deletes) the paragraphs the amendment locates.
    fn modify(
        &mut self,
        steps: &[Step],
        amendment: &Amendment,
        items: Vec<Item>,
    ) -> Result<(), String> {
        let by_location = self.resolve(steps).ok();
        let by_text = self.find_text(&amendment.proposed, by_location);
        let range = by_text.or(by_location).ok_or_else(|| {
            format!(
                "neither the location nor the text proposed by the Commission was found in \
                 the Commission's {}",
                self.part.name().to_lowercase()
            )
        })?;
        self.replace(range, items)
    }

    /// Inserts new paragraphs or points after the one whose number they extend.
    fn insert(&mut self, steps: &[Step], items: Vec<Item>) -> Result<(), String> {
        let (parent, last) = steps.split_at(steps.len().saturating_sub(1));
        let Some(last) = last.first() else {
            return Err("the location names nothing new".into());
        };
        let (base, extends) = base_step(last);
        let mut anchor_steps = parent.to_vec();
        anchor_steps.push(base);
        if let Ok((first, end)) = self.resolve(&anchor_steps) {
            return if extends {
                self.insert_after(end, items)
            } else {
                self.insert_before(first, items)
            };
        }
        if parent.is_empty() {
            self.slots.extend(items.into_iter().map(inserted));
            return Ok(());
        }
        let (_, end) = self
            .resolve(parent)
            .map_err(|e| format!("the place of the new text was not found ({e})"))?;
        self.insert_after(end, items)
    }

    fn position(&self, id: usize) -> Option<usize> {
        self.slots.iter().position(|s| s.id == Some(id))
    }

    fn insert_after(&mut self, id: usize, items: Vec<Item>) -> Result<(), String> {
        let mut at = self
            .position(id)
            .map(|p| p + 1)
            .ok_or("the paragraph to insert after is missing")?;
        while self.slots.get(at).is_some_and(|s| s.id.is_none()) {
            at += 1;
        }
        self.slots.splice(at..at, items.into_iter().map(inserted));
        Ok(())
    }

    fn insert_before(&mut self, id: usize, items: Vec<Item>) -> Result<(), String> {
        let at = self
            .position(id)
            .ok_or("the paragraph to insert before is missing")?;
        self.slots.splice(at..at, items.into_iter().map(inserted));
        Ok(())
    }

    /// Removes the base paragraphs `range` and puts `items` in their place.
    fn replace(&mut self, (first, last): Range, items: Vec<Item>) -> Result<(), String> {
        let positions: Vec<usize> = (first..=last).filter_map(|id| self.position(id)).collect();
        if positions.iter().any(|&p| self.slots[p].removed) {
            return Err("an earlier amendment already replaced this text".into());
        }
        let Some(&end) = positions.last() else {
            return Err("the paragraphs to replace are missing".into());
        };
        for &p in &positions {
            self.slots[p].removed = true;
        }
        self.slots
            .splice(end + 1..end + 1, items.into_iter().map(inserted));
        Ok(())
    }

    /// The base ids a location names.
    fn resolve(&self, steps: &[Step]) -> Result<Range, String> {
        let mut level: &[Node] = &self.tree;
        let mut current: Option<&Node> = None;
        let mut range: Option<Range> = None;
        for step in steps {
            let found = match step {
                Step::Paragraph { num, .. } => paragraph(level, num),
                Step::Point { num, .. } => find_key(level, num),
                Step::Subparagraph { num, .. } => {
                    // The Parliament counts the subparagraphs that follow a paragraph's
                    // opening text: "paragraph 2 — subparagraph 1" is the first unnumbered
                    // paragraph after "2. ...". Without one, subparagraph 1 is the paragraph.
                    let k: usize = num.parse().map_err(|_| format!("subparagraph {num}"))?;
                    let subs: Vec<&Node> = match current {
                        Some(node) => node.children.iter().filter(|c| c.key.is_none()).collect(),
                        None => level.iter().filter(|c| c.key.is_none()).collect(),
                    };
                    match (subs.get(k.saturating_sub(1)), current) {
                        (Some(sub), _) => Some(*sub),
                        (None, Some(node)) if k == 1 => {
                            let stop = node.children.first().map_or(node.end, |c| c.id - 1);
                            range = Some((node.id, stop));
                            continue;
                        }
                        _ => None,
                    }
                }
                Step::Intro => {
                    let node = current.ok_or("an introductory part of nothing")?;
                    return Ok((node.id, node.id));
                }
                other => return Err(format!("{other:?} cannot be located")),
            };
            let node = found.ok_or_else(|| format!("{} not found", describe(step)))?;
            range = Some((node.id, node.end));
            current = Some(node);
            level = &node.children;
        }
        range.ok_or_else(|| "an empty location".to_string())
    }

    /// The base ids of the live paragraphs that the quoted Commission text matches, in a
    /// row; within `near` when the location was found and the text matches there too.
    fn find_text(&self, proposed: &[String], near: Option<Range>) -> Option<Range> {
        let title = self.title.as_deref().map(normalized);
        let wanted: Vec<String> = proposed
            .iter()
            .filter(|p| cues::article_heading(p).is_none() && cues::annex_heading(p).is_none())
            .map(|p| normalized(p))
            .filter(|p| !p.is_empty() && Some(p) != title.as_ref())
            .collect();
        if wanted.is_empty() {
            return None;
        }
        let live: Vec<(usize, String)> = self
            .slots
            .iter()
            .filter(|s| !s.removed)
            .filter_map(|s| s.id.map(|id| (id, normalized(&s.item.text))))
            .collect();
        let mut matches = Vec::new();
        for start in 0..live.len() {
            let fits = wanted
                .iter()
                .enumerate()
                .all(|(j, w)| live.get(start + j).is_some_and(|(_, t)| similar(t, w)));
            if fits {
                matches.push((live[start].0, live[start + wanted.len() - 1].0));
            }
        }
        let inside = |r: &&Range| near.is_some_and(|(a, b)| r.0 >= a && r.1 <= b);
        matches
            .iter()
            .find(inside)
            .or_else(|| matches.first())
            .copied()
    }

    fn into_unit(self, reference: LegalRef) -> Unit {
        let items: Vec<Item> = self
            .slots
            .into_iter()
            .filter(|s| !s.removed)
            .map(|s| s.item)
            .collect();
        let blocks = match self.part {
            Part::Recital | Part::Citation => items
                .into_iter()
                .map(|i| match i.num {
                    Some(num) => Block::text(format!("{num} {}", i.text)),
                    None => Block::text(i.text),
                })
                .collect(),
            _ => nest(items),
        };
        Unit {
            reference,
            title: self.title,
            blocks,
        }
    }
}

fn inserted(item: Item) -> Slot {
    Slot {
        id: None,
        item,
        removed: false,
    }
}

fn node(block: &Block, next: &mut usize) -> Node {
    let id = *next;
    *next += 1;
    let children: Vec<Node> = block.children.iter().map(|c| node(c, next)).collect();
    Node {
        id,
        end: *next - 1,
        key: block.num.as_deref().map(key),
        children,
    }
}

/// "paragraph N": the paragraph numbered N, or else the Nth block.
fn paragraph<'a>(level: &'a [Node], num: &str) -> Option<&'a Node> {
    level
        .iter()
        .find(|n| n.key.as_deref() == Some(num))
        .or_else(|| {
            num.parse::<usize>()
                .ok()
                .and_then(|n| level.get(n.checked_sub(1)?))
        })
}

/// The point numbered `num` among `level`, or deeper.
fn find_key<'a>(level: &'a [Node], num: &str) -> Option<&'a Node> {
    level
        .iter()
        .find(|n| n.key.as_deref() == Some(num))
        .or_else(|| level.iter().find_map(|n| find_key(&n.children, num)))
}

/// The step a new element extends: "point c a (new)" extends point c; "paragraph 1 (new)"
/// (no letter) goes before the paragraph 1 it displaces.
fn base_step(step: &Step) -> (Step, bool) {
    let strip = |num: &str| -> (String, bool) {
        let digits = num.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits < num.len() {
            (num[..digits].to_string(), true)
        } else if digits == 0 && num.chars().count() >= 2 {
            let mut base = num.to_string();
            base.pop();
            (base, true)
        } else {
            (num.to_string(), false)
        }
    };
    match step {
        Step::Paragraph { num, .. } => {
            let (num, extends) = strip(num);
            (Step::Paragraph { num, new: false }, extends)
        }
        Step::Point { num, .. } => {
            let (num, extends) = strip(num);
            (Step::Point { num, new: false }, extends)
        }
        Step::Subparagraph { num, .. } => {
            let (num, extends) = strip(num);
            (Step::Subparagraph { num, new: false }, extends)
        }
        other => (other.clone(), true),
    }
}

fn describe(step: &Step) -> String {
    match step {
        Step::Paragraph { num, .. } => format!("paragraph {num}"),
        Step::Subparagraph { num, .. } => format!("subparagraph {num}"),
        Step::Point { num, .. } => format!("point {num}"),
        other => format!("{other:?}"),
    }
}

/// A paragraph reduced to its words, lower-case, without its number: the form in which the
/// quoted Commission text is compared with the Commission's text.
fn normalized(text: &str) -> String {
    let body = split_num(text).map_or(text, |(_, rest)| rest);
    body.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Equal, or sharing at least four fifths of their words.
fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let wa: HashSet<&str> = a.split(' ').collect();
    let wb: HashSet<&str> = b.split(' ').collect();
    let common = wa.intersection(&wb).count();
    let union = wa.union(&wb).count();
    union >= 4 && common * 5 >= union * 4
}
