//! Every provider's response parser for every typed response (`client.parse::<E>`), fed bodies
//! built from the provider's envelope with wrong types in every field, deep nesting, duplicate
//! keys, non-UTF-8, sizes up to the limit and one over, under any HTTP status.

use std::sync::Arc;

use proptest::prelude::*;
use serde::de::Visitor;
use sign_core::HttpResponse;

use super::{LIMIT, Mutation, bad_values, json_value, nested};
use crate::{CANARY_CARD, CANARY_TOKEN, Harness, Observed, Target, observe};

type Parse = Box<dyn Fn(&HttpResponse) -> Observed + Send + Sync>;

/// One typed response: its endpoint, the response type's top-level fields, and the parse call.
struct Parser {
    name: &'static str,
    fields: &'static [&'static str],
    parse: Parse,
}

/// A provider: its parsers and how its envelope is written.
struct Provider {
    parsers: Vec<Parser>,
    /// The success envelope around a payload (JSON text).
    success: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// A refusal with this code and message (JSON texts).
    refusal: fn(&str, &str) -> String,
    /// Whether [`CANARY_TOKEN`] is the client's own token or secret (acqra's app secret, mall-pay's
    /// token). Elsewhere the client holds no text secret a provider could echo (HMAC and MD5 keys
    /// are never sent, chainup's are RSA keys), so the token canary is replaced by a harmless
    /// text.
    owns_token: bool,
}

/// What the body is made of.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    /// A success envelope whose payload has these fields (index into the type's fields, or a
    /// canary name) set to these values; a field may come twice (duplicate keys).
    Success(Vec<(usize, String)>),
    /// A refusal with this code and message.
    Refusal(String, String),
    /// Any bytes.
    Raw(Vec<u8>),
}

#[derive(Debug, Clone)]
pub(crate) struct ResponseCase {
    parser: usize,
    status: u16,
    shape: Shape,
    mutation: Mutation,
}

const STATUSES: [u16; 9] = [200, 201, 204, 400, 401, 404, 429, 500, 503];

/// The wire names of `T`'s fields, learnt from a deserializer that records what a derived struct
/// asks for (none for a map or `serde_json::Value`).
fn fields_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut Option<&'static [&'static str]>);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = Some(fields);
            Err(serde::de::Error::custom("recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields = None;
    let _ = T::deserialize(Probe(&mut fields));
    fields.unwrap_or(&[])
}

/// The status rules every provider's errors keep (docs/architecture.md): `Ok` only under 2xx; a
/// `Decode` only under 2xx, outcome unknown; an `HttpStatus` only under a non-2xx status, outcome
/// unknown exactly for 5xx; under 5xx every failure but the provider's own refusal is unknown.
fn status_rules(o: Observed, status: u16) -> Observed {
    let ok_status = (200..300).contains(&status);
    let unknown = o.outcome_unknown;
    let v = o.variant.clone();
    let ok = o.is_ok();
    let o = o.require(!ok || ok_status, || format!("Ok under HTTP {status}"));
    let o = match v.as_str() {
        "Decode" => {
            o.require(ok_status && unknown == Some(true), || format!("Decode under {status}, unknown {unknown:?}"))
        }
        "HttpStatus" => o.require(!ok_status && unknown == Some(status >= 500), || {
            format!("HttpStatus under {status}, unknown {unknown:?}")
        }),
        "Unauthorized" => o.require(status == 401 && unknown == Some(true), || format!("Unauthorized under {status}")),
        _ => o,
    };
    let refusal = matches!(
        v.as_str(),
        "Api" | "TokenExpired" | "TokenRequest" | "UnconfirmedSuccess" | "UnclassifiedResponse" | "ResponseUnverified"
    );
    o.require(status < 500 || ok || refusal || unknown == Some(true), || {
        format!("{v} under {status} is not outcome unknown")
    })
}

macro_rules! parser {
    ($client:expr, $req:ty) => {{
        let client = Arc::clone(&$client);
        Parser {
            name: <$req as sign_core::Endpoint>::NAME,
            fields: fields_of::<<$req as sign_core::Endpoint>::Response>(),
            parse: Box::new(move |r: &HttpResponse| {
                let result = client.parse::<$req>(r);
                let o = observe(&result, |e| e.outcome_unknown());
                let o = match &result {
                    Err(e) => {
                        o.require(e.to_string().chars().count() <= 2048, || "an error over 2048 characters".into())
                    }
                    Ok(_) => o,
                };
                status_rules(o, r.status)
            }),
        }
    }};
}

fn visagenius() -> Provider {
    use visagenius::*;
    let config = Config::builder()
        .base_url("https://visa.example.com")
        .appid("app-10001")
        .access_key("AKIDexample")
        .secret_key("s3cr3t-KEY")
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("visagenius config");
    let c = Arc::new(Client::sans_io(config));
    Provider {
        parsers: vec![
            parser!(c, OrderPayRequest),
            parser!(c, ProductBriefQueryRequest),
            parser!(c, ProductQueryRequest),
        ],
        success: Box::new(|p| format!(r#"{{"ret":0,"msg":"ok","body":{p}}}"#)),
        refusal: |code, msg| format!(r#"{{"ret":{code},"msg":{msg}}}"#),
        owns_token: false,
    }
}

fn acqra() -> Provider {
    use acqra_gateway::*;
    let config = Config::builder()
        .base_url("https://gw.example.com")
        .app_id("app-42")
        .secret(CANARY_TOKEN)
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("acqra config");
    let c = Arc::new(Client::sans_io(config));
    let token_client = Arc::clone(&c);
    let token = Parser {
        name: "token (the client's own token request)",
        fields: fields_of::<TokenResponse>(),
        parse: Box::new(move |r| {
            let result = token_client.parse_token_response(r);
            status_rules(observe(&result, |e| e.outcome_unknown()), r.status)
        }),
    };
    Provider {
        parsers: vec![
            parser!(c, CancelRequest),
            parser!(c, CaptureRequest),
            parser!(c, CashierOrderRequest),
            parser!(c, MitPaymentRequest),
            parser!(c, PaymentRequest),
            parser!(c, QueryRequest),
            parser!(c, RefundRequest),
            parser!(c, RefundQueryRequest),
            parser!(c, ShippingRetrieveRequest),
            parser!(c, ShippingTrackingRequest),
            parser!(c, ShippingTrackingBatchRequest),
            parser!(c, ShippingTrackingModifyRequest),
            parser!(c, SubscriptionPaymentRequest),
            parser!(c, TokenRequest),
            token,
        ],
        success: Box::new(|p| {
            // Acqra's envelope fields sit beside the payload's.
            let inner = p.trim().strip_prefix('{').unwrap_or("}").trim_start();
            if inner.starts_with('}') {
                r#"{"respCode":"0000","respMsg":"success"}"#.to_owned()
            } else {
                format!(r#"{{"respCode":"0000","respMsg":"success",{inner}"#)
            }
        }),
        refusal: |code, msg| format!(r#"{{"respCode":{code},"respMsg":{msg}}}"#),
        owns_token: true,
    }
}

fn vip() -> Provider {
    use vip_charge::*;
    let config = Config::builder()
        .base_url("https://recharge.example.com")
        .business_id("55")
        .md5_secret_key("test-secret-key")
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("vip-charge config");
    let success_status = config.success_status();
    let c = Arc::new(Client::sans_io(config));
    Provider {
        parsers: vec![
            parser!(c, BatchOrderRequest),
            parser!(c, BusinessBalanceRequest),
            parser!(c, OrderInfoRequest),
            parser!(c, ProductListRequest),
            parser!(c, VipChargeRequest),
        ],
        success: Box::new(move |p| format!(r#"{{"status":{success_status},"message":"ok","data":{p}}}"#)),
        refusal: |code, msg| format!(r#"{{"status":{code},"message":{msg}}}"#),
        owns_token: false,
    }
}

fn mall() -> Provider {
    use mall_pay::*;
    let config = Config::builder()
        .base_url("https://mall.example.com")
        .pay_path("/api/order/pay")
        .token(CANARY_TOKEN)
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("mall-pay config");
    let c = Arc::new(Client::sans_io(config));
    Provider {
        parsers: vec![parser!(c, OrderPayRequest)],
        success: Box::new(|p| format!(r#"{{"status":200,"msg":"ok","data":{p}}}"#)),
        refusal: |code, msg| format!(r#"{{"status":{code},"msg":{msg},"data":[]}}"#),
        owns_token: true,
    }
}

fn chainup() -> Provider {
    use chainup_opay::*;
    let c = Arc::new(super::callbacks::chainup_client(LIMIT as u64));
    Provider {
        parsers: vec![
            parser!(c, CancelOrderRequest),
            parser!(c, CreateThirdOrderRequest),
            parser!(c, MerchantBillingDayRequest),
            parser!(c, OrderDetailRequest),
        ],
        success: Box::new(|p| {
            let (data, sign) = super::callbacks::seal(p.as_bytes());
            format!(r#"{{"code":"0","msg":"ok","data":"{data}","sign":"{sign}"}}"#)
        }),
        refusal: |code, msg| format!(r#"{{"code":{code},"msg":{msg}}}"#),
        owns_token: false,
    }
}

struct Responses {
    provider: Provider,
}

fn payload(fields: &[&str], set: &[(usize, String)]) -> String {
    let parts: Vec<String> = set
        .iter()
        .map(|(i, v)| {
            let name = if fields.is_empty() || *i >= fields.len() * 4 { CANARY_CARD } else { fields[i % fields.len()] };
            format!("\"{name}\":{v}")
        })
        .collect();
    format!("{{{}}}", parts.join(","))
}

impl Responses {
    fn body(&self, case: &ResponseCase) -> Vec<u8> {
        let p = &self.provider;
        let parser = &p.parsers[case.parser % p.parsers.len()];
        let text = match &case.shape {
            Shape::Success(set) => (p.success)(&payload(parser.fields, set)),
            Shape::Refusal(code, msg) => (p.refusal)(code, msg),
            Shape::Raw(bytes) => return case.mutation.apply(bytes.clone()),
        };
        let text = if p.owns_token { text } else { text.replace(CANARY_TOKEN, "tok-not-this-clients-secret") };
        let body = text.into_bytes();
        case.mutation.apply(body)
    }
}

impl Harness for Responses {
    type Input = ResponseCase;

    fn strategy(&self) -> BoxedStrategy<ResponseCase> {
        let n = self.provider.parsers.len();
        let status = prop_oneof![4 => proptest::sample::select(STATUSES.to_vec()), 1 => 100u16..600];
        let shape = prop_oneof![
            6 => proptest::collection::vec((0usize..200, json_value()), 0..6).prop_map(Shape::Success),
            2 => (prop_oneof![any::<i64>().prop_map(|n| n.to_string()), "\"[0-9A-Z]{0,8}\"", json_value()], json_value())
                .prop_map(|(c, m)| Shape::Refusal(c, m)),
            1 => proptest::collection::vec(any::<u8>(), 0..200).prop_map(Shape::Raw),
            1 => (0usize..200, 100usize..200).prop_map(|(f, d)| Shape::Success(vec![(f, nested(d))])),
        ];
        (0..n, status, shape, Mutation::strategy())
            .prop_map(|(parser, status, shape, mutation)| ResponseCase { parser, status, shape, mutation })
            .boxed()
    }

    fn corpus(&self) -> Vec<(String, ResponseCase)> {
        let mut out = Vec::new();
        let p = &self.provider;
        for (i, parser) in p.parsers.iter().enumerate() {
            let case = |status, shape, mutation| ResponseCase { parser: i, status, shape, mutation };
            let name = parser.name;
            // A wrong type (or an extreme value, a canary) in every field, under 200.
            for (f, field) in parser.fields.iter().enumerate() {
                for v in bad_values() {
                    out.push((
                        format!("{name}: {field} = {v}"),
                        case(200, Shape::Success(vec![(f, v)]), Mutation::None),
                    ));
                }
                out.push((
                    format!("{name}: {field} twice"),
                    case(200, Shape::Success(vec![(f, "1".into()), (f, "\"x\"".into())]), Mutation::None),
                ));
            }
            // Body categories under every status.
            for status in STATUSES {
                let mut shapes: Vec<(String, Shape)> = vec![
                    ("empty".into(), Shape::Raw(vec![])),
                    ("white space".into(), Shape::Raw(b" \r\n\t ".to_vec())),
                    ("non-utf8".into(), Shape::Raw(vec![0xff, 0xfe, 0x00, 0x80])),
                    ("html".into(), Shape::Raw(format!("<html>{CANARY_CARD} {CANARY_TOKEN}</html>").into_bytes())),
                    ("json array".into(), Shape::Raw(b"[1,2]".to_vec())),
                    ("empty payload".into(), Shape::Success(vec![])),
                    ("nesting 127".into(), Shape::Success(vec![(0, nested(127))])),
                    ("nesting 128".into(), Shape::Success(vec![(0, nested(128))])),
                    ("nesting 10000".into(), Shape::Raw(nested(10_000).into_bytes())),
                    ("canary key".into(), Shape::Success(vec![(usize::MAX, format!("\"{CANARY_TOKEN}\""))])),
                ];
                for (code, msg) in [
                    ("\"9999\"", format!("\"card {CANARY_CARD} declined\"")),
                    ("1", format!("\"token {CANARY_TOKEN} expired\"")),
                    ("0", "\"token过期\"".to_owned()),
                    ("2", format!("\"\\u202e\\u0000 {} \"", "x".repeat(600))),
                    ("\"99999999999999999999\"", "null".to_owned()),
                    ("1e400", "\"x\"".to_owned()),
                    ("[1]", "{}".to_owned()),
                ] {
                    shapes.push((
                        format!("refusal {code} {}", msg.chars().take(30).collect::<String>()),
                        Shape::Refusal(code.to_owned(), msg),
                    ));
                }
                for (label, shape) in shapes {
                    out.push((format!("{name}: HTTP {status}, {label}"), case(status, shape, Mutation::None)));
                }
                for (label, m) in Mutation::corpus() {
                    out.push((
                        format!("{name}: HTTP {status}, envelope {label}"),
                        case(status, Shape::Success(vec![(0, "\"x\"".into())]), m),
                    ));
                }
            }
            // Sizes from one byte to the limit plus one, under 200.
            for size in [1, 2, 16, 1024, LIMIT - 1, LIMIT, LIMIT + 1] {
                out.push((format!("{name}: {size} bytes"), case(200, Shape::Success(vec![]), Mutation::PadTo(size))));
                out.push((
                    format!("{name}: {size} bytes of x"),
                    case(200, Shape::Raw(vec![b'x'; size]), Mutation::None),
                ));
            }
        }
        out
    }

    fn check(&self, input: &ResponseCase) -> Observed {
        let p = &self.provider;
        let parser = &p.parsers[input.parser % p.parsers.len()];
        let response = HttpResponse::new(input.status, self.body(input));
        (parser.parse)(&response)
    }
}

/// One target per provider, each covering all of its typed responses.
pub(crate) fn targets() -> Vec<Target> {
    const INPUT: &str = "HTTP status (any) and body: the provider's envelope with wrong types, extreme numbers, canaries and nesting in every field of the typed response, duplicate keys, refusals, raw bytes; BOM, non-UTF-8, cut, padded to the limit and over";
    const PROPERTY: &str = "no panic; Ok only under 2xx; Decode only under 2xx and outcome unknown; HttpStatus only under non-2xx, outcome unknown exactly for 5xx; every other failure under 5xx is outcome unknown unless it is the provider's refusal; no canary and at most 2048 characters in an error";
    vec![
        Target::new("visagenius_responses", INPUT, PROPERTY, 128, Responses { provider: visagenius() }),
        Target::new("acqra_gateway_responses", INPUT, PROPERTY, 128, Responses { provider: acqra() }),
        Target::new("vip_charge_responses", INPUT, PROPERTY, 128, Responses { provider: vip() }),
        Target::new("mall_pay_responses", INPUT, PROPERTY, 128, Responses { provider: mall() }),
        Target::new("chainup_opay_responses", INPUT, PROPERTY, 24, Responses { provider: chainup() }),
    ]
}
