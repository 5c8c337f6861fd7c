//! The simulated platform: how the sandbox answers each request (the envelope opened and checked,
//! the four API endpoints, the payer's page), as the provider's server would. The public `Sandbox`
//! API and the callback sender are in `mod.rs`; the crypto is in `crypto.rs`.

use super::*;

impl Core {
    pub(super) fn handle(&self, request: &HttpRequest) -> HttpResponse {
        let path = request.path();
        if path == crate::PAYMENT_PAGE_PATH {
            return self.payment_page(request);
        }
        // The documented paths: three under the prefix only, cancelOrder as listed (`/opay/cancelOrder`)
        // and, for deployments that keep the common prefix, under it too.
        let endpoint = match path.strip_prefix(PREFIX) {
            Some("/opay/createThirdOrder") => "createThirdOrder",
            Some("/opay/orderDetail") => "orderDetail",
            Some("/opay/merchantBillingDay") => "merchantBillingDay",
            Some("/opay/cancelOrder") => "cancelOrder",
            None if path == "/opay/cancelOrder" => "cancelOrder",
            _ => {
                refuse_because(format!(
                    "no endpoint {path}: the sandbox serves {PREFIX}/opay/{{createThirdOrder,orderDetail,\
                     merchantBillingDay,cancelOrder}}, /opay/cancelOrder and {}",
                    crate::PAYMENT_PAGE_PATH
                ));
                return HttpResponse::new(404, "<html><body><h1>404 Not Found</h1></body></html>");
            }
        };
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: the API takes POST", request.method.as_str()));
            return HttpResponse::new(405, "method not allowed");
        }
        // The documented header: Content-Type application/json.
        let json_body = request
            .header("content-type")
            .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
        if !json_body {
            refuse_because("Content-Type is not application/json");
            return HttpResponse::new(415, "Content-Type must be application/json");
        }
        let params = match self.open_envelope(&request.body) {
            Ok(p) => p,
            Err(resp) => return resp,
        };
        let result = match endpoint {
            "createThirdOrder" => self.create_third_order(&params),
            "orderDetail" => self.order_detail(&params),
            "merchantBillingDay" => self.merchant_billing_day(&params),
            _ => self.cancel_order(&params),
        };
        match result {
            Ok(payload) => self.success(&payload),
            Err(resp) => resp,
        }
    }

    /// Checks the envelope and returns the decrypted, verified business JSON.
    fn open_envelope(&self, body: &[u8]) -> Result<Value, HttpResponse> {
        let envelope: Value = serde_json::from_slice(body).map_err(|_| {
            refuse_because("the body is not JSON: send {app_id, data, sign, time}");
            failure("1001", "request body is not JSON")
        })?;
        let field = |name: &str| envelope.get(name).and_then(Value::as_str).filter(|s| !s.is_empty());
        let (Some(app_id), Some(data), Some(sign)) = (field("app_id"), field("data"), field("sign")) else {
            let missing: Vec<&str> = ["app_id", "data", "sign"].into_iter().filter(|n| field(n).is_none()).collect();
            refuse_because(format!("envelope field(s) missing or empty: {}", missing.join(", ")));
            return Err(failure("1001", "app_id, data and sign are required"));
        };
        let time_ok = match envelope.get("time") {
            Some(Value::Number(n)) => n.as_i64().is_some(),
            Some(Value::String(s)) => s.parse::<i64>().is_ok(),
            _ => false,
        };
        if !time_ok {
            refuse_because("envelope field `time` must be epoch milliseconds (a number or a digit string)");
            return Err(failure("1001", "time must be epoch milliseconds"));
        }
        if app_id != self.app_key {
            refuse_because(format!("app_id {app_id:?} is not the sandbox's app key {:?}", self.app_key));
            return Err(failure("1002", "unknown app_id"));
        }
        let plaintext =
            crypto::open(data, sign, &self.keys.platform_private, &self.keys.merchant_public).map_err(|why| {
                refuse_because(format!(
                    "{why}: `data` must be the business JSON encrypted (RSA PKCS#1 v1.5, 245-byte chunks) with the \
                     platform public key the sandbox printed, and `sign` SHA256withRSA of its lower-case hex MD5 \
                     by the merchant private key (got sign `{}`)",
                    sandbox_server::hooks::shortened(sign)
                ));
                failure("1003", "sign verify failed")
            })?;
        let params: Value =
            serde_json::from_slice(&plaintext).map_err(|_| failure("1004", "data is not a JSON object"))?;
        if !params.is_object() {
            return Err(failure("1004", "data is not a JSON object"));
        }
        Ok(params)
    }

    fn success(&self, payload: &Value) -> HttpResponse {
        let plaintext = payload.to_string();
        match crypto::seal(plaintext.as_bytes(), &self.keys.merchant_public, &self.keys.platform_private) {
            Ok((data, sign)) => {
                HttpResponse::json(200, json!({ "code": "0", "msg": "succ", "data": data, "sign": sign }).to_string())
            }
            Err(_) => HttpResponse::new(500, "sandbox could not seal the response"),
        }
    }

    fn create_third_order(&self, p: &Value) -> Result<Value, HttpResponse> {
        let required = |name: &str| text(p, name).ok_or_else(|| failure("1004", &format!("{name} is required")));
        let app_order_id = required("appOrderId")?;
        let amount_text = required("orderAmount")?;
        let coin = required("payCoinSymbol")?;
        let return_page = required("returnPage")?;
        let notify_page = required("notifyPage")?;
        let open_id = text(p, "openId");
        let user_id = text(p, "userId");
        if open_id.is_none() && user_id.is_none() {
            return Err(failure("1004", "either openId or userId is required"));
        }
        let amount: sign_core::Decimal =
            amount_text.parse().map_err(|_| failure("1004", "orderAmount is not a decimal amount"))?;
        if amount.value() <= rust_decimal::Decimal::ZERO {
            return Err(failure("1004", "orderAmount must be positive"));
        }
        if coin != coin.to_uppercase() {
            return Err(failure("1004", "payCoinSymbol must be upper case"));
        }
        // "Scene type of the order, numerical enumeration".
        if text(p, "orderSceneType").is_some_and(|t| !t.bytes().all(|b| b.is_ascii_digit())) {
            return Err(failure("1004", "orderSceneType must be a number"));
        }
        if let Some(goods) = text(p, "goods") {
            if serde_json::from_str::<Value>(&goods).is_err() {
                return Err(failure("1004", "goods is not valid JSON"));
            }
        }
        if !(notify_page.starts_with("http://") || notify_page.starts_with("https://")) {
            return Err(failure("1004", "notifyPage must be an http(s) URL"));
        }
        if text(p, "appKey").is_some_and(|k| k != self.app_key) {
            return Err(failure("1004", "appKey is wrong"));
        }
        let mut state = self.lock();
        if state.orders.values().any(|o| o.app_order_id == app_order_id) {
            return Err(failure("1007", "duplicate appOrderId"));
        }
        let order_num = state.next_order_num.to_string();
        state.next_order_num += 1;
        state.orders.insert(
            order_num.clone(),
            SandboxOrder {
                order_num: order_num.clone(),
                app_order_id,
                order_amount: amount,
                pay_coin_symbol: coin,
                open_id,
                user_id,
                status: OrderStatus::Pending,
                notify_page,
                return_page,
                created_ms: self.clock.unix_millis(),
                paid_ms: None,
            },
        );
        Ok(json!({ "orderNum": id_value(&order_num, self.numeric(&order_num)) }))
    }

    fn order_detail(&self, p: &Value) -> Result<Value, HttpResponse> {
        if text(p, "appKey").as_deref() != Some(self.app_key.as_str()) {
            return Err(failure("1004", "appKey is missing or wrong"));
        }
        let order_num = text(p, "orderNum").ok_or_else(|| failure("1004", "orderNum is required"))?;
        let state = self.lock();
        let o = state.orders.get(&order_num).ok_or_else(|| failure("1005", "order not found"))?;
        let n = self.numeric(&o.order_num);
        let mut detail = json!({
            "appOrderId": o.app_order_id,
            "orderNum": id_value(&o.order_num, n),
            "orderStatus": status_value(&o.status, n),
            "orderAmount": amount_value(&o.order_amount, n),
            "payCoinSymbol": o.pay_coin_symbol,
            "ctime": time_value(o.created_ms, n),
            "appKey": self.app_key,
        });
        if !n {
            let optional = json!({
                "showPrecision": "8",
                "googleStatus": "0",
                "isOpenMobileCheck": "0",
                "totalAccount": [
                    { "accountName": "Funding account", "accountType": "1", "accountBalance": "0" }
                ],
            });
            if let (Some(d), Value::Object(more)) = (detail.as_object_mut(), optional) {
                d.extend(more);
                if let Some(user_id) = &o.user_id {
                    d.insert("userId".into(), Value::from(user_id.clone()));
                }
            }
        }
        Ok(detail)
    }

    fn merchant_billing_day(&self, p: &Value) -> Result<Value, HttpResponse> {
        let order_type = text(p, "orderType");
        if let Some(t) = &order_type {
            if t != "1" && t != "11" {
                return Err(failure("1004", "orderType must be 1 or 11"));
            }
        }
        let (from, to) = match (text(p, "startDate"), text(p, "endDate")) {
            (Some(s), Some(e)) => {
                let bad = || failure("1004", "startDate/endDate must be yyyy-MM-dd HH:mm:ss");
                (parse_ms(&s, true).ok_or_else(bad)?, parse_ms(&e, true).ok_or_else(bad)? + 999)
            }
            (None, None) => {
                let day = text(p, "day").unwrap_or_else(|| format_ms(self.clock.unix_millis(), false));
                let start = parse_ms(&day, false).ok_or_else(|| failure("1004", "day must be yyyy-MM-dd"))?;
                (start, start + 86_400_000 - 1)
            }
            _ => return Err(failure("1004", "startDate and endDate go together")),
        };
        let page_num = match text(p, "pageNum") {
            Some(n) => {
                n.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| failure("1004", "pageNum must be >= 1"))?
            }
            None => 1,
        };
        let page_size = match text(p, "pageSize") {
            Some(n) => n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=2000).contains(n))
                .ok_or_else(|| failure("1004", "pageSize must be 1..2000"))?,
            None => 2000,
        };
        let user_id = text(p, "userId");
        let state = self.lock();
        let records: Vec<Value> = state
            .orders
            .values()
            .filter(|o| o.status == OrderStatus::Paid)
            .filter(|o| o.paid_ms.is_some_and(|t| t >= from && t <= to))
            // Every sandbox order is a payment order (type 1).
            .filter(|_| order_type.as_deref().is_none_or(|t| t == "1"))
            .filter(|o| user_id.is_none() || o.user_id == user_id)
            .map(|o| {
                let n = self.numeric(&o.order_num);
                let mut record = json!({
                    "merchantUserId": self.app_key,
                    "appOrderId": o.app_order_id,
                    "payCoinSymbol": o.pay_coin_symbol,
                    "orderAmount": amount_value(&o.order_amount, n),
                    // Every sandbox order is a payment order (type 1).
                    "orderType": if n { Value::from(1) } else { Value::from("1") },
                    "createTime": time_value(o.created_ms, n),
                });
                let optional = [
                    ("userId", o.user_id.as_deref().map(|u| id_value(u, n))),
                    ("openId", o.open_id.clone().map(Value::from)),
                    ("payTime", o.paid_ms.map(|t| time_value(t, n))),
                ];
                for (name, value) in optional {
                    if let Some(v) = value {
                        record[name] = v;
                    }
                }
                record
            })
            .collect();
        let count = records.len();
        let page: Vec<Value> =
            records.into_iter().skip((page_num - 1).saturating_mul(page_size)).take(page_size).collect();
        Ok(json!({ "count": count, "list": page }))
    }

    fn cancel_order(&self, p: &Value) -> Result<Value, HttpResponse> {
        let order_num = text(p, "orderNum").ok_or_else(|| failure("1004", "orderNum is required"))?;
        let mut state = self.lock();
        let o = state.orders.get_mut(&order_num).ok_or_else(|| failure("1005", "order not found"))?;
        if o.status != OrderStatus::Pending {
            return Err(failure("1006", "order is not pending"));
        }
        o.status = OrderStatus::Closed;
        let n = self.numeric(&o.order_num);
        Ok(json!({ "orderNum": id_value(&o.order_num, n), "orderStatus": status_value(&o.status, n) }))
    }

    fn payment_page(&self, request: &HttpRequest) -> HttpResponse {
        let query = request.path_and_query().split_once('?').map(|(_, q)| q).unwrap_or("");
        let params: BTreeMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (percent_decode(k), percent_decode(v)))
            .collect();
        let get = |k: &str| params.get(k).filter(|v| !v.is_empty());
        if get("appKey").map(String::as_str) != Some(self.app_key.as_str()) {
            return HttpResponse::new(400, "appKey is missing or wrong");
        }
        let Some(order_num) = get("orderNum") else { return HttpResponse::new(400, "orderNum is required") };
        let state = self.lock();
        let Some(o) = state.orders.get(order_num) else { return HttpResponse::new(404, "order not found") };
        let payer_ok = match (get("openId"), get("userId")) {
            (Some(open_id), _) => o.open_id.as_ref() == Some(open_id),
            (None, Some(user_id)) => o.user_id.as_ref() == Some(user_id),
            (None, None) => false,
        };
        if !payer_ok {
            return HttpResponse::new(403, "the payer must be the order's creator (openId or userId)");
        }
        let html = format!(
            "<!doctype html><html><body><h1>Sandbox payment</h1><p>Order {} ({} {}) is {}.</p></body></html>",
            html_escape(&o.order_num),
            o.order_amount,
            html_escape(&o.pay_coin_symbol),
            status_word(&o.status)
        );
        HttpResponse::new(200, html).with_header("Content-Type", "text/html; charset=utf-8")
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => match s.get(i + 1..i + 3).filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit())) {
                Some(hex) => {
                    out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                    i += 3;
                }
                None => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
