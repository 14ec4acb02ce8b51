//! JSON-RPC 2.0 envelopes: what a message is (a request with an id, a
//! notification, a response to one of ours), and the messages the server
//! sends. Parameters and results are lsp-types values.

use serde::Serialize;
use serde_json::{json, Value};

/// Error codes of JSON-RPC and the language server protocol.
pub mod code {
    pub const PARSE_ERROR: i64 = -32700;
    pub const INVALID_REQUEST: i64 = -32600;
    pub const METHOD_NOT_FOUND: i64 = -32601;
    pub const INVALID_PARAMS: i64 = -32602;
    pub const INTERNAL_ERROR: i64 = -32603;
    pub const SERVER_NOT_INITIALIZED: i64 = -32002;
}

/// One message from the client.
#[derive(Debug)]
pub enum Incoming {
    Request {
        id: Value,
        method: String,
        params: Value,
    },
    Notification {
        method: String,
        params: Value,
    },
    /// A response to a request of ours (file watching registration).
    Response,
    /// Valid JSON that is not a JSON-RPC message: its id if it had one.
    Invalid {
        id: Value,
        why: String,
    },
}

impl Incoming {
    pub fn from_value(mut value: Value) -> Incoming {
        let Some(object) = value.as_object_mut() else {
            return Incoming::Invalid {
                id: Value::Null,
                why: "a message must be a JSON object".into(),
            };
        };
        let id = object.remove("id");
        let params = object.remove("params").unwrap_or(Value::Null);
        let method = object.remove("method");
        match (id, method) {
            (Some(id @ (Value::Number(_) | Value::String(_))), Some(Value::String(method))) => {
                Incoming::Request { id, method, params }
            }
            (None, Some(Value::String(method))) => Incoming::Notification { method, params },
            (Some(_), None) if object.contains_key("result") || object.contains_key("error") => {
                Incoming::Response
            }
            (id, _) => Incoming::Invalid {
                id: id
                    .filter(|id| id.is_number() || id.is_string())
                    .unwrap_or(Value::Null),
                why: "not a JSON-RPC request, notification or response".into(),
            },
        }
    }
}

pub fn response(id: Value, result: impl Serialize) -> Value {
    let result = serde_json::to_value(result).unwrap_or(Value::Null);
    json!({"jsonrpc": "2.0", "id": id, "result": result})
}

pub fn error(id: Value, code: i64, message: impl Into<String>) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message.into()}})
}

pub fn notification(method: &str, params: impl Serialize) -> Value {
    let params = serde_json::to_value(params).unwrap_or(Value::Null);
    json!({"jsonrpc": "2.0", "method": method, "params": params})
}

pub fn request(id: &str, method: &str, params: impl Serialize) -> Value {
    let params = serde_json::to_value(params).unwrap_or(Value::Null);
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_told_apart() {
        let request = Incoming::from_value(json!({"jsonrpc": "2.0", "id": 1, "method": "hover"}));
        assert!(matches!(request, Incoming::Request { .. }));
        let note = Incoming::from_value(json!({"jsonrpc": "2.0", "method": "exit"}));
        assert!(matches!(note, Incoming::Notification { .. }));
        let reply = Incoming::from_value(json!({"jsonrpc": "2.0", "id": "w", "result": null}));
        assert!(matches!(reply, Incoming::Response));
        let bad = Incoming::from_value(json!({"id": [1], "method": 3}));
        assert!(matches!(bad, Incoming::Invalid { id: Value::Null, .. }));
        assert!(matches!(Incoming::from_value(json!(3)), Incoming::Invalid { .. }));
    }
}
