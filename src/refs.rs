//! PLACEHOLDER until the real module lands (same API).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LegalRef(String);
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefError {
    pub message: String,
    pub help: String,
}
impl LegalRef {
    pub fn parse(s: &str) -> Result<LegalRef, RefError> {
        if s.trim().is_empty() {
            return Err(RefError {
                message: "empty".into(),
                help: "x".into(),
            });
        }
        Ok(LegalRef(s.trim().to_string()))
    }
    pub fn canonical(&self) -> String {
        self.0.clone()
    }
    pub fn anchor(&self) -> String {
        self.0
            .to_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    }
}
impl std::fmt::Display for LegalRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
