//! Tolerant readers for response fields: the providers' Java and PHP backends send `12` where a
//! document says `"12"`, `"12"` where it says `12`, `""` or `null` for a missing number, and one value
//! where a list was documented. The generated models read every text, integer and boolean field
//! through [`deserialize`]; hand-written types use the same attribute:
//!
//! ```
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct Order {
//!     #[serde(deserialize_with = "sign_core::lenient::deserialize")]
//!     order_no: String,
//!     #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
//!     amount_cents: Option<i64>,
//!     #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
//!     tags: Vec<String>,
//! }
//!
//! let o: Order = serde_json::from_str(r#"{"order_no":10000000002,"amount_cents":"","tags":"a"}"#).unwrap();
//! assert_eq!((o.order_no.as_str(), o.amount_cents, o.tags), ("10000000002", None, vec!["a".to_owned()]));
//! let o: Order = serde_json::from_str(r#"{"order_no":"A1","amount_cents":"1200","tags":["a",7]}"#).unwrap();
//! assert_eq!((o.order_no.as_str(), o.amount_cents, o.tags.len()), ("A1", Some(1200), 2));
//! ```
//!
//! Reading is liberal only in the JSON type, never in the value: `"12x"` is not an integer, an
//! object is not a text. Numbers keep their exact text (no float round trip), also when serde_json's
//! `arbitrary_precision` feature is on. Requests are written exactly as typed; nothing here changes
//! what is sent.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// The key under which serde_json hands over a number's text when its `arbitrary_precision` feature
/// is on (the number then arrives as a one-entry map).
pub(crate) const ARBITRARY_PRECISION_KEY: &str = "$serde_json::private::Number";

/// One JSON scalar as read, numbers as their text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scalar {
    /// A JSON string.
    Text(String),
    /// A JSON number, as its text (`12`, `-3`, `12.50`).
    Number(String),
    /// A JSON boolean.
    Bool(bool),
    /// JSON `null`.
    Null,
}

impl Scalar {
    /// The scalar as text: a string as it is, a number as written, a boolean as `true`/`false`;
    /// `None` for `null`.
    pub fn into_text(self) -> Option<String> {
        match self {
            Self::Text(s) | Self::Number(s) => Some(s),
            Self::Bool(b) => Some(b.to_string()),
            Self::Null => None,
        }
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or a boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Scalar, E> {
        Ok(Scalar::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        if !v.is_finite() {
            return Err(E::custom("a number that is not finite"));
        }
        // Rust prints the shortest text that reads back as the same float: `12.5`, `1` for `1.0`.
        let text = v.to_string();
        // A float holds 15 significant digits exactly; beyond, its text has other digits than the
        // number sent (a 20-digit trade number becomes `…552000`): refused rather than altered.
        let digits = text.trim_start_matches(['-', '0', '.']).chars().filter(char::is_ascii_digit).count();
        if digits > 15 {
            return Err(E::custom("a number of more than 15 significant digits, too long to read exactly"));
        }
        Ok(Scalar::Number(text))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        arbitrary_precision_number(map, &self).map(Scalar::Number)
    }
}

/// The text of serde_json's arbitrary-precision number, the one scalar that arrives as a map (a
/// single entry under [`ARBITRARY_PRECISION_KEY`]); any other map is an error saying `expected`.
pub(crate) fn arbitrary_precision_number<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    match map.next_key::<String>()? {
        Some(key) if key == ARBITRARY_PRECISION_KEY => map.next_value(),
        _ => Err(de::Error::invalid_type(de::Unexpected::Map, expected)),
    }
}

/// Reads one JSON scalar, whatever its JSON type; arrays and objects are an error.
///
/// # Errors
/// The deserializer's error for an array, an object or a malformed input.
pub fn scalar<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
    deserializer.deserialize_any(ScalarVisitor)
}

/// Reads a string, number or boolean as text (for a hand-written `Deserialize` of an open enum).
///
/// # Errors
/// For `null`, an array or an object.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    String::from_scalar(scalar(deserializer)?).map_err(de::Error::custom)
}

/// Reads an integer from a JSON number or a string holding one (`3`, `"3"`, `" 3 "`, `3.0`).
///
/// # Errors
/// For anything that is not an integer in range.
pub fn integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    i64::from_scalar(scalar(deserializer)?).map_err(de::Error::custom)
}

/// The `deserialize_with` function of an optional object field: an object is read as `T`; `null`,
/// `""` and `[]` (what PHP's `json_encode` writes for an empty array) are `None`. Anything else
/// is an error.
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Address { city: String }
/// #[derive(Deserialize)]
/// struct Order {
///     #[serde(default, deserialize_with = "sign_core::lenient::optional_object")]
///     address: Option<Address>,
/// }
///
/// for empty in [r#"{}"#, r#"{"address":null}"#, r#"{"address":""}"#, r#"{"address":[]}"#] {
///     assert!(serde_json::from_str::<Order>(empty).unwrap().address.is_none(), "{empty}");
/// }
/// let o: Order = serde_json::from_str(r#"{"address":{"city":"Xi'an"}}"#).unwrap();
/// assert_eq!(o.address.unwrap().city, "Xi'an");
/// assert!(serde_json::from_str::<Order>(r#"{"address":[1]}"#).is_err());
/// ```
///
/// # Errors
/// For a non-empty text or list, a number, or an object that is not a `T`.
pub fn optional_object<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_any(OptionalObject(PhantomData))
}

struct OptionalObject<T>(PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for OptionalObject<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object, null, an empty text or an empty list")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        if v.trim().is_empty() { Ok(None) } else { Err(E::invalid_type(de::Unexpected::Str("(text)"), &self)) }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        match seq.next_element::<de::IgnoredAny>()? {
            None => Ok(None),
            Some(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// The `deserialize_with` function of an optional list of objects (or of any JSON): an array is
/// read as a list of `T`; `null` and `""` are `None`; a single value (an object, or for
/// `T = serde_json::Value` any value) is a list of one (a backend that writes a list of one as its
/// item).
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct Refund { amount: String }
/// #[derive(Deserialize)]
/// struct Order {
///     #[serde(default, deserialize_with = "sign_core::lenient::optional_list")]
///     refunds: Option<Vec<Refund>>,
/// }
///
/// for absent in [r#"{}"#, r#"{"refunds":null}"#, r#"{"refunds":""}"#] {
///     assert!(serde_json::from_str::<Order>(absent).unwrap().refunds.is_none(), "{absent}");
/// }
/// let one: Order = serde_json::from_str(r#"{"refunds":{"amount":"1.00"}}"#).unwrap();
/// assert_eq!(one.refunds.unwrap()[0].amount, "1.00");
/// let two: Order = serde_json::from_str(r#"{"refunds":[{"amount":"1"},{"amount":"2"}]}"#).unwrap();
/// assert_eq!(two.refunds.unwrap().len(), 2);
/// assert!(serde_json::from_str::<Order>(r#"{"refunds":[]}"#).unwrap().refunds.unwrap().is_empty());
/// assert!(serde_json::from_str::<Order>(r#"{"refunds":"x"}"#).is_err());
/// assert!(serde_json::from_str::<Order>(r#"{"refunds":7}"#).is_err());
///
/// #[derive(Deserialize)]
/// struct Product {
///     #[serde(default, deserialize_with = "sign_core::lenient::optional_list")]
///     cover_province: Option<Vec<serde_json::Value>>,
/// }
/// let p: Product = serde_json::from_str(r#"{"cover_province":"110000"}"#).unwrap();
/// assert_eq!(p.cover_province.unwrap(), [serde_json::json!("110000")]);
/// ```
///
/// # Errors
/// For a non-empty text, a number, or an item that is not a `T`.
pub fn optional_list<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Vec<T>>, D::Error> {
    deserializer.deserialize_any(OptionalList(PhantomData))
}

struct OptionalList<T>(PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for OptionalList<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list, an object, null or an empty text")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        // A text is one item only where an item may be a text (JSON values): never quoted back.
        T::deserialize(de::value::StrDeserializer::<E>::new(v))
            .map(|one| Some(vec![one]))
            .map_err(|_| E::invalid_type(de::Unexpected::Str("(text)"), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::deserialize(de::value::I64Deserializer::new(v)).map(|one| Some(vec![one]))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::deserialize(de::value::U64Deserializer::new(v)).map(|one| Some(vec![one]))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::deserialize(de::value::F64Deserializer::new(v)).map(|one| Some(vec![one]))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        T::deserialize(de::value::BoolDeserializer::new(v)).map(|one| Some(vec![one]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        <Vec<T> as de::Deserialize>::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Some)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|one| Some(vec![one]))
    }
}

/// The `deserialize_with` function of an optional field whose type reads its own value (an amount,
/// a currency): `null`, `""` (or blanks) and `[]` are `None`, as a Java or PHP backend writes an
/// absent amount; anything else is read as `T`, by `T`'s own rules.
///
/// ```
/// use serde::Deserialize;
/// use sign_core::DecimalNumber;
///
/// #[derive(Deserialize)]
/// struct Order {
///     #[serde(default, deserialize_with = "sign_core::lenient::optional_value")]
///     pay_amount: Option<DecimalNumber>,
/// }
///
/// for absent in [r#"{}"#, r#"{"pay_amount":null}"#, r#"{"pay_amount":""}"#, r#"{"pay_amount":" "}"#, r#"{"pay_amount":[]}"#] {
///     assert!(serde_json::from_str::<Order>(absent).unwrap().pay_amount.is_none(), "{absent}");
/// }
/// for (json, want) in [(r#"{"pay_amount":100.99}"#, "100.99"), (r#"{"pay_amount":"100.99"}"#, "100.99")] {
///     assert_eq!(serde_json::from_str::<Order>(json).unwrap().pay_amount.unwrap().to_string(), want);
/// }
/// assert!(serde_json::from_str::<Order>(r#"{"pay_amount":"12x"}"#).is_err());
/// assert!(serde_json::from_str::<Order>(r#"{"pay_amount":[1]}"#).is_err());
/// ```
///
/// # Errors
/// For a non-empty list, or a value that is not a `T`.
pub fn optional_value<'de, D: Deserializer<'de>, T: de::Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_any(OptionalValue(PhantomData))
}

struct OptionalValue<T>(PhantomData<T>);

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for OptionalValue<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value, null, an empty text or an empty list")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Option<T>, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        T::deserialize(de::value::BorrowedStrDeserializer::new(v)).map(Some)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        if v.trim().is_empty() {
            return Ok(None);
        }
        T::deserialize(de::value::StrDeserializer::new(v)).map(Some)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<T>, E> {
        T::deserialize(de::value::I64Deserializer::new(v)).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<T>, E> {
        T::deserialize(de::value::U64Deserializer::new(v)).map(Some)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Option<T>, E> {
        T::deserialize(de::value::I128Deserializer::new(v)).map(Some)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Option<T>, E> {
        T::deserialize(de::value::U128Deserializer::new(v)).map(Some)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<T>, E> {
        T::deserialize(de::value::F64Deserializer::new(v)).map(Some)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<T>, E> {
        T::deserialize(de::value::BoolDeserializer::new(v)).map(Some)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        match seq.next_element::<de::IgnoredAny>()? {
            None => Ok(None),
            Some(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
    }

    /// An object, or a number under serde_json's `arbitrary_precision` (a one-entry map): `T`'s.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// The `deserialize_with` function of every lenient field: `String`, `i64`, `bool`, and `Option`
/// and `Vec` of them (see the [module docs](self)).
///
/// # Errors
/// When the value is not one the type can hold under the rules of [`Lenient`].
pub fn deserialize<'de, D: Deserializer<'de>, T: Lenient>(deserializer: D) -> Result<T, D::Error> {
    T::deserialize_lenient(deserializer)
}

/// A type read tolerantly of the JSON type of its value.
///
/// | type | accepts |
/// |---|---|
/// | `String` | a string, a number (its exact text), a boolean (`true`/`false`) |
/// | `i64` | an integer number, an integral float (`3.0`), a string holding an integer (trimmed) |
/// | `bool` | a boolean, `0`/`1`, the strings `true`/`false`/`1`/`0` (any case, trimmed) |
/// | `Option<T>` | `null` as `None`; for a non-text `T`, also `""` as `None`; otherwise as `T` |
/// | `Vec<T>` | an array of `T`s, a single `T` as a one-item list, `null` as an empty list |
pub trait Lenient: Sized {
    /// Reads `Self` from `deserializer`.
    ///
    /// # Errors
    /// When the value does not fit (see the table above).
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// `Self` from an already-read scalar.
    ///
    /// # Errors
    /// A message saying what was expected.
    fn from_scalar(scalar: Scalar) -> Result<Self, String>;

    /// Whether `""` means "absent" for this type (true for numbers and booleans, false for text).
    const EMPTY_IS_ABSENT: bool = true;

    /// `Self` from a JSON integer: always what [`from_scalar`](Self::from_scalar) makes of the
    /// number's text, which a type may compute without writing that text (`i64` does).
    ///
    /// # Errors
    /// As [`from_scalar`](Self::from_scalar).
    fn from_i64(v: i64) -> Result<Self, String> {
        Self::from_scalar(Scalar::Number(v.to_string()))
    }

    /// [`from_i64`](Self::from_i64) for a JSON integer above `i64::MAX` or read as unsigned.
    ///
    /// # Errors
    /// As [`from_scalar`](Self::from_scalar).
    fn from_u64(v: u64) -> Result<Self, String> {
        Self::from_scalar(Scalar::Number(v.to_string()))
    }
}

fn scalar_only<'de, D: Deserializer<'de>, T: Lenient>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_any(ScalarOnly(PhantomData))
}

/// [`ScalarVisitor`] followed by `T::from_scalar`, with integers handed to `T` as integers (no
/// text written and read back): the same results and the same errors.
struct ScalarOnly<T>(PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for ScalarOnly<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ScalarVisitor.expecting(f)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::from_i64(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::from_u64(v).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_str(v)?).map_err(E::custom)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_string(v)?).map_err(E::custom)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_i128(v)?).map_err(E::custom)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_u128(v)?).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_f64(v)?).map_err(E::custom)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        T::from_scalar(ScalarVisitor.visit_bool(v)?).map_err(E::custom)
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        T::from_scalar(Scalar::Null).map_err(E::custom)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        T::from_scalar(Scalar::Null).map_err(E::custom)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::from_scalar(ScalarVisitor.visit_some(deserializer)?).map_err(de::Error::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_scalar(ScalarVisitor.visit_map(map)?).map_err(de::Error::custom)
    }
}

impl Lenient for String {
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        scalar_only(deserializer)
    }

    fn from_scalar(scalar: Scalar) -> Result<Self, String> {
        scalar.into_text().ok_or_else(|| "a text, found null".to_owned())
    }

    const EMPTY_IS_ABSENT: bool = false;
}

impl Lenient for i64 {
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        scalar_only(deserializer)
    }

    fn from_i64(v: i64) -> Result<Self, String> {
        Ok(v)
    }

    fn from_u64(v: u64) -> Result<Self, String> {
        i64::try_from(v).or_else(|_| Self::from_scalar(Scalar::Number(v.to_string())))
    }

    fn from_scalar(scalar: Scalar) -> Result<Self, String> {
        let text = match scalar {
            Scalar::Text(s) | Scalar::Number(s) => s,
            Scalar::Bool(_) => return Err("an integer, found a boolean".to_owned()),
            Scalar::Null => return Err("an integer, found null".to_owned()),
        };
        let t = text.trim();
        if let Ok(v) = t.parse::<i64>() {
            return Ok(v);
        }
        // `3.0`, `3.00`: an integer written with a zero fraction (PHP and JavaScript servers).
        if let Some((whole, fraction)) = t.split_once('.') {
            if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') {
                if let Ok(v) = whole.parse::<i64>() {
                    return Ok(v);
                }
            }
        }
        // Never echo the value: a field may be anything, and errors end up in logs.
        Err(format!("an integer, found a text of {} characters that is not one", text.chars().count()))
    }
}

impl Lenient for bool {
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        scalar_only(deserializer)
    }

    fn from_scalar(scalar: Scalar) -> Result<Self, String> {
        match scalar {
            Scalar::Bool(b) => Ok(b),
            Scalar::Text(s) | Scalar::Number(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err("a boolean (true/false/1/0)".to_owned()),
            },
            Scalar::Null => Err("a boolean, found null".to_owned()),
        }
    }
}

impl<T: Lenient> Lenient for Option<T> {
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OptionVisitor(PhantomData))
    }

    fn from_scalar(scalar: Scalar) -> Result<Self, String> {
        match scalar {
            Scalar::Null => Ok(None),
            Scalar::Text(s) if T::EMPTY_IS_ABSENT && s.trim().is_empty() => Ok(None),
            other => T::from_scalar(other).map(Some),
        }
    }

    fn from_i64(v: i64) -> Result<Self, String> {
        T::from_i64(v).map(Some)
    }

    fn from_u64(v: u64) -> Result<Self, String> {
        T::from_u64(v).map(Some)
    }
}

impl<T: Lenient> Lenient for Vec<T> {
    fn deserialize_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(VecVisitor(PhantomData))
    }

    fn from_scalar(scalar: Scalar) -> Result<Self, String> {
        match scalar {
            Scalar::Null => Ok(Vec::new()),
            one => T::from_scalar(one).map(|v| vec![v]),
        }
    }

    fn from_i64(v: i64) -> Result<Self, String> {
        T::from_i64(v).map(|v| vec![v])
    }

    fn from_u64(v: u64) -> Result<Self, String> {
        T::from_u64(v).map(|v| vec![v])
    }
}

/// `Option<T>` and `Vec<T>` read a scalar through `T::from_scalar` and hand anything else (an
/// array for `Option<Vec<_>>`) to `T` itself: they must see the value before choosing.
macro_rules! scalar_visits {
    ($t:ty) => {
        fn visit_str<E: de::Error>(self, v: &str) -> Result<$t, E> {
            <$t>::from_scalar(Scalar::Text(v.to_owned())).map_err(E::custom)
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<$t, E> {
            <$t>::from_scalar(Scalar::Text(v)).map_err(E::custom)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<$t, E> {
            <$t>::from_i64(v).map_err(E::custom)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<$t, E> {
            <$t>::from_u64(v).map_err(E::custom)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<$t, E> {
            self.scalar(ScalarVisitor.visit_f64(v)?)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<$t, E> {
            self.scalar(Scalar::Bool(v))
        }
        fn visit_unit<E: de::Error>(self) -> Result<$t, E> {
            self.scalar(Scalar::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<$t, E> {
            self.scalar(Scalar::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<$t, D::Error> {
            deserializer.deserialize_any(self)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<$t, A::Error> {
            let s = ScalarVisitor.visit_map(map)?;
            self.scalar(s)
        }
    };
}

struct OptionVisitor<T>(PhantomData<T>);

impl<T: Lenient> OptionVisitor<T> {
    fn scalar<E: de::Error>(self, s: Scalar) -> Result<Option<T>, E> {
        Option::<T>::from_scalar(s).map_err(E::custom)
    }
}

impl<'de, T: Lenient> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    scalar_visits!(Option<T>);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
        T::deserialize_lenient(de::value::SeqAccessDeserializer::new(seq)).map(Some)
    }
}

struct VecVisitor<T>(PhantomData<T>);

impl<T: Lenient> VecVisitor<T> {
    fn scalar<E: de::Error>(self, s: Scalar) -> Result<Vec<T>, E> {
        Vec::<T>::from_scalar(s).map_err(E::custom)
    }
}

impl<'de, T: Lenient> Visitor<'de> for VecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list or a single value")
    }

    scalar_visits!(Vec<T>);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(v) = seq.next_element_seed(LenientSeed::<T>(PhantomData))? {
            out.push(v);
        }
        Ok(out)
    }
}

struct LenientSeed<T>(PhantomData<T>);

impl<'de, T: Lenient> DeserializeSeed<'de> for LenientSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_lenient(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    /// The integer shortcut must give what the text of the number gives, errors included.
    fn same_as_text<T: Lenient + PartialEq + fmt::Debug>() {
        let ints = [0, 1, -1, 2, 42, -42, i64::MAX, i64::MIN];
        for v in ints {
            assert_eq!(T::from_i64(v), T::from_scalar(Scalar::Number(v.to_string())), "{v}");
        }
        for v in [0, 1, 7, u64::try_from(i64::MAX).unwrap(), u64::try_from(i64::MAX).unwrap() + 1, u64::MAX] {
            assert_eq!(T::from_u64(v), T::from_scalar(Scalar::Number(v.to_string())), "{v}");
        }
    }

    #[test]
    fn integers_read_without_text_as_they_read_with_it() {
        same_as_text::<i64>();
        same_as_text::<String>();
        same_as_text::<bool>();
        same_as_text::<Option<i64>>();
        same_as_text::<Option<bool>>();
        same_as_text::<Option<String>>();
        same_as_text::<Vec<i64>>();
        same_as_text::<Option<Vec<i64>>>();
        #[derive(Debug, Deserialize, PartialEq)]
        struct Row {
            #[serde(deserialize_with = "super::deserialize")]
            n: i64,
            #[serde(deserialize_with = "super::deserialize")]
            m: Option<i64>,
        }
        // u64::MAX does not fit an i64: the same error as for its text.
        let e = serde_json::from_str::<Row>(r#"{"n":-12,"m":18446744073709551615}"#).unwrap_err().to_string();
        assert!(e.contains("an integer, found a text of 20 characters"), "{e}");
        let row: Row = serde_json::from_str(r#"{"n":-12,"m":9223372036854775807}"#).unwrap();
        assert_eq!(row, Row { n: -12, m: Some(i64::MAX) });
        let e = serde_json::from_str::<Row>(r#"{"n":[1],"m":1}"#).unwrap_err().to_string();
        assert!(e.contains("expected a string, a number or a boolean"), "{e}");
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Fields {
        #[serde(deserialize_with = "deserialize")]
        text: String,
        #[serde(default, deserialize_with = "deserialize")]
        number: Option<i64>,
        #[serde(default, deserialize_with = "deserialize")]
        flag: Option<bool>,
        #[serde(default, deserialize_with = "deserialize")]
        note: Option<String>,
        #[serde(default, deserialize_with = "deserialize")]
        list: Vec<String>,
        #[serde(default, deserialize_with = "deserialize")]
        maybe_list: Option<Vec<i64>>,
    }

    fn read(json: &str) -> Result<Fields, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn text_reads_strings_numbers_and_booleans_exactly() {
        for (json, want) in [
            (r#""A-1""#, "A-1"),
            ("10000000002", "10000000002"),
            ("18446744073709551615", "18446744073709551615"),
            ("-7", "-7"),
            ("12.5", "12.5"),
            ("true", "true"),
        ] {
            let f = read(&format!(r#"{{"text":{json}}}"#)).unwrap();
            assert_eq!(f.text, want, "{json}");
        }
        assert!(read(r#"{"text":null}"#).is_err());
        assert!(read(r#"{"text":{"a":1}}"#).is_err());
        assert!(read(r#"{"text":[1]}"#).is_err());
    }

    #[test]
    fn integers_read_numbers_and_numeric_strings_only() {
        for (json, want) in [
            ("3", Some(3)),
            (r#""3""#, Some(3)),
            (r#"" 42 ""#, Some(42)),
            ("3.0", Some(3)),
            (r#""7.00""#, Some(7)),
            (r#""""#, None),
            ("null", None),
        ] {
            let f = read(&format!(r#"{{"text":"x","number":{json}}}"#)).unwrap();
            assert_eq!(f.number, want, "{json}");
        }
        for bad in [r#""3x""#, "3.5", "true", r#""9223372036854775808""#, "{}"] {
            assert!(read(&format!(r#"{{"text":"x","number":{bad}}}"#)).is_err(), "{bad}");
        }
        assert_eq!(read(r#"{"text":"x"}"#).unwrap().number, None);
    }

    #[test]
    fn an_integer_error_does_not_echo_the_value() {
        let e = read(r#"{"text":"x","number":"4111111111111111x"}"#).unwrap_err();
        assert!(!e.contains("4111"), "{e}");
    }

    #[test]
    fn booleans_read_their_usual_spellings() {
        for (json, want) in
            [("true", Some(true)), ("0", Some(false)), (r#""TRUE""#, Some(true)), (r#""0""#, Some(false))]
        {
            assert_eq!(read(&format!(r#"{{"text":"x","flag":{json}}}"#)).unwrap().flag, want, "{json}");
        }
        assert!(read(r#"{"text":"x","flag":"yes please"}"#).is_err());
    }

    #[test]
    fn optional_text_keeps_an_empty_string() {
        assert_eq!(read(r#"{"text":"x","note":""}"#).unwrap().note, Some(String::new()));
        assert_eq!(read(r#"{"text":"x","note":5}"#).unwrap().note, Some("5".to_owned()));
        assert_eq!(read(r#"{"text":"x","note":null}"#).unwrap().note, None);
    }

    #[test]
    fn lists_read_arrays_single_values_and_null() {
        assert_eq!(read(r#"{"text":"x","list":["a",2,true]}"#).unwrap().list, ["a", "2", "true"]);
        assert_eq!(read(r#"{"text":"x","list":"a"}"#).unwrap().list, ["a"]);
        assert_eq!(read(r#"{"text":"x","list":null}"#).unwrap().list, Vec::<String>::new());
        assert_eq!(read(r#"{"text":"x","maybe_list":[1,"2"]}"#).unwrap().maybe_list, Some(vec![1, 2]));
        assert_eq!(read(r#"{"text":"x","maybe_list":"3"}"#).unwrap().maybe_list, Some(vec![3]));
        assert_eq!(read(r#"{"text":"x","maybe_list":null}"#).unwrap().maybe_list, None);
        assert!(read(r#"{"text":"x","list":[{"a":1}]}"#).is_err());
    }

    #[test]
    fn the_same_rules_hold_through_serde_json_value() {
        let v = serde_json::json!({"text": 5, "number": "6", "list": 7});
        let f: Fields = serde_json::from_value(v).unwrap();
        assert_eq!((f.text.as_str(), f.number, f.list), ("5", Some(6), vec!["7".to_owned()]));
    }

    #[test]
    fn arbitrary_precision_numbers_arrive_as_a_one_entry_map() {
        // What serde_json hands a visitor for `12.50` when `arbitrary_precision` is on.
        let as_map = serde_json::json!({ ARBITRARY_PRECISION_KEY: "12.50" });
        let f: Fields =
            serde_json::from_value(serde_json::json!({"text": as_map, "number": {ARBITRARY_PRECISION_KEY: "8"}}))
                .unwrap();
        assert_eq!((f.text.as_str(), f.number), ("12.50", Some(8)));
        assert!(serde_json::from_value::<Fields>(serde_json::json!({"text": {"other": "1"}})).is_err());
    }

    #[test]
    fn text_and_integer_helpers() {
        let mut de = serde_json::Deserializer::from_str("3");
        assert_eq!(text(&mut de).unwrap(), "3");
        let mut de = serde_json::Deserializer::from_str(r#""4""#);
        assert_eq!(integer(&mut de).unwrap(), 4);
    }
}
