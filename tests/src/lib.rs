//! Cross-crate end-to-end tests for paykit live in `tests/tests/`.
