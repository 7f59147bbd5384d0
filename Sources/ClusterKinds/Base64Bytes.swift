// Stage 2 · ClusterKinds: bytes that JSON carries as base64 (Go's `[]byte`).
//
// Go's encoding/json writes a `[]byte` as a standard base64 string with padding, and
// reads one back the same way; a Secret's `data` and a ConfigMap's `binaryData` are maps
// of such values, so `kubectl get secret -o yaml` shows `password: czNjcjN0`. A string
// that is not valid base64 fails to decode with Go's own words, `illegal base64 data at
// input byte N`, N being where the bad character or incomplete group starts; the API
// server turns that into a 400, as Kubernetes does.

import Foundation

/// A value of bytes, written as base64; the values of `Secret.data` and `ConfigMap.binaryData`.
public struct Base64Bytes: Sendable, Hashable, Codable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    /// The UTF-8 bytes of `string`.
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The bytes as base64, as they are written.
    public var description: String { Data(bytes).base64EncodedString() }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "illegal base64 data at input byte \(Self.firstBadByte(of: text))"))
        }
        bytes = Array(data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Where Go's decoder would stop: the first character outside the alphabet (or `=`
    /// not at the end), else the start of the last, incomplete, group of four.
    static func firstBadByte(of text: String) -> Int {
        let characters = Array(text.utf8)
        let padding = characters.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        for (index, byte) in characters.enumerated() {
            let isAlphabet = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            let isPadding = byte == UInt8(ascii: "=") && index >= characters.count - padding && padding <= 2
            if !isAlphabet && !isPadding { return index }
        }
        let remainder = characters.count % 4
        return remainder == 0 ? max(0, characters.count - 4) : characters.count - remainder
    }
}
