// Stage 2 · APIMachinery: any JSON value, for the places where Kubernetes' JSON is not typed.
//
// Most of the API is typed structs, but a few places hold arbitrary JSON: the cells of
// a `Table` (`kubectl get` asks the server for rows of strings, numbers and nulls), the
// object a table row carries, and the body of a JSON merge patch (RFC 7386), which is
// "whatever part of the object you want to change". `JSONValue` is that JSON, as a value.
//
// Numbers are all `Double`, as in JavaScript: 1 and 1.0 are the same value, and a
// number decodes exactly while it stays within 2^53 (every count and port in the API
// does). On the way out an integral number is written without a fraction (`1`, not
// `1.0`), as Go's encoding/json writes an int64 cell. Object keys have no order; the
// API's encoder sorts them (see `APIJSON`).

import API

/// A JSON value of any shape; used for table cells and row objects (API server →
/// `kubectl get`) and for merge-patch bodies (clients → API server).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Numbers of at most this magnitude that are whole are written as integers; past it
    /// a Double no longer holds every integer, so it is written as Swift prints it.
    private static let largestExactInteger = 0x1p53

    /// Reads any JSON value; ints and floats both become `.number`.
    public init(from decoder: any Decoder) throws {
        // Arrays and objects are read through their own containers, so that an error deep
        // inside keeps its path instead of becoming "not a string either".
        if let array = try? decoder.unkeyedContainer() {
            var array = array
            var items: [JSONValue] = []
            while !array.isAtEnd {
                items.append(try array.decode(JSONValue.self))
            }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: JSONKey.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(JSONValue.self, forKey: key)
            }
            self = .object(members)
            return
        }
        let scalar = try decoder.singleValueContainer()
        if scalar.decodeNil() {
            self = .null
        } else if let bool = try? scalar.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? scalar.decode(Double.self) {
            self = .number(number)
        } else if let string = try? scalar.decode(String.self) {
            self = .string(string)
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "expected a JSON value"))
        }
    }

    /// Writes the value; a whole number is written as an integer (`1`, not `1.0`).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var scalar = encoder.singleValueContainer()
            try scalar.encodeNil()
        case .bool(let bool):
            var scalar = encoder.singleValueContainer()
            try scalar.encode(bool)
        case .number(let number):
            var scalar = encoder.singleValueContainer()
            if number == number.rounded(), abs(number) <= JSONValue.largestExactInteger {
                try scalar.encode(Int64(number))
            } else {
                try scalar.encode(number)
            }
        case .string(let string):
            var scalar = encoder.singleValueContainer()
            try scalar.encode(string)
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items {
                try array.encode(item)
            }
        case .object(let members):
            var object = encoder.container(keyedBy: JSONKey.self)
            for (key, value) in members {
                try object.encode(value, forKey: JSONKey(key))
            }
        }
    }
}
