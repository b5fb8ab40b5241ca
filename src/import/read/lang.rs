//! A guess of a text's language from its most common short words, for documents whose
//! markup declares none (plain text, a Word export), so that `trilogue import` can refuse a
//! file in another language than the dossier's.
//!
//! Legal texts are long and repetitive, so counting a dozen function words per language is
//! enough to tell English, French, German, Spanish, Italian and Dutch apart; a guess is only
//! returned when one language clearly leads.

/// Function words frequent in one language and rare in the others.
const STOP_WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "shall", "that", "be", "by", "with", "which", "this",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "et", "est", "dans", "pour", "une", "sont", "aux",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "den", "von", "zu", "mit", "ist", "für", "werden", "eine",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "en", "que", "por", "con", "para", "una", "será",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "della", "e", "per", "gli", "delle", "nel", "sono", "dei", "una",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "van", "een", "en", "dat", "voor", "met", "zijn", "wordt", "worden", "op",
        ],
    ),
];

/// The ISO 639-1 code of the language `text` is most likely in (`en`, `fr`, `de`, `es`,
/// `it`, `nl`), or `None` when the text is too short or no language clearly leads.
pub fn guess(text: &str) -> Option<&'static str> {
    let mut counts = [0usize; STOP_WORDS.len()];
    let mut total = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        total += 1;
        let lower = word.to_lowercase();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            if words.contains(&lower.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, &str)> = counts
        .iter()
        .zip(STOP_WORDS.iter())
        .map(|(n, (code, _))| (*n, *code))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let (best, code) = ranked[0];
    let second = ranked[1].0;
    (total >= 20 && best * 10 >= total && best >= second * 2).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_languages_of_the_same_provision() {
        let en = "This Regulation shall enter into force on the twentieth day following that \
                  of its publication in the Official Journal of the European Union. It shall \
                  apply from 2 August 2026 and shall be binding in its entirety.";
        let fr = "Le présent règlement entre en vigueur le vingtième jour suivant celui de sa \
                  publication au Journal officiel de l'Union européenne. Il est applicable à \
                  partir du 2 août 2026 et les dispositions sont obligatoires dans tous leurs \
                  éléments pour les États membres.";
        let de = "Diese Verordnung tritt am zwanzigsten Tag nach ihrer Veröffentlichung im \
                  Amtsblatt der Europäischen Union in Kraft. Sie gilt ab dem 2. August 2026 und \
                  ist in allen ihren Teilen verbindlich und gilt unmittelbar in jedem \
                  Mitgliedstaat, der die Regeln für die Anbieter anwenden muss.";
        assert_eq!(guess(en), Some("en"));
        assert_eq!(guess(fr), Some("fr"));
        assert_eq!(guess(de), Some("de"));
        assert_eq!(guess("Article 1"), None);
        assert_eq!(guess(""), None);
    }
}
