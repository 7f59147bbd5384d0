// Test helpers: JSON text ↔ API objects, compared as values.
//
// Expected JSON is written as text, the way `kubectl get -o json` prints it, and compared
// with what our encoder writes as `JSONValue`s: member order and `1` vs `1.0` do not
// matter, anything else does.

import API
import APIMachinery
import Foundation

/// Parses JSON text as a `JSONValue`.
func jsonValue(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

/// Encodes `value` with the API's encoder and reads the result back as a `JSONValue`.
func encodedValue<T: Encodable>(_ value: T) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: APIJSON.encode(value))
}

/// The exact text the API's encoder writes for `value` (sorted keys, compact).
func encodedText<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try APIJSON.encode(value), as: UTF8.self)
}

/// Decodes JSON text as an API type, as a client or the API server reads a body.
func decoded<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try APIJSON.decode(type, from: Data(text.utf8))
}

/// True when decoding `text` as `T` and encoding it again gives the same JSON.
func roundTrips<T: Codable>(_ type: T.Type, _ text: String) throws -> Bool {
    try encodedValue(decoded(type, text)) == jsonValue(text)
}
