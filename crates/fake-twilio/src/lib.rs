//! A fake Twilio: what the absence line's tests, its load generator
//! (`src/bin/loadgen/`) and its webhook fuzz target need to talk to the
//! server as Twilio would, written once.
//!
//! - [`params`]: the form parameters Twilio posts to a Voice webhook.
//! - [`signature`]: `X-Twilio-Signature`, computed from Twilio's documented
//!   algorithm and nothing of the server's, so that a bug in the server's
//!   verifier cannot be mirrored here and pass unseen.
//! - [`twiml`]: what a caller hears and where Twilio goes next.
//! - [`scenario`]: the shipped call flow's key sequences, named.
//!
//! No I/O: each user brings its own HTTP client (reqwest in the tests,
//! hyper's connection API in the load generator and the fuzz target).

pub mod params;
pub mod scenario;
pub mod signature;
pub mod twiml;

pub use scenario::Press;
pub use signature::Signer;
pub use twiml::Twiml;
