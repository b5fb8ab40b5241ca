//! The member states' English names by code, the list the Council's map and tables walk
//! in protocol order (each language's names are its catalogue's `country-XX` messages).

/// The EU27 member states' names, by code, in protocol order.
pub const EU27_NAMES: [(&str, &str); 27] = [
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("DE", "Germany"),
    ("EE", "Estonia"),
    ("IE", "Ireland"),
    ("EL", "Greece"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("HR", "Croatia"),
    ("IT", "Italy"),
    ("CY", "Cyprus"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("HU", "Hungary"),
    ("MT", "Malta"),
    ("NL", "Netherlands"),
    ("AT", "Austria"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("RO", "Romania"),
    ("SI", "Slovenia"),
    ("SK", "Slovakia"),
    ("FI", "Finland"),
    ("SE", "Sweden"),
];

/// A member state's English name, by its EU code.
pub fn country_name(code: &str) -> Option<&'static str> {
    EU27_NAMES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// A phrase inside a sentence: its first letter in lower case.
pub(super) fn in_sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
