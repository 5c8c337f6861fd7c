//! The simulated platform: how the sandbox answers each request (the signature headers checked by
//! the platform's rule, then the five endpoints and their ledger), as the provider's server would.
//! The public `Sandbox` API is in `mod.rs`, the signature rule in `verify.rs`, the callback sender in
//! `notify.rs`.

use super::*;

impl Shared {
    pub(super) fn handle(self: &Arc<Self>, request: &HttpRequest) -> HttpResponse {
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: every endpoint takes POST", request.method.as_str()));
            return with_status(405, fail(BAD_REQUEST, "只支持POST"));
        }
        let route = match request.path() {
            p @ ("/v1/openapi/order/VIPCharge"
            | "/v1/openapi/order/info"
            | "/v1/openapi/order/product/list"
            | "/v1/openapi/merchant/business/balance"
            | "/v1/openapi/order/batch") => p,
            other => {
                refuse_because(format!("no endpoint {other}: see the paths under /v1/openapi/ in the crate docs"));
                return with_status(404, fail(404, "接口不存在"));
            }
        };
        let json_body = request
            .header("Content-Type")
            .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("application/json"));
        if !json_body {
            refuse_because("Content-Type is not application/json");
            return fail(BAD_REQUEST, "Content-Type必须为application/json");
        }
        let sign_type = match self.authenticate(request) {
            Ok(sign_type) => sign_type,
            Err(response) => return response,
        };
        let body: Value = match serde_json::from_slice(&request.body) {
            Ok(v @ Value::Object(_)) => v,
            _ => return fail(BAD_REQUEST, "参数错误: 请求体不是JSON对象"),
        };
        let result = match route {
            "/v1/openapi/order/VIPCharge" => self.vip_charge(&body, sign_type),
            "/v1/openapi/order/info" => self.order_info(&body),
            "/v1/openapi/order/product/list" => self.product_list(&body),
            "/v1/openapi/merchant/business/balance" => self.business_balance(&body),
            _ => self.batch_order(&body, sign_type),
        };
        result.unwrap_or_else(|response| response)
    }

    /// Checks the auth headers and the signature; records the nonce.
    fn authenticate(&self, request: &HttpRequest) -> Result<SignType, HttpResponse> {
        let header = |name: &str| request.header(name).map(str::to_owned);
        let (Some(business_id), Some(nonce), Some(timestamp), Some(sign)) =
            (header("businessId"), header("nonce"), header("timestamp"), header("sign"))
        else {
            let missing: Vec<&str> = ["businessId", "nonce", "timestamp", "sign"]
                .into_iter()
                .filter(|n| request.header(n).is_none())
                .collect();
            refuse_because(format!("missing header(s): {}", missing.join(", ")));
            return Err(fail(BAD_REQUEST, "缺少请求头: businessId, nonce, timestamp, sign"));
        };
        if business_id != self.business_id {
            refuse_because(format!("businessId {business_id:?} is not the sandbox's {:?}", self.business_id));
            return Err(fail(SIGNATURE, "业务不存在"));
        }
        // An empty value is no value: the string to sign drops it, and signType defaults to SHA256-RSA.
        let sign_type_header = header("signType").filter(|t| !t.is_empty());
        let sign_type = match sign_type_header.as_deref() {
            None | Some("SHA256-RSA") => SignType::Sha256Rsa,
            Some("MD5") => SignType::Md5,
            Some(other) => {
                refuse_because(format!("signType {other:?} unknown: MD5 or SHA256-RSA"));
                return Err(fail(SIGNATURE, "不支持的签名方式"));
            }
        };
        let mut signed_headers = BTreeMap::from([
            ("businessId", business_id.clone()),
            ("nonce", nonce.clone()),
            ("timestamp", timestamp.clone()),
        ]);
        if let Some(t) = sign_type_header {
            signed_headers.insert("signType", t);
        }
        let signed = verify::signed_bytes(&signed_headers, &request.body);
        let valid = match sign_type {
            SignType::Md5 => verify::md5_ok(&self.md5_secret, &signed, &sign),
            _ => verify::rsa_ok(&self.merchant_public, &signed, &sign),
        };
        if !valid {
            let string_to_sign = excerpt(&String::from_utf8_lossy(&signed), 400);
            refuse_because(match sign_type {
                SignType::Md5 => format!(
                    "sign mismatch (MD5): expected the upper-case hex MD5 of the string to sign `{string_to_sign}` \
                     followed by {}; got `{}`",
                    masked("md5 secret key", self.md5_secret.expose()),
                    shortened(&sign)
                ),
                _ => format!(
                    "sign mismatch (SHA256-RSA): expected a standard-Base64 SHA256withRSA signature, by the merchant \
                     private key the sandbox printed at start, of the string to sign `{string_to_sign}`; got `{}`",
                    shortened(&sign)
                ),
            });
            return Err(fail(SIGNATURE, "验签失败"));
        }
        let ts: i64 = match timestamp.parse() {
            Ok(ts) if timestamp.bytes().all(|b| b.is_ascii_digit()) => ts,
            _ => {
                refuse_because(format!("timestamp {timestamp:?} is not epoch milliseconds"));
                return Err(fail(SIGNATURE, "timestamp格式错误"));
            }
        };
        let now = self.clock.unix_millis();
        if now.abs_diff(ts) > self.window_millis.unsigned_abs() {
            refuse_because(format!(
                "timestamp {ts} is {} ms from the sandbox's clock (at most {} ms)",
                now.abs_diff(ts),
                self.window_millis
            ));
            return Err(fail(SIGNATURE, "请求已过期"));
        }
        if nonce.is_empty() {
            refuse_because("the nonce is empty");
            return Err(fail(SIGNATURE, "nonce不能为空"));
        }
        let mut state = lock(&self.state);
        while let Some(first) = state.nonce_expiry.first().cloned() {
            if first.0 >= now {
                break;
            }
            state.nonce_expiry.remove(&first);
            state.nonces.remove(&first.1);
        }
        if state.nonces.contains_key(&nonce) {
            refuse_because(format!("nonce {nonce:?} already used: every request needs a fresh one"));
            return Err(fail(SIGNATURE, "nonce重复"));
        }
        let expiry = ts.max(now).saturating_add(self.window_millis);
        state.nonces.insert(nonce.clone(), expiry);
        state.nonce_expiry.insert((expiry, nonce));
        Ok(sign_type)
    }

    fn check_ids(&self, body: &Value, with_business: bool) -> Result<(), HttpResponse> {
        if required(body, "merchantId")? != self.merchant_id {
            return Err(fail(BAD_REQUEST, "商家不存在"));
        }
        if with_business && required(body, "businessId")? != self.business_id {
            return Err(fail(BAD_REQUEST, "业务ID与请求头不一致"));
        }
        Ok(())
    }

    fn vip_charge(self: &Arc<Self>, body: &Value, sign_type: SignType) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let product_code = required(body, "productCode")?;
        let account = required(body, "account")?;
        let biz_code = required(body, "bizCode")?;
        let callback_url = callback_url(body)?;
        let order = {
            let mut state = lock(&self.state);
            let price = state.price_of(&product_code)?;
            if state.order_of_biz_code.contains_key(&biz_code) {
                return Err(fail(DUPLICATE, "商家订单号重复"));
            }
            if state.balance < price {
                return Err(fail(BALANCE_TOO_LOW, "余额不足"));
            }
            self.place(&mut state, biz_code, account, product_code, price, (callback_url.clone(), sign_type))
        };
        self.notify(&order, callback_url, sign_type);
        Ok(self.ok(&ChargeView {
            order_code: &order.order_code,
            biz_code: &order.biz_code,
            account: &order.account,
            settlement_price: Amount::of(order.price, self.variant_shapes),
        }))
    }

    /// Places an order already checked: debits (and for a failing account, refunds) the balance.
    fn place(
        &self,
        state: &mut State,
        biz_code: String,
        account: String,
        product_code: String,
        price: RustDecimal,
        (callback_url, sign_type): (Option<String>, SignType),
    ) -> Order {
        let n = self.sequence.fetch_add(1, Ordering::SeqCst);
        let status = if account.starts_with("fail") { "FAILED" } else { "SUCCESS" };
        if status == "SUCCESS" {
            state.balance -= price;
        }
        let order = Order {
            order_code: format!("71{n:014}"),
            biz_code,
            account,
            product_code,
            price,
            status,
            callback_url,
            sign_type,
        };
        state.order_of_biz_code.insert(order.biz_code.clone(), order.order_code.clone());
        state.orders.insert(order.order_code.clone(), order.clone());
        order
    }

    pub(super) fn notify(self: &Arc<Self>, order: &Order, callback_url: Option<String>, sign_type: SignType) {
        let Some(url) = callback_url.or_else(|| self.default_callback_url.clone()) else { return };
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            // Not sent, and said: a callbackUrl without its scheme is an easy mistake to miss.
            let why = format!("not sent: the callback URL {url:?} is not an http:// or https:// URL");
            self.hooks.record_callback(&url, 0, Err(why));
            return;
        }
        let job = notify::Job {
            order_code: order.order_code.clone(),
            url,
            body: serde_json::to_vec(&order.view(self.variant_shapes)).unwrap_or_default(),
            sign_type,
        };
        notify::spawn(Arc::clone(self), job);
    }

    fn order_info(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        let order_code = optional(body, "orderCode")?.filter(|s| !s.is_empty());
        let biz_code = optional(body, "bizCode")?.filter(|s| !s.is_empty());
        let state = lock(&self.state);
        let code = match (order_code, biz_code) {
            (Some(code), _) => Some(code),
            (None, Some(biz)) => state.order_of_biz_code.get(&biz).cloned(),
            (None, None) => return Err(fail(BAD_REQUEST, "orderCode和bizCode不能同时为空")),
        };
        match code.and_then(|c| state.orders.get(&c)) {
            Some(order) => Ok(self.ok(&order.view(self.variant_shapes))),
            None => Err(fail(NOT_FOUND, "订单不存在")),
        }
    }

    fn product_list(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, false)?;
        let state = lock(&self.state);
        let list: Vec<ProductView<'_>> = state
            .products
            .iter()
            .map(|p| ProductView {
                product_code: if self.variant_shapes {
                    id_value(&p.product_code)
                } else {
                    Value::from(p.product_code.as_str())
                },
                product_name: &p.product_name,
                settlement_price: p.settlement_price,
            })
            .collect();
        Ok(self.ok(&list))
    }

    fn business_balance(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let balance = Amount::of(lock(&self.state).balance, self.variant_shapes);
        Ok(self.ok_text_status(&BalanceView {
            merchant_id: &self.merchant_id,
            business_id: &self.business_id,
            balance,
        }))
    }

    fn batch_order(self: &Arc<Self>, body: &Value, sign_type: SignType) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let batch_biz_code = required(body, "batchBizCode")?;
        let product_code = required(body, "productCode")?;
        let callback_url = callback_url(body)?;
        let Some(items) = body.get("itemList").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
            return Err(fail(BAD_REQUEST, "参数错误: itemList不能为空"));
        };
        let mut wanted = Vec::with_capacity(items.len());
        for item in items {
            wanted.push((required(item, "bizCode")?, required(item, "account")?));
        }
        let orders = {
            let mut state = lock(&self.state);
            let price = state.price_of(&product_code)?;
            let mut seen = BTreeSet::new();
            for (biz_code, _) in &wanted {
                if state.order_of_biz_code.contains_key(biz_code) || !seen.insert(biz_code.clone()) {
                    return Err(fail(DUPLICATE, "商家订单号重复"));
                }
            }
            // `*` panics on overflow (an absurd configured price): a total too large to represent is
            // more than any balance.
            match price.checked_mul(RustDecimal::from(wanted.len())) {
                Some(total) if state.balance >= total => {}
                _ => return Err(fail(BALANCE_TOO_LOW, "余额不足")),
            }
            wanted
                .into_iter()
                .map(|(biz, account)| {
                    let callback = (callback_url.clone(), sign_type);
                    self.place(&mut state, biz, account, product_code.clone(), price, callback)
                })
                .collect::<Vec<_>>()
        };
        for order in &orders {
            self.notify(order, callback_url.clone(), sign_type);
        }
        let order_list = orders
            .iter()
            .map(|o| BatchItemView { order_code: &o.order_code, biz_code: &o.biz_code, account: &o.account })
            .collect();
        Ok(self.ok(&BatchView { batch_biz_code: &batch_biz_code, order_list }))
    }
}

impl State {
    fn price_of(&self, product_code: &str) -> Result<RustDecimal, HttpResponse> {
        self.products
            .iter()
            .find(|p| p.product_code == product_code)
            .map(|p| p.settlement_price.value())
            .ok_or_else(|| fail(UNKNOWN_PRODUCT, "产品不存在"))
    }
}

/// `callbackUrl`: "为空则使用开户时设置的地址", so an empty (or blank) one is none, and the account's
/// default URL is used.
fn callback_url(body: &Value) -> Result<Option<String>, HttpResponse> {
    Ok(optional(body, "callbackUrl")?.filter(|url| !url.trim().is_empty()))
}

/// A required string field (the platform's names are case-sensitive).
fn required(body: &Value, name: &str) -> Result<String, HttpResponse> {
    match body.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        _ => Err(fail(BAD_REQUEST, &format!("参数错误: {name}不能为空"))),
    }
}

fn optional(body: &Value, name: &str) -> Result<Option<String>, HttpResponse> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(fail(BAD_REQUEST, &format!("参数错误: {name}必须是字符串"))),
    }
}
