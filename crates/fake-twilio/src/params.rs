//! The form parameters Twilio posts to a Voice webhook, as its documentation
//! lists them: every request carries the call's identity and status; a
//! `<Gather>` action adds the keys, a `<Record>` action the recording, the
//! status callback the duration.

/// The fake account every request comes from.
pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
/// The only version of the Voice API.
pub const API_VERSION: &str = "2010-04-01";
/// The school's number: the `To` (and `Called`) of every call.
pub const SCHOOL_NUMBER: &str = "+81312345678";

/// Parameter names, spelt once.
pub mod name {
    pub const CALL_SID: &str = "CallSid";
    pub const FROM: &str = "From";
    pub const TO: &str = "To";
    pub const CALL_STATUS: &str = "CallStatus";
    pub const CALL_DURATION: &str = "CallDuration";
    pub const DIGITS: &str = "Digits";
    pub const FINISHED_ON_KEY: &str = "FinishedOnKey";
    pub const RECORDING_URL: &str = "RecordingUrl";
    pub const RECORDING_SID: &str = "RecordingSid";
    pub const RECORDING_DURATION: &str = "RecordingDuration";
    pub const RECORDING_STATUS: &str = "RecordingStatus";
    pub const ERROR_CODE: &str = "ErrorCode";
}

/// A CallSid (`CA` + 32 hex digits), distinct for each `(run, n)`.
pub fn call_sid(run: u64, n: u64) -> String {
    format!("CA{run:016x}{n:016x}")
}

/// A Japanese mobile number, distinct for each `n` below 10⁸.
pub fn caller_number(n: u64) -> String {
    format!("+8190{:08}", n % 100_000_000)
}

/// Where Twilio keeps the recording `recording_sid` of [`ACCOUNT_SID`].
pub fn recording_url(recording_sid: &str) -> String {
    format!(
        "https://api.twilio.com/{API_VERSION}/Accounts/{ACCOUNT_SID}/Recordings/{recording_sid}"
    )
}

/// The parameters of a webhook of the call `call_sid` from `from`, in
/// progress, with `extra` added or replacing the defaults of the same name
/// (`CallStatus`, say), in the order Twilio's own requests have been seen.
pub fn call<K: AsRef<str>, V: AsRef<str>>(
    call_sid: &str,
    from: &str,
    extra: &[(K, V)],
) -> Vec<(String, String)> {
    let defaults = [
        ("AccountSid", ACCOUNT_SID),
        ("ApiVersion", API_VERSION),
        (name::CALL_SID, call_sid),
        (name::CALL_STATUS, "in-progress"),
        ("Called", SCHOOL_NUMBER),
        ("Caller", from),
        ("Direction", "inbound"),
        (name::FROM, from),
        ("FromCountry", "JP"),
        // Twilio's location fields are best-effort and often empty.
        ("FromCity", ""),
        (name::TO, SCHOOL_NUMBER),
        ("ToCountry", "JP"),
    ];
    let mut params: Vec<(String, String)> = defaults
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| e.as_ref() == *k))
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    params.extend(
        extra
            .iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned())),
    );
    params
}

/// One recording, as Twilio's recording status callback describes it.
#[derive(Debug, Clone)]
pub struct Recording<'a> {
    pub sid: &'a str,
    pub url: &'a str,
    pub seconds: u32,
}

/// The recording status callback's parameters for `recording` of the call
/// `call_sid`: `status` is in-progress, completed, absent or failed, and
/// `error` Twilio's code for an absent one (16101 too short, 16102 silent).
pub fn recording_status(
    call_sid: &str,
    recording: &Recording<'_>,
    status: &str,
    error: Option<&str>,
) -> Vec<(String, String)> {
    let seconds = recording.seconds.to_string();
    let mut params: Vec<(String, String)> = [
        ("AccountSid", ACCOUNT_SID),
        (name::CALL_SID, call_sid),
        (name::RECORDING_SID, recording.sid),
        (name::RECORDING_URL, recording.url),
        (name::RECORDING_STATUS, status),
        (name::RECORDING_DURATION, &seconds),
        ("RecordingChannels", "1"),
        ("RecordingSource", "RecordVerb"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    if let Some(e) = error {
        params.push((name::ERROR_CODE.to_owned(), e.to_owned()));
    }
    params
}

/// `params` as an `application/x-www-form-urlencoded` body.
pub fn form_body<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    form_urlencoded::Serializer::new(String::with_capacity(400))
        .extend_pairs(params.iter().map(|(k, v)| (k.as_ref(), v.as_ref())))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_parameters_replace_the_defaults_of_their_name() {
        let p = call(
            "CA1",
            "+819000000001",
            &[("CallStatus", "ringing"), ("Digits", "1")],
        );
        let status: Vec<_> = p.iter().filter(|(k, _)| k == "CallStatus").collect();
        assert_eq!(status, [&("CallStatus".to_owned(), "ringing".to_owned())]);
        assert_eq!(p.last().unwrap(), &("Digits".to_owned(), "1".to_owned()));
        assert!(p.contains(&("From".to_owned(), "+819000000001".to_owned())));
    }

    #[test]
    fn identities_have_twilio_shapes() {
        let sid = call_sid(7, 3);
        assert_eq!(sid.len(), 34);
        assert!(sid.starts_with("CA"));
        assert_eq!(caller_number(12_340_005), "+819012340005");
    }

    #[test]
    fn recording_status_carries_the_error_code_only_when_given() {
        let r = Recording {
            sid: "RE1",
            url: "https://x/RE1",
            seconds: 9,
        };
        let ok = recording_status("CA1", &r, "completed", None);
        assert!(!ok.iter().any(|(k, _)| k == "ErrorCode"));
        let absent = recording_status("CA1", &r, "absent", Some("16102"));
        assert_eq!(absent.last().unwrap().1, "16102");
    }
}
