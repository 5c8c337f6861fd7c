//! Client, callback handling and sandbox for ChainUP opay crypto payments (RSA-encrypted, RSA-signed envelopes).
//!
//! Work in progress: see the project issues.
