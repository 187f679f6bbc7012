//! TwiML: the only place in the code that writes Twilio's XML.
//!
//! The rest of the program describes what the caller should hear and do as a
//! list of [`Verb`]s; [`render`] turns it into a document Twilio accepts. It
//! does no I/O. Every text and attribute is escaped (exactly as quick-xml
//! escapes, which a property test holds it to), so nothing a parent, an
//! editor or a config file supplies can break the document. The only
//! markup inside `<Say>` is the SSML this module writes for a
//! [`Part`](crate::speech::Part): `<say-as>`, `<break>`, `<sub>`.

use crate::speech::Part;

/// One TwiML verb, with only the attributes this service uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Verb {
    /// Text-to-speech. `language` is Twilio's `language` attribute (e.g. `ja-JP`).
    Say {
        text: String,
        voice: Option<String>,
        language: Option<String>,
    },
    /// Text-to-speech with SSML hints: each part's text escaped, the
    /// elements around it this module's own.
    Speak {
        parts: Vec<Part>,
        voice: Option<String>,
        language: Option<String>,
    },
    /// A recording served from a URL.
    Play {
        url: String,
    },
    /// Collect keypad digits; `prompts` play while waiting so keys barge in.
    Gather(Gather),
    /// Record the caller's voice.
    Record(Record),
    /// Fetch the next TwiML from a URL (POST).
    Redirect {
        url: String,
    },
    Hangup,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gather {
    pub action: String,
    pub timeout_secs: u32,
    /// `None` renders `finishOnKey=""`: no finish key.
    pub finish_on_key: Option<char>,
    pub num_digits: Option<u32>,
    /// Ask Twilio to call `action` even when nothing was entered, so that a
    /// lone finish key can mean "skip" rather than silence.
    pub action_on_empty_result: bool,
    pub prompts: Vec<Verb>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub action: String,
    pub max_length_secs: u32,
    pub finish_on_key: char,
    pub silence_timeout_secs: u32,
    /// Where Twilio posts the recording's status once the file is ready
    /// (or absent: too short, silent), with the method POST.
    pub status_callback: Option<String>,
}

/// The MIME type Twilio needs to read the answer as TwiML.
pub const CONTENT_TYPE: &str = "text/xml; charset=utf-8";

/// Render a `<Response>` holding `verbs`.
///
/// Written straight into one string (a webhook's answer is built on every
/// request); every text and attribute value is escaped on the way.
pub fn render(verbs: &[Verb]) -> String {
    let mut out = String::with_capacity(160 + 256 * verbs.len());
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><Response>"#);
    for verb in verbs {
        write_verb(&mut out, verb);
    }
    out.push_str("</Response>");
    out
}

/// `<Say` with its voice and language, the tag left open.
fn say_open(out: &mut String, voice: Option<&str>, language: Option<&str>) {
    out.push_str("<Say");
    if let Some(v) = voice {
        attr(out, "voice", v);
    }
    if let Some(l) = language {
        attr(out, "language", l);
    }
}

fn write_verb(out: &mut String, verb: &Verb) {
    match verb {
        Verb::Say {
            text,
            voice,
            language,
        } => {
            say_open(out, voice.as_deref(), language.as_deref());
            text_element(out, "Say", text);
        }
        Verb::Speak {
            parts,
            voice,
            language,
        } => {
            say_open(out, voice.as_deref(), language.as_deref());
            out.push('>');
            for p in parts {
                write_part(out, p);
            }
            out.push_str("</Say>");
        }
        Verb::Play { url } => {
            out.push_str("<Play");
            text_element(out, "Play", url);
        }
        Verb::Redirect { url } => {
            out.push_str("<Redirect");
            attr(out, "method", "POST");
            text_element(out, "Redirect", url);
        }
        Verb::Hangup => out.push_str("<Hangup/>"),
        Verb::Record(r) => {
            out.push_str("<Record");
            attr(out, "action", &r.action);
            attr(out, "method", "POST");
            number(out, "maxLength", r.max_length_secs);
            number(out, "timeout", r.silence_timeout_secs);
            let mut key = [0u8; 4];
            attr(out, "finishOnKey", r.finish_on_key.encode_utf8(&mut key));
            attr(out, "playBeep", "true");
            if let Some(url) = &r.status_callback {
                attr(out, "recordingStatusCallback", url);
                attr(out, "recordingStatusCallbackMethod", "POST");
                attr(out, "recordingStatusCallbackEvent", "completed absent");
            }
            out.push_str("/>");
        }
        Verb::Gather(g) => {
            out.push_str("<Gather");
            attr(out, "input", "dtmf");
            attr(out, "action", &g.action);
            attr(out, "method", "POST");
            number(out, "timeout", g.timeout_secs);
            let mut key = [0u8; 4];
            let finish: &str = match g.finish_on_key {
                Some(c) => c.encode_utf8(&mut key),
                None => "",
            };
            attr(out, "finishOnKey", finish);
            if let Some(n) = g.num_digits {
                number(out, "numDigits", n);
            }
            if g.action_on_empty_result {
                attr(out, "actionOnEmptyResult", "true");
            }
            if g.prompts.is_empty() {
                out.push_str("/>");
            } else {
                out.push('>');
                for p in &g.prompts {
                    write_verb(out, p);
                }
                out.push_str("</Gather>");
            }
        }
    }
}

/// One part of a `<Say>`: the SSML element is ours, every text in it
/// (from a locale file, a config or a caller) escaped.
fn write_part(out: &mut String, part: &Part) {
    match part {
        Part::Text(t) => escape_into(out, t),
        Part::Digits(d) => {
            out.push_str(r#"<say-as interpret-as="digits">"#);
            escape_into(out, d);
            out.push_str("</say-as>");
        }
        Part::Break { millis } => {
            out.push_str(r#"<break time=""#);
            crate::decimal::push(out, *millis);
            out.push_str(r#"ms"/>"#);
        }
        Part::Sub { text, alias } => {
            out.push_str("<sub");
            attr(out, "alias", alias);
            out.push('>');
            escape_into(out, text);
            out.push_str("</sub>");
        }
    }
}

/// ` name="value"`, the value escaped. Names are this module's constants.
fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// ` name="n"`: a number needs no escaping.
fn number(out: &mut String, name: &str, n: u32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    crate::decimal::push(out, n);
    out.push('"');
}

/// Close the open tag `name`, then its escaped text and its end tag.
fn text_element(out: &mut String, name: &str, text: &str) {
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Append `s` as XML text or attribute value: `<>&'"` and CR escaped as
/// quick-xml escapes them, and characters XML 1.0 forbids (most control
/// characters, U+FFFE, U+FFFF) dropped: they cannot be escaped, and one
/// would make the whole document invalid (error 12100).
///
/// Most prompts and URLs hold none of these, so one pass over the bytes
/// (which the compiler vectorises) usually settles it and the text is
/// copied whole; otherwise the runs between the bytes that need care are.
fn escape_into(out: &mut String, s: &str) {
    if !needs_care(s.as_bytes()) {
        out.push_str(s);
        return;
    }
    let bytes = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // What replaces the bytes at `i`, and how many: `None` keeps one.
        let change = match bytes[i] {
            b'<' => Some(("&lt;", 1)),
            b'>' => Some(("&gt;", 1)),
            b'&' => Some(("&amp;", 1)),
            b'\'' => Some(("&apos;", 1)),
            b'"' => Some(("&quot;", 1)),
            // A raw CR would be read back as a line feed.
            b'\r' => Some(("&#13;", 1)),
            b'\t' | b'\n' => None,
            0..0x20 => Some(("", 1)),
            // U+FFFE and U+FFFF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                Some(("", 3))
            }
            _ => None,
        };
        let Some((instead, len)) = change else {
            i += 1;
            continue;
        };
        // `i` is at an ASCII byte or the start of a character, and `run`
        // just after one: both are character boundaries.
        out.push_str(&s[run..i]);
        out.push_str(instead);
        i += len;
        run = i;
    }
    out.push_str(&s[run..]);
}

/// Whether `bytes` holds anything [`escape_into`] must change: written
/// without early exits inside a block, so that it is vectorised.
fn needs_care(bytes: &[u8]) -> bool {
    let care = |b: u8| {
        (b < 0x20)
            | (b == b'<')
            | (b == b'>')
            | (b == b'&')
            | (b == b'\'')
            | (b == b'"')
            | (b == 0xEF)
    };
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |acc, &b| acc | care(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| care(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    /// What XML 1.0 allows in a document.
    fn xml_allows(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
    }

    /// Parse a rendered document and return the text of every element with
    /// text and every attribute value, unescaped, in document order.
    fn read_back(xml: &str) -> (Vec<String>, Vec<String>) {
        let mut r = Reader::from_str(xml);
        let (mut texts, mut attrs) = (Vec::new(), Vec::new());
        let mut buf: Option<String> = None;
        loop {
            match r.read_event().expect("well-formed XML") {
                Event::Start(e) | Event::Empty(e) => {
                    buf = Some(String::new());
                    for a in e.attributes() {
                        let a = a.expect("well-formed attribute");
                        attrs.push(
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("unescape")
                                .into_owned(),
                        );
                    }
                }
                Event::Text(t) => buf.get_or_insert_default().push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let b = buf.get_or_insert_default();
                    match r.resolve_char_ref().expect("valid character reference") {
                        Some(c) => b.push(c),
                        None => b.push_str(
                            quick_xml::escape::resolve_predefined_entity(&r)
                                .expect("only predefined entities are written"),
                        ),
                    }
                }
                Event::End(_) => {
                    if let Some(text) = buf.take().filter(|t| !t.is_empty()) {
                        texts.push(text);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (texts, attrs)
    }

    #[test]
    fn gather_with_prompts_snapshot() {
        let xml = render(&[
            Verb::Gather(Gather {
                action: "/voice/s/step?s=kind&l=ja".into(),
                timeout_secs: 6,
                finish_on_key: Some('#'),
                num_digits: Some(1),
                action_on_empty_result: false,
                prompts: vec![Verb::Say {
                    text: "欠席は1、遅刻は2を押してください。".into(),
                    voice: Some("Polly.Mizuki".into()),
                    language: Some("ja-JP".into()),
                }],
            }),
            Verb::Redirect {
                url: "/voice/s/noinput?s=kind&l=ja".into(),
            },
        ]);
        insta::assert_snapshot!(xml);
    }

    /// SSML: the digits read one by one, a pause between two prompts, a
    /// reading for 組.
    #[test]
    fn say_with_ssml_snapshot() {
        let xml = render(&[Verb::Speak {
            parts: vec![
                Part::Text("生徒番号は、".into()),
                Part::Digits("10203".into()),
                Part::Text("、1年2".into()),
                Part::Sub {
                    text: "組".into(),
                    alias: "くみ".into(),
                },
                Part::Text("です。".into()),
                Part::Break { millis: 300 },
                Part::Text("よろしければ1を押してください。".into()),
            ],
            voice: Some("Polly.Kazuha-Neural".into()),
            language: Some("ja-JP".into()),
        }]);
        insta::assert_snapshot!(xml);
    }

    /// A school's name or a locale's text that holds markup is read as
    /// text: only this module's own SSML elements reach Twilio.
    #[test]
    fn text_inside_ssml_is_escaped() {
        let name = r#"St <break time="10s"/> Mary's ]]> & <say-as>"#;
        let xml = render(&[
            Verb::Speak {
                parts: vec![Part::Text(name.into())],
                voice: None,
                language: None,
            },
            Verb::Speak {
                parts: vec![
                    Part::Text(name.into()),
                    Part::Digits("1<2".into()),
                    Part::Sub {
                        text: "A&B".into(),
                        alias: "\"/><break/>".into(),
                    },
                    Part::Break { millis: 250 },
                ],
                voice: None,
                language: Some("en-US".into()),
            },
        ]);
        assert!(!xml.contains("<break time=\"10s\"/>"), "{xml}");
        assert!(!xml.contains("]]>"), "{xml}");
        assert!(!xml.contains("<say-as>"), "{xml}");
        assert_eq!(xml.matches("<break").count(), 1, "{xml}");
        let (texts, attrs) = read_back(&xml);
        assert_eq!(texts[0], name);
        assert!(texts.contains(&"1<2".to_string()), "{texts:?}");
        assert!(texts.contains(&"A&B".to_string()), "{texts:?}");
        assert!(attrs.contains(&"\"/><break/>".to_string()), "{attrs:?}");
        assert!(attrs.contains(&"250ms".to_string()), "{attrs:?}");
    }

    /// A voice message asks Twilio to say when its file is ready (or
    /// absent), so that the message is kept even if the caller hangs up.
    #[test]
    fn a_record_asks_for_its_status() {
        let record = |status_callback| {
            render(&[Verb::Record(Record {
                action: "/voice/s/step?s=m&in=rec".into(),
                max_length_secs: 60,
                finish_on_key: '#',
                silence_timeout_secs: 5,
                status_callback,
            })])
        };
        let xml = record(Some("https://x.example/voice/s/recording".into()));
        assert!(
            xml.contains(r#" recordingStatusCallback="https://x.example/voice/s/recording" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed absent"/>"#),
            "{xml}"
        );
        assert!(!record(None).contains("recordingStatusCallback"));
    }

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        let xml = render(&[
            Verb::Say {
                text: "<Hangup/> & \"quotes\" 'n'".into(),
                voice: None,
                language: Some("en\"><Hangup/>".into()),
            },
            Verb::Redirect {
                url: "/a?x=1&y=<2>".into(),
            },
        ]);
        assert!(!xml.contains("<Hangup/>"), "{xml}");
        let (texts, attrs) = read_back(&xml);
        assert_eq!(texts[0], "<Hangup/> & \"quotes\" 'n'");
        assert_eq!(texts[1], "/a?x=1&y=<2>");
        assert!(attrs.contains(&"en\"><Hangup/>".to_string()));
    }

    #[test]
    fn document_starts_with_the_declaration() {
        // Whitespace before `<?xml` is Twilio error 12100.
        assert!(
            render(&[Verb::Hangup])
                .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>")
        );
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in "[^\u{fffe}\u{ffff}]*", url in "\\PC*") {
            let xml = render(&[
                Verb::Say { text: text.clone(), voice: None, language: None },
                Verb::Gather(Gather {
                    action: url.clone(), timeout_secs: 5, finish_on_key: None,
                    num_digits: None, action_on_empty_result: true, prompts: vec![],
                }),
            ]);
            let (texts, attrs) = read_back(&xml);
            let eol = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
            let said = texts.first().cloned().unwrap_or_default();
            let expected: String = text.chars().filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r')).collect();
            prop_assert_eq!(eol(&said), eol(&expected));
            prop_assert!(attrs.contains(&url));
        }

        /// The fast escaping is quick-xml's, after dropping what XML 1.0
        /// forbids.
        #[test]
        fn escapes_exactly_as_quick_xml(text in "(\\PC|[<>&'\"\t\r\n\u{0}-\u{1f}\u{fffe}\u{ffff}\u{fffd}\u{ef}])*") {
            let allowed: String = text.chars().filter(|&c| xml_allows(c)).collect();
            let mut out = String::from("x");
            escape_into(&mut out, &text);
            let expected = quick_xml::escape::escape(allowed.as_str());
            prop_assert_eq!(&out[1..], expected.as_ref());
        }
    }
}
