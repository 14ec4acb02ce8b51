//! The project stage: the files of a plan repository around the plans:
//! config files, which files to check, rule packs, baselines, and how
//! users' files are read and their paths shown.

pub(crate) mod baseline;
pub(crate) mod config;
pub(crate) mod config_file;
pub(crate) mod config_model;
pub(crate) mod config_set;
pub(crate) mod containment;
pub mod discover;
pub mod git;
pub(crate) mod packs;
pub(crate) mod paths;
pub(crate) mod pseudo_files;
pub(crate) mod read;
