//! Reading TwiML as Twilio does: what the caller hears (`<Say>`, `<Play>`)
//! and where the call goes next (`<Gather action>`, `<Record action>`,
//! `<Redirect>`, `<Hangup>`).

use quick_xml::Reader;
use quick_xml::events::Event;

/// Why an answer is not TwiML Twilio would play (its error 12100).
#[derive(Debug, thiserror::Error)]
pub enum Malformed {
    #[error("not well-formed XML at byte {at}: {source}")]
    Xml { at: u64, source: quick_xml::Error },
    #[error("unclosed elements at the end")]
    Unclosed,
    #[error("no XML declaration first")]
    NoDeclaration,
    #[error("no <Response>")]
    NoResponse,
}

/// What a TwiML answer asks of the caller.
#[derive(Debug, Clone, Default)]
pub struct Twiml {
    pub raw: String,
    pub says: Vec<String>,
    pub voices: Vec<String>,
    /// `<Say language>` of each `<Say>`.
    pub languages: Vec<String>,
    /// Every `<Play>` URL.
    pub plays: Vec<String>,
    /// `<Say>`s and `<Play>`s in order, as "say:…"/"play:…".
    pub heard: Vec<String>,
    pub gather_action: Option<String>,
    pub gather_num_digits: Option<String>,
    pub gather_finish_on_key: Option<String>,
    /// `actionOnEmptyResult="true"`: silence still requests the action.
    pub gather_on_empty: bool,
    pub record_action: Option<String>,
    /// `<Record recordingStatusCallback>`.
    pub record_status_callback: Option<String>,
    pub redirect: Option<String>,
    pub hangup: bool,
}

impl Twiml {
    /// Read `raw`, which must be well-formed XML with every element closed.
    pub fn read(raw: &str) -> Result<Twiml, Malformed> {
        let mut t = Twiml {
            raw: raw.to_owned(),
            ..Default::default()
        };
        let mut r = Reader::from_str(raw);
        let mut depth = 0usize;
        let mut in_text: Option<String> = None;
        let mut buf = String::new();
        loop {
            let event = r.read_event().map_err(|source| Malformed::Xml {
                at: r.buffer_position(),
                source,
            })?;
            match event {
                Event::Start(e) => {
                    depth += 1;
                    t.element(&e, &mut in_text);
                }
                // A pause inside a `<Say>` separates what it joins, as a
                // listener hears it.
                Event::Empty(e) if in_text.is_some() && e.name().as_ref() == "break" => {
                    buf.push(' ')
                }
                Event::Empty(e) => t.element(&e, &mut in_text),
                Event::Text(x) => buf.push_str(&x.xml10_content()),
                Event::GeneralRef(x) => match quick_xml::escape::resolve_predefined_entity(&x) {
                    Some(c) => buf.push_str(c),
                    // Twilio would refuse it; keep it visible to the test.
                    None => buf.push_str(&format!("&{};", &*x)),
                },
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    let name = e.name().as_ref().to_owned();
                    if in_text.as_deref() == Some(name.as_str()) {
                        let text = std::mem::take(&mut buf);
                        match name.as_str() {
                            "Say" => {
                                t.heard.push(format!("say:{text}"));
                                t.says.push(text);
                            }
                            "Play" => {
                                t.heard.push(format!("play:{text}"));
                                t.plays.push(text);
                            }
                            _ => t.redirect = Some(text),
                        }
                        in_text = None;
                        buf.clear();
                    } else if in_text.is_none() {
                        buf.clear();
                    }
                    // Else the end of SSML inside a `<Say>` (`<say-as>`,
                    // `<sub>`): its text is part of what is said.
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if depth != 0 {
            return Err(Malformed::Unclosed);
        }
        Ok(t)
    }

    /// Take what a start or empty element says; `in_text` names the
    /// element whose text comes next (`<Say>`, `<Play>`, `<Redirect>`).
    fn element(&mut self, e: &quick_xml::events::BytesStart<'_>, in_text: &mut Option<String>) {
        let name = e.name().as_ref().to_owned();
        let attr = |k: &str| {
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref() == k)
                .and_then(|a| {
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .ok()
                        .map(|v| v.into_owned())
                })
        };
        match name.as_str() {
            "Gather" => {
                self.gather_action = attr("action");
                self.gather_num_digits = attr("numDigits");
                self.gather_finish_on_key = attr("finishOnKey");
                self.gather_on_empty = attr("actionOnEmptyResult").as_deref() == Some("true");
            }
            "Record" => {
                self.record_action = attr("action");
                self.record_status_callback = attr("recordingStatusCallback");
            }
            "Hangup" => self.hangup = true,
            "Say" => {
                self.voices.push(attr("voice").unwrap_or_default());
                self.languages.push(attr("language").unwrap_or_default());
                *in_text = Some(name);
            }
            "Play" | "Redirect" => *in_text = Some(name),
            _ => {}
        }
    }

    /// [`Twiml::read`] for a test: a malformed answer is a failed test.
    pub fn parse(raw: &str) -> Twiml {
        match Twiml::read(raw) {
            Ok(t) => t,
            Err(e) => panic!("TwiML is well-formed XML: {e}\n{raw}"),
        }
    }

    /// [`Twiml::read`], and also what Twilio requires of a whole answer: the
    /// XML declaration first (nothing before it) and a `<Response>`.
    pub fn read_response(raw: &str) -> Result<Twiml, Malformed> {
        if !raw.starts_with("<?xml") {
            return Err(Malformed::NoDeclaration);
        }
        if !raw.contains("<Response>") {
            return Err(Malformed::NoResponse);
        }
        Twiml::read(raw)
    }

    /// Everything said, in order.
    pub fn said(&self) -> String {
        self.says.join(" ")
    }

    pub fn says_any(&self, needle: &str) -> bool {
        self.says.iter().any(|s| s.contains(needle))
    }

    /// Where the keys or the recording go: the `<Gather>`'s action, else
    /// the `<Record>`'s.
    pub fn action(&self) -> Option<&str> {
        self.gather_action
            .as_deref()
            .or(self.record_action.as_deref())
    }

    /// `Digits` and `FinishedOnKey` of pressing `keys` at this answer's
    /// `<Gather>`: Twilio stops at the finish key and leaves it out of
    /// `Digits`.
    pub fn gather_input<'k>(&self, keys: &'k str) -> [(&'static str, &'k str); 2] {
        let finish = self.gather_finish_on_key.as_deref().unwrap_or_default();
        let (digits, finished) = match keys.strip_suffix(finish) {
            Some(d) if !finish.is_empty() => (d, &keys[d.len()..]),
            _ => (keys, ""),
        };
        [("Digits", digits), ("FinishedOnKey", finished)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MENU: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Response>"#,
        r#"<Gather action="/voice/s/step?s=reason&amp;l=ja" finishOnKey="" numDigits="1">"#,
        r#"<Say voice="Polly.Mizuki" language="ja-JP">病気は1 &amp; けがは2</Say><Play>https://x/a.mp3</Play></Gather>"#,
        r#"<Redirect>/voice/s/step?s=reason&amp;in=none</Redirect></Response>"#,
    );

    #[test]
    fn reads_what_is_heard_and_where_the_call_goes() {
        let t = Twiml::read_response(MENU).unwrap();
        assert_eq!(t.action(), Some("/voice/s/step?s=reason&l=ja"));
        assert_eq!(t.gather_num_digits.as_deref(), Some("1"));
        assert_eq!(t.says, ["病気は1 & けがは2"]);
        assert_eq!(t.voices, ["Polly.Mizuki"]);
        assert_eq!(t.languages, ["ja-JP"]);
        assert_eq!(t.heard, ["say:病気は1 & けがは2", "play:https://x/a.mp3"]);
        assert_eq!(
            t.redirect.as_deref(),
            Some("/voice/s/step?s=reason&in=none")
        );
        assert!(!t.hangup);
        let bye = Twiml::read("<Response><Say>x</Say><Hangup/></Response>").unwrap();
        assert!(bye.hangup);
    }

    #[test]
    fn a_record_action_is_the_action_without_a_gather() {
        let t = Twiml::read(
            r#"<Response><Record action="/r" recordingStatusCallback="https://h/cb"/></Response>"#,
        )
        .unwrap();
        assert_eq!(t.action(), Some("/r"));
        assert_eq!(t.record_status_callback.as_deref(), Some("https://h/cb"));
    }

    #[test]
    fn refuses_what_twilio_would_not_play() {
        assert!(matches!(
            Twiml::read("<Response><Say>x</Response>"),
            Err(Malformed::Xml { .. })
        ));
        assert!(matches!(
            Twiml::read("<Response><Say>x</Say>"),
            Err(Malformed::Unclosed)
        ));
        assert!(matches!(
            Twiml::read_response(" <?xml version=\"1.0\"?><Response/>"),
            Err(Malformed::NoDeclaration)
        ));
        assert!(matches!(
            Twiml::read_response("<?xml version=\"1.0\"?><Hangup/>"),
            Err(Malformed::NoResponse)
        ));
    }

    #[test]
    fn the_finish_key_is_not_in_the_digits() {
        let student = Twiml {
            gather_finish_on_key: Some("#".into()),
            ..Twiml::default()
        };
        assert_eq!(
            student.gather_input("10203#"),
            [("Digits", "10203"), ("FinishedOnKey", "#")]
        );
        assert_eq!(
            student.gather_input("10"),
            [("Digits", "10"), ("FinishedOnKey", "")]
        );
        let menu = Twiml::default();
        assert_eq!(
            menu.gather_input("1#"),
            [("Digits", "1#"), ("FinishedOnKey", "")]
        );
    }
}
