//! `cargo xtask`: developer tasks for the paykit workspace.

fn main() {
    eprintln!("usage: cargo xtask codegen [--check]");
    std::process::exit(2);
}
