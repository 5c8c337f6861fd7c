//! The sandbox's own check of the provider's authentication headers.
//!
//! Written separately from [`crate::auth`] on purpose: it rebuilds the signed string and the
//! HMAC-SHA1 itself, parses the date itself, and compares in constant time, so a mistake in the
//! client's signer shows up as a rejected request instead of being mirrored here.

use sandbox_server::hooks::{masked, shortened};
use sandbox_server::refuse_because;
use sign_core::{HttpRequest, SecretBytes, SecretString};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

/// The provider's tolerance between the request date and its own clock.
pub(crate) const MAX_SKEW_SECONDS: i64 = 5 * 60;

/// Why a request was refused; each becomes the provider's failure envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthFailure {
    MissingHeader,
    UnknownAppid,
    BadDate,
    DatesDisagree,
    DateOutOfWindow,
    BadSignature,
}

impl AuthFailure {
    pub(crate) fn message(self) -> &'static str {
        match self {
            Self::MissingHeader => "缺少鉴权请求头(X-Date、X-Appid、Authorization)",
            Self::UnknownAppid => "appid不存在",
            Self::BadDate => "X-Date格式错误,应为GMT时间,例如 Fri, 21 Oct 2022 07:28:00 GMT",
            Self::DatesDisagree => "Date与X-Date不一致",
            Self::DateOutOfWindow => "请求时间与服务器时间误差超过5分钟",
            Self::BadSignature => "Authorization签名错误",
        }
    }
}

pub(crate) struct Credentials<'a> {
    pub appid: &'a str,
    pub access_key: &'a SecretString,
    pub secret_key: &'a SecretString,
}

/// Checks the date (`X-Date`, `Date` or both, which must then be the same string), `X-Appid` and
/// `Authorization` of `request` at time `now`.
pub(crate) fn check(request: &HttpRequest, creds: &Credentials<'_>, now: OffsetDateTime) -> Result<(), AuthFailure> {
    let date = match (request.header("X-Date"), request.header("Date")) {
        (Some(x_date), Some(date)) if x_date != date => {
            refuse_because(format!("X-Date {x_date:?} and Date {date:?} differ: send one, or the same string in both"));
            return Err(AuthFailure::DatesDisagree);
        }
        (x_date, date) => x_date.or(date),
    };
    let (Some(date), Some(appid), Some(authorization)) =
        (date, request.header("X-Appid"), request.header("Authorization"))
    else {
        let missing: Vec<&str> = [("X-Date or Date", date), ("X-Appid", request.header("X-Appid"))]
            .into_iter()
            .chain([("Authorization", request.header("Authorization"))])
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| n)
            .collect();
        refuse_because(format!("missing header(s): {}", missing.join(", ")));
        return Err(AuthFailure::MissingHeader);
    };
    if appid != creds.appid {
        refuse_because(format!("X-Appid {appid:?} is not the sandbox's app id {:?}", creds.appid));
        return Err(AuthFailure::UnknownAppid);
    }
    let Some(sent) = parse_gmt_date(date) else {
        refuse_because(format!("date {date:?} is not an RFC 7231 GMT date like \"Fri, 21 Oct 2022 07:28:00 GMT\""));
        return Err(AuthFailure::BadDate);
    };
    if (now - sent).abs() > time::Duration::seconds(MAX_SKEW_SECONDS) {
        refuse_because(format!(
            "date {date:?} is {} s away from the sandbox's clock (at most {MAX_SKEW_SECONDS} s)",
            (now - sent).whole_seconds().abs()
        ));
        return Err(AuthFailure::DateOutOfWindow);
    }
    let mut message = Vec::with_capacity(64);
    message.extend_from_slice(creds.access_key.expose().as_bytes());
    message.push(b'\n');
    message.extend_from_slice(appid.as_bytes());
    message.push(b'\n');
    message.extend_from_slice(date.as_bytes());
    let message = SecretBytes::new(message);
    let mac = sign_core::digest::hmac_sha1(creds.secret_key.expose().as_bytes(), message.expose());
    let mut expected = b"Basic ".to_vec();
    expected.extend_from_slice(sign_core::encoding::base64_std(&mac).as_bytes());
    // Constant-time comparison (SecretBytes equality), so response timing does not leak how
    // much of a guessed signature was right.
    if SecretBytes::new(expected) == SecretBytes::new(authorization.as_bytes().to_vec()) {
        Ok(())
    } else {
        refuse_because(format!(
            "sign mismatch: expected Authorization \"Basic \" + Base64(HMAC-SHA1({}, string to sign)) with the \
             string to sign `{}\\n{appid}\\n{date}`; got `{}`",
            masked("secret_key", creds.secret_key.expose()),
            masked("access_key", creds.access_key.expose()),
            shortened(authorization)
        ));
        Err(AuthFailure::BadSignature)
    }
}

/// Parses `Fri, 21 Oct 2022 07:28:00 GMT` strictly: a one- or two-digit day, English abbreviations, a
/// weekday that matches the date, and the literal `GMT`.
pub(crate) fn parse_gmt_date(s: &str) -> Option<OffsetDateTime> {
    let parts: Vec<&str> = s.split(' ').collect();
    let [weekday, day, month, year, clock, zone] = parts.as_slice() else {
        return None;
    };
    // RFC 1123 lets the day have one or two digits: Java's `RFC_1123_DATE_TIME` writes `3 Nov`.
    if *zone != "GMT" || !(1..=2).contains(&day.len()) || year.len() != 4 || clock.len() != 8 {
        return None;
    }
    let weekday = match weekday.strip_suffix(',')? {
        "Mon" => Weekday::Monday,
        "Tue" => Weekday::Tuesday,
        "Wed" => Weekday::Wednesday,
        "Thu" => Weekday::Thursday,
        "Fri" => Weekday::Friday,
        "Sat" => Weekday::Saturday,
        "Sun" => Weekday::Sunday,
        _ => return None,
    };
    let month = match *month {
        "Jan" => Month::January,
        "Feb" => Month::February,
        "Mar" => Month::March,
        "Apr" => Month::April,
        "May" => Month::May,
        "Jun" => Month::June,
        "Jul" => Month::July,
        "Aug" => Month::August,
        "Sep" => Month::September,
        "Oct" => Month::October,
        "Nov" => Month::November,
        "Dec" => Month::December,
        _ => return None,
    };
    let number = |s: &str| -> Option<u16> { if s.bytes().all(|b| b.is_ascii_digit()) { s.parse().ok() } else { None } };
    let hms: Vec<&str> = clock.split(':').collect();
    let [h, m, sec] = hms.as_slice() else { return None };
    if h.len() != 2 || m.len() != 2 || sec.len() != 2 {
        return None;
    }
    let date = Date::from_calendar_date(i32::from(number(year)?), month, u8::try_from(number(day)?).ok()?).ok()?;
    if date.weekday() != weekday {
        return None;
    }
    let time = Time::from_hms(
        u8::try_from(number(h)?).ok()?,
        u8::try_from(number(m)?).ok()?,
        u8::try_from(number(sec)?).ok()?,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strict_gmt_dates() {
        let t = parse_gmt_date("Fri, 21 Oct 2022 07:28:00 GMT").unwrap();
        assert_eq!(t.unix_timestamp(), 1_666_337_280); // python3: datetime(2022,10,21,7,28,tzinfo=utc).timestamp()
        // One digit, as Java's RFC_1123_DATE_TIME writes days 1 to 9.
        let one = parse_gmt_date("Sat, 1 Oct 2022 07:28:00 GMT").unwrap();
        assert_eq!(one, parse_gmt_date("Sat, 01 Oct 2022 07:28:00 GMT").unwrap());
        for bad in [
            "Wed, 21 Oct 2022 07:28:00 GMT", // the provider's own example has the wrong weekday
            "Fri, 21 Oct 2022 07:28:00 UTC",
            "Fri, 21 Oct 2022 07:28:00 +0000",
            "Fri, 1 Oct 2022 07:28:00 GMT", // a Saturday
            "Sat, 001 Oct 2022 07:28:00 GMT",
            "Fri 21 Oct 2022 07:28:00 GMT",
            "Fri, 21 Okt 2022 07:28:00 GMT",
            "Fri, 21 Oct 2022 7:28:00 GMT",
            "Fri, 21 Oct 2022 24:28:00 GMT",
            "Fri, 31 Nov 2022 07:28:00 GMT",
            "2022-10-21T07:28:00Z",
            "",
        ] {
            assert!(parse_gmt_date(bad).is_none(), "{bad}");
        }
    }
}
