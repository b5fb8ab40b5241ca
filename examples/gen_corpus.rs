//! Benchmark helper (issue #7): generates corpora in trilogue's data format, the same
//! provisions as a Hugo site, a pair of large texts for `trilogue diff`, and measures the
//! I/O floor and the rebuild latency of `trilogue serve`. Used by `bench/run.sh`.
//!
//! ```text
//! cargo run --release --example gen_corpus -- corpus --out DIR --dossiers D --provisions P [--seed N] [--hugo DIR]
//! cargo run --release --example gen_corpus -- diff-pair --out DIR [--bytes 1000000] [--percent 5] [--seed N]
//! cargo run --release --example gen_corpus -- io-floor --read DIR --like SITE --out DIR
//! cargo run --release --example gen_corpus -- serve-probe --port N --file F --page PATH --log LOG
//! ```
//!
//! Everything is seeded (SplitMix64): the same arguments give byte-identical output.

use std::fmt::Write as _;
use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

// ---------------------------------------------------------------------------------
// A tiny seeded PRNG
// ---------------------------------------------------------------------------------

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast and good enough for test data.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------
// Vocabulary and text
// ---------------------------------------------------------------------------------

const NOUNS: &[&str] = &[
    "provider",
    "service",
    "authority",
    "Member State",
    "Commission",
    "Regulation",
    "Directive",
    "obligation",
    "measure",
    "assessment",
    "risk",
    "order",
    "request",
    "competent authority",
    "coordinating authority",
    "data",
    "personal data",
    "processing",
    "safeguard",
    "procedure",
    "decision",
    "report",
    "notification",
    "implementation",
    "application",
    "instrument",
    "framework",
    "mechanism",
    "condition",
    "requirement",
    "derogation",
    "exemption",
    "sanction",
    "penalty",
    "fine",
    "infringement",
    "remedy",
    "complaint",
    "representative",
    "establishment",
    "undertaking",
    "operator",
    "user",
    "recipient",
    "controller",
    "processor",
    "Board",
    "Centre",
    "Agency",
    "Court of Justice",
    "Union",
    "internal market",
    "public interest",
    "fundamental right",
    "privacy",
    "confidentiality",
    "communication",
    "content",
    "material",
    "indicator",
    "technology",
    "encryption",
    "verification",
    "age",
    "child",
    "victim",
    "law enforcement",
    "court",
    "judicial authority",
    "supervisory authority",
    "transparency",
    "accountability",
    "cooperation",
    "information",
    "documentation",
    "record",
    "register",
    "database",
    "evaluation",
    "review",
    "delegated act",
    "implementing act",
    "guideline",
    "standard",
    "certification",
    "audit",
    "inspection",
    "investigation",
    "proceeding",
    "appeal",
    "period",
    "deadline",
    "date of application",
    "entry into force",
    "annex",
    "paragraph",
    "subparagraph",
    "point",
    "article",
    "recital",
    "provision",
    "scope",
    "definition",
    "purpose",
    "objective",
    "principle",
    "proportionality",
    "necessity",
    "legitimacy",
    "security",
    "integrity",
    "availability",
    "resilience",
    "incident",
    "breach",
    "threshold",
    "criterion",
    "category",
    "list",
    "template",
    "form",
    "language",
    "translation",
    "budget",
    "contribution",
    "fee",
    "cost",
    "resource",
    "staff",
    "expert",
    "committee",
    "working party",
    "stakeholder",
    "civil society",
    "consumer",
    "citizen",
    "business",
    "small enterprise",
    "medium-sized enterprise",
    "market",
    "product",
    "platform",
    "network",
    "infrastructure",
    "software",
    "system",
    "algorithm",
    "model",
    "tool",
    "method",
    "practice",
    "policy",
    "strategy",
    "plan",
    "programme",
];

const ADJECTIVES: &[&str] = &[
    "relevant",
    "appropriate",
    "necessary",
    "proportionate",
    "effective",
    "independent",
    "competent",
    "national",
    "cross-border",
    "specific",
    "general",
    "technical",
    "organisational",
    "adequate",
    "reasonable",
    "reliable",
    "targeted",
    "systematic",
    "significant",
    "substantial",
    "limited",
    "temporary",
    "permanent",
    "prior",
    "annual",
    "detailed",
    "sufficient",
    "public",
    "private",
    "digital",
    "electronic",
    "automated",
    "human",
    "voluntary",
    "mandatory",
    "binding",
    "transparent",
    "accessible",
    "secure",
    "confidential",
    "legitimate",
    "lawful",
    "unlawful",
    "serious",
    "reasonable",
    "harmonised",
    "common",
    "separate",
    "joint",
    "final",
    "initial",
    "further",
];

const VERBS: &[&str] = &[
    "ensure",
    "take",
    "adopt",
    "establish",
    "provide",
    "assess",
    "verify",
    "notify",
    "inform",
    "submit",
    "publish",
    "review",
    "evaluate",
    "monitor",
    "supervise",
    "enforce",
    "apply",
    "implement",
    "designate",
    "authorise",
    "suspend",
    "revoke",
    "request",
    "transmit",
    "report",
    "record",
    "store",
    "process",
    "delete",
    "retain",
    "disclose",
    "protect",
    "prevent",
    "detect",
    "mitigate",
    "remove",
    "block",
    "restrict",
    "limit",
    "support",
    "facilitate",
    "coordinate",
    "consult",
    "cooperate with",
    "lay down",
    "specify",
    "determine",
    "identify",
    "document",
    "justify",
    "take into account",
];

const MODALS: &[&str] = &[
    "shall",
    "shall",
    "shall",
    "may",
    "shall not",
    "may not",
    "must",
];

const PREPOSITIONS: &[&str] = &[
    "in accordance with",
    "pursuant to",
    "without prejudice to",
    "in respect of",
    "for the purposes of",
    "on the basis of",
    "within",
    "under",
    "by",
    "for",
    "with",
    "to",
    "of",
    "in",
    "on",
    "at the request of",
    "in cooperation with",
    "subject to",
];

const CONNECTIVES: &[&str] = &[
    "and",
    "or",
    "where",
    "provided that",
    "unless",
    "in particular",
    "including",
    "taking into account",
    "in so far as",
    "after consulting",
];

fn noun_phrase(rng: &mut Rng, out: &mut String) {
    out.push_str(if rng.chance(0.7) { "the " } else { "any " });
    if rng.chance(0.35) {
        out.push_str(rng.pick(ADJECTIVES));
        out.push(' ');
    }
    out.push_str(rng.pick(NOUNS));
    if rng.chance(0.3) {
        out.push_str(" of the ");
        out.push_str(rng.pick(NOUNS));
    }
}

/// One sentence of legal-sounding text, about `target` words long.
fn sentence(rng: &mut Rng, target: usize) -> String {
    let mut s = String::new();
    noun_phrase(rng, &mut s);
    s.push(' ');
    s.push_str(rng.pick(MODALS));
    s.push(' ');
    s.push_str(rng.pick(VERBS));
    s.push(' ');
    noun_phrase(rng, &mut s);
    while s.split(' ').count() < target {
        if rng.chance(0.25) {
            s.push_str(", ");
            s.push_str(rng.pick(CONNECTIVES));
            s.push(' ');
        } else {
            s.push(' ');
            s.push_str(rng.pick(PREPOSITIONS));
            s.push(' ');
        }
        noun_phrase(rng, &mut s);
    }
    let mut chars = s.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('T');
    format!("{first}{}.", chars.as_str())
}

/// A paragraph of about `words` words, as a list of sentences.
fn paragraph(rng: &mut Rng, words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    while n < words {
        let len = rng.range(12, 30).min(words - n + 6);
        let s = sentence(rng, len);
        n += s.split(' ').count();
        out.push(s);
    }
    out
}

/// A legal text: numbered paragraphs of sentences.
type Text = Vec<Vec<String>>;

fn commission_text(rng: &mut Rng) -> Text {
    let paragraphs = rng.range(2, 8);
    let total = rng.range(150, 600);
    let per = (total / paragraphs).max(15);
    (0..paragraphs)
        .map(|_| {
            let words = rng.range(per * 3 / 4, per * 5 / 4);
            paragraph(rng, words)
        })
        .collect()
}

/// Small edits in one paragraph: a word replaced, a phrase inserted, a phrase deleted.
fn edit_paragraph(rng: &mut Rng, sentences: &mut Vec<String>, edits: usize) {
    for _ in 0..edits {
        if sentences.is_empty() {
            return;
        }
        let i = rng.below(sentences.len());
        let mut words: Vec<String> = sentences[i].split(' ').map(str::to_string).collect();
        let at = rng.range(1, words.len().saturating_sub(1).max(1));
        match rng.below(4) {
            0 if at < words.len() - 1 => words[at] = rng.pick(ADJECTIVES).to_string(),
            1 => {
                let mut phrase = String::from(rng.pick(PREPOSITIONS));
                phrase.push(' ');
                noun_phrase(rng, &mut phrase);
                words.insert(at, phrase);
            }
            2 if words.len() > 8 && at + 3 < words.len() => {
                words.drain(at..at + rng.range(1, 3));
            }
            _ => {
                if sentences.len() > 1 && rng.chance(0.3) {
                    sentences.remove(i);
                    continue;
                }
                let len = rng.range(12, 25);
                sentences.insert(i + 1, sentence(rng, len));
                continue;
            }
        }
        sentences[i] = words.join(" ");
    }
}

/// A version that edits `share` of the paragraphs (`edits` changes in each), and with
/// probability `add` appends a paragraph.
fn amend(rng: &mut Rng, base: &Text, share: f64, edits: (usize, usize), add: f64) -> Text {
    let mut out = base.clone();
    for p in out.iter_mut() {
        if rng.chance(share) {
            let n = rng.range(edits.0, edits.1);
            edit_paragraph(rng, p, n);
        }
    }
    // Make sure something changed.
    if out == *base {
        let i = rng.below(out.len());
        edit_paragraph(rng, &mut out[i], 1);
    }
    if rng.chance(add) {
        let words = rng.range(30, 80);
        let at = rng.range(1, out.len());
        out.insert(at, paragraph(rng, words));
    }
    out
}

fn render_text(text: &Text) -> String {
    text.iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {}", i + 1, p.join(" ")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A YAML block scalar at `indent` spaces.
fn block(out: &mut String, key: &str, indent: usize, text: &str) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}: |");
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{pad}  {line}");
        }
    }
}

fn short_sentence(rng: &mut Rng) -> String {
    let len = rng.range(8, 16);
    sentence(rng, len)
}

fn title(rng: &mut Rng) -> String {
    let mut t = String::new();
    let adj = rng.pick(ADJECTIVES);
    let noun = rng.pick(NOUNS);
    let _ = write!(t, "{}{} {noun}", adj[..1].to_uppercase(), &adj[1..]);
    if rng.chance(0.5) {
        let _ = write!(t, " and {}", rng.pick(NOUNS));
    }
    t
}

// ---------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Date(u32, u32, u32);

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

enum Content {
    Text(Text),
    SameAs(&'static str),
    Deleted,
}

struct Version {
    date: Date,
    source: String,
    summary: String,
    content: Content,
    note: Option<String>,
}

struct Provision {
    id: String,
    reference: String,
    title: String,
    topics: Vec<String>,
    consequences: String,
    /// (institution, versions), in column order.
    positions: Vec<(&'static str, Vec<Version>)>,
}

const TOPICS: &[(&str, &str)] = &[
    ("scope", "Scope and definitions"),
    ("obligations", "Obligations of providers"),
    ("authorities", "Competent authorities"),
    ("enforcement", "Enforcement and penalties"),
    ("data-protection", "Data protection"),
    ("transparency", "Transparency and reporting"),
    ("cooperation", "Cooperation between Member States"),
    ("final", "Final provisions"),
];

const STATES: [&str; 27] = [
    "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV", "LT", "LU",
    "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE",
];

struct DossierPlan {
    id: String,
    year: u32,
    commission: Date,
    parliament: Date,
    council_first: Vec<Date>,
    council_second: Vec<Date>,
}

impl DossierPlan {
    fn new(index: usize) -> DossierPlan {
        let year = 2019 + (index % 5) as u32;
        let day = 1 + (index % 27) as u32;
        DossierPlan {
            id: format!("dossier-{:03}", index + 1),
            year,
            commission: Date(year, 3, day),
            parliament: Date(year + 1, 6, day),
            council_first: vec![
                Date(year + 1, 9, day),
                Date(year + 1, 11, day),
                Date(year + 2, 1, day),
                Date(year + 2, 3, day),
            ],
            council_second: vec![
                Date(year + 2, 6, day),
                Date(year + 2, 10, day),
                Date(year + 2, 12, day),
            ],
        }
    }

    fn council_source(&self, date: Date) -> String {
        let i = self
            .council_first
            .iter()
            .chain(&self.council_second)
            .position(|d| d.to_string() == date.to_string())
            .unwrap_or(0);
        format!("council-{}", i + 1)
    }
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 5] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The references of a dossier with `n` provisions: (id, ref, proposed by the Commission).
fn references(rng: &mut Rng, n: usize) -> Vec<(String, String, bool)> {
    let citations = (n * 3 / 100).max(1);
    let annexes = (n * 2 / 100).min(30);
    let recitals = n * 30 / 100;
    let mut out = Vec::with_capacity(n);
    for i in 1..=citations {
        out.push((format!("citation-{i}"), format!("Citation {i}"), true));
    }
    for i in 1..=recitals {
        out.push((format!("recital-{i}"), format!("Recital {i}"), true));
    }
    let mut article = 0;
    while out.len() + annexes < n {
        article += 1;
        out.push((
            format!("article-{article}"),
            format!("Article {article}"),
            true,
        ));
        // About 3% of the provisions are new: inserted by the Parliament or the Council.
        if out.len() + annexes < n && rng.chance(0.03 * 1.4) {
            out.push((
                format!("article-{article}a"),
                format!("Article {article}a"),
                false,
            ));
        }
    }
    for i in 1..=annexes {
        if out.len() >= n {
            break;
        }
        out.push((
            format!("annex-{}", roman(i).to_lowercase()),
            format!("Annex {}", roman(i)),
            true,
        ));
    }
    out.truncate(n);
    out
}

fn provision(
    rng: &mut Rng,
    plan: &DossierPlan,
    id: String,
    reference: String,
    proposed: bool,
) -> Provision {
    let topics: Vec<String> = {
        let mut t = vec![rng.pick(TOPICS).0.to_string()];
        if rng.chance(0.4) {
            let other = rng.pick(TOPICS).0.to_string();
            if other != t[0] {
                t.push(other);
            }
        }
        t
    };
    let mut consequences = short_sentence(rng);
    if rng.chance(0.5) {
        let _ = write!(consequences, " **{}**", short_sentence(rng));
    }
    let council_first = rng.pick(&plan.council_first);
    let council_second = rng.pick(&plan.council_second);
    let version = |rng: &mut Rng, date: Date, source: String, content: Content| Version {
        date,
        source,
        summary: short_sentence(rng),
        content,
        note: rng.chance(0.05).then(|| short_sentence(rng)),
    };
    let mut positions = Vec::new();
    if proposed {
        let commission = commission_text(rng);
        let roll = rng.below(100);
        // About 10% same_as, 5% deleted; the rest amended.
        let parliament = match roll {
            0..=4 => Content::SameAs("commission"),
            5..=7 => Content::Deleted,
            _ => Content::Text(amend(rng, &commission, 1.0 / 3.0, (1, 4), 0.1)),
        };
        let council_v1_text = amend(rng, &commission, 0.2, (1, 2), 0.02);
        let council_v1 = match roll {
            10..=14 => Content::SameAs("commission"),
            _ => Content::Text(council_v1_text.clone()),
        };
        let council_v2 = match roll {
            8..=9 => Content::Deleted,
            10..=14 => Content::SameAs("commission"),
            _ => Content::Text(amend(rng, &council_v1_text, 0.15, (1, 2), 0.0)),
        };
        positions.push((
            "commission",
            vec![version(
                rng,
                plan.commission,
                "com-proposal".into(),
                Content::Text(commission),
            )],
        ));
        positions.push((
            "parliament",
            vec![version(
                rng,
                plan.parliament,
                "ep-mandate".into(),
                parliament,
            )],
        ));
        positions.push((
            "council",
            vec![
                version(
                    rng,
                    council_first,
                    plan.council_source(council_first),
                    council_v1,
                ),
                version(
                    rng,
                    council_second,
                    plan.council_source(council_second),
                    council_v2,
                ),
            ],
        ));
    } else {
        // A new provision: the Parliament inserts it; the Council follows or amends it.
        let text = commission_text(rng);
        let council = if rng.chance(0.5) {
            Content::SameAs("parliament")
        } else {
            Content::Text(amend(rng, &text, 0.3, (1, 3), 0.0))
        };
        positions.push((
            "parliament",
            vec![version(
                rng,
                plan.parliament,
                "ep-mandate".into(),
                Content::Text(text),
            )],
        ));
        positions.push((
            "council",
            vec![version(
                rng,
                council_second,
                plan.council_source(council_second),
                council,
            )],
        ));
    }
    Provision {
        id,
        reference,
        title: title(rng),
        topics,
        consequences,
        positions,
    }
}

fn provision_yaml(p: &Provision) -> String {
    let mut out = String::with_capacity(8192);
    out.push_str("# yaml-language-server: $schema=../../../schema/provision.schema.json\n");
    let _ = writeln!(out, "ref: {}", p.reference);
    let _ = writeln!(out, "title: {}", p.title);
    let _ = writeln!(out, "topics: [{}]", p.topics.join(", "));
    block(&mut out, "consequences", 0, &p.consequences);
    out.push_str("positions:\n");
    for (institution, versions) in &p.positions {
        let _ = writeln!(out, "  {institution}:");
        for v in versions {
            let (first, pad) = if versions.len() == 1 {
                ("    ", "    ")
            } else {
                ("    - ", "      ")
            };
            let _ = writeln!(out, "{first}date: {}", v.date);
            let _ = writeln!(out, "{pad}source: {}", v.source);
            let _ = writeln!(out, "{pad}summary: {}", v.summary);
            match &v.content {
                Content::Text(t) => block(&mut out, "text", pad.len(), &render_text(t)),
                Content::SameAs(other) => {
                    let _ = writeln!(out, "{pad}same_as: {other}");
                }
                Content::Deleted => {
                    let _ = writeln!(out, "{pad}deleted: true");
                }
            }
            if let Some(n) = &v.note {
                let _ = writeln!(out, "{pad}note: {n}");
            }
        }
    }
    out
}

fn dossier_yaml(rng: &mut Rng, plan: &DossierPlan, index: usize) -> String {
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../schema/dossier.schema.json\n");
    let _ = writeln!(
        out,
        "title: Regulation of the European Parliament and of the Council on {} {}",
        rng.pick(ADJECTIVES),
        rng.pick(NOUNS)
    );
    let _ = writeln!(out, "short_title: Benchmark dossier {}", index + 1);
    let _ = writeln!(
        out,
        "procedure: {}/{:04}(COD)",
        plan.year,
        100 + index % 9000
    );
    out.push_str("lang: en\nstatus: trilogue\n");
    let summary = format!(
        "{} {}\n\n{} **{}**",
        short_sentence(rng),
        short_sentence(rng),
        short_sentence(rng),
        short_sentence(rng)
    );
    block(&mut out, "summary", 0, &summary);
    out.push_str("topics:\n");
    for (id, label) in TOPICS {
        let _ = writeln!(out, "  {id}: {label}");
    }
    out.push_str("sources:\n");
    let source = |out: &mut String,
                  id: &str,
                  title: &str,
                  institution: Option<&str>,
                  date: Date,
                  note: Option<String>| {
        let _ = writeln!(out, "  {id}:");
        let _ = writeln!(out, "    title: {title}");
        if let Some(i) = institution {
            let _ = writeln!(out, "    institution: {i}");
        }
        let _ = writeln!(out, "    date: {date}");
        let _ = writeln!(out, "    url: https://example.eu/{}/{id}", plan.id);
        if let Some(n) = note {
            let _ = writeln!(out, "    note: {n}");
        }
    };
    source(
        &mut out,
        "com-proposal",
        "Commission proposal",
        Some("commission"),
        plan.commission,
        None,
    );
    source(
        &mut out,
        "ep-mandate",
        "Parliament negotiating mandate",
        Some("parliament"),
        plan.parliament,
        None,
    );
    for (i, d) in plan
        .council_first
        .iter()
        .chain(&plan.council_second)
        .enumerate()
    {
        source(
            &mut out,
            &format!("council-{}", i + 1),
            &format!("Council working document {}", i + 1),
            Some("council"),
            *d,
            rng.chance(0.3).then(|| short_sentence(rng)),
        );
    }
    for i in 1..=4 {
        source(
            &mut out,
            &format!("press-{i}"),
            &format!("Press report {i}"),
            None,
            Date(plan.year + 1 + i / 3, 1 + 2 * i, 15),
            Some("Press report, unverified.".into()),
        );
    }
    source(
        &mut out,
        "edps-opinion",
        "Opinion of the European Data Protection Supervisor",
        None,
        Date(plan.year, 7, 20),
        None,
    );
    out
}

fn member_states_yaml(rng: &mut Rng, plan: &DossierPlan) -> String {
    const STANCES: [&str; 4] = ["support", "oppose", "undecided", "abstain"];
    let mut out = String::from(
        "# yaml-language-server: $schema=../../schema/member-states.schema.json\nstances:\n",
    );
    for code in STATES {
        let _ = writeln!(out, "  - country: {code}\n    history:");
        let n = rng.range(1, 3);
        let first = rng.below(2) as u32;
        for k in 0..n as u32 {
            let i = first + k + 1; // press-1 ..= press-4, in date order
            let _ = writeln!(
                out,
                "      - date: {}\n        stance: {}\n        source: press-{i}",
                Date(plan.year + 1 + i / 3, 1 + 2 * i, 15),
                rng.pick(&STANCES)
            );
            if rng.chance(0.2) {
                let _ = writeln!(out, "        note: {}", short_sentence(rng));
            }
        }
    }
    out
}

fn timeline_yaml(rng: &mut Rng, plan: &DossierPlan) -> String {
    let mut out =
        String::from("# yaml-language-server: $schema=../../schema/timeline.schema.json\n");
    let mut event = |date: Date, title: &str, institution: Option<&str>, source: Option<&str>| {
        let _ = writeln!(out, "- date: {date}\n  title: {title}");
        if let Some(i) = institution {
            let _ = writeln!(out, "  institution: {i}");
        }
        if let Some(s) = source {
            let _ = writeln!(out, "  source: {s}");
        }
        let description = short_sentence(rng);
        let _ = writeln!(out, "  description: {description}");
    };
    event(
        plan.commission,
        "The Commission presents its proposal",
        Some("commission"),
        Some("com-proposal"),
    );
    event(
        Date(plan.year, 7, 20),
        "The EDPS gives its opinion",
        None,
        Some("edps-opinion"),
    );
    event(
        plan.parliament,
        "The Parliament adopts its mandate",
        Some("parliament"),
        Some("ep-mandate"),
    );
    // Every source is cited at least once, however few provisions there are.
    for (i, d) in plan
        .council_first
        .iter()
        .chain(&plan.council_second)
        .enumerate()
    {
        event(
            *d,
            &format!("Council working document {}", i + 1),
            Some("council"),
            Some(&format!("council-{}", i + 1)),
        );
    }
    for i in 1..=4 {
        event(
            Date(plan.year + 1 + i / 3, 1 + 2 * i, 15),
            &format!("Press report {i} on the Member States"),
            None,
            Some(&format!("press-{i}")),
        );
    }
    event(Date(plan.year + 3, 2, 1), "First trilogue", None, None);
    out
}

const ACTORS: &str = "# yaml-language-server: $schema=../../schema/actors.schema.json
- {name: Anna Rapporteur, role: rapporteur, institution: parliament, committee: LIBE, group: EPP}
- {name: Bruno Shadow, role: shadow-rapporteur, institution: parliament, committee: LIBE, group: S&D}
- {name: Clara Shadow, role: shadow-rapporteur, institution: parliament, committee: LIBE, group: Renew}
- {name: Dario Shadow, role: shadow-rapporteur, institution: parliament, committee: LIBE, group: Greens/EFA}
- {name: Eva Shadow, role: shadow-rapporteur, institution: parliament, committee: LIBE, group: ECR}
- {name: Filip Negotiator, role: negotiator, institution: parliament, committee: IMCO, group: EPP}
- {name: Greta Minister, role: presidency, institution: council}
- {name: Hugo Commissioner, role: commissioner, institution: commission}
";

const POPULATION: &str = include_str!("../positions/_data/population-2025.yaml");

/// What one dossier's generation gives: its files and its Hugo pages.
struct GeneratedDossier {
    files: Vec<(PathBuf, String)>,
    hugo: Vec<(PathBuf, String)>,
}

fn generate_dossier(seed: u64, index: usize, provisions: usize, hugo: bool) -> GeneratedDossier {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA076_1D64_78BD_642F));
    let plan = DossierPlan::new(index);
    let dir = PathBuf::from("positions").join(&plan.id);
    let mut files = vec![
        (
            dir.join("dossier.yaml"),
            dossier_yaml(&mut rng, &plan, index),
        ),
        (
            dir.join("member-states.yaml"),
            member_states_yaml(&mut rng, &plan),
        ),
        (dir.join("timeline.yaml"), timeline_yaml(&mut rng, &plan)),
        (dir.join("actors.yaml"), ACTORS.to_string()),
    ];
    let mut hugo_pages = Vec::new();
    if hugo {
        hugo_pages.push((
            PathBuf::from("content").join(&plan.id).join("_index.md"),
            format!("---\ntitle: \"Benchmark dossier {}\"\n---\n", index + 1),
        ));
    }
    for (id, reference, proposed) in references(&mut rng, provisions) {
        let p = provision(&mut rng, &plan, id, reference, proposed);
        files.push((
            dir.join("provisions").join(format!("{}.yaml", p.id)),
            provision_yaml(&p),
        ));
        if hugo {
            hugo_pages.push((
                PathBuf::from("content")
                    .join(&plan.id)
                    .join(format!("{}.md", p.id)),
                hugo_page(&p),
            ));
        }
    }
    GeneratedDossier {
        files,
        hugo: hugo_pages,
    }
}

/// The same provision as one Markdown page: every version's summary and text.
fn hugo_page(p: &Provision) -> String {
    let mut out = String::with_capacity(8192);
    let _ = writeln!(
        out,
        "---\ntitle: \"{} {}\"\nref: \"{}\"\n---\n",
        p.reference, p.title, p.reference
    );
    let _ = writeln!(out, "## Consequences\n\n{}\n", p.consequences);
    for (institution, versions) in &p.positions {
        for v in versions {
            let _ = writeln!(out, "## {institution} ({})\n\n*{}*\n", v.date, v.summary);
            match &v.content {
                Content::Text(t) => {
                    for (i, par) in t.iter().enumerate() {
                        // Escaped so that Markdown keeps the legal numbering as text.
                        let _ = writeln!(out, "{}\\. {}\n", i + 1, par.join(" "));
                    }
                }
                Content::SameAs(other) => {
                    let _ = writeln!(out, "Same as the {other}.\n");
                }
                Content::Deleted => out.push_str("Deleted.\n\n"),
            }
            if let Some(n) = &v.note {
                let _ = writeln!(out, "Note: {n}\n");
            }
        }
    }
    out
}

const HUGO_CONFIG: &str = "baseURL = \"http://localhost/\"
title = \"Benchmark\"
languageCode = \"en\"
disableKinds = [\"taxonomy\", \"term\"]
";

const HUGO_BASEOF: &str = "<!DOCTYPE html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>
<link rel=\"stylesheet\" href=\"/style.css\"></head>
<body><header><a href=\"/\">{{ .Site.Title }}</a></header>
<main>{{ block \"main\" . }}{{ end }}</main></body></html>
";

const HUGO_SINGLE: &str = "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.ref }}</p>{{ .Content }}
<nav>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}
";

const HUGO_LIST: &str = "{{ define \"main\" }}<h1>{{ .Title }}</h1><table>
{{ range .Pages }}<tr><td><a href=\"{{ .RelPermalink }}\">{{ .Params.ref }}</a></td><td>{{ .Title }}</td></tr>
{{ end }}</table>{{ end }}
";

fn write_files(root: &Path, files: &[(PathBuf, String)]) -> std::io::Result<()> {
    for (path, text) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, text)?;
    }
    Ok(())
}

fn corpus(args: &Args) -> Result<(), String> {
    let out = PathBuf::from(args.get("out")?);
    let dossiers: usize = args.num("dossiers", 10)?;
    let provisions: usize = args.num("provisions", 100)?;
    let seed: u64 = args.num("seed", 7)?;
    let hugo = args.opt("hugo").map(PathBuf::from);
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot remove {}: {e}", out.display()))?;
    }
    if let Some(h) = &hugo {
        if h.exists() {
            fs::remove_dir_all(h).map_err(|e| format!("cannot remove {}: {e}", h.display()))?;
        }
    }
    let bytes: Result<Vec<(usize, usize)>, String> = (0..dossiers)
        .into_par_iter()
        .map(|i| {
            let g = generate_dossier(seed, i, provisions, hugo.is_some());
            write_files(&out, &g.files).map_err(|e| format!("cannot write: {e}"))?;
            if let Some(h) = &hugo {
                write_files(h, &g.hugo).map_err(|e| format!("cannot write: {e}"))?;
            }
            Ok((g.files.len(), g.files.iter().map(|f| f.1.len()).sum()))
        })
        .collect();
    let bytes = bytes?;
    write_files(
        &out,
        &[(
            PathBuf::from("positions/_data/population-2025.yaml"),
            POPULATION.to_string(),
        )],
    )
    .map_err(|e| format!("cannot write: {e}"))?;
    if let Some(h) = &hugo {
        write_files(
            h,
            &[
                (PathBuf::from("hugo.toml"), HUGO_CONFIG.to_string()),
                (
                    PathBuf::from("layouts/_default/baseof.html"),
                    HUGO_BASEOF.to_string(),
                ),
                (
                    PathBuf::from("layouts/_default/single.html"),
                    HUGO_SINGLE.to_string(),
                ),
                (
                    PathBuf::from("layouts/_default/list.html"),
                    HUGO_LIST.to_string(),
                ),
                (PathBuf::from("layouts/index.html"), HUGO_LIST.to_string()),
                (
                    PathBuf::from("static/style.css"),
                    "body{font-family:sans-serif}\n".to_string(),
                ),
            ],
        )
        .map_err(|e| format!("cannot write: {e}"))?;
    }
    let files: usize = bytes.iter().map(|b| b.0).sum();
    let size: usize = bytes.iter().map(|b| b.1).sum();
    eprintln!(
        "wrote {dossiers} dossiers × {provisions} provisions ({files} files, {:.1} MB) to {}",
        size as f64 / 1e6,
        out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// The diff pair
// ---------------------------------------------------------------------------------

fn diff_pair(args: &Args) -> Result<(), String> {
    let out = PathBuf::from(args.get("out")?);
    let bytes: usize = args.num("bytes", 1_000_000)?;
    let percent: f64 = args.num("percent", 5)? as f64;
    let mut rng = Rng::new(args.num("seed", 7)?);
    let mut old = String::new();
    let mut n = 0;
    while old.len() < bytes {
        n += 1;
        let words = rng.range(40, 200);
        let _ = write!(old, "{n}. {}\n\n", paragraph(&mut rng, words).join(" "));
    }
    // Change `percent` of the words: replaced, deleted or followed by an inserted word.
    let mut new = String::with_capacity(old.len() + old.len() / 10);
    let mut changed = 0usize;
    let mut total = 0usize;
    for (i, line) in old.split('\n').enumerate() {
        if i > 0 {
            new.push('\n');
        }
        let mut first = true;
        for (j, word) in line.split(' ').enumerate() {
            if word.is_empty() {
                continue;
            }
            total += 1;
            let label = j == 0;
            let emit = |new: &mut String, w: &str, first: &mut bool| {
                if !*first {
                    new.push(' ');
                }
                new.push_str(w);
                *first = false;
            };
            if !label && rng.chance(percent / 100.0) {
                changed += 1;
                match rng.below(3) {
                    0 => emit(&mut new, rng.pick(ADJECTIVES), &mut first),
                    1 => {}
                    _ => {
                        emit(&mut new, word, &mut first);
                        emit(&mut new, rng.pick(ADJECTIVES), &mut first);
                    }
                }
            } else {
                emit(&mut new, word, &mut first);
            }
        }
    }
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    fs::write(out.join("old.txt"), &old).map_err(|e| e.to_string())?;
    fs::write(out.join("new.txt"), &new).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote old.txt ({} bytes, {total} words, {n} paragraphs) and new.txt ({} bytes, {changed} words changed) to {}",
        old.len(),
        new.len(),
        out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// The I/O floor: read every input, write as many files and bytes as the site has
// ---------------------------------------------------------------------------------

fn files_under(dir: &Path) -> Vec<(PathBuf, u64)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let len = e.metadata().ok()?.len();
            Some((e.path().strip_prefix(dir).ok()?.to_path_buf(), len))
        })
        .collect()
}

fn io_floor(args: &Args) -> Result<(), String> {
    let read = PathBuf::from(args.get("read")?);
    let like = PathBuf::from(args.get("like")?);
    let out = PathBuf::from(args.get("out")?);
    let shape = files_under(&like);
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| e.to_string())?;
    }
    let started = Instant::now();
    // Read every input file, as the build does (in parallel).
    let inputs = files_under(&read);
    let read_bytes: u64 = inputs
        .par_iter()
        .map(|(p, _)| fs::read(read.join(p)).map(|b| b.len() as u64).unwrap_or(0))
        .sum();
    // Write as many files and bytes, in the site's folders.
    let mut dirs: Vec<PathBuf> = shape
        .iter()
        .filter_map(|(p, _)| p.parent().map(|d| out.join(d)))
        .collect();
    dirs.sort();
    dirs.dedup();
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| e.to_string())?;
    }
    let max = shape.iter().map(|s| s.1).max().unwrap_or(0) as usize;
    let filler = vec![b'x'; max];
    shape
        .par_iter()
        .try_for_each(|(p, len)| {
            let mut f = fs::File::create(out.join(p))?;
            f.write_all(&filler[..*len as usize])
        })
        .map_err(|e| e.to_string())?;
    let written: u64 = shape.iter().map(|s| s.1).sum();
    eprintln!(
        "io-floor: read {} files ({:.1} MB), wrote {} files ({:.1} MB) in {:.3} s",
        inputs.len(),
        read_bytes as f64 / 1e6,
        shape.len(),
        written as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// Serve probe: edit one provision, time until the served page shows it
// ---------------------------------------------------------------------------------

fn http_get(port: u16, path: &str) -> std::io::Result<String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "GET /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )?;
    let mut body = String::new();
    s.read_to_string(&mut body)?;
    Ok(body)
}

/// A port that is free now on 127.0.0.1 (printed).
fn free_port() -> Result<(), String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    println!("{port}");
    Ok(())
}

fn serve_probe(args: &Args) -> Result<(), String> {
    let port: u16 = args.num("port", 8000)?;
    let file = PathBuf::from(args.get("file")?);
    let page = args.get("page")?;
    let log = PathBuf::from(args.get("log")?);
    let marker = args.opt("marker").unwrap_or("benchmarkedit").to_string();
    let text = fs::read_to_string(&file).map_err(|e| e.to_string())?;
    // Insert the marker into the first line of the Commission's text.
    let at = text
        .find("text: |\n")
        .and_then(|i| text[i..].find(". ").map(|j| i + j + 2))
        .ok_or("no text in the file")?;
    let edited = format!("{}{marker} {}", &text[..at], &text[at..]);
    let before = http_get(port, page).map_err(|e| e.to_string())?;
    if before.contains(&marker) {
        return Err(format!("the page already shows {marker}"));
    }
    let log_before = fs::read_to_string(&log).unwrap_or_default().len();
    let started = Instant::now();
    fs::write(&file, edited).map_err(|e| e.to_string())?;
    let served = loop {
        if started.elapsed() > Duration::from_secs(60) {
            return Err("the page did not change within 60 s".into());
        }
        if let Ok(body) = http_get(port, page) {
            if body.contains(&marker) {
                break started.elapsed();
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    // serve prints "rebuilt in 123ms" once the new pages are in place.
    let rebuilt = loop {
        let log_text = fs::read_to_string(&log).unwrap_or_default();
        if let Some(line) = log_text
            .get(log_before..)
            .and_then(|t| t.lines().find(|l| l.starts_with("rebuilt in")))
        {
            break line.trim_start_matches("rebuilt in ").to_string();
        }
        if started.elapsed() > Duration::from_secs(60) {
            break "?".to_string();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Put the file back, and wait until the page shows that too and the server is idle.
    fs::write(&file, text).map_err(|e| e.to_string())?;
    let restored = Instant::now();
    while http_get(port, page).map_or(true, |b| b.contains(&marker)) {
        if restored.elapsed() > Duration::from_secs(60) {
            return Err("the page did not change back within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    println!(
        "served_ms={:.1} rebuilt={rebuilt}",
        served.as_secs_f64() * 1000.0
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// Phases: `trilogue build` through the library, with trilogue's own phase timings
// (`-vv` on the command line also turns on the debug logs of every dependency)
// ---------------------------------------------------------------------------------

fn phases(args: &Args) -> Result<(), String> {
    let root = PathBuf::from(args.get("root")?);
    let out = PathBuf::from(args.get("out")?);
    let _ = env_logger::Builder::new()
        .filter_level(log::LevelFilter::Warn)
        .filter_module("trilogue", log::LevelFilter::Debug)
        .format_timestamp(None)
        .try_init();
    let started = Instant::now();
    let (corpus, diags) = trilogue::check_project(&root);
    eprintln!(
        "phase check: {:.1?} ({} diagnostics)",
        started.elapsed(),
        diags.len()
    );
    let options = trilogue::pipeline::BuildOptions::default();
    let pages =
        trilogue::pipeline::build(&root, &corpus, &out, &options).map_err(|e| format!("{e:#}"))?;
    eprintln!("total: {:.1?}, {pages} files", started.elapsed());
    Ok(())
}

// ---------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------

struct Args(Vec<(String, String)>);

impl Args {
    fn parse(raw: &[String]) -> Result<Args, String> {
        let mut out = Vec::new();
        let mut it = raw.iter();
        while let Some(k) = it.next() {
            let key = k
                .strip_prefix("--")
                .ok_or_else(|| format!("unexpected argument {k}"))?;
            let value = it.next().ok_or_else(|| format!("--{key} needs a value"))?;
            out.push((key.to_string(), value.clone()));
        }
        Ok(Args(out))
    }

    fn opt(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn get(&self, key: &str) -> Result<&str, String> {
        self.opt(key).ok_or_else(|| format!("--{key} is required"))
    }

    fn num<T: std::str::FromStr>(&self, key: &str, default: T) -> Result<T, String> {
        match self.opt(key) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("--{key}: `{v}` is not a number")),
        }
    }
}

fn main() -> std::process::ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprintln!("usage: gen_corpus corpus|diff-pair|io-floor|serve-probe|phases|free-port --option value ...");
        return std::process::ExitCode::from(2);
    };
    let result = Args::parse(rest).and_then(|args| match command.as_str() {
        "corpus" => corpus(&args),
        "diff-pair" => diff_pair(&args),
        "io-floor" => io_floor(&args),
        "serve-probe" => serve_probe(&args),
        "phases" => phases(&args),
        "free-port" => free_port(),
        other => Err(format!("unknown command {other}")),
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
