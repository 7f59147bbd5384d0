// Stage 1 · API: Kubernetes' JSON, written and read with Foundation.
//
// Encoding goes through Foundation's `JSONEncoder`: the API types' field tables already
// decide every field (see `OmitEmpty.swift`), and `Time` and
// `Quantity` write their own strings, so no date or key strategy is needed. Keys are
// sorted, which makes output stable for tests and diffs (kubectl sorts too). Pretty
// output is laid out by `JSONPrettyPrinter`, the way kubectl prints JSON.
//
// Decoding here is for bodies that are known to be JSON, such as an API response read
// by a client. Errors become `ManifestError`s with the field path but without a line:
// for line and column, read the text through `Manifest` instead.

import Foundation

/// JSON encoding and decoding of API objects; used by the kubelet's read-only HTTP API,
/// and later by the API server and the client.
public enum APIJSON {
    /// An encoder for API objects: sorted keys, compact.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes `value` as JSON bytes; when `pretty`, laid out as `kubectl get -o json` prints.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        let compact = try encoder().encode(value)
        return pretty ? Data(JSONPrettyPrinter.format([UInt8](compact))) : compact
    }

    /// Decodes an API object from JSON bytes; errors carry the field path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ManifestError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (codingPath, message) = ManifestError.parts(of: error)
            throw ManifestError(path: ManifestError.fieldPath(codingPath), message: message)
        } catch {
            throw ManifestError(message: String(describing: error))
        }
    }
}
