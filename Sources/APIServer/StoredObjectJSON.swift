// Stage 2 · APIServer: reading the little a list needs from a stored object's JSON, without decoding it.
//
// A list of a thousand pods used to decode every stored pod into a Swift value and
// encode it again, only to add one field: its `metadata.resourceVersion`, which the
// store keeps beside the bytes, not in them. Decoding and encoding were most of a list's
// cost. The stored bytes are already the object's JSON, written by the same encoder, so
// the list can send them as they are, with `"resourceVersion":"N"` put in its place:
//
//   {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","uid":"…"},…}
//                                                                       ▲
//                                                  "resourceVersion":"42", in key order
//
// This reads just enough JSON to find that place: the top-level `metadata` object and
// its keys, skipping every other value (strings with their escapes, nested objects and
// arrays) without building anything. A label selector needs only `metadata.labels`,
// which is found the same way and decoded alone. Anything unexpected (no metadata, a
// stored resourceVersion) answers nil, and the caller decodes the object as before.

import Foundation

/// Splices and reads stored objects' JSON; used by the list's fast path
/// (`RESTStorage+ListJSON.swift`), and by stage 3's watch cache, which encodes each event
/// once for all its clients.
public enum StoredObjectJSON {
    /// `json` with `"resourceVersion":"version"` added to its metadata in sorted-key order,
    /// as the encoder would have written it; nil when it cannot be done safely.
    public static func withResourceVersion(_ json: [UInt8], _ version: String) -> [UInt8]? {
        guard let metadata = topLevelValue(named: "metadata", in: json), json[metadata.lowerBound] == UInt8(ascii: "{") else {
            return nil
        }
        let field = Array("\"resourceVersion\":\"\(version)\"".utf8)
        var scanner = Scanner(json, at: metadata.lowerBound + 1)
        var insertAt: Int?
        var isEmpty = true
        while let key = scanner.nextKey() {
            isEmpty = false
            if key.elementsEqual(resourceVersionKey) { return nil }
            if insertAt == nil && key.lexicographicallyPrecedes(resourceVersionKey) == false { insertAt = key.startIndex - 1 }
            guard scanner.skipValue() else { return nil }
        }
        guard scanner.atObjectEnd else { return nil }
        var result = json
        if let insertAt {
            result.insert(contentsOf: field + [UInt8(ascii: ",")], at: insertAt)
        } else {
            result.insert(contentsOf: (isEmpty ? [] : [UInt8(ascii: ",")]) + field, at: scanner.position)
        }
        return result
    }

    /// The object's `metadata.labels`, decoded alone; nil when they cannot be found safely.
    public static func labels(in json: [UInt8]) -> [String: String]? {
        guard let metadata = topLevelValue(named: "metadata", in: json) else { return nil }
        guard let labels = value(named: "labels", inObjectAt: metadata.lowerBound, of: json) else { return [:] }
        return try? JSONDecoder().decode([String: String].self, from: Data(json[labels]))
    }

    private static let resourceVersionKey = Array("resourceVersion".utf8)

    /// Where the value of the top-level key `name` lies in `json`.
    private static func topLevelValue(named name: String, in json: [UInt8]) -> Range<Int>? {
        var start = 0
        while start < json.count, Scanner.isSpace(json[start]) { start += 1 }
        guard start < json.count, json[start] == UInt8(ascii: "{") else { return nil }
        return value(named: name, inObjectAt: start, of: json)
    }

    /// Where the value of key `name` lies in the object that opens at `open`.
    private static func value(named name: String, inObjectAt open: Int, of json: [UInt8]) -> Range<Int>? {
        let wanted = Array(name.utf8)
        var scanner = Scanner(json, at: open + 1)
        while let key = scanner.nextKey() {
            let start = scanner.position
            guard scanner.skipValue() else { return nil }
            if key.elementsEqual(wanted) { return start..<scanner.position }
        }
        return nil
    }

    /// A cursor over the members of one JSON object: keys, and values skipped whole.
    private struct Scanner {
        let bytes: [UInt8]
        private(set) var position: Int

        init(_ bytes: [UInt8], at position: Int) {
            self.bytes = bytes
            self.position = position
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

        /// True when the scanner stands on the object's closing brace.
        var atObjectEnd: Bool { position < bytes.count && bytes[position] == UInt8(ascii: "}") }

        /// The next member's key (its bytes between the quotes), with the scanner moved past
        /// its colon; nil at the end of the object.
        mutating func nextKey() -> ArraySlice<UInt8>? {
            skipSpace()
            if position < bytes.count && bytes[position] == UInt8(ascii: ",") { position += 1; skipSpace() }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let start = position + 1
            guard skipString() else { return nil }
            let key = bytes[start..<(position - 1)]
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipSpace()
            return key
        }

        /// Moves past one value of any kind; false on malformed JSON.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { position += 1; return true }
                    default: break
                    }
                    position += 1
                }
                return false
            default:
                // A number, true, false or null: up to the next delimiter.
                while position < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[position]),
                      !Self.isSpace(bytes[position]) {
                    position += 1
                }
                return true
            }
        }

        /// Moves past a string that starts at `position`, escapes included.
        private mutating func skipString() -> Bool {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""): position += 1; return true
                default: position += 1
                }
            }
            return false
        }

        private mutating func skipSpace() {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        }
    }
}
