//! The admin interface under [`ADMIN_PREFIX`] on every sandbox's port: drive what a real provider
//! does on its own, plan failures, read the request log. Anyone who reaches the port can use it:
//! the server listens on loopback unless told otherwise.

use std::time::Duration;

use sandbox_server::{Direction, Fault, LoggedRequest, Verdict};
use serde_json::{Value, json};
use sign_core::{HttpRequest, HttpResponse, Method};

use crate::providers::{Action, Served};

/// The reserved path prefix; no provider has an endpoint under it.
pub const ADMIN_PREFIX: &str = "/__sandbox/";

fn reply(status: u16, body: Value) -> HttpResponse {
    HttpResponse::json(status, body.to_string())
}

fn error(status: u16, message: impl Into<String>) -> HttpResponse {
    reply(status, json!({ "error": message.into() }))
}

/// The logged exchange as JSON.
pub fn logged_json(entry: &LoggedRequest) -> Value {
    let (verdict, reason) = match &entry.verdict {
        Verdict::Accepted => ("accepted", None),
        Verdict::Refused { rule } => ("refused", Some(rule.clone())),
        Verdict::Fault { fault } => ("fault", Some(fault.clone())),
        _ => ("other", None),
    };
    json!({
        "seq": entry.seq,
        "direction": if entry.direction == Direction::Callback { "callback" } else { "incoming" },
        "method": entry.method,
        "target": entry.target,
        "status": entry.status,
        "verdict": verdict,
        "reason": reason,
    })
}

/// The fault a `POST /__sandbox/faults` body describes, and the path it is limited to.
fn fault_from(body: &Value) -> Result<(Fault, Option<String>), String> {
    let path = match body.get("path") {
        None | Some(Value::Null) => None,
        Some(Value::String(p)) if p.starts_with('/') => Some(p.clone()),
        Some(_) => return Err("path must be a string starting with /".into()),
    };
    let fault = if let Some(status) = body.get("status") {
        let status = status.as_u64().filter(|s| (100..=599).contains(s)).ok_or("status must be an HTTP status")?;
        Fault::Status(status as u16)
    } else if let Some(code) = body.get("code") {
        let code = match code {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return Err("code must be a string or a number".into()),
        };
        Fault::provider_error(code, body.get("message").and_then(Value::as_str).unwrap_or("sandbox fault"))
    } else if body.get("lose_answer") == Some(&Value::Bool(true)) {
        Fault::LoseAnswer
    } else if let Some(ms) = body.get("delay_ms") {
        Fault::Delay(Duration::from_millis(ms.as_u64().ok_or("delay_ms must be a whole number")?))
    } else {
        return Err("give one of: status, code (+ message), lose_answer: true, delay_ms".into());
    };
    Ok((fault, path))
}

/// The verdict of an admin answer for the log line: `accepted` (with what was done), or `refused`
/// and why, as the JSON answer says.
fn verdict(response: &HttpResponse) -> String {
    let body: Value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    match (body.get("error").and_then(Value::as_str), body.get("ok").and_then(Value::as_str)) {
        (Some(why), _) => format!("refused: {why}"),
        (None, Some(done)) => format!("accepted: {done}"),
        (None, None) => "accepted".to_owned(),
    }
}

/// Serves an admin request with its verdict for the log, or `None` when `request` is not one.
pub fn route(served: &dyn Served, request: &HttpRequest) -> Option<(HttpResponse, String)> {
    let rest = request.path().strip_prefix(ADMIN_PREFIX).or_else(|| (request.path() == "/__sandbox").then_some(""))?;
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let response = match (request.method, parts.as_slice()) {
        (Method::Get, []) => reply(200, index(served)),
        (Method::Get, ["requests"]) => {
            reply(200, Value::from(served.hooks().requests().iter().map(logged_json).collect::<Vec<_>>()))
        }
        (Method::Get, ["orders"]) => reply(200, served.orders()),
        (Method::Post, ["orders", order, action]) => match Action::from_name(action) {
            Some(action) => match served.act(order, action) {
                Ok(done) => reply(200, json!({ "ok": done })),
                Err((status, why)) => error(status, why),
            },
            None => error(404, format!("unknown action {action:?}: paid, failed, closed or callback")),
        },
        (Method::Get, ["faults"]) => reply(200, json!({ "pending": served.faults().pending() })),
        (Method::Post, ["faults"]) => match serde_json::from_slice::<Value>(&request.body) {
            Ok(body) => match fault_from(&body) {
                Ok((fault, Some(path))) => {
                    served.faults().on_path(&path, fault);
                    reply(200, json!({ "pending": served.faults().pending() }))
                }
                Ok((fault, None)) => {
                    served.faults().next_call(fault);
                    reply(200, json!({ "pending": served.faults().pending() }))
                }
                Err(why) => error(400, why),
            },
            Err(_) => error(400, "the body must be a JSON object"),
        },
        (Method::Delete, ["faults"]) => {
            served.faults().clear();
            reply(200, json!({ "pending": 0 }))
        }
        (Method::Post, ["reset"]) => {
            served.reset();
            served.hooks().clear_requests();
            reply(200, json!({ "ok": "state, planned faults and the request log are reset" }))
        }
        _ => error(
            404,
            format!("no admin endpoint {} {}: GET {ADMIN_PREFIX} lists them", request.method.as_str(), request.path()),
        ),
    };
    let verdict = verdict(&response);
    Some((response, verdict))
}

fn index(served: &dyn Served) -> Value {
    json!({
        "provider": served.provider().name(),
        "base_url": served.base_url(),
        "endpoints": [
            "GET    /__sandbox/                          this list",
            "GET    /__sandbox/requests                  the requests served and callbacks sent, with verdicts",
            "GET    /__sandbox/orders                    the orders",
            "POST   /__sandbox/orders/{id}/paid          mark an order paid (and send its callback)",
            "POST   /__sandbox/orders/{id}/failed        mark it failed (and send its callback)",
            "POST   /__sandbox/orders/{id}/closed        close it (and send its callback)",
            "POST   /__sandbox/orders/{id}/callback      send its callback again",
            "POST   /__sandbox/faults                    the next call fails: {\"status\":503} | {\"code\":\"..\",\"message\":\"..\"} | {\"lose_answer\":true} | {\"delay_ms\":N}, optional \"path\"",
            "GET    /__sandbox/faults                    how many planned faults wait",
            "DELETE /__sandbox/faults                    forget planned faults",
            "POST   /__sandbox/reset                     fresh state, no faults, empty log",
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_bodies_read_as_the_faults_they_name() {
        assert_eq!(fault_from(&json!({"status": 503})).unwrap(), (Fault::Status(503), None));
        assert_eq!(
            fault_from(&json!({"code": 3, "message": "余额不足", "path": "/v1/x"})).unwrap(),
            (Fault::provider_error("3", "余额不足"), Some("/v1/x".into()))
        );
        assert_eq!(fault_from(&json!({"lose_answer": true})).unwrap().0, Fault::LoseAnswer);
        assert_eq!(fault_from(&json!({"delay_ms": 1500})).unwrap().0, Fault::Delay(Duration::from_millis(1500)));
        assert!(fault_from(&json!({"status": 42})).is_err());
        assert!(fault_from(&json!({"path": "x", "status": 500})).is_err());
        assert!(fault_from(&json!({})).is_err());
    }
}
