//! The `gongkai` binary: hands the command line to `gongkai::cli`.

fn main() -> std::process::ExitCode {
    gongkai::cli::main()
}
