//! Unit tests for `speech`: see the integration tests for whole calls.
