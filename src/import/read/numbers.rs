//! The numbers printed before paragraphs and points (`1.`, `(a)`, `(iv)`, `a)`, `—`) and
//! the numbers of units (`Article 12a`, `ANNEX IV`, `(5a)`).
//!
//! Formats that mark numbers up (Formex `NO.PARAG`, AKN `num`) still need them classified;
//! formats that do not (OJ XHTML's `1.   This Regulation`, plain text) need them split off
//! first. Both go through here so that every reader agrees on what a number is.

/// How a paragraph or point is numbered. Points of one style at one place are siblings; a
/// different style opens a level below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `1.`, `12a.`: paragraphs.
    Arabic,
    /// `4.5.`: sections of annexes.
    Decimal,
    /// `(1)`, `1)`: definitions and points numbered with digits.
    ArabicParen,
    /// `(a)`, `a)`, `(aa)`.
    Letter,
    /// `(i)`, `(iv)`, `ii)`.
    Roman,
    /// `I.`, `IV.`.
    UpperRoman,
    /// `A.`, `(A)`.
    UpperLetter,
    /// `—`, `–`, `-`: indents.
    Dash,
    /// `•`, `▪`: bullets.
    Bullet,
}

const DASHES: [char; 4] = ['—', '–', '-', '−'];
const BULLETS: [char; 9] = ['•', '▪', '◦', '○', '·', '\u{F0A7}', '\u{F0B7}', 'Ÿ', '■'];

/// Splits the number off the start of a paragraph: `("1.", "This Regulation ...")`. The
/// number must be followed by a space or end the text; `None` when the text starts with no
/// number.
pub fn split_num(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let end = num_len(text)?;
    let (num, rest) = text.split_at(end);
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        Some((num, rest.trim_start()))
    } else {
        None
    }
}

/// A number the Parliament prints with a space for an inserted point, "(a a) text" or
/// "(iii a) text": the number without the space (`(aa)`, `(iiia)`) and the rest.
pub fn split_spaced_num(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let close = text.find(')')?;
    let inner = text.get(1..close).filter(|_| text.starts_with('('))?;
    let words: Vec<&str> = inner.split_whitespace().collect();
    let short = |w: &str, n: usize| w.len() <= n && w.chars().all(|c| c.is_ascii_alphanumeric());
    if !matches!(words.as_slice(), [a, b] if short(a, 4) && short(b, 2)) {
        return None;
    }
    let num = format!("({})", words.concat());
    let rest = &text[close + 1..];
    let valid = matches!(split_num(&num), Some((_, "")));
    (valid && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
        .then(|| (num, rest.trim_start()))
}

/// The length in bytes of the number at the start of `text`, if it starts with one.
fn num_len(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    if DASHES.contains(&first) || BULLETS.contains(&first) {
        return Some(first.len_utf8());
    }
    if first == '(' {
        let inner = text[1..].find(')')?;
        let label = &text[1..1 + inner];
        return is_label(label, true).then_some(inner + 2);
    }
    let stop = text.find(|c: char| c == '.' || c == ')' || c.is_whitespace())?;
    let label = &text[..stop];
    match text[stop..].chars().next() {
        Some(')') if is_label(label, false) && !is_upper_roman(label) => Some(stop + 1),
        Some('.') => dotted_len(text),
        _ => None,
    }
}

/// `1.`, `12a.`, `4.5.`, `IV.`, `A.`: the length including the last full stop.
fn dotted_len(text: &str) -> Option<usize> {
    let mut end = 0;
    let mut parts = 0;
    for part in text.split_inclusive('.') {
        let Some(label) = part.strip_suffix('.') else {
            break;
        };
        let arabic = is_arabic(label);
        let upper = parts == 0 && (is_upper_roman(label) || is_upper_letter(label));
        if !(arabic || upper) || (parts > 0 && !label.chars().all(|c| c.is_ascii_digit())) {
            break;
        }
        end += part.len();
        parts += 1;
        if upper {
            break;
        }
    }
    (parts > 0).then_some(end)
}

/// `12`, `12a`: one to three digits, then at most three lower-case letters.
fn is_arabic(label: &str) -> bool {
    let digits = label.chars().take_while(char::is_ascii_digit).count();
    let letters = &label[digits..];
    (1..=3).contains(&digits)
        && letters.len() <= 3
        && letters.chars().all(|c| c.is_ascii_lowercase())
}

fn is_upper_roman(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 6
        && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && roman_value(&label.to_ascii_lowercase()).is_some()
}

fn is_upper_letter(label: &str) -> bool {
    label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase())
}

/// A label inside parentheses (or before `)`): `1`, `12a`, `a`, `aa`, `iv`, and, inside
/// parentheses only, `A`.
fn is_label(label: &str, parenthesised: bool) -> bool {
    is_arabic(label)
        || (!label.is_empty() && label.len() <= 8 && label.chars().all(|c| c.is_ascii_lowercase()))
        || (parenthesised && is_upper_letter(label))
}

/// The value of a lower-case roman numeral made of `i`, `v` and `x` (`iv` is 4), if `s` is
/// a valid one. `l` and `c` are left out on purpose: `(l)` and `(c)` are letter points.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let value = u32::try_from(total).ok()?;
    (to_roman(value) == s).then_some(value)
}

/// The lower-case roman numeral of `n` (1 to 39 in the forms [`roman_value`] reads back).
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
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

/// The label of a number without its punctuation: `(a)` → `a`, `1.` → `1`, `a)` → `a`,
/// `4.5.` → `4.5`. Used to find a point named in a location ("point a").
pub fn key(num: &str) -> String {
    num.trim()
        .trim_start_matches('(')
        .trim_end_matches(['.', ')'])
        .to_lowercase()
}

/// The style of a number as printed. Single `i`, `v` and `x` are returned as
/// [`Style::Roman`]; [`crate::import::read::outline`] decides from their siblings whether
/// they are letters.
pub fn style(num: &str) -> Style {
    let num = num.trim();
    let Some(first) = num.chars().next() else {
        return Style::Bullet;
    };
    if DASHES.contains(&first) {
        return Style::Dash;
    }
    if BULLETS.contains(&first) {
        return Style::Bullet;
    }
    let label = key(num);
    let paren = num.ends_with(')');
    if label.contains('.') {
        return Style::Decimal;
    }
    if label.starts_with(|c: char| c.is_ascii_digit()) {
        return if paren {
            Style::ArabicParen
        } else {
            Style::Arabic
        };
    }
    let original = num.trim_start_matches('(').trim_end_matches(['.', ')']);
    if !paren && is_upper_roman(original) {
        return Style::UpperRoman;
    }
    if original.chars().all(|c| c.is_ascii_uppercase()) {
        return Style::UpperLetter;
    }
    if roman_value(&label).is_some() {
        Style::Roman
    } else {
        Style::Letter
    }
}

/// The number of a unit heading (`Article 12a`, `Article premier`, `ANNEX IV`, `Annex`),
/// given the heading's words after the part name. Returns the canonical number text
/// (`12a`, `1`, `IV`); an empty string for an annex without a number.
pub fn unit_number(rest: &str) -> Option<String> {
    let rest = rest
        .trim()
        .trim_end_matches([':', '.'])
        .trim_end_matches("(new)")
        .trim();
    let lower = rest.to_lowercase();
    if matches!(
        lower.as_str(),
        "premier" | "1er" | "erster" | "primo" | "primero"
    ) {
        return Some("1".into());
    }
    let compact: String = rest.split_whitespace().collect();
    let digits = compact.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let suffix = &compact[digits..];
        let ok =
            (digits <= 3 && suffix.len() <= 3 && suffix.chars().all(|c| c.is_ascii_lowercase()))
                || latin_suffix(suffix);
        return ok.then(|| compact.clone());
    }
    let roman: String = compact.chars().take_while(|c| "IVX".contains(*c)).collect();
    let suffix = &compact[roman.len()..];
    if roman.is_empty() && compact.is_empty() {
        return Some(String::new());
    }
    (roman_value(&roman.to_ascii_lowercase()).is_some()
        && suffix.len() <= 2
        && suffix.chars().all(|c| c.is_ascii_lowercase()))
    .then_some(compact)
}

fn latin_suffix(s: &str) -> bool {
    matches!(
        s,
        "bis" | "ter" | "quater" | "quinquies" | "sexies" | "septies" | "octies" | "novies"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_split_off_paragraphs() {
        assert_eq!(
            split_num("1.   This Regulation"),
            Some(("1.", "This Regulation"))
        );
        assert_eq!(split_num("(a) the placing"), Some(("(a)", "the placing")));
        assert_eq!(split_num("(12a) New"), Some(("(12a)", "New")));
        assert_eq!(split_num("a) systèmes"), Some(("a)", "systèmes")));
        assert_eq!(split_num("— Union entity"), Some(("—", "Union entity")));
        assert_eq!(split_num("4.5. Detailed"), Some(("4.5.", "Detailed")));
        assert_eq!(split_num("IV. Title"), Some(("IV.", "Title")));
        assert_eq!(split_num("(1)"), Some(("(1)", "")));
        assert_eq!(split_num("2024. The year"), None);
        assert_eq!(split_num("(Text with EEA relevance)"), None);
        assert_eq!(split_num("This Regulation"), None);
        assert_eq!(split_num("1.5 million"), None);
        assert_eq!(split_num("(a)b"), None);
        assert_eq!(split_num(""), None);
        assert_eq!(split_num("I am"), None);
    }

    #[test]
    fn spaced_numbers_of_inserted_points() {
        assert_eq!(
            split_spaced_num("(a a) AI systems"),
            Some(("(aa)".into(), "AI systems"))
        );
        assert_eq!(
            split_spaced_num("(iii a) safety"),
            Some(("(iiia)".into(), "safety"))
        );
        assert_eq!(split_spaced_num("(see below) text"), None);
        assert_eq!(split_spaced_num("(a) text"), None);
    }

    #[test]
    fn styles() {
        assert_eq!(style("1."), Style::Arabic);
        assert_eq!(style("(1)"), Style::ArabicParen);
        assert_eq!(style("(a)"), Style::Letter);
        assert_eq!(style("a)"), Style::Letter);
        assert_eq!(style("(iv)"), Style::Roman);
        assert_eq!(style("(i)"), Style::Roman);
        assert_eq!(style("(aa)"), Style::Letter);
        assert_eq!(style("—"), Style::Dash);
        assert_eq!(style("4.5."), Style::Decimal);
        assert_eq!(style("II."), Style::UpperRoman);
        assert_eq!(style("A."), Style::UpperLetter);
    }

    #[test]
    fn roman_numerals_round_trip() {
        for n in 1..=39 {
            assert_eq!(roman_value(&to_roman(n)), Some(n));
        }
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("ab"), None);
    }

    #[test]
    fn unit_numbers() {
        assert_eq!(unit_number("12a").as_deref(), Some("12a"));
        assert_eq!(unit_number("4 a (new)").as_deref(), Some("4a"));
        assert_eq!(unit_number("premier").as_deref(), Some("1"));
        assert_eq!(unit_number("IV").as_deref(), Some("IV"));
        assert_eq!(unit_number("I:").as_deref(), Some("I"));
        assert_eq!(unit_number("").as_deref(), Some(""));
        assert_eq!(unit_number("4 bis").as_deref(), Some("4bis"));
        assert_eq!(unit_number("of the Treaty"), None);
        assert_eq!(unit_number("12345"), None);
    }

    #[test]
    fn keys_drop_punctuation() {
        assert_eq!(key("(a)"), "a");
        assert_eq!(key("1."), "1");
        assert_eq!(key("ii)"), "ii");
        assert_eq!(key("4.5."), "4.5");
    }
}
