// Stage 2 · APIServer: the smallest OpenAPI documents kubectl accepts.
//
// A real API server publishes the schema of every kind at `/openapi/v2` and, per group
// version, at `/openapi/v3/...`. kubectl uses them for client-side validation, `explain`
// and to learn how to merge lists in `apply`. This series publishes no schemas, and
// kubectl copes, provided each endpoint answers in a way it understands:
//
// - `/openapi/v2`: client-go asks with `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
//   and parses the body as *protobuf* (gnostic's `openapi_v2.Document`) without looking
//   at the Content-Type; a JSON body would fail to parse and `kubectl apply` would stop
//   with "failed to download openapi". So the server sends `openAPIv2Protobuf()` to
//   that Accept header and `openAPIv2()` (JSON, for curl) otherwise. With no definitions,
//   kubectl's client-side validator finds no schema for Pod and skips validation.
// - `/openapi/v3`: answering 404 is fine. kubectl's field-validation check and
//   `apply`'s patch builder try OpenAPI v3 first and fall back on any error: to the v2
//   document, then to the types compiled into kubectl (a strategic merge patch for
//   Pod), so `kubectl apply` and `create` work without it.

import Foundation

extension Discovery {
    /// The media type client-go asks `/openapi/v2` for, and the one it can parse.
    public static let openAPIv2ProtobufMediaType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"

    /// The Swagger 2.0 document as JSON: `{"swagger":"2.0","info":{…},"paths":{},"definitions":{}}`;
    /// served at `/openapi/v2` to clients that ask for JSON.
    public static func openAPIv2() -> Data {
        let version = versionInfo().gitVersion
        // Keys in a fixed order so that the document is the same bytes every time.
        let text = #"{"swagger":"2.0","info":{"title":"Kubernetes","version":"\#(version)"},"paths":{},"definitions":{}}"#
        return Data(text.utf8)
    }

    /// The same document in protobuf, the encoding kubectl reads. Field numbers are those
    /// of gnostic's `openapi_v2.Document`: swagger = 1, info = 2 (title = 1, version = 2),
    /// paths = 8, definitions = 9.
    public static func openAPIv2Protobuf() -> Data {
        var info = ProtobufWriter()
        info.writeString(field: 1, "Kubernetes")
        info.writeString(field: 2, versionInfo().gitVersion)

        var document = ProtobufWriter()
        document.writeString(field: 1, "2.0")
        document.writeMessage(field: 2, info.bytes)
        document.writeMessage(field: 8, [])
        document.writeMessage(field: 9, [])
        return Data(document.bytes)
    }

    /// True when an `Accept` header asks `/openapi/v2` for protobuf, as kubectl does.
    public static func wantsOpenAPIv2Protobuf(accept: String) -> Bool {
        accept.lowercased().contains(openAPIv2ProtobufMediaType.lowercased())
    }
}

/// Just enough of the protobuf wire format to write length-delimited fields (strings and
/// nested messages); used for the OpenAPI v2 document.
struct ProtobufWriter {
    /// Wire type 2: a varint length, then that many bytes.
    static let lengthDelimited: UInt64 = 2

    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Writes a string field.
    mutating func writeString(field: UInt64, _ value: String) {
        writeMessage(field: field, Array(value.utf8))
    }

    /// Writes a nested message (or any bytes) field.
    mutating func writeMessage(field: UInt64, _ value: [UInt8]) {
        writeVarint(field << 3 | Self.lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes += value
    }

    /// Writes a base-128 varint, low seven bits first.
    private mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
