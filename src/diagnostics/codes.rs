//! The kinds of problem `trilogue check` reports, one [`Code`] each.
//!
//! A code is stable: contributors search for it, CI logs quote it, and CONTRIBUTING.md's
//! table explains it (a test keeps the table and this list the same). One code names one
//! kind of problem, so that "E0024" always means the same fix; a new kind of problem gets
//! a new code rather than borrowing one.

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal, $meaning:literal;)*) => {
        /// A kind of problem in the data; see the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in the order of CONTRIBUTING.md's table.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as printed: `E0003`, `W0001`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $code,)*
                }
            }

            /// What the code means, as CONTRIBUTING.md's table says it.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$name => $meaning,)*
                }
            }
        }
    };
}

codes! {
    /// The file is not valid YAML.
    YamlSyntax = "E0001", "the file is not valid YAML (indentation, tabs, quotes, duplicate keys)";
    /// A field the record does not have, a missing field, or a value of the wrong kind.
    WrongStructure = "E0002", "wrong structure: unknown field, missing field, wrong kind of value";
    UnknownSource = "E0003", "unknown source id";
    UnknownTopic = "E0004", "unknown topic id";
    InvalidDate = "E0005", "invalid date";
    OutOfDateOrder = "E0006", "versions or stances not in date order";
    BadSameAs = "E0007", "`same_as` names the institution itself, or one without a position";
    SameAsCycle = "E0008", "`same_as` goes round in a circle";
    DuplicateRef = "E0009", "two provisions share a ref";
    NotALegalReference = "E0010", "not a legal reference";
    InvalidId = "E0011", "invalid id (folder, file, topic or source name)";
    ConflictingContent = "E0012", "a version has more than one of `text`, `same_as`, `deleted`";
    NotAMemberState = "E0013", "not an EU member state code";
    NotAnAllowedValue = "E0014", "not an allowed value (status, stance, role, institution)";
    MissingData = "E0015", "no `positions/` folder, or a dossier folder without `dossier.yaml`";
    EmptyValue = "E0016", "an empty or meaningless value";
    PopulationFigures = "E0017", "population figures that are incomplete or do not add up";
    UnknownFile = "E0018", "a file trilogue does not know";
    FileTooLarge = "E0019", "a file over the size limit (4 MiB)";
    NotAWebAddress = "E0020", "a source address that is not a web address";
    MemberStateTwice = "E0021", "a member state listed twice";
    ControlCharacter = "E0022", "a control character (such as an escape sequence) or a Unicode noncharacter in a text";
    Unreadable = "E0023", "a file or folder that cannot be read (permissions, an I/O error)";
    NotUtf8 = "E0024", "a file that is not UTF-8 text";
    OverSafetyLimits = "E0025", "YAML over the safety limits: nesting too deep, too many anchors, aliases or nodes, more than one document";
    SymbolicLink = "E0026", "a symbolic link under `positions/` (or `positions/` itself a link), which trilogue does not follow";
    NotARegularFile = "E0027", "a special file (a FIFO or a device) where a YAML file is expected";
    NotALanguageCode = "E0028", "not a language code (two or three lowercase letters, such as `en`)";
    ImportMapping = "E0029", "`import-map.yaml` names a provision that does not exist, one provision for two units of a source, or part of a unit (`Article 7(2)`)";
    VersionRefPart = "E0030", "a version's `ref` names another kind of provision than the provision's `ref` (a recital number on an article)";
    /// A summary row's `provisions:` names no provision of the dossier.
    UnknownProvision = "E0031", "a summary row cites a provision the dossier does not have, or cites none";
    /// A summary row holds what belongs to a provision.
    TextInSummaryRow = "E0032", "a summary row's version has a `text` or its own `ref`, which belong to the provisions it cites";
    MainLanguageNotPublished = "E0033", "`languages:` in dossier.yaml does not include the dossier's main language `lang`";
    UncitedSource = "W0001", "a source that nothing cites (warning)";
    LongSummary = "W0002", "a summary longer than 300 characters (warning)";
    TextWithoutSummary = "W0003", "a current position with a text but no summary: the table can only count its words (warning)";
    BeforeProposal = "W0004", "a position dated before the Commission proposal (warning)";
    NoSchemaLine = "W0005", "a file without its `# yaml-language-server: $schema=` line (warning)";
    BidiControl = "W0006", "a bidirectional control character (U+202A–U+202E, U+2066–U+2069) in a text; the site shows the text without it (warning)";
    ByteOrderMark = "W0007", "the file starts with a byte-order mark; accepted (warning)";
    WindowsLineEnds = "W0008", "the file has Windows (CRLF) line ends; accepted, reported once per run (warning)";
    RemovedLink = "W0009", "a Markdown link or image whose address is not http, https, mailto or relative (`javascript:`, `data:`, ...); the site shows its text without the link (warning)";
    StanceTextNotMet = "W0010", "a stance about a text (`text:`) that no Council meeting in `meetings:` has on its table, so no tally counts it (warning)";
    UnverifiedInWords = "W0011", "a timeline event that says \"unverified\" in its title or at the start of its description: set `unverified: true` instead, and the site marks it (warning)";
    UnpublishedLanguage = "W0012", "a language map with a language the dossier does not publish (not in `languages:`) (warning)";
    MissingTranslation = "W0013", "prose without a translation in a language the dossier publishes; readers see the main language's text, marked (warning, one per file)";
}

impl Code {
    /// Errors stop the build; warnings (`W` codes) do not.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// So that `d.code == "E0003"` reads as what it means, in tests and in tools.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CONTRIBUTING.md's table lists every code, in order, with the meaning given here: a
    /// code added, renumbered or reworded in one place and not the other fails.
    #[test]
    fn the_codes_are_the_table_of_contributing_md() {
        let text = include_str!("../../CONTRIBUTING.md");
        let table: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l
                    .trim()
                    .strip_prefix('|')?
                    .strip_suffix('|')?
                    .split(" | ")
                    .collect();
                match cells.as_slice() {
                    [code, meaning]
                        if code.trim().len() == 5
                            && code.trim().starts_with(['E', 'W'])
                            && code.trim()[1..].bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        Some((code.trim(), meaning.trim()))
                    }
                    _ => None,
                }
            })
            .collect();
        let ours: Vec<(&str, &str)> = Code::ALL
            .iter()
            .map(|c| (c.as_str(), c.meaning()))
            .collect();
        assert_eq!(table, ours);
    }

    #[test]
    fn codes_are_unique_and_sorted() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert_eq!(Code::UncitedSource.severity(), Severity::Warning);
        assert_eq!(Code::FileTooLarge.severity(), Severity::Error);
    }
}
