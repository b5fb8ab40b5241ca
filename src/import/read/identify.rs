//! The identifier a document states about itself: a CELEX number derived from an act's
//! title ("REGULATION (EU) 2024/903 OF ..." is `32024R0903`), a Commission document number
//! (`COM(2022) 209 final`), a Parliament text number (`P9_TA(2023)0236`).

/// `P9_TA(2023)0236` and the like: the number of a text adopted by the Parliament.
pub fn is_parliament_text(text: &str) -> bool {
    let t = text.trim();
    t.len() < 30 && t.starts_with('P') && t.contains("_TA(")
}

/// The CELEX number of an act from its title: `REGULATION (EU) 2024/903 OF THE ...` is
/// `32024R0903`, `Regulation (EU) No 1025/2012` is `32012R1025`. `None` when the title names
/// no regulation, directive or decision with a number.
pub fn celex_from_title(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let kinds = [
        ("regulation", 'R'),
        ("directive", 'L'),
        ("decision", 'D'),
        ("règlement", 'R'),
        ("décision", 'D'),
        ("verordnung", 'R'),
        ("richtlinie", 'L'),
        ("beschluss", 'D'),
        ("reglamento", 'R'),
        ("directiva", 'L'),
        ("decisión", 'D'),
        ("regolamento", 'R'),
        ("direttiva", 'L'),
        ("decisione", 'D'),
        ("verordening", 'R'),
        ("richtlijn", 'L'),
        ("besluit", 'D'),
    ];
    let (kind, rest) = kinds
        .iter()
        .find_map(|(word, letter)| lower.strip_prefix(word).map(|rest| (*letter, rest)))?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('(')?;
    let (_, rest) = rest.split_once(')')?;
    let rest = rest.trim_start();
    // Before 2015 the number came first: "No 1025/2012"; since then the year: "2024/903".
    let marker = ["no ", "n° ", "nr. ", "n. ", "nº "]
        .iter()
        .find(|m| rest.starts_with(**m));
    let numbered_first = marker.is_some();
    let rest = marker.map_or(rest, |m| &rest[m.len()..]).trim_start();
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '/')
        .collect();
    let (a, b) = token.split_once('/')?;
    let looks_like_year = |s: &str| s.len() == 4 && (s.starts_with("19") || s.starts_with("20"));
    let (year, number) = if !numbered_first && looks_like_year(a) {
        (a, b)
    } else {
        (b, a)
    };
    let number: u32 = number.parse().ok()?;
    (year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) && number > 0)
        .then(|| format!("3{year}{kind}{number:04}"))
}

/// The first Commission document number in `text`: `COM(2022) 209 final`.
pub fn com_number(text: &str) -> Option<String> {
    let start = text.find("COM(")?;
    let rest = &text[start..];
    let close = rest.find(')')?;
    let after = rest[close + 1..].trim_start();
    let number: String = after.chars().take_while(char::is_ascii_digit).collect();
    if number.is_empty() {
        return None;
    }
    let final_word = after[number.len()..].trim_start().starts_with("final");
    let base = format!("{} {}", &rest[..=close], number);
    Some(if final_word {
        format!("{base} final")
    } else {
        base
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn celex_numbers_come_from_titles() {
        assert_eq!(
            celex_from_title("REGULATION (EU) 2024/903 OF THE EUROPEAN PARLIAMENT").as_deref(),
            Some("32024R0903")
        );
        assert_eq!(
            celex_from_title("Regulation (EU) 2016/679 of the European Parliament").as_deref(),
            Some("32016R0679")
        );
        assert_eq!(
            celex_from_title("Regulation (EU) No 1025/2012 of the European Parliament").as_deref(),
            Some("32012R1025")
        );
        assert_eq!(
            celex_from_title("DIRECTIVE (EU) 2019/1024 OF").as_deref(),
            Some("32019L1024")
        );
        assert_eq!(
            celex_from_title("RÈGLEMENT (UE) 2024/1689 DU PARLEMENT EUROPÉEN").as_deref(),
            Some("32024R1689")
        );
        assert_eq!(celex_from_title("Proposal for a Regulation"), None);
    }

    #[test]
    fn other_identifiers() {
        assert!(is_parliament_text("P9_TA(2023)0236"));
        assert!(!is_parliament_text("Artificial Intelligence Act"));
        assert_eq!(
            com_number("Brussels, 11.5.2022 COM(2022) 209 final 2022/0155 (COD)").as_deref(),
            Some("COM(2022) 209 final")
        );
        assert_eq!(
            com_number("COM(2021)0206").as_deref(),
            Some("COM(2021) 0206")
        );
        assert_eq!(com_number("no number"), None);
    }
}
