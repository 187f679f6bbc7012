//! The ceiling: the least an axum webhook can do (parse the form, answer
//! fixed TwiML), the yardstick every figure is divided by.

use axum::Form;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::post;

/// A kind-menu-sized answer (a `<Gather>` with one `<Say>`, a `<Redirect>`).
pub const CEILING_TWIML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/voice/loadtest/step?s=reason&amp;l=ja&amp;t=0.0.0&amp;a.kind=absence&amp;a.student=1001" timeout="6" finishOnKey="" numDigits="1">"#,
    r#"<Say voice="Polly.Mizuki" language="ja-JP">理由を選んでください。病気は1、けがは2、通院は3、家庭の事情は4、忌引は5、感染症は6、その他は9を押してください。</Say></Gather>"#,
    r#"<Redirect>/voice/loadtest/step?s=reason&amp;l=ja&amp;t=0.0.0&amp;a.kind=absence&amp;a.student=1001&amp;in=none</Redirect></Response>"#,
);

pub async fn minimal(Form(params): Form<Vec<(String, String)>>) -> impl IntoResponse {
    std::hint::black_box(params);
    (
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        CEILING_TWIML,
    )
}

pub fn ceiling_router() -> Router {
    Router::new()
        .route("/voice/{school}", post(minimal))
        .route("/voice/{school}/step", post(minimal))
        .route("/voice/{school}/status", post(minimal))
}

#[cfg(test)]
mod tests {
    use fake_twilio::Twiml;
    use fake_twilio::scenario::waits_at;

    use super::*;

    /// A caller can follow the ceiling's answer as it follows the server's.
    #[test]
    fn hears_gather_redirect_and_hangup() {
        let h = Twiml::read(CEILING_TWIML).unwrap();
        assert_eq!(
            h.action(),
            Some("/voice/loadtest/step?s=reason&l=ja&t=0.0.0&a.kind=absence&a.student=1001")
        );
        assert!(waits_at(h.action().unwrap(), "reason"));
        assert!(!waits_at(h.action().unwrap(), "kind"));
        assert!(h.redirect.unwrap().ends_with("&in=none"));
        assert!(!h.hangup);
        assert!(
            Twiml::read("<Response><Say>x</Say><Hangup/></Response>")
                .unwrap()
                .hangup
        );
    }
}
