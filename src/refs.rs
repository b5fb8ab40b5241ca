//! Legal references ("Article 10a(2)(b)", "Recital 12a", "Annex II") and their natural order.
//!
//! A provision's `ref` decides where its row appears in every comparison table, so the order
//! must be the one a reader of the law expects, not the alphabetical order of the strings:
//! Citations, then Recitals, then Articles, then Annexes; `Article 2` < `Article 2a` <
//! `Article 10` < `Article 10(2)`; `Annex I` < `Annex II` < `Annex X`.
//!
//! Parsing is tolerant because contributors paste references from EUR-Lex, from Parliament
//! amendments ("Article 4 a (new)") and from Council documents ("Article 4 bis"): part names
//! are case-insensitive, spaces between the pieces are optional, the Latin suffixes `bis`,
//! `ter`, `quater`, ... mean `a`, `b`, `c`, ..., and a trailing `(new)` is dropped. Everything
//! is normalised into one canonical spelling, so two spellings of the same provision are the
//! same reference (equal, same hash, same anchor).
//!
//! # Order of subdivisions
//!
//! Subdivisions are compared one level at a time; a reference without a subdivision comes
//! before its subdivisions (`Article 7` < `Article 7(1)`). Within one level:
//!
//! * numbers come before letters: `(2)` < `(2a)` < `(3)` < `(a)`;
//! * single letters compare alphabetically, and a letter followed by more letters is a point
//!   inserted after it: `(a)` < `(aa)` < `(b)`;
//! * a sequence of two or more of the letters `i`, `v`, `x` that is a valid roman numeral
//!   (`ii`, `iv`, `xiv`) is a roman point and compares by its value, placed just after the
//!   single letter it starts from. So roman points `(i)` < `(ii)` < `(iv)` < `(v)` < `(vi)` <
//!   `(ix)` < `(x)` < `(xi)` sort correctly up to `(xxxix)`, and letter points `(h)` < `(i)` <
//!   `(j)` sort correctly too.
//!
//! A single `(i)`, `(v)` or `(x)` cannot be told apart from a letter point without seeing its
//! siblings, which a single reference cannot; the rule above keeps both readings in order.

use std::fmt;
use std::str::FromStr;

use crate::lang::Language;

/// Inputs longer than this are rejected before parsing: no real reference comes close, and a
/// bound keeps error messages (which quote the input) readable.
const MAX_LEN: usize = 200;

/// Annexes are numbered I to XXX; a larger numeral is far more likely a typo than a real annex.
const MAX_ANNEX: u32 = 30;

/// Suffixes longer than this are rejected: `12aa` exists, `12abcd` is a typo or a word.
const MAX_SUFFIX: usize = 3;

/// Letter points longer than this are rejected (`xxxviii` is the longest plausible one).
const MAX_POINT: usize = 8;

const ACCEPTED: &str = "accepted forms: Citation 1, Recital 12, Recital 12a, Article 7, \
     Article 10a, Article 7(2), Article 7(2)(a), Annex II";

/// The Latin ordinal suffixes used by Council and Parliament documents for inserted
/// provisions, and the letter they stand for (`Article 4 bis` is `Article 4a`).
const LATIN_SUFFIXES: [(&str, char); 9] = [
    ("bis", 'a'),
    ("ter", 'b'),
    ("quater", 'c'),
    ("quinquies", 'd'),
    ("sexies", 'e'),
    ("septies", 'f'),
    ("octies", 'g'),
    ("novies", 'h'),
    ("decies", 'i'),
];

/// The part of a legal act a reference points into. The declaration order is the sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Citation,
    Recital,
    Article,
    Annex,
}

impl Part {
    /// The capitalised name used in canonical references ("Article").
    pub fn name(self) -> &'static str {
        match self {
            Part::Citation => "Citation",
            Part::Recital => "Recital",
            Part::Article => "Article",
            Part::Annex => "Annex",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Part::Citation => "citation",
            Part::Recital => "recital",
            Part::Article => "article",
            Part::Annex => "annex",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A problem with a reference, in plain language, with a hint listing the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    /// What is wrong, quoting the input.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl RefError {
    fn new(message: impl Into<String>) -> Self {
        RefError {
            message: message.into(),
            help: ACCEPTED.to_string(),
        }
    }

    fn with_help(message: impl Into<String>, help: impl Into<String>) -> Self {
        RefError {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl fmt::Display for RefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RefError {}

/// How one subdivision sorts. Derived `Ord`: every number sorts before every letter point.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum SubKey {
    /// `(2)`, `(2a)`.
    Number { number: u32, suffix: String },
    /// `(a)`, `(aa)`, `(iv)`: see the module documentation for `anchor` and `value`.
    Letter {
        anchor: char,
        value: u32,
        rest: String,
    },
}

/// One parenthesised subdivision. `text` is its canonical spelling without parentheses; it
/// follows `key` so that the derived order is the natural one and ties (never expected, since
/// `key` is a function of `text`) still keep `Ord` consistent with `Eq`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Subdivision {
    key: SubKey,
    text: String,
}

/// A parsed, normalised legal reference.
///
/// Two references are equal exactly when their [`canonical`](LegalRef::canonical) spellings
/// are equal; the derived order follows the field order: part, number (the roman value for
/// annexes), suffix, then subdivisions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LegalRef {
    part: Part,
    number: u32,
    suffix: String,
    subdivisions: Vec<Subdivision>,
}

impl LegalRef {
    /// Parses a reference such as `Article 10a(2)(b)`, tolerating the spellings described in
    /// the module documentation.
    pub fn parse(s: &str) -> Result<LegalRef, RefError> {
        let input = s.trim();
        if input.is_empty() {
            return Err(RefError::new("the reference is empty"));
        }
        let length = input.chars().count();
        if length > MAX_LEN {
            return Err(RefError::new(format!(
                "the reference is {length} characters long; a reference has at most {MAX_LEN}"
            )));
        }
        let body = strip_new_marker(input);
        let mut cur = Cursor::new(body);

        let word = cur.take_while(|c| c.is_alphabetic());
        let part = match word.to_lowercase().as_str() {
            "citation" | "visa" | "bezugsvermerk" => Part::Citation,
            "recital" | "considérant" | "considerant" | "erwägungsgrund" => Part::Recital,
            "article" | "art" | "artikel" => Part::Article,
            "annex" | "annexe" | "anhang" => Part::Annex,
            "" => {
                return Err(RefError::new(format!(
                    "`{input}` does not start with Citation, Recital, Article or Annex"
                )))
            }
            _ => {
                return Err(RefError::new(format!(
                    "`{word}` is not a part trilogue knows: a reference starts with Citation, \
                     Recital, Article or Annex (in `{input}`)"
                )))
            }
        };
        if part == Part::Article {
            cur.eat('.');
        }
        cur.skip_ws();

        let (number, suffix) = match part {
            Part::Annex => parse_annex_number(&mut cur, input)?,
            Part::Article if eat_premier(&mut cur) => (1, String::new()),
            _ => parse_number_and_suffix(&mut cur, part, input)?,
        };

        let mut subdivisions = Vec::new();
        if part == Part::Article {
            subdivisions = parse_word_subdivisions(&mut cur, input)?;
            loop {
                cur.skip_ws();
                match cur.peek() {
                    Some('(') => {
                        cur.bump();
                        subdivisions.push(parse_subdivision(&mut cur, input)?);
                    }
                    Some(')') => {
                        return Err(RefError::new(format!(
                            "unbalanced parentheses in `{input}`: a `)` has no matching `(`"
                        )))
                    }
                    _ => break,
                }
            }
        }

        cur.skip_ws();
        if let Some(c) = cur.peek() {
            return Err(unexpected(c, &cur.rest(), part, input));
        }

        Ok(LegalRef {
            part,
            number,
            suffix,
            subdivisions,
        })
    }

    /// Which part of the act the reference points into.
    pub fn part(&self) -> Part {
        self.part
    }

    /// The normalised spelling shown to readers: `Article 10a(2)(b)`, `Annex IIa`,
    /// `Recital 12a`.
    pub fn canonical(&self) -> String {
        let mut out = String::from(self.part.name());
        out.push(' ');
        match self.part {
            Part::Annex => out.push_str(&to_roman(self.number)),
            _ => out.push_str(&self.number.to_string()),
        }
        out.push_str(&self.suffix);
        for sub in &self.subdivisions {
            out.push('(');
            out.push_str(&sub.text);
            out.push(')');
        }
        out
    }

    /// The subdivisions as written, without parentheses: `["1", "a"]` for
    /// `Article 7(1)(a)`.
    pub fn subdivisions(&self) -> Vec<&str> {
        self.subdivisions.iter().map(|s| s.text.as_str()).collect()
    }

    /// The reference one level up (`Article 7(1)` for `Article 7(1)(a)`); `None` for a
    /// whole unit.
    pub fn parent(&self) -> Option<LegalRef> {
        let mut up = self.clone();
        up.subdivisions.pop()?;
        Some(up)
    }

    /// Whether `self` is `unit` or one of its subdivisions: `Article 7(1)` is within
    /// `Article 7` and within itself, not within `Article 70`.
    pub fn is_within(&self, unit: &LegalRef) -> bool {
        self.part == unit.part
            && self.number == unit.number
            && self.suffix == unit.suffix
            && self.subdivisions.starts_with(&unit.subdivisions)
    }

    /// A lowercase slug safe for HTML ids and URLs: `article-10a-2-b`, `annex-ii`.
    pub fn anchor(&self) -> String {
        let mut out = String::from(self.part.slug());
        out.push('-');
        match self.part {
            Part::Annex => out.push_str(&to_roman(self.number).to_lowercase()),
            _ => out.push_str(&self.number.to_string()),
        }
        out.push_str(&self.suffix);
        for sub in &self.subdivisions {
            out.push('-');
            out.push_str(&sub.text);
        }
        out
    }
}

impl LegalRef {
    /// The reference as an act in `lang` cites it: `Article 7(2)(a)`; `Article 7,
    /// paragraphe 2, point a)`; `Artikel 7 Absatz 2 Buchstabe a`; `Article premier`,
    /// `Article 10 bis`, `Considérant 12`, `Erwägungsgrund 12`, `Annexe II`, `Anhang II`.
    /// Ids, anchors and paths stay [`canonical`](LegalRef::canonical) in every language.
    pub fn display_in(&self, lang: Language) -> String {
        if lang == Language::En {
            return self.canonical();
        }
        let french = lang == Language::Fr;
        let part = match (self.part, french) {
            (Part::Citation, true) => "Visa",
            (Part::Recital, true) => "Considérant",
            (Part::Article, true) => "Article",
            (Part::Annex, true) => "Annexe",
            (Part::Citation, false) => "Bezugsvermerk",
            (Part::Recital, false) => "Erwägungsgrund",
            (Part::Article, false) => "Artikel",
            (Part::Annex, false) => "Anhang",
        };
        let number = match self.part {
            Part::Annex => to_roman(self.number),
            Part::Article if french && self.number == 1 && self.suffix.is_empty() => {
                "premier".to_string()
            }
            _ => self.number.to_string(),
        };
        let mut out = format!("{part} {number}{}", suffix_in(&self.suffix, french));
        let mut letters = 0;
        for sub in &self.subdivisions {
            let (word, closing) = match (&sub.key, french) {
                (SubKey::Number { .. }, true) => (", paragraphe ", ""),
                (SubKey::Number { .. }, false) => (" Absatz ", ""),
                (SubKey::Letter { .. }, true) if letters == 0 => (", point ", ")"),
                (SubKey::Letter { .. }, true) => (", sous-point ", ")"),
                (SubKey::Letter { .. }, false) if letters == 0 => (" Buchstabe ", ""),
                (SubKey::Letter { .. }, false) => (" Ziffer ", ""),
            };
            if matches!(sub.key, SubKey::Letter { .. }) {
                letters += 1;
            }
            out.push_str(word);
            out.push_str(&sub.text);
            out.push_str(closing);
        }
        out
    }
}

/// French writes an inserted provision's letter as its Latin ordinal (`10 bis`); German,
/// as English, glues the letter to the number (`10a`).
fn suffix_in(suffix: &str, french: bool) -> String {
    let mut chars = suffix.chars();
    match (french, chars.next(), chars.next()) {
        (true, Some(letter), None) => LATIN_SUFFIXES
            .iter()
            .find(|(_, l)| *l == letter)
            .map(|(latin, _)| format!(" {latin}"))
            .unwrap_or_else(|| suffix.to_string()),
        _ => suffix.to_string(),
    }
}

impl fmt::Display for LegalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl FromStr for LegalRef {
    type Err = RefError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LegalRef::parse(s)
    }
}

/// Serialised as the canonical string, so JSON exports read like the YAML.
impl serde::Serialize for LegalRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

/// Deserialised from a string with [`LegalRef::parse`]; the error carries the message and
/// the help, since serde has no separate channel for hints.
impl<'de> serde::Deserialize<'de> for LegalRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl serde::de::Visitor<'_> for RefVisitor {
            type Value = LegalRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a legal reference such as `Article 7(2)`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LegalRef, E> {
                LegalRef::parse(v).map_err(|e| E::custom(format!("{} ({})", e.message, e.help)))
            }
        }
        deserializer.deserialize_str(RefVisitor)
    }
}

/// Drops one trailing `(new)` (any case, inner spaces allowed): Parliament marks inserted
/// provisions that way, but the marker is not part of the reference.
fn strip_new_marker(input: &str) -> &str {
    if let Some(without_paren) = input.strip_suffix(')') {
        if let Some(open) = without_paren.rfind('(') {
            let inner = without_paren.get(open + 1..).unwrap_or("");
            let inner = inner.trim().to_lowercase();
            if ["new", "nouveau", "nouvelle", "neu"].contains(&inner.as_str()) {
                return input.get(..open).unwrap_or(input).trim_end();
            }
        }
    }
    input
}

/// A tiny character cursor; all access is through `Option`, so no input can panic it.
struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn new(s: &str) -> Self {
        Cursor {
            chars: s.chars().collect(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) {
        if self.pos < self.chars.len() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn take_while(&mut self, f: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            out.push(c);
            self.bump();
        }
        out
    }

    fn rest(&self) -> String {
        self.chars.get(self.pos..).unwrap_or(&[]).iter().collect()
    }
}

fn unexpected(c: char, rest: &str, part: Part, input: &str) -> RefError {
    let lower = input.to_lowercase();
    if lower.contains("paragraph") || lower.contains("point") || lower.contains(" – ") {
        return RefError::with_help(
            format!("`{input}` is not in the short form trilogue uses"),
            "write Parliament's `Article 7 – paragraph 2 – point a` as `Article 7(2)(a)`; \
             accepted forms: Citation 1, Recital 12, Recital 12a, Article 7, Article 10a, \
             Article 7(2), Article 7(2)(a), Annex II",
        );
    }
    if c == '(' {
        return RefError::new(format!(
            "only Articles have subdivisions in parentheses; `{rest}` cannot follow a {} \
             (in `{input}`)",
            part.name()
        ));
    }
    RefError::new(format!("unexpected `{rest}` at the end of `{input}`"))
}

fn latin_suffix(word: &str) -> Option<char> {
    LATIN_SUFFIXES
        .iter()
        .find(|(latin, _)| *latin == word)
        .map(|(_, letter)| *letter)
}

/// Reads an optional suffix after a number: letters glued to it or after a space (`4a`,
/// `4 a`), or a Latin word (`4 bis`).
fn parse_suffix(cur: &mut Cursor, input: &str) -> Result<String, RefError> {
    let save = cur.pos;
    cur.skip_ws();
    let word = cur.take_while(|c| c.is_ascii_alphabetic()).to_lowercase();
    if word.is_empty() || SUBDIVISION_WORDS.iter().any(|(w, _)| *w == word) {
        cur.pos = save;
        return Ok(String::new());
    }
    if let Some(letter) = latin_suffix(&word) {
        return Ok(letter.to_string());
    }
    if word.len() > MAX_SUFFIX {
        return Err(RefError::new(format!(
            "`{word}` in `{input}` is not a suffix: inserted provisions take one to \
             {MAX_SUFFIX} letters (`10a`, `12aa`) or bis, ter, quater"
        )));
    }
    Ok(word)
}

fn parse_number(cur: &mut Cursor, what: &str, input: &str) -> Result<u32, RefError> {
    let digits = cur.take_while(|c| c.is_ascii_digit());
    if digits.is_empty() {
        return Err(RefError::new(format!(
            "expected a number after {what} in `{input}`"
        )));
    }
    let number: u32 = digits
        .parse()
        .map_err(|_| RefError::new(format!("the number {digits} in `{input}` is too large")))?;
    if number == 0 {
        return Err(RefError::new(format!(
            "numbering starts at 1: {what} 0 does not exist (in `{input}`)"
        )));
    }
    Ok(number)
}

fn parse_number_and_suffix(
    cur: &mut Cursor,
    part: Part,
    input: &str,
) -> Result<(u32, String), RefError> {
    let number = parse_number(cur, part.name(), input)?;
    let suffix = parse_suffix(cur, input)?;
    Ok((number, suffix))
}

/// Reads `II`, `IIa`, `II a`, `II bis`. Mixed case splits at the case change (`IIi` is
/// Annex II, suffix i); otherwise the roman numeral is the longest run of roman letters.
fn parse_annex_number(cur: &mut Cursor, input: &str) -> Result<(u32, String), RefError> {
    let word = cur.take_while(|c| c.is_ascii_alphabetic());
    if word.is_empty() {
        let help = if cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            "annexes are numbered with roman numerals: Annex I, Annex II, ... Annex XXX"
        } else {
            ACCEPTED
        };
        return Err(RefError::with_help(
            format!("expected a roman numeral after Annex in `{input}`"),
            help,
        ));
    }
    let mixed_case = word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase());
    let split = if mixed_case {
        word.chars().take_while(|c| c.is_ascii_uppercase()).count()
    } else {
        word.chars()
            .take_while(|c| "ivxlcdmIVXLCDM".contains(*c))
            .count()
    };
    // `word` is ASCII, so character counts are byte offsets.
    let roman = word.get(..split).unwrap_or("");
    let rest = word.get(split..).unwrap_or("");
    let value = match roman_value(roman) {
        Some(v) if (1..=MAX_ANNEX).contains(&v) => v,
        Some(v) => {
            return Err(RefError::with_help(
                format!(
                    "Annex {} ({v}) is beyond Annex XXX in `{input}`",
                    roman.to_uppercase()
                ),
                "annexes are numbered with roman numerals from I to XXX",
            ))
        }
        None => {
            let shown = if roman.is_empty() { &word } else { roman };
            return Err(RefError::with_help(
                format!("`{shown}` is not a valid roman numeral in `{input}`"),
                "annexes are numbered with roman numerals: Annex I, II, III, IV, ... XXX; \
                 an inserted annex takes a letter: Annex IIa",
            ));
        }
    };
    let rest = rest.to_lowercase();
    let suffix = if rest.is_empty() {
        parse_suffix(cur, input)?
    } else if let Some(letter) = latin_suffix(&rest) {
        letter.to_string()
    } else if rest.len() > MAX_SUFFIX {
        return Err(RefError::new(format!(
            "`{word}` in `{input}` is not a roman numeral with a short suffix such as `IIa`"
        )));
    } else {
        rest
    };
    Ok((value, suffix))
}

/// The words French and German use for an article's subdivisions, and whether they are
/// numbered (`paragraphe 2`, `Absatz 2`) rather than lettered (`point a)`, `Buchstabe a`).
const SUBDIVISION_WORDS: [(&str, bool); 6] = [
    ("paragraphe", true),
    ("absatz", true),
    ("point", false),
    ("sous-point", false),
    ("buchstabe", false),
    ("ziffer", false),
];

/// `Article premier`: French numbers the first article in words.
fn eat_premier(cur: &mut Cursor) -> bool {
    let save = cur.pos;
    let word = cur.take_while(char::is_alphabetic).to_lowercase();
    if word == "premier" {
        true
    } else {
        cur.pos = save;
        false
    }
}

/// Subdivisions spelled out, as French and German acts cite them: `Article 7, paragraphe
/// 2, point a)`, `Artikel 7 Absatz 2 Buchstabe a`. Stops, consuming nothing, at anything
/// else, so parenthesised subdivisions may follow.
fn parse_word_subdivisions(cur: &mut Cursor, input: &str) -> Result<Vec<Subdivision>, RefError> {
    let mut subdivisions = Vec::new();
    loop {
        let save = cur.pos;
        cur.skip_ws();
        cur.eat(',');
        cur.skip_ws();
        let word = cur
            .take_while(|c| c.is_alphabetic() || c == '-')
            .to_lowercase();
        let Some((_, numbered)) = SUBDIVISION_WORDS.iter().find(|(w, _)| *w == word) else {
            cur.pos = save;
            return Ok(subdivisions);
        };
        cur.skip_ws();
        let sub = if *numbered {
            let number = parse_number(cur, &word, input)?;
            let suffix = parse_suffix(cur, input)?;
            Subdivision {
                text: format!("{number}{suffix}"),
                key: SubKey::Number { number, suffix },
            }
        } else {
            let text = cur.take_while(|c| c.is_ascii_alphabetic()).to_lowercase();
            if text.is_empty() || text.len() > MAX_POINT {
                return Err(RefError::new(format!(
                    "`{word}` in `{input}` is not followed by a point such as a) or iv)"
                )));
            }
            cur.eat(')');
            Subdivision {
                key: letter_key(&text),
                text,
            }
        };
        subdivisions.push(sub);
    }
}

/// Parses the inside of one `( ... )`, the opening parenthesis already consumed.
fn parse_subdivision(cur: &mut Cursor, input: &str) -> Result<Subdivision, RefError> {
    cur.skip_ws();
    let sub = match cur.peek() {
        Some(c) if c.is_ascii_digit() => {
            let number = parse_number(cur, "a paragraph", input)?;
            let suffix = parse_suffix(cur, input)?;
            Subdivision {
                text: format!("{number}{suffix}"),
                key: SubKey::Number { number, suffix },
            }
        }
        Some(c) if c.is_ascii_alphabetic() => {
            let mut text = cur.take_while(|c| c.is_ascii_alphabetic()).to_lowercase();
            if text.len() > MAX_POINT {
                return Err(RefError::new(format!(
                    "`({text})` in `{input}` is not a point: points are numbers or letters \
                     such as (2), (a), (iv)"
                )));
            }
            if text == "new" {
                return Err(RefError::new(format!(
                    "`(new)` can only come at the very end of `{input}`"
                )));
            }
            let save = cur.pos;
            cur.skip_ws();
            let latin = cur.take_while(|c| c.is_ascii_alphabetic()).to_lowercase();
            match latin_suffix(&latin) {
                Some(letter) => text.push(letter),
                None => cur.pos = save,
            }
            Subdivision {
                key: letter_key(&text),
                text,
            }
        }
        _ => {
            return Err(RefError::new(format!(
                "a subdivision in `{input}` is empty or malformed: write (2), (2a), (a) or (iv)"
            )))
        }
    };
    cur.skip_ws();
    if !cur.eat(')') {
        return Err(RefError::new(format!(
            "unbalanced parentheses in `{input}`: a `(` is not closed by `)`"
        )));
    }
    Ok(sub)
}

/// The sort key of a letter point; see the module documentation.
fn letter_key(text: &str) -> SubKey {
    let run = text
        .chars()
        .take_while(|c| matches!(c, 'i' | 'v' | 'x'))
        .count();
    for len in (2..=run).rev() {
        if let (Some(prefix), Some(rest)) = (text.get(..len), text.get(len..)) {
            if let Some(value) = roman_value(prefix) {
                let anchor = match value {
                    0..=4 => 'i',
                    5..=9 => 'v',
                    _ => 'x',
                };
                return SubKey::Letter {
                    anchor,
                    value,
                    rest: rest.to_string(),
                };
            }
        }
    }
    let mut chars = text.chars();
    let anchor = chars.next().unwrap_or('a');
    let value = match anchor {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        _ => 0,
    };
    SubKey::Letter {
        anchor,
        value,
        rest: chars.collect(),
    }
}

/// The value of a roman numeral in its one canonical spelling (`IV`, not `IIII`), any case.
fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let mut total: u32 = 0;
    let mut previous = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < previous {
            total = total.checked_sub(v)?;
        } else {
            total = total.checked_add(v)?;
            previous = v;
        }
    }
    if total == 0 || to_roman(total) != s.to_ascii_uppercase() {
        return None;
    }
    Some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> LegalRef {
        match LegalRef::parse(s) {
            Ok(r) => r,
            Err(e) => panic!("{s:?} should parse: {} ({})", e.message, e.help),
        }
    }

    fn err(s: &str) -> RefError {
        match LegalRef::parse(s) {
            Ok(r) => panic!("{s:?} should be rejected, parsed as {r}"),
            Err(e) => e,
        }
    }

    fn canon(s: &str) -> String {
        r(s).canonical()
    }

    #[test]
    fn subdivisions_parents_and_containment() {
        assert_eq!(r("Article 7(1)(a)").subdivisions(), ["1", "a"]);
        assert_eq!(r("Article 7(1)(a)").parent(), Some(r("Article 7(1)")));
        assert_eq!(r("Article 7(1)").parent(), Some(r("Article 7")));
        assert_eq!(r("Article 7").parent(), None);
        assert!(r("Article 7(1)").is_within(&r("Article 7")));
        assert!(r("Article 7").is_within(&r("Article 7")));
        assert!(!r("Article 70").is_within(&r("Article 7")));
        assert!(!r("Article 7a(1)").is_within(&r("Article 7")));
        assert!(!r("Article 7").is_within(&r("Article 7(1)")));
        assert!(!r("Recital 7").is_within(&r("Article 7")));
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canon("Citation 1"), "Citation 1");
        assert_eq!(canon("Recital 12"), "Recital 12");
        assert_eq!(canon("Recital 12a"), "Recital 12a");
        assert_eq!(canon("Recital 12aa"), "Recital 12aa");
        assert_eq!(canon("Article 7"), "Article 7");
        assert_eq!(canon("Article 10a"), "Article 10a");
        assert_eq!(canon("Article 7(2)"), "Article 7(2)");
        assert_eq!(canon("Article 7(2)(a)"), "Article 7(2)(a)");
        assert_eq!(canon("Article 10a(2)(b)"), "Article 10a(2)(b)");
        assert_eq!(canon("Article 7(2a)(iv)"), "Article 7(2a)(iv)");
        assert_eq!(canon("Annex II"), "Annex II");
        assert_eq!(canon("Annex IIa"), "Annex IIa");
        assert_eq!(canon("Annex XXX"), "Annex XXX");
    }

    #[test]
    fn tolerant_spellings() {
        assert_eq!(canon("article 4 a"), "Article 4a");
        assert_eq!(canon("ARTICLE 4A"), "Article 4a");
        assert_eq!(canon("  Article   7 (2)  "), "Article 7(2)");
        assert_eq!(canon("Article 7 ( 2 ) ( a )"), "Article 7(2)(a)");
        assert_eq!(canon("Article 4 bis"), "Article 4a");
        assert_eq!(canon("Article 4 ter"), "Article 4b");
        assert_eq!(canon("Article 4quater"), "Article 4c");
        assert_eq!(canon("Article 4 a (new)"), "Article 4a");
        assert_eq!(canon("Recital 12 a (New)"), "Recital 12a");
        assert_eq!(canon("Article 7(2)(a) (new)"), "Article 7(2)(a)");
        assert_eq!(canon("Article 7(2 bis)"), "Article 7(2a)");
        assert_eq!(canon("Article 7(2)(a bis)"), "Article 7(2)(aa)");
        assert_eq!(canon("Article 7(2)(IV)"), "Article 7(2)(iv)");
        assert_eq!(canon("Art. 7"), "Article 7");
        assert_eq!(canon("Article 07"), "Article 7");
        assert_eq!(canon("Article7"), "Article 7");
        assert_eq!(canon("annex iia"), "Annex IIa");
        assert_eq!(canon("ANNEX IIA"), "Annex IIa");
        assert_eq!(canon("Annex II bis"), "Annex IIa");
        assert_eq!(canon("Annex iv"), "Annex IV");
        assert_eq!(canon("Annex II a"), "Annex IIa");
        assert_eq!(canon("Annex I (new)"), "Annex I");
        assert_eq!(canon("Article\u{a0}7(2)"), "Article 7(2)");
        assert_eq!(canon("Citation 1a"), "Citation 1a");
    }

    #[test]
    fn display_and_from_str_agree_with_canonical() {
        let parsed: LegalRef = match "article 10 a (2)(b)".parse() {
            Ok(r) => r,
            Err(e) => panic!("{}", e.message),
        };
        assert_eq!(parsed.to_string(), "Article 10a(2)(b)");
        assert_eq!(parsed.to_string(), parsed.canonical());
        assert_eq!(parsed.part(), Part::Article);
        assert_eq!(r("Annex II").part(), Part::Annex);
        assert_eq!(r("Recital 1").part(), Part::Recital);
        assert_eq!(r("Citation 1").part(), Part::Citation);
        assert_eq!(Part::Article.to_string(), "Article");
    }

    #[test]
    fn canonical_round_trips() {
        for s in [
            "Citation 3",
            "Recital 12aa",
            "Article 10a(2)(b)",
            "Article 7(2a)(iv)(aa)",
            "Article 1(ix)",
            "Annex XIVb",
        ] {
            let parsed = r(s);
            assert_eq!(r(&parsed.canonical()), parsed, "{s}");
            assert_eq!(parsed.canonical(), s);
        }
    }

    #[test]
    fn anchors() {
        assert_eq!(r("Article 10a(2)(b)").anchor(), "article-10a-2-b");
        assert_eq!(r("Annex II").anchor(), "annex-ii");
        assert_eq!(r("Annex IIa").anchor(), "annex-iia");
        assert_eq!(r("Recital 12a").anchor(), "recital-12a");
        assert_eq!(r("Citation 1").anchor(), "citation-1");
        assert_eq!(r("Article 7(2)(iv)").anchor(), "article-7-2-iv");
        for s in ["Article 4 bis (new)", "Annex XXX", "Article 7(2a)(xi)"] {
            let a = r(s).anchor();
            assert!(
                a.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{a}"
            );
        }
    }

    #[test]
    fn equality_and_hash_follow_canonical() {
        use std::collections::HashSet;
        let a = r("Article 4 bis");
        let b = r("article 4a (new)");
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
        let set: HashSet<LegalRef> = [a, b].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert_ne!(r("Article 4"), r("Article 4a"));
    }

    fn assert_sorted(list: &[&str]) {
        let parsed: Vec<LegalRef> = list.iter().map(|s| r(s)).collect();
        for pair in parsed.windows(2) {
            if let [a, b] = pair {
                assert!(a < b, "expected {a} < {b}");
                assert!(b > a, "expected {b} > {a}");
                assert_ne!(a, b);
            }
        }
        let mut shuffled = parsed.clone();
        shuffled.reverse();
        shuffled.rotate_left(parsed.len() / 2);
        shuffled.sort();
        assert_eq!(shuffled, parsed);
    }

    #[test]
    fn order_of_parts() {
        assert_sorted(&[
            "Citation 1",
            "Citation 2",
            "Recital 1",
            "Recital 100",
            "Article 1",
            "Article 99(3)",
            "Annex I",
        ]);
    }

    #[test]
    fn order_of_numbers_and_suffixes() {
        assert_sorted(&[
            "Recital 2",
            "Recital 2a",
            "Recital 2aa",
            "Recital 2b",
            "Recital 3",
            "Recital 12",
            "Recital 12a",
        ]);
        assert_sorted(&["Article 2", "Article 2a", "Article 10", "Article 10(2)"]);
    }

    #[test]
    fn order_of_annexes() {
        assert_sorted(&[
            "Annex I",
            "Annex Ia",
            "Annex II",
            "Annex IIa",
            "Annex III",
            "Annex IV",
            "Annex IX",
            "Annex X",
            "Annex XXX",
        ]);
    }

    #[test]
    fn order_of_subdivisions() {
        assert_sorted(&[
            "Article 7",
            "Article 7(1)",
            "Article 7(1)(a)",
            "Article 7(2)",
            "Article 7(2)(a)",
            "Article 7(2)(a)(i)",
            "Article 7(2)(a)(ii)",
            "Article 7(2)(aa)",
            "Article 7(2)(b)",
            "Article 7(2a)",
            "Article 7(10)",
            "Article 7(a)",
            "Article 7a",
        ]);
    }

    #[test]
    fn letters_sort_alphabetically() {
        let letters: Vec<String> = ('a'..='z').map(|c| format!("Article 1({c})")).collect();
        let refs: Vec<&str> = letters.iter().map(String::as_str).collect();
        assert_sorted(&refs);
        assert_sorted(&["Article 1(h)", "Article 1(i)", "Article 1(j)"]);
    }

    #[test]
    fn roman_points_sort_by_value() {
        let romans = [
            "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiv", "xv",
            "xix", "xx", "xxix", "xxx", "xxxix",
        ];
        let refs: Vec<String> = romans
            .iter()
            .map(|p| format!("Article 3(1)({p})"))
            .collect();
        let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
        assert_sorted(&refs);
        // Inserted roman points sit after their base point.
        assert_sorted(&[
            "Article 3(i)",
            "Article 3(ia)",
            "Article 3(ii)",
            "Article 3(iia)",
        ]);
    }

    #[test]
    fn empty_input_is_rejected() {
        let e = err("");
        assert_eq!(e.message, "the reference is empty");
        assert!(e.help.contains("Article 7(2)(a)"));
        assert!(e.help.contains("Annex II"));
        err("   ");
    }

    #[test]
    fn unknown_part_is_rejected() {
        let e = err("Chapter 3");
        assert!(e.message.contains("`Chapter`"), "{}", e.message);
        assert!(e.message.contains("Citation, Recital, Article or Annex"));
        err("7(2)");
        err("§ 3");
    }

    #[test]
    fn number_zero_is_rejected() {
        assert!(err("Article 0").message.contains("starts at 1"));
        err("Recital 0");
        err("Article 7(0)");
        err("Article 00");
    }

    #[test]
    fn bad_roman_numerals_are_rejected() {
        let e = err("Annex IIII");
        assert!(
            e.message.contains("not a valid roman numeral"),
            "{}",
            e.message
        );
        assert!(e.help.contains("roman"));
        err("Annex VX");
        err("Annex IC");
        err("Annex Q");
        err("Annex");
        assert!(err("Annex XXXI").message.contains("beyond"));
        assert!(err("Annex 2").help.contains("roman"));
    }

    #[test]
    fn unbalanced_parentheses_are_rejected() {
        assert!(err("Article 7(2").message.contains("unbalanced"));
        err("Article 7 2)");
        assert!(err("Article 7)").message.contains("unbalanced"));
        assert!(err("Article 7(2))").message.contains("unbalanced"));
        err("Article 7(");
        err("Article 7()");
        err("Article 7((2))");
    }

    #[test]
    fn other_malformed_input_is_rejected() {
        err("Article");
        err("Article a");
        err("Article 7 and 8");
        err("Article 7, 8");
        err("Article 7(2)x");
        err("Article 7abcd");
        err("Article 7(abcdefghij)");
        err("Article 99999999999");
        err("Recital 3(2)");
        err("Annex II(3)");
        err("Article 7(2)(a)(new)(new)");
        err("(new)");
        let e = err("Article 7 – paragraph 2 – point a");
        assert!(e.help.contains("Article 7(2)(a)"), "{}", e.help);
    }

    #[test]
    fn absurdly_long_input_is_rejected() {
        let long = format!("Article {}", "1".repeat(300));
        assert!(err(&long).message.contains("at most 200"));
        let parens = format!("Article 1{}", "(1)".repeat(70));
        err(&parens);
        let ok = format!("Article 1{}", "(1)".repeat(60));
        assert_eq!(r(&ok).canonical(), ok);
    }

    #[test]
    fn no_input_panics() {
        let samples = [
            "Article 7(2)(a)",
            "Annex IIa",
            "Recital 12 bis (new)",
            "(((",
            ")))",
            "Article ((",
            "Annex ",
            "Article 7 (new",
            "é",
            "Article 7(é)",
            "Annex Ⅻ",
            "Article ٣",
            "\u{0}",
            "Article 4294967295",
            "Article 4294967296",
        ];
        for s in samples {
            let _ = LegalRef::parse(s);
            for end in 0..=s.len() {
                if let Some(prefix) = s.get(..end) {
                    let _ = LegalRef::parse(prefix);
                }
            }
        }
        assert_eq!(canon("Article 4294967295"), "Article 4294967295");
    }

    #[test]
    fn error_display_is_the_message() {
        let e = err("Chapter 1");
        assert_eq!(e.to_string(), e.message);
    }

    #[test]
    fn serde_uses_the_canonical_string() {
        let value = r("article 4 bis (2)");
        let json = serde_json::to_string(&value).unwrap_or_default();
        assert_eq!(json, "\"Article 4a(2)\"");
        let back: Result<LegalRef, _> = serde_json::from_str("\"Annex ii\"");
        assert_eq!(back.ok(), Some(r("Annex II")));
        let bad: Result<LegalRef, _> = serde_json::from_str("\"Chapter 2\"");
        let message = bad.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("Chapter"), "{message}");
    }

    #[test]
    fn french_references_parse_to_the_same_provisions() {
        assert_eq!(canon("Article premier"), "Article 1");
        assert_eq!(canon("Article 2"), "Article 2");
        assert_eq!(canon("Considérant 12"), "Recital 12");
        assert_eq!(canon("considerant 12 bis"), "Recital 12a");
        assert_eq!(canon("Annexe II"), "Annex II");
        assert_eq!(canon("Article 7, paragraphe 2"), "Article 7(2)");
        assert_eq!(
            canon("Article 7, paragraphe 2, point a)"),
            "Article 7(2)(a)"
        );
        assert_eq!(canon("Article 10 bis (nouveau)"), "Article 10a");
        assert_eq!(canon("Visa 3"), "Citation 3");
    }

    #[test]
    fn german_references_parse_to_the_same_provisions() {
        assert_eq!(canon("Artikel 7 Absatz 2"), "Article 7(2)");
        assert_eq!(canon("Artikel 7 Absatz 2 Buchstabe a"), "Article 7(2)(a)");
        assert_eq!(
            canon("Artikel 7 Absatz 2 Buchstabe a Ziffer ii"),
            "Article 7(2)(a)(ii)"
        );
        assert_eq!(canon("Erwägungsgrund 12"), "Recital 12");
        assert_eq!(canon("Anhang II"), "Annex II");
        assert_eq!(canon("Art. 10a (neu)"), "Article 10a");
    }

    #[test]
    fn references_in_several_languages_sort_together() {
        assert_sorted(&[
            "Visa 1",
            "Considérant 12",
            "Erwägungsgrund 13",
            "Article premier",
            "Artikel 2",
            "Article 7, paragraphe 2",
            "Artikel 7 Absatz 2 Buchstabe a",
            "Article 10",
            "Annexe I",
            "Anhang II",
        ]);
    }

    #[test]
    fn references_print_in_each_language() {
        let cases = [
            ("Article 1", "Article 1", "Article premier", "Artikel 1"),
            (
                "Article 7(2)(a)",
                "Article 7(2)(a)",
                "Article 7, paragraphe 2, point a)",
                "Artikel 7 Absatz 2 Buchstabe a",
            ),
            (
                "Article 7(2)(a)(iv)",
                "Article 7(2)(a)(iv)",
                "Article 7, paragraphe 2, point a), sous-point iv)",
                "Artikel 7 Absatz 2 Buchstabe a Ziffer iv",
            ),
            (
                "Article 10a",
                "Article 10a",
                "Article 10 bis",
                "Artikel 10a",
            ),
            (
                "Recital 12",
                "Recital 12",
                "Considérant 12",
                "Erwägungsgrund 12",
            ),
            ("Annex II", "Annex II", "Annexe II", "Anhang II"),
            ("Citation 2", "Citation 2", "Visa 2", "Bezugsvermerk 2"),
        ];
        for (input, en, fr, de) in cases {
            let reference = r(input);
            assert_eq!(reference.display_in(Language::En), en);
            assert_eq!(reference.display_in(Language::Fr), fr);
            assert_eq!(reference.display_in(Language::De), de);
            // What a language prints, the parser reads back as the same provision.
            for lang in Language::ALL {
                assert_eq!(r(&reference.display_in(lang)), reference, "{lang}");
            }
        }
    }
}
