//! Client and sandbox for the Acqra online payment gateway (cards and wallets).
//!
//! Work in progress: see the project issues.
