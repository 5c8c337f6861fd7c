//! ISO 4217 currencies with their minor units, so that `XYZ`, `usd ` or `JPY 100.99` are caught
//! before anything is sent.
//!
//! ```
//! use sign_core::Currency;
//!
//! let usd = Currency::new("USD").unwrap();
//! assert_eq!((usd.code(), usd.minor_units()), ("USD", Some(2)));
//! assert_eq!(Currency::new("JPY").unwrap().minor_units(), Some(0));
//! assert!(Currency::new("XYZ").is_err());
//! # #[cfg(feature = "decimal")]
//! assert!(Currency::JPY.check_amount("100.99".parse::<rust_decimal::Decimal>().unwrap()).is_err());
//! ```
//!
//! Requests are strict ([`Currency::new`] takes listed codes only); responses are read liberally:
//! a code the table does not list (a provider's `RMB`) is kept as it is, without minor units.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The active ISO 4217 codes and their minor units (the number of decimal places of an amount).
/// Funds and precious metals without minor units (`XAU`, `XDR`, ...) are not listed.
const ISO_4217: &[(&str, u8)] = &[
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("ANG", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BDT", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BOV", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHE", 2),
    ("CHF", 2),
    ("CHW", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("COU", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MXV", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TOP", 2),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("USN", 2),
    ("UYI", 0),
    ("UYU", 2),
    ("UYW", 4),
    ("UZS", 2),
    ("VED", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XCG", 2),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWG", 2),
];

/// A currency: an ISO 4217 code with its minor units, or (read from a response only) a code the
/// table does not list.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Currency(Code);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Code {
    Listed(&'static str, u8),
    Unlisted(String),
}

/// A currency code that is not an active ISO 4217 code. Its message quotes the code (a currency
/// is not a secret), cut to 16 characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an ISO 4217 currency code (three capital letters, e.g. USD, CNY, JPY)")]
pub struct InvalidCurrency(String);

impl Currency {
    /// US dollar, 2 minor units.
    pub const USD: Self = Self(Code::Listed("USD", 2));
    /// Chinese yuan renminbi, 2 minor units.
    pub const CNY: Self = Self(Code::Listed("CNY", 2));
    /// Euro, 2 minor units.
    pub const EUR: Self = Self(Code::Listed("EUR", 2));
    /// Hong Kong dollar, 2 minor units.
    pub const HKD: Self = Self(Code::Listed("HKD", 2));
    /// Pound sterling, 2 minor units.
    pub const GBP: Self = Self(Code::Listed("GBP", 2));
    /// Japanese yen, no minor units.
    pub const JPY: Self = Self(Code::Listed("JPY", 0));

    /// The listed ISO 4217 currency `code` (exactly three capital letters).
    ///
    /// # Errors
    /// [`InvalidCurrency`] for anything else (`usd`, `US$`, `XYZ`).
    pub fn new(code: &str) -> Result<Self, InvalidCurrency> {
        ISO_4217
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(c, units)| Self(Code::Listed(c, *units)))
            .ok_or_else(|| InvalidCurrency(code.chars().take(16).collect()))
    }

    /// The code as sent on the wire.
    pub fn code(&self) -> &str {
        match &self.0 {
            Code::Listed(c, _) => c,
            Code::Unlisted(c) => c,
        }
    }

    /// Decimal places of an amount in this currency (2 for USD, 0 for JPY, 3 for KWD); `None` for
    /// a code read from a response that the table does not list.
    pub fn minor_units(&self) -> Option<u32> {
        match &self.0 {
            Code::Listed(_, units) => Some(u32::from(*units)),
            Code::Unlisted(_) => None,
        }
    }

    /// Whether this is an active ISO 4217 code.
    pub fn is_listed(&self) -> bool {
        matches!(self.0, Code::Listed(..))
    }

    /// Checks that `amount` has no more decimal places than the currency's minor units (any
    /// amount passes for an unlisted code).
    ///
    /// # Errors
    /// A message such as `"JPY amounts have no decimal places"`, never quoting the amount.
    #[cfg(feature = "decimal")]
    #[cfg_attr(docsrs, doc(cfg(feature = "decimal")))]
    pub fn check_amount(&self, amount: impl Into<rust_decimal::Decimal>) -> Result<(), String> {
        let amount = amount.into();
        match self.minor_units() {
            Some(units) if amount.normalize().scale() > units => Err(match units {
                0 => format!("{} amounts have no decimal places", self.code()),
                1 => format!("{} amounts have at most 1 decimal place", self.code()),
                n => format!("{} amounts have at most {n} decimal places", self.code()),
            }),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl PartialEq<str> for Currency {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

impl PartialEq<&str> for Currency {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

impl std::str::FromStr for Currency {
    type Err = InvalidCurrency;

    fn from_str(code: &str) -> Result<Self, InvalidCurrency> {
        Self::new(code)
    }
}

impl TryFrom<&str> for Currency {
    type Error = InvalidCurrency;

    fn try_from(code: &str) -> Result<Self, InvalidCurrency> {
        Self::new(code)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    /// Liberal, for responses: surrounding space is trimmed and case ignored for listed codes;
    /// any other text is kept as an unlisted code.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = crate::lenient::text(deserializer)?;
        let trimmed = text.trim();
        Ok(Self::new(&trimmed.to_ascii_uppercase()).unwrap_or_else(|_| Self(Code::Unlisted(trimmed.to_owned()))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "decimal")]
    fn amount(s: &str) -> rust_decimal::Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_table_is_sorted_unique_and_well_formed() {
        for pair in ISO_4217.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (code, units) in ISO_4217 {
            assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            assert!(*units <= 4, "{code}");
        }
        assert!(ISO_4217.len() > 150);
    }

    #[test]
    fn requests_take_listed_codes_only() {
        for bad in ["usd", "US$", "XYZ", "", " USD", "RMB", "JPY 100.99"] {
            assert!(Currency::new(bad).is_err(), "{bad}");
        }
        assert_eq!(Currency::new("KWD").unwrap().minor_units(), Some(3));
        assert_eq!(Currency::new("CNY").unwrap(), Currency::CNY);
        let e = Currency::new("XYZ").unwrap_err().to_string();
        assert!(e.contains("XYZ") && e.contains("ISO 4217"), "{e}");
    }

    #[cfg(feature = "decimal")]
    #[test]
    fn amounts_are_checked_against_minor_units() {
        assert!(Currency::USD.check_amount(amount("100.99")).is_ok());
        assert!(Currency::USD.check_amount(amount("100.990")).is_ok(), "trailing zeros are not places");
        assert_eq!(
            Currency::USD.check_amount(amount("100.999")).unwrap_err(),
            "USD amounts have at most 2 decimal places"
        );
        assert_eq!(Currency::JPY.check_amount(amount("100.99")).unwrap_err(), "JPY amounts have no decimal places");
        assert!(Currency::JPY.check_amount(amount("100")).is_ok());
        assert!(Currency::new("KWD").unwrap().check_amount(amount("1.234")).is_ok());
    }

    #[test]
    fn responses_are_read_liberally_and_written_as_codes() {
        let c: Currency = serde_json::from_str("\" usd \"").unwrap();
        assert_eq!(c, Currency::USD);
        let c: Currency = serde_json::from_str("\"RMB\"").unwrap();
        assert_eq!((c.code(), c.minor_units(), c.is_listed()), ("RMB", None, false));
        #[cfg(feature = "decimal")]
        assert!(c.check_amount(amount("1.2345")).is_ok());
        assert_eq!(serde_json::to_string(&Currency::JPY).unwrap(), "\"JPY\"");
        assert!(Currency::JPY == "JPY" && c == "RMB" && Currency::USD != "usd");
    }
}
