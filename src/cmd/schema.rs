//! `trilogue schema`: write the JSON Schemas of the YAML files, for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::Context;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  trilogue schema            (writes schema/*.schema.json)\n\nEvery YAML file in positions/ names its schema on its first line, e.g.\n  # yaml-language-server: $schema=../../../schema/provision.schema.json\nso editors with the YAML language server (VS Code's YAML extension and others)\ncomplete fields and show their descriptions."
)]
pub struct Args {
    /// Where to write the schemas (relative to --root).
    #[arg(long, default_value = "schema", value_name = "DIR")]
    pub out: PathBuf,
}

pub fn execute(ctx: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let dir = ctx.root.join(&args.out);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, schema) in crate::schema::schemas() {
        let path = dir.join(name);
        std::fs::write(&path, crate::schema::to_file_text(&schema))
            .with_context(|| format!("cannot write {}", path.display()))?;
        if !ctx.quiet {
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
