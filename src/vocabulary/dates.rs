//! Dates for readers, in the vocabulary's language. The pattern is the catalogue's
//! (`date-day`, `date-day-first`, `date-month`: "%-d %B %Y", "1er %B %Y", "%-d. %B %Y"), the month names chrono's locale
//! data (`unstable-locales`, from glibc's locales via `pure-rust-locales`).

use chrono::NaiveDate;

use crate::model::Date;

use super::Vocabulary;

/// `d` at its own precision: a day, a month or a year.
pub(super) fn format(words: &Vocabulary, d: Date) -> String {
    let (pattern, day) = match (d.month, d.day) {
        // French writes the first of a month as an ordinal: "1er juillet 2025".
        (Some(_), Some(1)) => ("date-day-first", 1),
        (Some(_), Some(day)) => ("date-day", day),
        (Some(_), None) => ("date-month", 1),
        _ => return d.year.to_string(),
    };
    let month = d.month.unwrap_or(1);
    match NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(month), u32::from(day)) {
        Some(date) => date
            .format_localized(words.name(pattern), words.language().date_locale())
            .to_string(),
        // Validation only lets real dates through; should one slip, it is still shown.
        None => d.to_string(),
    }
}
