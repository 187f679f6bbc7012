//! The Twilio channel: Twilio's voice webhooks on the server (`webhooks`),
//! their form and signature (`form`, `signature`), TwiML (`twiml`, the only
//! place that writes it, pure), and the apology and "line busy" answers
//! (`apology`). The call's state travels in every action URL (see
//! ARCHITECTURE.md), so these handlers keep nothing between requests.

pub(crate) mod apology;
pub(crate) mod form;
pub mod signature;
pub mod twiml;
pub(crate) mod webhooks;
