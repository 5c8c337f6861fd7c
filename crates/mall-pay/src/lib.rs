//! Client and sandbox for the mall order payment API (WeChat, Alipay, points).
//!
//! Work in progress: see the project issues.
