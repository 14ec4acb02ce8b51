//! Every integration test in one binary: each file here is a module.
//! One binary links the crate once; on two cores, linking 30 test
//! binaries was most of a test run.

#[path = "../lsp_client/mod.rs"]
mod lsp_client;
#[path = "../lsp_many_plans/mod.rs"]
mod lsp_many_plans;

mod action_workflow;
mod architecture;
mod catalog;
mod chinese_output;
mod chinese_rule_values;
mod cli;
mod cli_zh;
mod config_mistakes;
mod containment;
mod contracts;
mod corpus;
mod custom_rules;
mod fix;
mod git_security;
mod hardening;
mod hardening_numbers;
mod hostile_input;
mod loader;
mod lsp;
mod lsp_hover_speed;
mod lsp_locale;
mod lsp_protocol;
mod lsp_scale;
mod lsp_session;
mod markdown_injection;
mod neovim;
mod number_reading;
mod output_formats;
mod output_snapshots;
mod output_zh;
mod plain_words;
mod properties;
mod registry;
mod remedies;
mod report_and_diff;
mod rule_examples;
mod schema_findings;
#[cfg(unix)]
mod write_security;

/// The planlint binary, speaking English whatever the locale of the
/// machine running the tests (tests of Chinese ask for it themselves).
pub fn planlint_in_english() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("planlint").expect("the binary builds");
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}
