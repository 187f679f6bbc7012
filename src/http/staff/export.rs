//! `GET /schools/{id}/export?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|csv-sjis|json`:
//! the school's active reports of a range of school days, for its records
//! system. Allowed with a staff session for the school (or the board), or
//! with `Authorization: Bearer <token>` matching the school's
//! `staff_token_hash`. No credentials: 401; another school's: 403; too many
//! wrong tokens from one address: 429; every password check busy: 503.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use super::auth::{self, Account};
use super::gate::{BUSY_RETRY_SECS, Busy};
use super::throttle::Door;
use super::ui::{LangChoice, Tr};
use super::{blocking, fmt};
use crate::domain::SchoolId;
use crate::export::{self, Encoding};
use crate::http::log_limit::LogLimit;
use crate::http::state::AppState;

/// The longest range one export may cover, in days (both ends counted).
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    CsvSjis,
    Json,
}

fn plain(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text + "\n",
    )
        .into_response()
}

/// Why an export was refused.
enum Refused {
    /// No credentials, or a wrong token: 401.
    Unauthorized,
    /// Another school's session: 403.
    Forbidden,
    /// Too many wrong tokens from this address: 429, for this long.
    TooMany(Duration),
    /// Every password check busy: 503.
    Busy,
}

/// Who may export `school`: a session, or the school's export token. A
/// token is checked like a password (throttled per address, through the
/// gate), unless it was found right a few minutes ago.
async fn allowed(
    app: &AppState,
    headers: &HeaderMap,
    school: &SchoolId,
    ip: Option<IpAddr>,
) -> Result<Account, Refused> {
    if let Some(s) = auth::current(app, headers) {
        return if s.account.may_see(school) {
            Ok(s.account)
        } else {
            tracing::warn!(account = s.account.name(), school = %school, "refused an export of another school");
            Err(Refused::Forbidden)
        };
    }
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned)
    else {
        return Err(Refused::Unauthorized);
    };
    let staff = &app.0.staff;
    let dep = app.deployment();
    let hash = dep
        .config
        .schools
        .get(school)
        .and_then(|s| s.staff_token_hash.clone());
    let now = Instant::now();
    if let Some(hash) = &hash
        && staff.tokens.knows(school.as_str(), hash, &token, now)
    {
        return Ok(Account::School(school.clone()));
    }
    let attempt = match staff
        .throttle
        .reserve(Door::Token, school.as_str(), ip, now)
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            app.0.metrics.export_token_refused();
            static THROTTLED: LogLimit = LogLimit::new();
            if let Some(left_out) = THROTTLED.allow() {
                tracing::warn!(school = %school, left_out, "refused an export token: too many wrong tokens from this address");
            }
            return Err(Refused::TooMany(wait));
        }
    };
    let ok = match hash.clone() {
        Some(hash) => {
            let token = token.clone();
            staff
                .gate
                .check(move || crate::password::verify_password(&token, &hash))
                .await
                .map_err(|Busy| Refused::Busy)?
        }
        None => false,
    };
    match hash {
        Some(hash) if ok => {
            attempt.succeeded();
            staff
                .tokens
                .remember(school.as_str(), &hash, &token, Instant::now());
            Ok(Account::School(school.clone()))
        }
        _ => {
            attempt.failed(Instant::now());
            app.0.metrics.export_token_refused();
            tracing::warn!(school = %school, "refused an export with a wrong bearer token");
            Err(Refused::Unauthorized)
        }
    }
}

pub async fn export(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    lang: LangChoice,
    Path(school): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let tr = Tr {
        ui: &app.0.staff.ui,
        lang: lang.lang,
    };
    let Ok(id) = SchoolId::parse(&school) else {
        return plain(StatusCode::NOT_FOUND, tr.t("error-no-school"));
    };
    let retry_after = |mut res: Response, secs: u64| {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        res
    };
    match allowed(&app, &headers, &id, Some(peer.ip())).await {
        Ok(_) => {}
        Err(Refused::Forbidden) => return plain(StatusCode::FORBIDDEN, tr.t("error-forbidden")),
        Err(Refused::TooMany(wait)) => {
            let minutes = (wait.as_secs() / 60 + 1).to_string();
            let text = tr.ta("error-too-many-tokens", &[("minutes", &minutes)]);
            return retry_after(plain(StatusCode::TOO_MANY_REQUESTS, text), wait.as_secs());
        }
        Err(Refused::Busy) => {
            let text = tr.t("error-checks-busy");
            return retry_after(
                plain(StatusCode::SERVICE_UNAVAILABLE, text),
                BUSY_RETRY_SECS,
            );
        }
        Err(Refused::Unauthorized) => {
            let mut res = plain(StatusCode::UNAUTHORIZED, tr.t("error-export-login"));
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"absence-line\""),
            );
            return res;
        }
    }
    let Some(store) = app
        .store(&id)
        .filter(|_| app.deployment().schools.contains_key(&id))
    else {
        return plain(StatusCode::NOT_FOUND, tr.t("error-no-school"));
    };
    let (from, to, format) = match params(&tr, &uri) {
        Ok(p) => p,
        Err(message) => return plain(StatusCode::BAD_REQUEST, message),
    };
    let (f, t) = (from.to_string(), to.to_string());
    let rows = match blocking(move || export::rows(&store, &f, &t)).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!(school = %id, error = %e, "export failed");
            return plain(StatusCode::INTERNAL_SERVER_ERROR, tr.t("error-store"));
        }
    };
    let (body, content_type, ext) = match format {
        Format::Csv => (
            export::to_csv(&rows, Encoding::Utf8Bom),
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::CsvSjis => (
            export::to_csv(&rows, Encoding::ShiftJis),
            "text/csv; charset=Shift_JIS",
            "csv",
        ),
        Format::Json => (
            export::to_json(&rows).into_bytes(),
            "application/json",
            "json",
        ),
    };
    let disposition = format!("attachment; filename=\"{id}-{from}-{to}.{ext}\"");
    tracing::info!(school = %id, %from, %to, rows = rows.len(), "exported reports");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("ids and dates are plain ASCII"),
            ),
        ],
        body,
    )
        .into_response()
}

/// `from`, `to` and `format`, or what is wrong with them.
fn params(tr: &Tr, uri: &Uri) -> Result<(NaiveDate, NaiveDate, Format), String> {
    let q: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let date = |k: &str| match get(k) {
        None | Some("") => Err(tr.ta("export-missing-date", &[("param", k)])),
        Some(v) => {
            fmt::parse_day(v).ok_or_else(|| tr.ta("export-bad-date", &[("param", k), ("value", v)]))
        }
    };
    let from = date("from")?;
    let to = date("to")?;
    if to < from {
        return Err(tr.t("export-reversed"));
    }
    if (to - from).num_days() + 1 > MAX_DAYS {
        return Err(tr.ta("export-too-long", &[("max", &MAX_DAYS.to_string())]));
    }
    let format = match get("format").unwrap_or("csv") {
        "csv" | "" => Format::Csv,
        "csv-sjis" => Format::CsvSjis,
        "json" => Format::Json,
        other => return Err(tr.ta("export-bad-format", &[("value", other)])),
    };
    Ok((from, to, format))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::staff::ui::{Lang, Ui};

    #[test]
    fn parameters_are_checked() {
        let ui = Ui::load().unwrap();
        let tr = Tr {
            ui: &ui,
            lang: Lang::En,
        };
        let p = |q: &str| params(&tr, &format!("/x?{q}").parse().unwrap());
        assert_eq!(
            p("from=2026-11-01&to=2026-11-30&format=json").unwrap(),
            (
                NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                Format::Json
            )
        );
        assert_eq!(p("from=2026-11-01&to=2026-11-01").unwrap().2, Format::Csv);
        assert!(p("to=2026-11-01").unwrap_err().contains("from"));
        assert!(
            p("from=2026-11-01&to=tomorrow")
                .unwrap_err()
                .contains("tomorrow")
        );
        assert!(p("from=2026-11-02&to=2026-11-01").is_err());
        assert!(p("from=2026-01-01&to=2027-01-01").is_ok(), "366 days");
        assert!(p("from=2026-01-01&to=2027-01-02").is_err(), "367 days");
        assert!(
            p("from=2026-01-01&to=2026-01-02&format=xlsx")
                .unwrap_err()
                .contains("xlsx")
        );
    }
}
