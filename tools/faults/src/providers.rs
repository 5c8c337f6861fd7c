//! Every provider as a [`Target`]: its sandbox, the calls driven (every non-idempotent call and one
//! query), the set-up each needs and the sandbox state that shows a call's effect.
//!
//! Set-up and state checks go straight to the sandbox (its own address, or its state accessors);
//! only the call under test goes through the relay.

use std::time::{Duration, Instant};

use sign_core::{HttpOptions, Outcome};

use crate::{CallSpec, Called, Prep, Sandbox, Target};

/// How one provider's target starts, with a sandbox of its own.
pub type Start = fn() -> std::io::Result<Box<dyn Target>>;

/// Every provider by its crate name, with how its target starts, in the report's order.
pub const ALL: [(&str, Start); 5] = [
    ("visagenius", || Ok(Box::new(Visagenius { sandbox: visagenius::sandbox::Sandbox::start()? }))),
    ("acqra-gateway", || Ok(Box::new(Acqra::start()?))),
    ("vip-charge", || Ok(Box::new(VipCharge { sandbox: vip_charge::sandbox::Sandbox::start()? }))),
    ("mall-pay", || Ok(Box::new(MallPay { sandbox: mall_pay::sandbox::Sandbox::start()? }))),
    ("chainup-opay", || Ok(Box::new(Chainup::start()?))),
];

/// The call `f` and how long it took; what it returned is not needed, only whether it failed.
fn timed<T, E>(f: impl FnOnce() -> Result<T, E>) -> (Result<(), E>, Duration) {
    let start = Instant::now();
    let out = f();
    (out.map(drop), start.elapsed())
}

/// The verdict of `call` run with `client`; a client the configuration refused is the verdict
/// itself, untimed.
fn called<C, E: std::fmt::Debug>(
    client: Result<C, E>,
    outcome: fn(&E) -> Outcome,
    call: impl FnOnce(&C) -> (Result<(), E>, Duration),
) -> Called {
    match client {
        Ok(client) => {
            let (r, t) = call(&client);
            Called::of(r, outcome, t)
        }
        Err(e) => Called::of::<(), _>(Err(e), outcome, Duration::ZERO),
    }
}

/// VisaGenius: `order_pay` (non-idempotent) and `product_query`.
struct Visagenius {
    sandbox: visagenius::sandbox::Sandbox,
}

impl Target for Visagenius {
    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox { provider: "visagenius", base_url: self.sandbox.base_url(), faults: self.sandbox.faults() }
    }
    fn calls(&self) -> Vec<CallSpec> {
        vec![
            CallSpec { name: "order_pay", path: "/openvisa/order_pay", idempotent: false },
            CallSpec { name: "product_query", path: "/openvisa/product_query", idempotent: true },
        ]
    }
    fn prepare(&self, _call: &str, n: usize) -> Result<Prep, String> {
        let order_id = 2_000_000_000 + i64::try_from(n).unwrap_or(0);
        self.sandbox.add_order(order_id, visagenius::Fen(1234));
        Ok(Prep { key: order_id.to_string(), ..Prep::default() })
    }
    fn run(&self, call: &str, prep: &Prep, base_url: &str, options: HttpOptions, reuse: bool) -> Called {
        use visagenius::{Client, Error, Fen, OrderPayRequest, ProductQueryRequest};
        let config = self.sandbox.config_builder().base_url(base_url).http_options(options).build();
        called(config.map(Client::new), Error::outcome, |client| {
            let product = visagenius::sandbox::SANDBOX_PRODUCT_IDS[0];
            if reuse {
                let _ = client.product_query(&ProductQueryRequest::new(product));
            }
            match call {
                "order_pay" => {
                    let id: i64 = prep.key.parse().unwrap_or_default();
                    timed(|| client.order_pay(&OrderPayRequest::new(id, Fen(1234))))
                }
                _ => timed(|| client.product_query(&ProductQueryRequest::new(product))),
            }
        })
    }
    fn processed(&self, call: &str, prep: &Prep) -> Option<bool> {
        match call {
            "order_pay" => Some(self.sandbox.order(prep.key.parse().ok()?).is_some_and(|o| o.paid)),
            _ => None,
        }
    }
}

/// Acqra: `payment`, `cashier_order`, `capture`, `cancel`, `refund` (non-idempotent) and `query`.
struct Acqra {
    sandbox: acqra_gateway::sandbox::Sandbox,
    direct: acqra_gateway::Client,
}

impl Acqra {
    /// Starts its sandbox and the client that sets up and checks its cases.
    fn start() -> std::io::Result<Self> {
        let sandbox = acqra_gateway::sandbox::Sandbox::start()?;
        let direct = sandbox.client().map_err(std::io::Error::other)?;
        Ok(Self { sandbox, direct })
    }

    fn payment(order_no: &str) -> acqra_gateway::PaymentRequest {
        Self::payment_with(order_no, acqra_gateway::sandbox::APPROVED_CARD, acqra_gateway::CaptureMethod::Manual)
    }

    fn card(number: &str, capture: acqra_gateway::CaptureMethod) -> acqra_gateway::Card {
        acqra_gateway::Card::new(number, "06", "2099", "Si", "Li").with_cvc("737").with_capture_method(capture)
    }

    fn billing() -> acqra_gateway::Billing {
        use acqra_gateway::{Address, Billing, StoredCredentials};
        Billing::new(Address::new("Seattle", "HK", "1 Main St", "98102", "WA"))
            .with_storedcredentials(StoredCredentials::Store)
    }

    fn tracking(order_no: &str, tracking_no: &str) -> acqra_gateway::ShippingTrackingRequest {
        use acqra_gateway::{ShipmentDirection, ShippingStatus, ShippingTrackingRequest, TrackingNumberType};
        ShippingTrackingRequest::new(
            "FEDEX",
            order_no,
            "2025-06-09",
            ShipmentDirection::Forward,
            ShippingStatus::Shipped,
            tracking_no,
            TrackingNumberType::CarrierProvided,
        )
    }

    fn cancel_tracking(prep: &Prep) -> acqra_gateway::ShippingTrackingModifyRequest {
        use acqra_gateway::{ShippingTrackingModifyRequest, TrackingIterm, TrackingOp};
        let cancel = TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("CANCELLED");
        ShippingTrackingModifyRequest::new(vec![cancel], prep.key.as_str(), prep.trade_no.as_str())
    }

    fn payment_with(
        order_no: &str,
        card: &str,
        capture: acqra_gateway::CaptureMethod,
    ) -> acqra_gateway::PaymentRequest {
        use acqra_gateway::{Browser, Currency, DeviceInfo, PaymentMethodType, PaymentRequest};
        let device = DeviceInfo::new(Browser::new("Mozilla/5.0 (faults)"), "10.1.1.1", "en-US");
        PaymentRequest::new(dec("10.00"), Currency::USD, device, order_no, PaymentMethodType::Card)
            .with_card(Self::card(card, capture))
            .with_billing(Self::billing())
    }

    fn status(&self, order_no: &str) -> Option<acqra_gateway::OrderStatus> {
        use acqra_gateway::{PaymentMethodType, QueryRequest};
        let q = self.direct.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no(order_no)).ok()?;
        q.order.and_then(|o| o.order_status)
    }
}

fn dec(s: &str) -> sign_core::Decimal {
    s.parse().expect("a decimal literal")
}

impl Target for Acqra {
    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox { provider: "acqra-gateway", base_url: self.sandbox.base_url(), faults: self.sandbox.faults() }
    }
    fn calls(&self) -> Vec<CallSpec> {
        vec![
            CallSpec { name: "payment", path: "/gateway/v1/payment", idempotent: false },
            CallSpec { name: "cashier_order", path: "/gateway/v1/cashier/order", idempotent: false },
            CallSpec { name: "capture", path: "/gateway/v1/capture", idempotent: false },
            CallSpec { name: "cancel", path: "/gateway/v1/cancel", idempotent: false },
            CallSpec { name: "refund", path: "/gateway/v1/refund", idempotent: false },
            CallSpec { name: "mit_payment", path: "/gateway/v1/mitPayment", idempotent: false },
            CallSpec { name: "subscription_payment", path: "/gateway/v1/subscriptionPayment", idempotent: false },
            CallSpec { name: "shipping_tracking", path: "/gateway/v1/shipping/tracking", idempotent: false },
            CallSpec {
                name: "shipping_tracking_batch",
                path: "/gateway/v1/shipping/tracking-batch",
                idempotent: false,
            },
            CallSpec {
                name: "shipping_tracking_modify",
                path: "/gateway/v1/shipping/tracking-modify",
                idempotent: false,
            },
            CallSpec { name: "query", path: "/gateway/v1/query", idempotent: true },
        ]
    }
    fn warm_ups(&self, _reuse: bool) -> usize {
        // The token request, always first; it also opens the connection a reuse case reuses.
        1
    }
    fn prepare(&self, call: &str, n: usize) -> Result<Prep, String> {
        let order_no = format!("ORD-F{n:05}");
        let mut prep = Prep { key: order_no.clone(), ..Prep::default() };
        match call {
            "payment" | "mit_payment" => {}
            "cashier_order" => prep.key = format!("CS-F{n:05}"),
            "subscription_payment" => {
                // A first payment stores the card; the subscription charges it again.
                let first =
                    Self::payment_with(&format!("ORD-P{n:05}"), "5555555555554444", acqra_gateway::CaptureMethod::Auto);
                let paid = self.direct.payment(&first).map_err(|e| e.to_string())?;
                prep.credential = paid.transaction_identifier;
                if prep.credential.is_none() {
                    return Err("no stored credential".to_owned());
                }
            }
            "shipping_tracking" | "shipping_tracking_batch" | "shipping_tracking_modify" => {
                self.direct.payment(&Self::payment(&order_no)).map_err(|e| e.to_string())?;
                prep.trade_no = format!("TRK-F{n:05}");
                if call == "shipping_tracking_modify" {
                    self.direct
                        .shipping_tracking(&Self::tracking(&order_no, &prep.trade_no))
                        .map_err(|e| e.to_string())?;
                }
            }
            "capture" | "cancel" | "query" | "refund" => {
                let paid = self.direct.payment(&Self::payment(&order_no)).map_err(|e| e.to_string())?;
                prep.trade_no = paid.trade_no;
                if call == "refund" {
                    let capture = acqra_gateway::CaptureRequest::new(dec("10.00")).with_trade_no(&prep.trade_no);
                    self.direct.capture(&capture).map_err(|e| e.to_string())?;
                    prep.key = format!("RF-F{n:05}");
                }
            }
            other => return Err(format!("unknown call {other}")),
        }
        Ok(prep)
    }
    fn run(&self, call: &str, prep: &Prep, base_url: &str, options: HttpOptions, _reuse: bool) -> Called {
        use acqra_gateway::{
            CancelRequest, CaptureRequest, CashierOrderRequest, Client, Currency, Error, MitPaymentRequest,
            PaymentMethodType, QueryRequest, RefundRequest, ShippingTrackingBatchRequest, SubscriptionPaymentRequest,
        };
        let config = self.sandbox.config_builder().base_url(base_url).http_options(options).build();
        called(config.map(Client::new), Error::outcome, |client| {
            // The token first, as a long-lived client has it; a failure here shows again in the call.
            let _ = client.access_token();
            match call {
                "payment" => timed(|| client.payment(&Self::payment(&prep.key))),
                "cashier_order" => {
                    let request = CashierOrderRequest::new(dec("25.00"), Currency::USD, prep.key.as_str());
                    timed(|| client.cashier_order(&request))
                }
                "capture" => {
                    let request = CaptureRequest::new(dec("10.00")).with_trade_no(&prep.trade_no);
                    timed(|| client.capture(&request))
                }
                "cancel" => {
                    let request = CancelRequest::new().with_trade_no(&prep.trade_no);
                    timed(|| client.cancel(&request))
                }
                "mit_payment" => {
                    let card = Self::card(acqra_gateway::sandbox::APPROVED_CARD, acqra_gateway::CaptureMethod::Manual);
                    let request =
                        MitPaymentRequest::new(dec("3.00"), Self::billing(), card, Currency::USD, prep.key.as_str());
                    timed(|| client.mit_payment(&request))
                }
                "subscription_payment" => {
                    let mut request = SubscriptionPaymentRequest::new(dec("9.99"), "06", "2099", prep.key.as_str());
                    if let Some(credential) = &prep.credential {
                        request = request.with_transaction_identifier(credential.clone());
                    }
                    timed(|| client.subscription_payment(&request))
                }
                "shipping_tracking" => {
                    let request = Self::tracking(&prep.key, &prep.trade_no);
                    timed(|| client.shipping_tracking(&request))
                }
                "shipping_tracking_batch" => {
                    let request = ShippingTrackingBatchRequest::new(vec![Self::tracking(&prep.key, &prep.trade_no)]);
                    timed(|| client.shipping_tracking_batch(&request))
                }
                "shipping_tracking_modify" => timed(|| client.shipping_tracking_modify(&Self::cancel_tracking(prep))),
                "refund" => {
                    let request = RefundRequest::new(dec("5.00"), "10.1.1.1", "faults", prep.key.as_str())
                        .with_trade_no(&prep.trade_no);
                    timed(|| client.refund(&request))
                }
                _ => {
                    let request = QueryRequest::new(PaymentMethodType::Card).with_order_no(prep.key.as_str());
                    timed(|| client.query(&request))
                }
            }
        })
    }
    fn processed(&self, call: &str, prep: &Prep) -> Option<bool> {
        use acqra_gateway::{OrderStatus, PaymentMethodType, RefundQueryRequest};
        match call {
            "payment" | "mit_payment" | "subscription_payment" => Some(self.status(&prep.key).is_some()),
            // Adding the same tracking again is refused as a duplicate only if the call added it.
            "shipping_tracking_modify" => {
                let retrieve = acqra_gateway::ShippingRetrieveRequest::new(
                    std::collections::BTreeMap::new(),
                    prep.key.as_str(),
                    prep.trade_no.as_str(),
                );
                let details = self.direct.shipping_retrieve(&retrieve).ok()?;
                Some(details.shipping_status == acqra_gateway::ShippingStatus::Cancelled)
            }
            "shipping_tracking" | "shipping_tracking_batch" => Some(matches!(
                self.direct.shipping_tracking(&Self::tracking(&prep.key, &prep.trade_no)),
                Err(ref e) if e.api_code() == Some(acqra_gateway::sandbox::codes::DUPLICATE)
            )),
            // A pending checkout session can be completed only if the call created it.
            "cashier_order" => Some(self.sandbox.gateway().complete_checkout(&prep.key)),
            "capture" => Some(self.status(&prep.key) == Some(OrderStatus::Successed)),
            "cancel" => Some(self.status(&prep.key) == Some(OrderStatus::Canceled)),
            "refund" => Some(
                self.direct
                    .refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no(prep.key.as_str()))
                    .is_ok(),
            ),
            _ => None,
        }
    }
}

/// VIP charge: `vip_charge`, `batch_order` (non-idempotent) and `business_balance`.
struct VipCharge {
    sandbox: vip_charge::sandbox::Sandbox,
}

impl Target for VipCharge {
    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox { provider: "vip-charge", base_url: self.sandbox.base_url(), faults: self.sandbox.faults() }
    }
    fn calls(&self) -> Vec<CallSpec> {
        vec![
            CallSpec { name: "vip_charge", path: "/v1/openapi/order/VIPCharge", idempotent: false },
            CallSpec { name: "batch_order", path: "/v1/openapi/order/batch", idempotent: false },
            CallSpec { name: "business_balance", path: "/v1/openapi/merchant/business/balance", idempotent: true },
        ]
    }
    fn prepare(&self, _call: &str, n: usize) -> Result<Prep, String> {
        Ok(Prep { key: format!("F{n:05}"), before: self.sandbox.order_count(), ..Prep::default() })
    }
    fn run(&self, call: &str, prep: &Prep, base_url: &str, options: HttpOptions, reuse: bool) -> Called {
        use vip_charge::{BatchOrderItem, BatchOrderRequest, BusinessBalanceRequest, Client, Error, VipChargeRequest};
        let config = self.sandbox.config_builder().base_url(base_url).http_options(options).build();
        called(config.map(Client::new), Error::outcome, |client| {
            let (merchant, business) = (self.sandbox.merchant_id(), self.sandbox.business_id());
            let balance = BusinessBalanceRequest::new(merchant, business);
            if reuse {
                let _ = client.business_balance(&balance);
            }
            match call {
                "vip_charge" => {
                    let request = VipChargeRequest::new(merchant, business, "87103", "13800000000", prep.key.as_str());
                    timed(|| client.vip_charge(&request))
                }
                "batch_order" => {
                    let item = BatchOrderItem::new(format!("{}-1", prep.key), "13800000000");
                    let request = BatchOrderRequest::new(merchant, business, prep.key.as_str(), "87103", vec![item]);
                    timed(|| client.batch_order(&request))
                }
                _ => timed(|| client.business_balance(&balance)),
            }
        })
    }
    fn processed(&self, call: &str, prep: &Prep) -> Option<bool> {
        match call {
            "vip_charge" | "batch_order" => Some(self.sandbox.order_count() > prep.before),
            _ => None,
        }
    }
}

/// Mall pay: `order_pay` (non-idempotent; the provider has no query).
struct MallPay {
    sandbox: mall_pay::sandbox::Sandbox,
}

impl Target for MallPay {
    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox { provider: "mall-pay", base_url: self.sandbox.base_url(), faults: self.sandbox.faults() }
    }
    fn calls(&self) -> Vec<CallSpec> {
        vec![CallSpec { name: "order_pay", path: mall_pay::sandbox::Sandbox::PAY_PATH, idempotent: false }]
    }
    fn prepare(&self, _call: &str, n: usize) -> Result<Prep, String> {
        Ok(Prep { key: (30_000 + n).to_string(), before: self.sandbox.pay_requests(), ..Prep::default() })
    }
    fn run(&self, _call: &str, prep: &Prep, base_url: &str, options: HttpOptions, reuse: bool) -> Called {
        use mall_pay::{Client, Error, Freight, PayOrder, PayWith, Yuan};
        let config = self.sandbox.config_builder().base_url(base_url).http_options(options).build();
        called(config.map(Client::new), Error::outcome, |client| {
            if reuse {
                // No query in this API: any answered request opens the connection (a 404 here).
                let _ = client.raw_call_json("/sandbox/warm-up", &serde_json::json!({}), true);
            }
            let id: i64 = prep.key.parse().unwrap_or_default();
            let order =
                Yuan::from_fen(2999).and_then(|price| PayOrder::new(id, 1, PayWith::wechat(price), Freight::Free));
            match order {
                Ok(order) => timed(|| client.order_pay(&order.into())),
                Err(_) => (Ok(()), Duration::ZERO),
            }
        })
    }
    fn processed(&self, _call: &str, prep: &Prep) -> Option<bool> {
        Some(self.sandbox.paid_order(prep.key.parse().ok()?).is_some())
    }
}

/// ChainUP opay: `create_third_order`, `cancel_order` (non-idempotent) and `order_detail`.
struct Chainup {
    sandbox: chainup_opay::sandbox::Sandbox,
    direct: chainup_opay::Client,
}

impl Chainup {
    /// Starts its sandbox (fresh RSA keys) and the client that sets up and checks its cases.
    fn start() -> std::io::Result<Self> {
        let sandbox = chainup_opay::sandbox::Sandbox::start()?;
        let direct = sandbox.client().map_err(std::io::Error::other)?;
        Ok(Self { sandbox, direct })
    }

    fn order(app_order_id: &str) -> chainup_opay::CreateThirdOrderRequest {
        chainup_opay::CreateThirdOrderRequest::for_payer(
            chainup_opay::Payer::UserId("22033390".into()),
            app_order_id,
            dec("10.5"),
            "USDT",
            "https://merchant.example.com/paid",
            "https://merchant.example.com/notify",
        )
    }
}

impl Target for Chainup {
    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox { provider: "chainup-opay", base_url: self.sandbox.base_url(), faults: self.sandbox.faults() }
    }
    fn calls(&self) -> Vec<CallSpec> {
        vec![
            CallSpec {
                name: "create_third_order",
                path: "/platformapi/chainup/open/opay/createThirdOrder",
                idempotent: false,
            },
            CallSpec { name: "cancel_order", path: "/opay/cancelOrder", idempotent: false },
            CallSpec { name: "order_detail", path: "/platformapi/chainup/open/opay/orderDetail", idempotent: true },
        ]
    }
    fn prepare(&self, call: &str, n: usize) -> Result<Prep, String> {
        let app_order_id = format!("F-{n:05}");
        let mut prep = Prep { key: app_order_id.clone(), ..Prep::default() };
        if call != "create_third_order" {
            let created = self.direct.create_third_order(&Self::order(&app_order_id)).map_err(|e| e.to_string())?;
            prep.trade_no = created.order_num;
        }
        Ok(prep)
    }
    fn run(&self, call: &str, prep: &Prep, base_url: &str, options: HttpOptions, reuse: bool) -> Called {
        use chainup_opay::{CancelOrderRequest, Client, Error, OrderDetailRequest};
        let config = self.sandbox.config_builder().base_url(base_url).http_options(options).build();
        called(config.map(Client::new), Error::outcome, |client| {
            let app_key = chainup_opay::sandbox::SANDBOX_APP_KEY;
            if reuse {
                let _ = client.order_detail(&OrderDetailRequest::new(app_key, "10000000001"));
            }
            match call {
                "create_third_order" => timed(|| client.create_third_order(&Self::order(&prep.key))),
                "cancel_order" => timed(|| client.cancel_order(&CancelOrderRequest::new(prep.trade_no.as_str()))),
                _ => {
                    let request = OrderDetailRequest::new(app_key, prep.trade_no.as_str());
                    timed(|| client.order_detail(&request))
                }
            }
        })
    }
    fn processed(&self, call: &str, prep: &Prep) -> Option<bool> {
        match call {
            // Creating the same appOrderId again is refused as a duplicate (1007) only if the
            // call created it (otherwise this creates it, harmlessly: the case is over).
            "create_third_order" => Some(matches!(
                self.direct.create_third_order(&Self::order(&prep.key)),
                Err(chainup_opay::Error::Api { ref code, .. }) if code == "1007"
            )),
            "cancel_order" => Some(self.sandbox.order(&prep.trade_no)?.status == chainup_opay::OrderStatus::Closed),
            _ => None,
        }
    }
}
