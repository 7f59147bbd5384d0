// Tests of the client's response parser as a pure state machine: no sockets involved.

@testable import HTTP
@testable import HTTPClient
import Testing

/// A comparable summary of the events: head, then the body joined, then `end`.
private func summary(_ events: [HTTPResponseParser.Event]) -> [String] {
    var result: [String] = []
    var body = ""
    for event in events {
        switch event {
        case .head(let head): result.append("\(head.version) \(head.status.code) \(head.status.reason)")
        case .body(let piece): body += String(decoding: piece, as: UTF8.self)
        case .end:
            result.append("body \(body)")
            result.append("end")
        }
    }
    return result
}

private func parse(_ text: String, method: String = "GET") throws -> (events: [HTTPResponseParser.Event], parser: HTTPResponseParser) {
    var parser = HTTPResponseParser(requestMethod: method)
    let events = try parser.parse(Array(text.utf8))
    return (events, parser)
}

private let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    + "6;x=y\r\n{\"a\":1\r\n1\r\n}\r\n0\r\nTrailer: t\r\n\r\n"

@Test func responseWithContentLengthEndsAfterItsBody() throws {
    let (events, parser) = try parse("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
    #expect(summary(events) == ["HTTP/1.1 201 Created", "body ok", "end"])
    #expect(parser.leavesConnectionReusable)
}

@Test func chunkedResponseIsDecodedTheSameAtEverySplit() throws {
    let bytes = Array(chunked.utf8)
    let expected = ["HTTP/1.1 200 OK", "body {\"a\":1}", "end"]
    for split in 0...bytes.count {
        var parser = HTTPResponseParser(requestMethod: "GET")
        let events = try parser.parse(bytes[..<split]) + parser.parse(bytes[split...])
        #expect(summary(events) == expected, "split at \(split)")
        #expect(parser.leavesConnectionReusable)
    }
}

@Test func chunkedBodyPiecesAreHandedOutBeforeTheEnd() throws {
    var parser = HTTPResponseParser(requestMethod: "GET")
    let events = try parser.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nev1\n\r\n".utf8))
    #expect(summary(events) == ["HTTP/1.1 200 OK"])
    guard case .body(let piece) = events.last else {
        Issue.record("expected a body piece")
        return
    }
    #expect(piece == Array("ev1\n".utf8))
}

@Test func responseWithoutLengthEndsWhenTheConnectionCloses() throws {
    var (events, parser) = try parse("HTTP/1.0 200 OK\r\n\r\nall of it")
    events += try parser.finish()
    #expect(summary(events) == ["HTTP/1.0 200 OK", "body all of it", "end"])
    #expect(!parser.leavesConnectionReusable)
}

@Test func headAnd204ResponsesHaveNoBodyWhateverTheySay() throws {
    #expect(summary(try parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", method: "HEAD").events) == ["HTTP/1.1 200 OK", "body ", "end"])
    #expect(summary(try parse("HTTP/1.1 204 No Content\r\n\r\n").events) == ["HTTP/1.1 204 No Content", "body ", "end"])
}

@Test func interimResponsesAreSkipped() throws {
    let (events, _) = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    #expect(summary(events) == ["HTTP/1.1 200 OK", "body ", "end"])
}

@Test func connectionCloseMakesTheConnectionUnfitForReuse() throws {
    let (_, parser) = try parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
    #expect(!parser.leavesConnectionReusable)
}

@Test func aConnectionClosedMidBodyIsAnError() throws {
    var (_, parser) = try parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
    #expect(throws: HTTPClientError.connectionClosed) { try parser.finish() }
}

@Test(arguments: [
    "HTTP/1.1 2000 OK\r\n\r\n",
    "HTTP/2 200 OK\r\n\r\n",
    "ICY 200 OK\r\n\r\n",
    "HTTP/1.1 200 OK\r\nBad Header\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
])
func malformedResponsesAreRefused(text: String) {
    #expect(throws: HTTPClientError.self) { try parse(text) }
}
