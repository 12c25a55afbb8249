//! One module per `cargo xtask` subcommand.

pub mod check;
pub mod generate;
pub mod normalize;
pub mod providers;
