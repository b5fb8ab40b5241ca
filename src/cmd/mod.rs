//! The command line: one module per subcommand, each with its own arguments and an
//! `execute` function (the layout of mdBook's `src/cmd`). `main.rs` only parses and
//! calls [`run`].

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub mod brief;
pub mod build;
pub mod changes;
pub mod check;
pub mod diff;
pub mod import;
pub mod new;
pub mod schema;
pub mod serve;

/// Exit codes: 0 success, 1 invalid data, 2 usage or I/O error.
pub const EXIT_INVALID_DATA: u8 = 1;
pub const EXIT_USAGE_OR_IO: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "trilogue",
    version,
    about = "Compare the Commission's, the Parliament's and the Council's positions on an EU law, provision by provision",
    after_help = "Examples:\n  trilogue check                 validate positions/\n  trilogue build                 write the website to site/\n  trilogue brief csar            a PDF briefing on the dossier csar\n  trilogue diff old.txt new.txt  word diff of two text files\n  trilogue import csar act.html --institution agreement --date 2024-07-12 --source reg-2024-1\n                                 add a published text to a dossier\n\nDocumentation: README.md and CONTRIBUTING.md"
)]
pub struct Cli {
    /// The project folder, where positions/ and templates/ are.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print what each phase does and how long it takes.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website from positions/ into site/.
    Build(build::Args),
    /// Write a printable briefing on a dossier (PDF or HTML).
    Brief(brief::Args),
    /// Validate positions/ without writing anything.
    Check(check::Args),
    /// Show a word diff of two text files.
    Diff(diff::Args),
    /// Write the JSON Schemas of the YAML files (for editor completion).
    Schema(schema::Args),
    /// Create a new dossier or provision from a commented template.
    New(new::Args),
    /// Add the texts of a published document (EUR-Lex, Formex, AKN, Parliament, plain text) to a dossier.
    Import(import::Args),
    /// Summarise what changed in the positions between two revisions.
    Changes(changes::Args),
    /// Preview the site locally, rebuilding and reloading on every edit.
    Serve(serve::Args),
}

/// Shared settings every command receives.
pub struct Context {
    pub root: PathBuf,
    pub quiet: bool,
    /// Whether stdout/stderr may be coloured: a terminal, and no `NO_COLOR`.
    pub color_stdout: bool,
    pub color_stderr: bool,
}

pub fn run(cli: Cli) -> ExitCode {
    init_logging(cli.verbose, cli.quiet);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ctx = Context {
        root: cli.root,
        quiet: cli.quiet,
        color_stdout: !no_color && std::io::stdout().is_terminal(),
        color_stderr: !no_color && std::io::stderr().is_terminal(),
    };
    let result = match cli.command {
        Command::Build(args) => build::execute(&ctx, args),
        Command::Brief(args) => brief::execute(&ctx, args),
        Command::Check(args) => check::execute(&ctx, args),
        Command::Diff(args) => diff::execute(&ctx, args),
        Command::Schema(args) => schema::execute(&ctx, args),
        Command::New(args) => new::execute(&ctx, args),
        Command::Import(args) => import::execute(&ctx, args),
        Command::Changes(args) => changes::execute(&ctx, args),
        Command::Serve(args) => serve::execute(&ctx, args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

fn init_logging(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) => log::LevelFilter::Error,
        (false, 0) => log::LevelFilter::Warn,
        (false, 1) => log::LevelFilter::Info,
        (false, _) => log::LevelFilter::Debug,
    };
    // `-v`/`-vv` are about trilogue's own phases; the libraries (html5ever, Typst,
    // Pagefind) log every token at debug level, which would bury them and slow the build.
    let _ = env_logger::Builder::new()
        .filter_level(level.min(log::LevelFilter::Warn))
        .filter_module("trilogue", level)
        .format_timestamp(None)
        .format_target(false)
        .try_init();
}
