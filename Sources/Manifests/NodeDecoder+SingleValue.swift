// Stage 1 · Manifests: reading one scalar from a YAML node.
//
// The type checks of Go's encoding/json: a string field takes only a string, a number
// field only a number that fits (an integral 8080.0 counts, as it does after
// Kubernetes' YAML-to-JSON step), a boolean only `true`/`false`.

import YAML

/// Reads a scalar node as the Swift type asked for; used by every leaf of the API types.
struct NodeSingleValueContainer: SingleValueDecodingContainer {
    /// Whole floats below this magnitude convert to Int exactly, so they may fill integer fields.
    private static let largestIntegralDouble = 0x1p62

    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let value) = decoder.node.value else {
            throw decoder.typeMismatch(type, expected: "a boolean")
        }
        return value
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let value) = decoder.node.value else {
            throw decoder.typeMismatch(type, expected: "a string")
        }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch decoder.node.value {
        case .double(let value): return value
        case .int(let value): return Double(value)
        case .bigInteger(let digits): return Double(digits) ?? .nan
        default: throw decoder.typeMismatch(type, expected: "a number")
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    /// Every integer width goes through here.
    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let whole: Int
        switch decoder.node.value {
        case .int(let value):
            whole = value
        case .double(let value) where value == value.rounded() && abs(value) < Self.largestIntegralDouble:
            whole = Int(value)
        case .bigInteger(let digits):
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an integer from \(T.min) to \(T.max), found \(digits)"))
        default:
            throw decoder.typeMismatch(type, expected: "an integer")
        }
        guard let value = T(exactly: whole) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "expected an integer from \(T.min) to \(T.max), found \(whole)"))
        }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}
