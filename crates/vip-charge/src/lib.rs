//! Client, callback verification and sandbox for the VIP direct-recharge open API (MD5 / SHA256-RSA signing).
//!
//! Work in progress: see the project issues.
