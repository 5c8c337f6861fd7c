//! The pages a payer sees: acqra's cashier page (a checkout session's `redirectUrl`) and chainup's
//! payment page (the URL the crate's `payment_page` builds). Small HTML forms that drive the same
//! state changes and callbacks as the admin interface. No script: a plain form post.

use std::collections::BTreeMap;

use serde_json::json;
use sign_core::{HttpRequest, HttpResponse, Method};

/// A page and its verdict for the log line: `accepted` and what was done, or `refused` and why.
pub type Answered = (HttpResponse, String);

/// Acqra's cashier path (the `redirectUrl` of a checkout session).
pub const ACQRA_CASHIER_PATH: &str = "/h5/zh-cn/cashier.html";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// Decodes `application/x-www-form-urlencoded` text (also a query string): `+` is a space.
fn form(text: &str) -> BTreeMap<String, String> {
    let decode = |s: &str| -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if s.get(i + 1..i + 3).is_some_and(|h| u8::from_str_radix(h, 16).is_ok()) => {
                    out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap_or(b'?'));
                    i += 2;
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

fn query(request: &HttpRequest) -> BTreeMap<String, String> {
    form(request.path_and_query().split_once('?').map_or("", |(_, q)| q))
}

fn page(status: u16, title: &str, body: &str) -> HttpResponse {
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:sans-serif;max-width:32em;margin:2em auto}}label{{display:block;margin:.4em 0}}\
         .result{{padding:1em;border:1px solid #999}}</style></head><body><h1>{title}</h1>{body}\
         <p><small>paykit-sandbox: a local stand-in, no money moves.</small></p></body></html>",
        title = escape(title)
    );
    HttpResponse::new(status, html).with_header("Content-Type", "text/html; charset=utf-8")
}

fn result(status: u16, title: &str, message: &str) -> HttpResponse {
    page(status, title, &format!("<p id=\"result\" class=\"result\">{}</p>", escape(message)))
}

/// Acqra's cashier page: GET shows the checkout session and a card form; POST pays it with the
/// card (the gateway's test-card rules) or fails it.
pub fn acqra_cashier(gateway: &acqra_gateway::sandbox::SandboxGateway, request: &HttpRequest) -> Option<Answered> {
    if request.path() != ACQRA_CASHIER_PATH {
        return None;
    }
    let order_no = query(request).get("orderNo").cloned().unwrap_or_default();
    let Some(order) = gateway.order(&order_no) else {
        let why = format!("no checkout session {order_no:?}: create one with /gateway/v1/cashier/order");
        return Some((
            result(404, "Checkout", &format!("No checkout session {order_no:?}.")),
            format!("refused: {why}"),
        ));
    };
    let status = order["orderStatus"].as_str().unwrap_or("?").to_owned();
    match request.method {
        Method::Get => {
            let summary = format!(
                "<p>Order <b id=\"order-no\">{}</b>: <b id=\"amount\">{} {}</b>, <span id=\"status\">{}</span>.</p>",
                escape(&order_no),
                escape(order["amount"].as_str().unwrap_or("?")),
                escape(order["currency"].as_str().unwrap_or("?")),
                escape(&status)
            );
            let shown = format!("accepted: checkout session {order_no} shown ({status})");
            if status != "pending" {
                return Some((page(200, "Checkout", &summary), shown));
            }
            let action = escape(request.path_and_query());
            let body = format!(
                "{summary}<form method=\"post\" action=\"{action}\">\
                 <label>Card number <input id=\"card-number\" name=\"cardNo\" autocomplete=\"off\" inputmode=\"numeric\"></label>\
                 <label>Expiry month <input id=\"expiry-month\" name=\"expiryMonth\" value=\"12\"></label>\
                 <label>Expiry year <input id=\"expiry-year\" name=\"expiryYear\" value=\"2030\"></label>\
                 <label>CVC <input id=\"cvc\" name=\"cvc\" autocomplete=\"off\"></label>\
                 <label>First name <input id=\"first-name\" name=\"firstName\" value=\"Jane\"></label>\
                 <label>Last name <input id=\"last-name\" name=\"lastName\" value=\"Doe\"></label>\
                 <button id=\"pay\" name=\"action\" value=\"pay\">Pay</button> \
                 <button id=\"fail\" name=\"action\" value=\"fail\">Fail the payment</button></form>\
                 <p><small>Test cards: {} is approved, {} declined; a number failing the Luhn check is declined \
                 (UnionPay 62... excepted).</small></p>",
                acqra_gateway::sandbox::APPROVED_CARD,
                acqra_gateway::sandbox::DECLINED_CARD
            );
            Some((page(200, "Checkout", &body), shown))
        }
        Method::Post => {
            let fields = form(&String::from_utf8_lossy(&request.body));
            Some(match fields.get("action").map(String::as_str) {
                Some("fail") => match gateway.settle(&order_no, "failed") {
                    Ok(()) => (
                        result(200, "Payment failed", &format!("Order {order_no} failed.")),
                        format!("accepted: checkout session {order_no} failed by the payer"),
                    ),
                    Err(e) => (result(409, "Checkout", &e), format!("refused: {e}")),
                },
                _ => {
                    let card = json!({
                        "cardNo": fields.get("cardNo").map(|s| s.replace(' ', "")),
                        "expiryMonth": fields.get("expiryMonth"),
                        "expiryYear": fields.get("expiryYear"),
                        "cvc": fields.get("cvc").filter(|c| !c.is_empty()),
                        "firstName": fields.get("firstName"),
                        "lastName": fields.get("lastName"),
                    });
                    match gateway.pay_checkout_with_card(&order_no, &card) {
                        Ok(()) => (
                            result(200, "Payment successful", &format!("Order {order_no} is paid.")),
                            format!("accepted: checkout session {order_no} paid by card"),
                        ),
                        // The gateway's message never holds the card number.
                        Err(fail) => {
                            let why = format!("{} ({})", fail.message, fail.code);
                            (result(402, "Payment refused", &why), format!("refused: {why}"))
                        }
                    }
                }
            })
        }
        _ => None,
    }
}

/// Chainup's payment page: GET (checked by the sandbox's own rules: app key, order, payer) shows
/// the order with buttons to pay or fail it; POST does so and the callback follows.
pub fn chainup_payment(sandbox: &chainup_opay::sandbox::Sandbox, request: &HttpRequest) -> Option<Answered> {
    if request.path() != chainup_opay::PAYMENT_PAGE_PATH {
        return None;
    }
    // The sandbox's own page answers 200 only for a valid app key, order and payer; its refusal
    // (plain text) is shown to the payer as a page, and said in the log.
    let check = sandbox.handle(&HttpRequest::new(Method::Get, request.url.clone()));
    if !check.is_success() {
        let why = String::from_utf8_lossy(&check.body).trim().to_owned();
        return Some((result(check.status, "opay payment", &why), format!("refused: {why}")));
    }
    let order_num = query(request).get("orderNum").cloned().unwrap_or_default();
    let order = sandbox.order(&order_num)?;
    let pending = order.status == chainup_opay::OrderStatus::Pending;
    match request.method {
        Method::Get => {
            let mut body = format!(
                "<p>Order <b id=\"order-num\">{}</b> ({}): <b id=\"amount\">{} {}</b>, <span id=\"status\">{:?}</span>.</p>",
                escape(&order.order_num),
                escape(&order.app_order_id),
                order.order_amount,
                escape(&order.pay_coin_symbol),
                order.status
            );
            if pending {
                body.push_str(&format!(
                    "<form method=\"post\" action=\"{}\"><button id=\"pay\" name=\"action\" value=\"pay\">Pay</button> \
                     <button id=\"fail\" name=\"action\" value=\"fail\">Fail the payment</button></form>",
                    escape(request.path_and_query())
                ));
            }
            let shown = format!("accepted: order {order_num} shown ({:?})", order.status);
            Some((page(200, "opay payment", &body), shown))
        }
        Method::Post => {
            let fields = form(&String::from_utf8_lossy(&request.body));
            let (done, title, what) = match fields.get("action").map(String::as_str) {
                Some("fail") => (sandbox.fail_in_background(&order_num), "Payment failed", "failed"),
                _ => (sandbox.pay_in_background(&order_num), "Payment successful", "paid"),
            };
            Some(match done {
                Ok(()) => {
                    let body = format!(
                        "<p id=\"result\" class=\"result\">{}: the merchant is notified.</p>\
                         <p><a id=\"return\" href=\"{}\">Back to the merchant</a></p>",
                        escape(title),
                        escape(&order.return_page)
                    );
                    let verdict =
                        format!("accepted: order {order_num} {what} by the payer; its callback is on its way");
                    (page(200, title, &body), verdict)
                }
                Err(e) => (result(409, "opay payment", &e.to_string()), format!("refused: {e}")),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent_escapes() {
        let f = form("cardNo=4111+1111&name=J%C3%A9r%C3%B4me&bad=%zz&empty");
        assert_eq!(f["cardNo"], "4111 1111");
        assert_eq!(f["name"], "Jérôme");
        assert_eq!(f["bad"], "%zz");
        assert_eq!(f["empty"], "");
    }

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
