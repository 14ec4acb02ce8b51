fn main() {
    std::process::exit(planlint::cli::run());
}
