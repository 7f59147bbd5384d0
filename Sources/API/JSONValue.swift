// Stage 2 · API: any JSON value, for table cells and patches.
//
// Most of the API works on typed objects (`Pod`, `ObjectMeta`, …). A few things cannot:
// a patch says "change these fields" without being a whole object, and a server-side
// table cell may hold any value. Those work on `JSONValue`, a plain tree of JSON.
//
// JSON has one number type, so every number is a `Double`; integral numbers encode
// without a fraction (`1`, not `1.0`), as Kubernetes writes them. Doubles hold integers
// exactly up to 2^53, which covers every integer field Kubernetes has in practice.

/// A JSON document as a value; used by patches (`MergePatch`, `StrategicMergePatch`),
/// by the API server for bodies it must edit before decoding, and by table output.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)      // JSON has one number type
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The largest magnitude below which a `Double` holds every integer exactly (2^53);
    /// integral numbers within it are written as integers.
    static let largestExactInteger: Double = 9_007_199_254_740_992

    /// Reads any JSON value; integers and fractions alike become `.number`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? container.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Writes the value; an integral number is written without a fraction.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .number(let number):
            if number.rounded() == number, abs(number) <= Self.largestExactInteger {
                try container.encode(Int64(number))
            } else {
                try container.encode(number)
            }
        case .string(let string): try container.encode(string)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }
}
