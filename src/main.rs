use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(mognad::run(std::env::args_os()) as u8)
}
