//! Recorded prompts: what Twilio's `<Play>` can play, and how long it lasts.
//!
//! Editors drop WAV or MP3 files into `prompts/<lang>/`. A file Twilio cannot
//! play would be silence on a parent's phone, so each one is checked when it
//! is loaded: a RIFF/WAVE file in PCM (8 or 16 bit), µ-law or A-law, mono or
//! stereo, 8 to 48 kHz; or an MP3 (an ID3 tag or an MPEG audio frame).

/// What a recording is, as far as playing it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct AudioInfo {
    pub content_type: &'static str,
    /// Seconds, when the header tells (WAV); MP3 durations are not computed.
    pub duration_secs: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AudioError {
    #[error(
        "not a WAV or MP3 file Twilio can play; save it as WAV (PCM 16-bit, mono, 8000 Hz or more) or MP3"
    )]
    Unknown,
    #[error("the WAV file is cut short or damaged; export it again")]
    Truncated,
    #[error("WAV encoding {0} cannot be played by Twilio; use PCM (8 or 16 bit), µ-law or A-law")]
    Codec(u16),
    #[error("WAV with {bits}-bit samples cannot be played by Twilio; use 8 or 16 bit")]
    Bits { bits: u16 },
    #[error("{0} channels: use mono (or stereo)")]
    Channels(u16),
    #[error("sample rate {0} Hz is outside 8000-48000 Hz")]
    Rate(u32),
    #[error("the recording is empty")]
    Empty,
    #[error("the file is {0} bytes; keep prompts under 10 MB")]
    TooLarge(usize),
}

const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Check that Twilio can play `bytes`, named by `extension` (`wav`, `mp3`).
pub fn check(bytes: &[u8], extension: &str) -> Result<AudioInfo, AudioError> {
    if bytes.len() > MAX_BYTES {
        return Err(AudioError::TooLarge(bytes.len()));
    }
    match extension.to_ascii_lowercase().as_str() {
        "wav" => wav(bytes),
        "mp3" => mp3(bytes),
        _ => Err(AudioError::Unknown),
    }
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

fn wav(b: &[u8]) -> Result<AudioInfo, AudioError> {
    if b.len() < 12 || &b[0..4] != b"RIFF" || &b[8..12] != b"WAVE" {
        return Err(AudioError::Unknown);
    }
    let mut at = 12;
    let mut format: Option<(u16, u16, u32, u32, u16)> = None;
    while at + 8 <= b.len() {
        let id = &b[at..at + 4];
        let size = u32_at(b, at + 4).ok_or(AudioError::Truncated)? as usize;
        let body = at + 8;
        if id == b"fmt " {
            let codec = u16_at(b, body).ok_or(AudioError::Truncated)?;
            let channels = u16_at(b, body + 2).ok_or(AudioError::Truncated)?;
            let rate = u32_at(b, body + 4).ok_or(AudioError::Truncated)?;
            let byte_rate = u32_at(b, body + 8).ok_or(AudioError::Truncated)?;
            let bits = u16_at(b, body + 14).ok_or(AudioError::Truncated)?;
            format = Some((codec, channels, rate, byte_rate, bits));
        } else if id == b"data" {
            let (codec, channels, rate, byte_rate, bits) = format.ok_or(AudioError::Truncated)?;
            // 0xFFFE is WAVE_FORMAT_EXTENSIBLE, used for plain PCM by many editors.
            match codec {
                1 | 0xFFFE if bits == 8 || bits == 16 => {}
                1 | 0xFFFE => return Err(AudioError::Bits { bits }),
                6 | 7 => {}
                other => return Err(AudioError::Codec(other)),
            }
            if !(1..=2).contains(&channels) {
                return Err(AudioError::Channels(channels));
            }
            if !(8000..=48000).contains(&rate) {
                return Err(AudioError::Rate(rate));
            }
            // Some writers leave the size at 0 or too large while streaming.
            let data = size.min(b.len() - body);
            if data == 0 {
                return Err(AudioError::Empty);
            }
            return Ok(AudioInfo {
                content_type: "audio/wav",
                duration_secs: (byte_rate > 0).then(|| data as f64 / f64::from(byte_rate)),
            });
        }
        at = body + size + (size & 1);
    }
    Err(AudioError::Truncated)
}

fn mp3(b: &[u8]) -> Result<AudioInfo, AudioError> {
    let id3 = b.starts_with(b"ID3");
    let frame = b.len() >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0;
    if !(id3 || frame) {
        return Err(AudioError::Unknown);
    }
    if b.len() < 128 {
        return Err(AudioError::Empty);
    }
    Ok(AudioInfo {
        content_type: "audio/mpeg",
        duration_secs: None,
    })
}

/// A minimal PCM WAV header + `samples`, for tests and generated prompts.
pub fn pcm16_wav(rate: u32, samples: &[i16]) -> Vec<u8> {
    let data_len = (samples.len() * 2) as u32;
    let mut v = Vec::with_capacity(44 + data_len as usize);
    v.extend_from_slice(b"RIFF");
    v.extend_from_slice(&(36 + data_len).to_le_bytes());
    v.extend_from_slice(b"WAVEfmt ");
    v.extend_from_slice(&16u32.to_le_bytes());
    v.extend_from_slice(&1u16.to_le_bytes());
    v.extend_from_slice(&1u16.to_le_bytes());
    v.extend_from_slice(&rate.to_le_bytes());
    v.extend_from_slice(&(rate * 2).to_le_bytes());
    v.extend_from_slice(&2u16.to_le_bytes());
    v.extend_from_slice(&16u16.to_le_bytes());
    v.extend_from_slice(b"data");
    v.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        v.extend_from_slice(&s.to_le_bytes());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_pcm_wav_and_measures_it() {
        let wav = pcm16_wav(8000, &vec![0; 16000]);
        let info = check(&wav, "wav").unwrap();
        assert_eq!(info.content_type, "audio/wav");
        assert_eq!(info.duration_secs, Some(2.0));
    }

    #[test]
    fn refuses_what_twilio_cannot_play() {
        let mut float = pcm16_wav(8000, &[0; 100]);
        float[20] = 3; // IEEE float
        assert_eq!(check(&float, "wav"), Err(AudioError::Codec(3)));
        let mut rate = pcm16_wav(4000, &[0; 100]);
        rate[24..28].copy_from_slice(&4000u32.to_le_bytes());
        assert_eq!(check(&rate, "wav"), Err(AudioError::Rate(4000)));
        assert_eq!(check(b"hello, I am text", "wav"), Err(AudioError::Unknown));
        assert_eq!(check(&pcm16_wav(8000, &[]), "wav"), Err(AudioError::Empty));
        assert_eq!(
            check(&pcm16_wav(8000, &[0; 10])[..30], "wav"),
            Err(AudioError::Truncated)
        );
        assert_eq!(check(&[0u8; 300], "mp3"), Err(AudioError::Unknown));
        assert_eq!(
            check(&pcm16_wav(8000, &[0; 10]), "ogg"),
            Err(AudioError::Unknown)
        );
    }

    #[test]
    fn accepts_an_mp3_frame_or_id3_tag() {
        let mut mp3 = vec![0u8; 400];
        mp3[0] = 0xFF;
        mp3[1] = 0xFB;
        assert!(check(&mp3, "mp3").is_ok());
        let mut tagged = b"ID3".to_vec();
        tagged.resize(400, 0);
        assert!(check(&tagged, "MP3").is_ok());
    }

    #[test]
    fn never_panics_on_garbage() {
        for n in 0..64 {
            let mut b = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
            b.extend(std::iter::repeat_n(0xFFu8, n));
            let _ = check(&b, "wav");
        }
    }
}
