//! Client and sandbox for the Acqra online payment gateway (cards and wallets).
//!
//! Work in progress.

pub mod auth;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod token;

pub use client::Client;
pub use config::{AuthHeader, Config, ConfigBuilder};
pub use error::Error;
pub use sign_core::{Decimal, DecimalNumber, SecretString};
pub use token::AccessToken;
