//! Client and sandbox for the Acqra online payment gateway (cards and wallets).
//!
//! Work in progress.

pub mod auth;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
pub mod models_ext;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod token;

pub use client::Client;
pub use config::{AuthHeader, Config, ConfigBuilder};
pub use error::Error;
pub use generated::*;
pub use models_ext::GatewayRequest;
pub use sign_core::{Decimal, DecimalNumber, SecretString};
pub use token::AccessToken;
