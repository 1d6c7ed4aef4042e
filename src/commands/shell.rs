//! `mognad completions` and `mognad man`: shell completions and man pages, generated from the
//! same command-line definition that parses the arguments, in the language asked for.

use clap_complete::Shell;

use crate::cli::{self, ManArgs};
use crate::commands::Io;
use crate::error::{Error, Exit};
use crate::lang::Lang;

pub fn completions(shell: Shell, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let mut command = cli::command(lang);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "mognad", &mut script);
    crate::print(io.out, &String::from_utf8_lossy(&script))?;
    Ok(Exit::Ok)
}

/// The page for `mognad`, or for one of its commands as `mognad-COMMAND`.
pub fn man(args: &ManArgs, lang: Lang, io: &mut Io) -> Result<Exit, Error> {
    let mut command = cli::described(lang);
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                return Err(Error::NoSuchCommand {
                    name: name.clone(),
                    known: command
                        .get_subcommands()
                        .map(|s| s.get_name().to_string())
                        .collect(),
                });
            };
            sub.clone()
        }
    };
    // NAME is one line: the first of the about; DESCRIPTION has all of it.
    let about = page
        .get_about()
        .map(ToString::to_string)
        .unwrap_or_default();
    let first = about.lines().next().unwrap_or_default().to_string();
    let page = page.about(first).long_about(about);
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        })?;
    crate::print(io.out, &String::from_utf8_lossy(&roff))?;
    Ok(Exit::Ok)
}
