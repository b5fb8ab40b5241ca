//! The languages trilogue writes for readers: the site's interface, the briefings, dates
//! and legal references. Each one has a message catalogue in `locales/<code>.ftl`
//! (see [`crate::vocabulary`]); adding a language is one variant here, its catalogue, and
//! its month names' locale for dates.
//!
//! A dossier's *content* may be in any language with a two-letter code (its `lang` and the
//! keys of its language maps); only the *interface* is limited to these.

use std::fmt;

use serde::Serialize;

/// A language with an interface catalogue. Serialised as its code (`"fr"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Fr,
    De,
}

impl Language {
    /// Every language with a catalogue, in the order language switches list them.
    pub const ALL: [Language; 3] = [Language::En, Language::Fr, Language::De];

    /// The ISO 639-1 code: `en`, `fr`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::De => "de",
        }
    }

    /// The language by its code (case-insensitive, surrounding spaces ignored).
    pub fn parse(code: &str) -> Result<Language, UnknownLanguage> {
        let wanted = code.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.code() == wanted)
            .ok_or_else(|| UnknownLanguage(code.to_string()))
    }

    /// The catalogue's text, compiled into the binary as the theme is.
    pub(crate) fn catalogue_source(self) -> &'static str {
        match self {
            Language::En => include_str!("../locales/en.ftl"),
            Language::Fr => include_str!("../locales/fr.ftl"),
            Language::De => include_str!("../locales/de.ftl"),
        }
    }

    /// The locale whose month names dates use (chrono's, from the glibc locale data).
    pub(crate) fn date_locale(self) -> chrono::Locale {
        match self {
            Language::En => chrono::Locale::en_GB,
            Language::Fr => chrono::Locale::fr_FR,
            Language::De => chrono::Locale::de_DE,
        }
    }

    /// A decimal number with two decimals, as the language writes it: `65.12`, `65,12`.
    pub fn decimal2(self, value: f64) -> String {
        let plain = format!("{value:.2}");
        match self {
            Language::En => plain,
            Language::Fr | Language::De => plain.replace('.', ","),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code with no interface catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        write!(
            f,
            "trilogue has no interface in `{}`: the languages with a catalogue are {} \
             (add one with a locales/<code>.ftl file, see the README)",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownLanguage {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_unknown_ones_are_named() {
        assert_eq!(Language::parse("fr"), Ok(Language::Fr));
        assert_eq!(Language::parse(" DE "), Ok(Language::De));
        let err = Language::parse("xx").unwrap_err().to_string();
        assert!(err.contains("`xx`") && err.contains("en, fr, de"), "{err}");
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(Language::En.decimal2(65.5), "65.50");
        assert_eq!(Language::Fr.decimal2(3.5), "3,50");
        assert_eq!(Language::De.decimal2(12.0), "12,00");
    }
}
