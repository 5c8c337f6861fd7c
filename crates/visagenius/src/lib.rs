//! Signed client, callback verification and sandbox for the VisaGenius open visa API.
//!
//! Work in progress: see the project issues.
