//! The Neovim session of CI (.ci/neovim/session.lua), run here too when
//! Neovim is installed; CI installs it and always runs it.

use std::process::Command;

#[test]
fn a_neovim_session_with_planlint_lsp() {
    let installed = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !installed {
        eprintln!("skipped: nvim is not installed (.ci/run installs it and runs this session)");
        return;
    }
    let output = Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/neovim/run"))
        .arg(env!("CARGO_BIN_EXE_planlint"))
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(said.contains("all checks passed"), "{said}");
}
