//! The fixed wording that marks the parts of an EU act, in the languages trilogue reads
//! structure from text in (English, French, German, Spanish, Italian, Dutch).
//!
//! Formats that do not mark structure up (a Commission proposal's Word paragraphs, plain
//! text) are cut by these cues: the citations start at "Having regard to", the recitals at
//! "Whereas:", the articles after "HAVE ADOPTED THIS REGULATION:", and they end at
//! "Done at". Every test here is on one paragraph's text, already cleaned.

use crate::import::read::numbers::unit_number;

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let lower = text.to_lowercase();
    prefixes.iter().any(|p| lower.starts_with(p))
}

/// "Having regard to the Treaty ...", the first words of a citation.
pub fn is_citation_start(text: &str) -> bool {
    starts_with_any(
        text,
        &[
            "having regard to",
            "vu le",
            "vu la",
            "vu l",
            "gestützt auf",
            "visto el",
            "visto la",
            "vista la",
            "visto il",
            "vista la",
            "gezien het",
            "gezien de",
        ],
    )
}

/// "Whereas:", the line introducing the recitals.
pub fn is_recital_intro(text: &str) -> bool {
    text.chars().count() < 60
        && starts_with_any(
            text,
            &[
                "whereas",
                "considérant ce qui suit",
                "in erwägung nachstehender gründe",
                "in erwägung nachstehenden grundes",
                "considerando lo siguiente",
                "considerando quanto segue",
                "overwegende hetgeen volgt",
            ],
        )
}

/// "HAVE ADOPTED THIS REGULATION:", the enacting formula before the articles.
pub fn is_enacting_formula(text: &str) -> bool {
    if text.chars().count() > 150 {
        return false;
    }
    let upper = text.to_uppercase();
    [
        "HAVE ADOPTED THIS",
        "HAS ADOPTED THIS",
        "ONT ADOPTÉ",
        "A ADOPTÉ",
        "FOLGENDE VERORDNUNG ERLASSEN",
        "FOLGENDE RICHTLINIE ERLASSEN",
        "FOLGENDEN BESCHLUSS ERLASSEN",
        "HAN ADOPTADO",
        "HA ADOPTADO",
        "HANNO ADOTTATO",
        "HA ADOTTATO",
        "VASTGESTELD",
    ]
    .iter()
    .any(|cue| upper.contains(cue))
        && text.chars().filter(|c| c.is_lowercase()).count() * 4
            < text.chars().filter(|c| c.is_alphabetic()).count()
}

/// "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,": the institutions
/// acting, in capitals, just before the citations.
pub fn is_preamble_init(text: &str) -> bool {
    text.ends_with(',')
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
}

/// Splits a heading made of a part name and a number: `("Article", "12a")`.
fn heading<'a>(text: &'a str, names: &[&str]) -> Option<(&'a str, String)> {
    if text.chars().count() > 30 {
        return None;
    }
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let word = word.trim_end_matches(':');
    let lower = word.to_lowercase();
    if !names.contains(&lower.as_str()) {
        return None;
    }
    unit_number(rest).map(|n| (word, n))
}

/// The number of an article heading: "Article 12a" is `12a`, "Article premier" is `1`.
pub fn article_heading(text: &str) -> Option<String> {
    // "Article 49." on a line of its own ends a sentence ("... in accordance with Article 49.").
    if text.ends_with(['.', ',', ';']) {
        return None;
    }
    let names = ["article", "art.", "artikel", "artículo", "articolo"];
    let (_, number) = heading(text, &names)?;
    (!number.is_empty() && number.starts_with(|c: char| c.is_ascii_digit())).then_some(number)
}

/// The number of an annex heading: "ANNEX IV" is `IV`, "ANNEX" is an empty string. A
/// heading in lower case ("Annex IV") counts only with a number.
pub fn annex_heading(text: &str) -> Option<String> {
    let names = ["annex", "annexe", "anhang", "anexo", "allegato", "bijlage"];
    let (word, number) = heading(text, &names)?;
    let capitals = !word.chars().any(char::is_lowercase);
    let roman = number.starts_with(['I', 'V', 'X']) || number.is_empty();
    (roman && (capitals || !number.is_empty())).then_some(number)
}

/// An annex heading followed by its title on the same line, "ANNEX I: LIST OF ..." or
/// "ANNEX II – Title": the number and the title.
pub fn annex_heading_with_title(text: &str) -> Option<(String, String)> {
    let (head, title) = text
        .split_once(": ")
        .or_else(|| text.split_once(" – "))
        .or_else(|| text.split_once(" — "))?;
    let number = annex_heading(head.trim())?;
    let title = title.trim();
    (!title.is_empty()).then(|| (number, title.to_string()))
}

/// "CHAPTER II", "Section 3", "TITLE IV": a heading grouping articles, not a unit.
pub fn is_grouping_heading(text: &str) -> bool {
    let names = [
        "chapter",
        "section",
        "subsection",
        "title",
        "part",
        "chapitre",
        "titre",
        "partie",
        "kapitel",
        "abschnitt",
        "titel",
        "teil",
        "capítulo",
        "sección",
        "título",
        "parte",
        "capo",
        "sezione",
        "titolo",
        "hoofdstuk",
        "afdeling",
        "deel",
    ];
    if text.chars().count() > 40 {
        return false;
    }
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let rest = rest.trim().trim_end_matches([':', '.']);
    names.contains(&word.to_lowercase().as_str())
        && !rest.is_empty()
        && rest.split_whitespace().count() <= 2
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c.is_whitespace())
}

/// "Done at Brussels," or the final formula ("This Regulation shall be binding in its
/// entirety ..."): the articles are over.
pub fn is_closing(text: &str) -> bool {
    starts_with_any(
        text,
        &[
            "done at ",
            "fait à ",
            "geschehen zu ",
            "hecho en ",
            "fatto a ",
            "gedaan te ",
            "this regulation shall be binding in its entirety",
            "this directive is addressed to",
            "this decision is addressed to",
            "le présent règlement est obligatoire dans tous ses éléments",
            "les états membres sont destinataires",
            "diese verordnung ist in allen ihren teilen verbindlich",
            "diese richtlinie ist an die mitgliedstaaten gerichtet",
            "el presente reglamento será obligatorio en todos sus elementos",
            "los destinatarios de la presente directiva",
            "il presente regolamento è obbligatorio in tutti i suoi elementi",
            "gli stati membri sono destinatari",
            "deze verordening is verbindend in al haar onderdelen",
            "deze richtlijn is gericht tot de lidstaten",
        ],
    )
}

/// The Commission's "LEGISLATIVE FINANCIAL STATEMENT", annexed to a proposal but not part
/// of the act.
pub fn is_financial_statement(text: &str) -> bool {
    let upper = text.to_uppercase();
    [
        "LEGISLATIVE FINANCIAL STATEMENT",
        "FICHE FINANCIÈRE LÉGISLATIVE",
        "FINANZBOGEN ZU RECHTSAKTEN",
        "FICHA FINANCIERA LEGISLATIVA",
        "SCHEDA FINANZIARIA LEGISLATIVA",
        "FINANCIEEL MEMORANDUM",
    ]
    .iter()
    .any(|cue| upper.starts_with(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(article_heading("Article 12a").as_deref(), Some("12a"));
        assert_eq!(article_heading("Article premier").as_deref(), Some("1"));
        assert_eq!(article_heading("Artikel 3").as_deref(), Some("3"));
        assert_eq!(article_heading("Article 4 a (new)").as_deref(), Some("4a"));
        assert_eq!(article_heading("Article 3 of the Treaty"), None);
        assert_eq!(article_heading("Articles"), None);
        assert_eq!(article_heading("Article 49."), None);
        assert_eq!(annex_heading("ANNEX IV").as_deref(), Some("IV"));
        assert_eq!(annex_heading("ANNEX I:").as_deref(), Some("I"));
        assert_eq!(annex_heading("ANNEX").as_deref(), Some(""));
        assert_eq!(annex_heading("ANNEXE III").as_deref(), Some("III"));
        assert_eq!(annex_heading("Annex"), None);
        assert_eq!(annex_heading("ANNEXES"), None);
        assert_eq!(
            annex_heading_with_title("ANNEX II: LIST OF UNION HARMONISATION LEGISLATION"),
            Some((
                "II".into(),
                "LIST OF UNION HARMONISATION LEGISLATION".into()
            ))
        );
        assert_eq!(annex_heading_with_title("Annex: see below"), None);
        assert!(is_grouping_heading("CHAPTER II"));
        assert!(is_grouping_heading("Section 3"));
        assert!(!is_grouping_heading("Section 3 applies to providers"));
    }

    #[test]
    fn preamble_cues() {
        assert!(is_citation_start("Having regard to the Treaty"));
        assert!(is_citation_start("vu le traité sur le fonctionnement"));
        assert!(is_recital_intro("Whereas:"));
        assert!(is_recital_intro("considérant ce qui suit:"));
        assert!(is_enacting_formula("HAVE ADOPTED THIS REGULATION:"));
        assert!(is_enacting_formula("ONT ADOPTÉ LE PRÉSENT RÈGLEMENT:"));
        assert!(!is_enacting_formula(
            "The Member States have adopted this regulation"
        ));
        assert!(is_preamble_init(
            "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"
        ));
        assert!(is_closing("Done at Brussels,"));
        assert!(is_closing(
            "This Regulation shall be binding in its entirety and directly applicable"
        ));
        assert!(is_financial_statement("LEGISLATIVE FINANCIAL STATEMENT"));
    }
}
