//! No secret and no full card number ever shows in output: for every provider, a client is built
//! from its sandbox with known credentials, and the config, builder, client, a prepared
//! `HttpRequest` and the errors that can be provoked (a wrong credential against the sandbox, a
//! response with a secret in a field of the wrong type handed to `client.parse`) are formatted
//! with `{:?}`, `{:#?}` and, where the type has one, `{}`.

mod common;

use std::fmt::{Debug, Display};

use sign_core::HttpResponse;

/// Everything formatted for one provider, checked at the end against its secrets.
#[derive(Default)]
struct Shown {
    outputs: Vec<(String, String)>,
}

impl Shown {
    /// `{:?}` and `{:#?}`.
    fn debug(&mut self, label: &str, value: &impl Debug) {
        self.outputs.push((label.to_owned(), format!("{value:?}")));
        self.outputs.push((format!("{label} (pretty)"), format!("{value:#?}")));
    }

    /// `{:?}`, `{:#?}` and `{}`.
    fn both(&mut self, label: &str, value: &(impl Debug + Display)) {
        self.debug(label, value);
        self.outputs.push((format!("{label} (Display)"), format!("{value}")));
    }

    /// An error: it must exist, then it is formatted every way.
    fn error<T: Debug, E: Debug + Display>(&mut self, label: &str, result: Result<T, E>) -> E {
        let e = result.map(|ok| panic!("{label}: expected an error, got {ok:?}")).unwrap_err();
        self.both(label, &e);
        e
    }

    fn assert_none_contains(&self, secrets: &[&str]) {
        assert!(self.outputs.len() > 10, "too little was formatted to prove anything");
        assert!(secrets.iter().all(|s| s.len() >= 8), "a secret too short to search for");
        // Every leak at once, not only the first.
        let leaks: Vec<String> = self
            .outputs
            .iter()
            .flat_map(|(label, text)| {
                secrets.iter().filter(|s| text.contains(**s)).map(move |s| format!("{label} shows {s:?}: {text}"))
            })
            .collect();
        assert!(leaks.is_empty(), "{} leak(s):\n{}", leaks.len(), leaks.join("\n"));
    }
}

/// Pieces of a Base64 key, from its body (the first bytes of every PKCS#8 RSA key are alike).
fn key_fragments(base64: &str) -> Vec<String> {
    let body: Vec<char> = base64.chars().filter(|c| !c.is_whitespace()).collect();
    body[64..].chunks(24).filter(|c| c.len() == 24).map(|c| c.iter().collect()).collect()
}

fn refs(owned: &[String]) -> Vec<&str> {
    owned.iter().map(String::as_str).collect()
}

#[test]
fn visagenius_never_shows_its_keys() {
    use visagenius::sandbox::{
        SANDBOX_ACCESS_KEY, SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID, SANDBOX_SECRET_KEY, Sandbox,
    };
    use visagenius::{Client, OrderPayRequest, ProductBriefQueryRequest};
    const WRONG_SECRET: &str = "vg-e2e-wrong-secret-key-5521";

    let sandbox = Sandbox::start().expect("sandbox");
    let mut shown = Shown::default();
    shown.debug("Sandbox", &sandbox);
    let builder = sandbox.config_builder();
    shown.debug("ConfigBuilder", &builder);
    let config = builder.build().expect("config");
    shown.debug("Config", &config);
    let client = Client::new(config);
    shown.debug("Client", &client);
    let request = client.prepare(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).expect("prepare");
    shown.debug("HttpRequest", &request);
    // The signature is as secret as the key it proves.
    let authorization = request.header("Authorization").expect("signed").to_owned();

    // The sandbox refuses a request signed with the wrong secret key.
    let wrong = Client::new(sandbox.config_builder().secret_key(WRONG_SECRET).build().expect("config"));
    shown.debug("Client (wrong key)", &wrong);
    let e = shown.error("wrong key", wrong.product_brief_query(&ProductBriefQueryRequest::new()));
    assert_eq!(e.api_ret(), Some(-1), "{e:?}");

    // Secrets in fields of the wrong type.
    for (label, body) in [
        ("total_count", format!(r#"{{"ret":0,"msg":"ok","body":{{"total_count":"{SANDBOX_SECRET_KEY}"}}}}"#)),
        ("body", format!(r#"{{"ret":0,"msg":"ok","body":"{SANDBOX_ACCESS_KEY}"}}"#)),
        ("data", format!(r#"{{"ret":0,"msg":"ok","body":{{"total_count":1,"data":["{SANDBOX_SECRET_KEY}"]}}}}"#)),
        ("ret", format!(r#"{{"ret":"{SANDBOX_SECRET_KEY}","msg":"ok"}}"#)),
    ] {
        let response = HttpResponse::json(200, body);
        shown.error(&format!("parse with a secret in {label}"), client.parse::<ProductBriefQueryRequest>(&response));
    }

    let auth_value = authorization.trim_start_matches("Basic ").to_owned();
    shown.assert_none_contains(&[SANDBOX_ACCESS_KEY, SANDBOX_SECRET_KEY, WRONG_SECRET, &auth_value]);
}

#[test]
fn acqra_never_shows_its_secret_token_or_card_numbers() {
    use acqra_gateway::sandbox::{APP_ID, APPROVED_CARD, DECLINED_CARD, SECRET, Sandbox};
    use acqra_gateway::{
        Address, Billing, Browser, CaptureMethod, Card, Client, Config, Decimal, DeviceInfo, PaymentMethodType,
        PaymentRequest, QueryRequest,
    };
    const WRONG_SECRET: &str = "acqra-e2e-wrong-secret-7731";
    const CVC: &str = "9137";
    const BAD_LUHN: &str = "4111111111111112";

    let payment = |order_no: &str, card_no: &str| {
        let card =
            Card::new(card_no, "12", "2030", "Jane", "Doe").with_cvc(CVC).with_capture_method(CaptureMethod::Manual);
        let device = DeviceInfo::new(Browser::new("paykit-e2e"), "127.0.0.1", "en-US");
        let billing = Billing::new(Address::new("Seattle", "US", "1 Main St", "98102", "WA"));
        PaymentRequest::new(
            Decimal::from(5),
            acqra_gateway::sign_core::Currency::USD,
            device,
            order_no,
            PaymentMethodType::Card,
        )
        .with_card(card)
        .with_billing(billing)
    };

    let sandbox = Sandbox::start().expect("sandbox");
    let mut shown = Shown::default();
    shown.debug("Sandbox", &sandbox);
    shown.debug("SandboxGateway", sandbox.gateway());
    let builder = sandbox.config_builder();
    shown.debug("ConfigBuilder", &builder);
    let config = builder.build().expect("config");
    shown.debug("Config", &config);
    let client = Client::new(config);
    let token = client.access_token().expect("token");
    let token_value = token.token().secret().expose().to_owned();
    shown.debug("Client (holding a token)", &client);
    shown.debug("CachedToken", &token);
    shown.both("AccessToken", token.token());
    let approved = payment("E2E-SEC-01", APPROVED_CARD);
    shown.debug("PaymentRequest", &approved);
    let request = client.prepare(&approved, token.token()).expect("prepare");
    shown.debug("HttpRequest", &request);
    assert!(String::from_utf8_lossy(&request.body).contains(APPROVED_CARD), "the card is sent, only never shown");
    let paid = client.payment(&approved).expect("payment");
    shown.debug("PaymentResponse", &paid);

    // Refusals: a declined card, a card number that is not one, an unknown order.
    shown.error("declined card", client.payment(&payment("E2E-SEC-02", DECLINED_CARD)));
    shown.error("bad Luhn", client.payment(&payment("E2E-SEC-03", BAD_LUHN)));
    shown
        .error("unknown order", client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no(APPROVED_CARD)));

    // The wrong secret.
    let wrong_config = Config::builder().base_url(sandbox.base_url()).app_id(APP_ID).secret(WRONG_SECRET);
    let wrong = Client::new(wrong_config.build().expect("config"));
    shown.debug("Client (wrong secret)", &wrong);
    let e = shown.error("wrong secret", wrong.access_token());
    assert_eq!(e.api_code(), Some(acqra_gateway::sandbox::codes::BAD_CREDENTIALS), "{e:?}");

    // Secrets in fields of the wrong type, and a gateway message quoting the card.
    for (label, body) in [
        ("amount", format!(r#"{{"respCode":"0000","respMsg":"success","amount":"{APPROVED_CARD}x"}}"#)),
        (
            "currency",
            format!(r#"{{"respCode":"0000","respMsg":"success","amount":5,"currency":{{"t":"{token_value}"}}}}"#),
        ),
        (
            "tradeNo",
            format!(
                r#"{{"respCode":"0000","respMsg":"success","amount":5,"currency":"USD","orderNo":"o","tradeNo":["{SECRET}"]}}"#
            ),
        ),
        ("respCode", format!(r#"{{"respCode":["{token_value}"],"respMsg":"x"}}"#)),
        ("respMsg", format!(r#"{{"respCode":"9999","respMsg":"card {APPROVED_CARD} cvc {CVC} refused"}}"#)),
    ] {
        let response = HttpResponse::json(200, body);
        shown.error(&format!("parse with a secret in {label}"), client.parse::<PaymentRequest>(&response));
    }
    let token_response =
        HttpResponse::json(200, format!(r#"{{"respCode":"0000","accessToken":"t","expiresIn":"{SECRET}"}}"#));
    shown.error(
        "token response with the secret in expiresIn",
        client.parse::<acqra_gateway::TokenRequest>(&token_response),
    );

    shown.assert_none_contains(&[SECRET, WRONG_SECRET, &token_value, APPROVED_CARD, DECLINED_CARD, BAD_LUHN]);
}

#[test]
fn vip_charge_never_shows_its_keys() {
    use vip_charge::sandbox::Sandbox;
    use vip_charge::{OrderInfoRequest, ProductListRequest, SignType, VipChargeRequest};
    const MD5_SECRET: &str = "vip-e2e-md5-secret-0f3c9a";
    const WRONG_SECRET: &str = "vip-e2e-wrong-md5-secret-61de";

    let sandbox = Sandbox::builder().md5_secret_key(MD5_SECRET).start().expect("sandbox");
    let merchant_key = sandbox.merchant_private_key().to_base64_der();
    let mut secrets = key_fragments(merchant_key.expose());
    secrets.extend([MD5_SECRET.to_owned(), WRONG_SECRET.to_owned()]);

    let mut shown = Shown::default();
    shown.debug("Sandbox", &sandbox);
    for sign_type in [SignType::Md5, SignType::Sha256Rsa] {
        let builder = sandbox.config_builder_with_sign_type(sign_type);
        shown.debug(&format!("ConfigBuilder {sign_type}"), &builder);
        let config = builder.build().expect("config");
        shown.debug(&format!("Config {sign_type}"), &config);
        let client = sandbox.client_with_sign_type(sign_type).expect("client");
        shown.debug(&format!("Client {sign_type}"), &client);
        let order = VipChargeRequest::new(sandbox.merchant_id(), sandbox.business_id(), "87103", "acct", "E2E-SEC");
        let request = client.prepare(&order).expect("prepare");
        shown.debug(&format!("HttpRequest {sign_type}"), &request);
        let verifier = &client;
        // A forged callback carrying the secret.
        let headers = vec![
            ("businessId".to_owned(), sandbox.business_id().to_owned()),
            ("nonce".to_owned(), "n1".to_owned()),
            ("timestamp".to_owned(), "1".to_owned()),
            ("sign".to_owned(), MD5_SECRET.to_owned()),
        ];
        let body = format!(
            r#"{{"orderCode":"{MD5_SECRET}","bizCode":"{merchant_key}"}}"#,
            merchant_key = merchant_key.expose()
        );
        shown.error(&format!("forged callback {sign_type}"), verifier.verify_notification(&headers, body.as_bytes()));
    }

    let client = sandbox.client_with_sign_type(SignType::Md5).expect("client");
    let wrong = vip_charge::Client::new(
        sandbox.config_builder_with_sign_type(SignType::Md5).md5_secret_key(WRONG_SECRET).build().expect("config"),
    );
    shown.debug("Client (wrong key)", &wrong);
    shown.error("wrong key", wrong.product_list(&ProductListRequest::new(sandbox.merchant_id())));

    for (label, body) in [
        ("data", format!(r#"{{"status":0,"message":"ok","data":"{MD5_SECRET}"}}"#)),
        ("orderCode", format!(r#"{{"status":0,"message":"ok","data":{{"orderCode":["{MD5_SECRET}"]}}}}"#)),
        ("settlementPrice", format!(r#"{{"status":0,"message":"ok","data":{{"settlementPrice":"{MD5_SECRET}"}}}}"#)),
        ("status", format!(r#"{{"status":{{"k":"{MD5_SECRET}"}},"message":"ok"}}"#)),
    ] {
        let response = HttpResponse::json(200, body);
        shown.error(&format!("parse with a secret in {label}"), client.parse::<OrderInfoRequest>(&response));
    }

    shown.assert_none_contains(&refs(&secrets));
}

#[test]
fn mall_pay_never_shows_the_token() {
    use mall_pay::sandbox::Sandbox;
    use mall_pay::{Client, Freight, OrderPayRequest, PayOrder, PayWith, Yuan};
    const WRONG_TOKEN: &str = "mall-e2e-wrong-token-90ab17";

    let sandbox = Sandbox::start().expect("sandbox");
    let token = sandbox.token().expose().to_owned();
    let mut shown = Shown::default();
    shown.debug("Sandbox", &sandbox);
    shown.debug("SandboxHandler", sandbox.handler());
    let builder = sandbox.config_builder();
    shown.debug("ConfigBuilder", &builder);
    let config = builder.build().expect("config");
    shown.debug("Config", &config);
    let client = Client::new(config);
    shown.debug("Client", &client);
    let order: OrderPayRequest =
        PayOrder::new(3001, 1, PayWith::wechat(Yuan::parse("1.00").expect("price")), Freight::Free)
            .expect("order")
            .into();
    let request = client.prepare(&order).expect("prepare");
    shown.debug("HttpRequest", &request);
    assert_eq!(request.header("token"), Some(token.as_str()), "the token is sent, only never shown");

    let wrong = client.with_token(WRONG_TOKEN).expect("client");
    shown.debug("Client (wrong token)", &wrong);
    shown.error("wrong token", wrong.order_pay(&order));
    sandbox.expire_token(&sandbox.token());
    shown.error("expired token", client.order_pay(&order));

    for (label, body) in [
        ("data", format!(r#"{{"status":200,"msg":"ok","data":"{token}"}}"#)),
        ("pay_param", format!(r#"{{"status":200,"msg":"ok","data":{{"pay_param":{{"appid":["{token}"]}}}}}}"#)),
        ("status", format!(r#"{{"status":"{token}","msg":"ok","data":[]}}"#)),
        ("msg", format!(r#"{{"status":0,"msg":{{"t":"{token}"}},"data":[]}}"#)),
    ] {
        let response = HttpResponse::json(200, body);
        shown.error(&format!("parse with a secret in {label}"), client.parse::<OrderPayRequest>(&response));
    }

    shown.assert_none_contains(&[&token, WRONG_TOKEN]);
}

#[test]
fn chainup_never_shows_its_private_keys_or_token() {
    use chainup_opay::sandbox::{Sandbox, SandboxKeys};
    use chainup_opay::{Client, CreateThirdOrderRequest, OrderDetailRequest, Payer};
    use sign_core::SecretString;
    use sign_core::rsa::PrivateKey;
    const APP_KEY: &str = "e2e-app-key";
    const TOKEN: &str = "chainup-e2e-user-token-4be1";

    // Keys made here, so that the test knows the private keys it looks for.
    let merchant = PrivateKey::generate(2048).expect("merchant key");
    let platform = PrivateKey::generate(2048).expect("platform key");
    let merchant_b64 = merchant.to_base64_der();
    let platform_b64 = platform.to_base64_der();
    let keys =
        SandboxKeys::new(platform_b64.expose(), &merchant.public_key().to_base64_der(), Some(merchant_b64.expose()))
            .expect("sandbox keys");
    let mut secrets = key_fragments(merchant_b64.expose());
    secrets.extend(key_fragments(platform_b64.expose()));
    secrets.push(TOKEN.to_owned());

    let mut shown = Shown::default();
    shown.debug("SandboxKeys", &keys);
    let sandbox = Sandbox::start_with(APP_KEY, keys).expect("sandbox");
    shown.debug("Sandbox", &sandbox);
    let builder = sandbox.config_builder();
    shown.debug("ConfigBuilder", &builder);
    let config = builder.build().expect("config");
    shown.debug("Config", &config);
    let client = Client::new(config);
    shown.debug("Client", &client);
    let create = CreateThirdOrderRequest::for_payer(
        Payer::UserId("22033390".into()),
        "e2e-sec-1",
        sign_core::Decimal::from(3),
        "USDT",
        "https://merchant.example.com/paid",
        "http://127.0.0.1:9/notify",
    )
    .with_token(SecretString::new(TOKEN));
    shown.debug("CreateThirdOrderRequest", &create);
    let request = client.prepare(&create).expect("prepare");
    shown.debug("HttpRequest", &request);
    let order_num = client.create_third_order(&create).expect("create order").order_num;
    let page =
        client.payment_page(order_num.clone(), Payer::UserId("22033390".into())).with_token(SecretString::new(TOKEN));
    shown.debug("PaymentPage", &page);
    let detail = client.order_detail(&OrderDetailRequest::new(APP_KEY, order_num)).expect("detail");
    shown.debug("OrderDetailResponse", &detail);

    // The wrong merchant key (the platform's): the sandbox cannot verify the signature.
    let wrong =
        Client::new(sandbox.config_builder().merchant_private_key(platform_b64.expose()).build().expect("config"));
    shown.debug("Client (wrong key)", &wrong);
    shown.error("wrong key", wrong.order_detail(&OrderDetailRequest::new(APP_KEY, "1")));

    // A callback and responses carrying key material where it does not belong.
    let fragment = &secrets[0];
    let forged = format!(r#"{{"app_id":"{APP_KEY}","data":"{fragment}","sign":"{fragment}","time":1}}"#);
    shown.error(
        "forged callback",
        client.verify_notification([("Content-Type", "application/json")], forged.as_bytes()),
    );
    for (label, body) in [
        ("data", format!(r#"{{"code":"0","msg":"succ","data":{{"k":"{fragment}"}},"sign":"{fragment}"}}"#)),
        ("sign", format!(r#"{{"code":"0","msg":"succ","data":"{fragment}","sign":["{fragment}"]}}"#)),
        ("code", format!(r#"{{"code":{{"k":"{fragment}"}},"msg":"x"}}"#)),
    ] {
        let response = HttpResponse::json(200, body);
        shown.error(&format!("parse with a secret in {label}"), client.parse::<OrderDetailRequest>(&response));
    }

    shown.assert_none_contains(&refs(&secrets));
}
