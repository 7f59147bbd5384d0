// Stage 1 · Test harness: an HTTP response as a test sees it.
//
// Tests check what `curl` would show: the status code, a header or two, the body as
// text. Header names are lower-cased (HTTP header names are case-insensitive), so a
// test writes `response.headers["content-type"]` whatever the server's spelling.

import Foundation

/// A complete HTTP response read by `TestHTTPClient.get`; inspected by end-to-end tests.
struct TestHTTPResponse: Sendable {
    let status: Int
    /// Header fields by lower-cased name; repeated fields are joined with ", ".
    let headers: [String: String]
    /// The body, decoded from chunked coding if need be, as UTF-8 text.
    let body: String
}

/// The status line and headers of a response; parsed by `TestHTTPClient` before the body.
struct TestHTTPResponseHead: Sendable {
    /// The longest head accepted, so a server that never ends its headers fails fast.
    static let maxHeadLength = 64 * 1024

    let status: Int
    /// Header fields by lower-cased name.
    let headers: [String: String]

    /// True when the body uses chunked transfer coding.
    var isChunked: Bool { headers["transfer-encoding"]?.lowercased().contains("chunked") ?? false }

    /// The declared body length, if any.
    var contentLength: Int? { headers["content-length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// Splits `bytes` at the blank line ending the head; nil while the head is incomplete.
    static func parse(_ bytes: [UInt8]) throws -> (head: TestHTTPResponseHead, rest: ArraySlice<UInt8>)? {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            if bytes.count > maxHeadLength { throw HarnessError("HTTP response head longer than \(maxHeadLength) bytes") }
            return nil
        }
        let text = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw HarnessError("not an HTTP status line: \"\(statusLine)\"")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return (TestHTTPResponseHead(status: status, headers: headers), bytes[end.upperBound...])
    }
}
