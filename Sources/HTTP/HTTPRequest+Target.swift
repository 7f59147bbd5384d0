// Stage 1 · HTTP: the path and query a request's target names.
//
// A target arrives percent-encoded: `/containerLogs/default/my%20pod/web?follow=true`.
// Handlers want the decoded path, its segments and the query items. Order matters when
// decoding: split the raw path into segments first and decode each one after, so that an
// encoded slash (`%2F`) inside a name stays inside its segment instead of splitting it.
// In the query, `+` means a space (HTML form encoding, which Go's `url.ParseQuery` and so
// Kubernetes' clients use); in the path it is a plain `+`.

extension HTTPRequest {
    /// The target's path, percent-decoded, such as `/pods`; `/` for an empty path.
    public var path: String {
        HTTPRequest.percentDecoded(rawPath, plusIsSpace: false)
    }

    /// The path's non-empty segments, each percent-decoded: `/a/b%2Fc/` gives `["a", "b/c"]`.
    public var pathSegments: [String] {
        rawPath.split(separator: "/").map { HTTPRequest.percentDecoded($0, plusIsSpace: false) }
    }

    /// The query's items in order, decoded; an item without `=` has an empty value.
    public var queryItems: [(name: String, value: String)] {
        guard let query = rawQuery, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = HTTPRequest.percentDecoded(parts[0], plusIsSpace: true)
            let value = parts.count > 1 ? HTTPRequest.percentDecoded(parts[1], plusIsSpace: true) : ""
            return (name: name, value: value)
        }
    }

    /// The query as a dictionary; when a name repeats, the first value wins (as Go's `Query().Get`).
    public var query: [String: String] {
        var result: [String: String] = [:]
        for item in queryItems where result[item.name] == nil { result[item.name] = item.value }
        return result
    }

    /// The path part of the target, still encoded; absolute-form targets lose scheme and authority.
    var rawPath: Substring {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            // absolute-form (`http://host:port/path`), which proxies send: keep what follows the authority.
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return rest.isEmpty ? "/" : rest
    }

    /// The query part of the target, still encoded; nil when there is no `?`.
    var rawQuery: Substring? {
        guard let start = target.firstIndex(of: "?") else { return nil }
        var query = target[target.index(after: start)...]
        if let fragment = query.firstIndex(of: "#") { query = query[..<fragment] }
        return query
    }

    /// Decodes `%XX` escapes as UTF-8; a malformed escape is kept as written rather than rejected.
    static func percentDecoded(_ text: some StringProtocol, plusIsSpace: Bool) -> String {
        String(decoding: percentDecodedBytes(text, plusIsSpace: plusIsSpace), as: UTF8.self)
    }

    /// The bytes `%XX` escapes stand for, before any reading as UTF-8 (which the parser checks).
    static func percentDecodedBytes(_ text: some StringProtocol, plusIsSpace: Bool) -> [UInt8] {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return decoded
    }

    /// The value of one hexadecimal digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
