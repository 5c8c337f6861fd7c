//! Shared request builders and a scripted transport for the integration tests.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::Mutex;

use acqra_gateway::{
    Address, Billing, Browser, CaptureMethod, Card, Currency, Decimal, DeviceInfo, PaymentMethodType, PaymentRequest,
    StoredCredentials,
};
use sign_core::{HttpRequest, HttpResponse, Transport, TransportError};

pub const CARD_NO: &str = "4111111111111111";
pub const CVC: &str = "737";

pub fn device() -> DeviceInfo {
    DeviceInfo::new(Browser::new("Mozilla/5.0 (test)"), "10.1.1.1", "en-US")
}

pub fn billing() -> Billing {
    Billing::new(Address::new("Seattle", "HK", "1 Main St", "98102", "WA"))
}

pub fn card(no: &str) -> Card {
    Card::new(no, "06", "2099", "Si", "Li").with_cvc(CVC).with_capture_method(CaptureMethod::Manual)
}

pub fn card_payment(order_no: &str, amount: &str, no: &str) -> PaymentRequest {
    PaymentRequest::new(amount.parse::<Decimal>().unwrap(), Currency::USD, device(), order_no, PaymentMethodType::Card)
        .with_card(card(no))
        .with_billing(billing().with_storedcredentials(StoredCredentials::Store))
}

/// A transport answering from a script and recording what was sent.
#[derive(Default)]
pub struct Scripted {
    pub answers: Mutex<VecDeque<Result<HttpResponse, TransportError>>>,
    pub sent: Mutex<Vec<HttpRequest>>,
}

impl Scripted {
    pub fn new(answers: Vec<Result<HttpResponse, TransportError>>) -> Self {
        Self { answers: Mutex::new(answers.into()), sent: Mutex::new(Vec::new()) }
    }

    pub fn sent_paths(&self) -> Vec<String> {
        self.sent.lock().unwrap().iter().map(|r| r.path().to_owned()).collect()
    }
}

impl Transport for Scripted {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.lock().unwrap().push(request.clone());
        self.answers.lock().unwrap().pop_front().expect("the script ran out of answers")
    }
}

pub fn token_ok(token: &str, expires_in: u64) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse::json(
        200,
        format!(r#"{{"accessToken":"{token}","expiresIn":{expires_in},"respCode":"0000","respMsg":"success"}}"#),
    ))
}
