// Tests of the request parser as a pure state machine: no sockets involved.

import Testing
@testable import HTTP

/// Feeds `input` in one piece and returns the outputs.
private func parseWhole(_ input: String, limits: HTTPLimits = HTTPLimits()) -> [HTTPRequestParser.Output] {
    var parser = HTTPRequestParser(limits: limits)
    return parser.parse(Array(input.utf8))
}

/// A comparable summary of outputs, so different splits can be checked for equal results.
private func summary(_ outputs: [HTTPRequestParser.Output]) -> [String] {
    outputs.map { output in
        switch output {
        case .request(let request):
            let headers = request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            return "\(request.method) \(request.target) \(request.version) [\(headers)] \(String(decoding: request.body, as: UTF8.self))"
        case .failure(let error):
            return "failure \(error)"
        }
    }
}

private func requests(_ outputs: [HTTPRequestParser.Output]) -> [HTTPRequest] {
    outputs.compactMap { if case .request(let request) = $0 { request } else { nil } }
}

private func failure(_ outputs: [HTTPRequestParser.Output]) -> HTTPParseError? {
    outputs.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
}

private let sample = "POST /api/v1/pods?watch=1 HTTP/1.1\r\nHost: node1\r\nContent-Length: 5\r\n\r\nhello"

@Test func parserReadsACompleteRequest() throws {
    let parsed = requests(parseWhole(sample))
    try #require(parsed.count == 1)
    let request = parsed[0]
    #expect(request.method == "POST")
    #expect(request.target == "/api/v1/pods?watch=1")
    #expect(request.version == .http1_1)
    #expect(request.headers["host"] == "node1")
    #expect(request.body == Array("hello".utf8))
}

@Test func parserGivesTheSameResultWhenInputIsSplitAtAnyByte() {
    let bytes = Array((sample + sample).utf8)
    let expected = summary(parseWhole(sample + sample))
    #expect(expected.count == 2)
    for split in 0...bytes.count {
        var parser = HTTPRequestParser()
        let outputs = parser.parse(bytes[..<split]) + parser.parse(bytes[split...])
        #expect(summary(outputs) == expected, "split at \(split)")
    }
}

@Test func parserAcceptsInputOneByteAtATime() {
    var parser = HTTPRequestParser()
    var outputs: [HTTPRequestParser.Output] = []
    for byte in Array(sample.utf8) { outputs += parser.parse([byte]) }
    #expect(summary(outputs) == summary(parseWhole(sample)))
    #expect(parser.isBetweenRequests)
}

@Test func parserWaitsForTheRestOfATruncatedRequestAtEveryOffset() {
    let bytes = Array(sample.utf8)
    for length in 0..<bytes.count {
        var parser = HTTPRequestParser()
        let outputs = parser.parse(bytes[..<length])
        #expect(outputs.isEmpty, "prefix of \(length) bytes produced output")
        #expect(parser.isBetweenRequests == (length == 0))
    }
}

@Test func parserReturnsPipelinedRequestsInOrder() {
    let input = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.0\r\n\r\n"
    #expect(requests(parseWhole(input)).map(\.target) == ["/a", "/b", "/c"])
}

@Test func parserToleratesBareLineFeeds() {
    let parsed = requests(parseWhole("GET /x HTTP/1.1\nHost: a\n\n"))
    #expect(parsed.first?.headers["Host"] == "a")
}

@Test func parserSkipsBlankLinesBeforeARequest() {
    #expect(requests(parseWhole("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")).count == 1)
}

@Test func parserKeepsRepeatedHeadersInOrder() {
    let parsed = requests(parseWhole("GET / HTTP/1.1\r\nHost: x\r\nAccept: a\r\nX: 1\r\naccept:   b  \r\n\r\n"))
    #expect(parsed.first?.headers.values(for: "ACCEPT") == ["a", "b"])
}

@Test func parserAcceptsEqualRepeatedContentLengths() {
    let parsed = requests(parseWhole("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok"))
    #expect(parsed.first?.body == Array("ok".utf8))
}

@Test(arguments: [
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", HTTPParseError.invalidContentLength),
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", .invalidContentLength),
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n", .invalidContentLength),
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n", .invalidContentLength),
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", .bodyTooLarge),
    ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", .bodyTooLarge),
    ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupportedTransferEncoding),
    ("GET / HTTP/2.0\r\n\r\n", .unsupportedVersion),
    ("GET / HTTP/1.1 \r\n\r\n", .malformedRequestLine),
    ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine),
    ("GET /\r\n\r\n", .malformedRequestLine),
    ("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine),
    ("GET / HTTPS/1.1\r\n\r\n", .malformedRequestLine),
    ("GET /\u{7F} HTTP/1.1\r\nHost: x\r\n\r\n", .malformedRequestLine),
    ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", .malformedHeader),
    ("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", .malformedHeader),
    ("GET / HTTP/1.1\r\nHost: x\r\n: empty-name\r\n\r\n", .malformedHeader),
    ("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n folded\r\n\r\n", .malformedHeader),
    ("GET / HTTP/1.1\r\nHost: x\r\nA: b\rc\r\n\r\n", .malformedHeader),
    ("GET / HTTP/1.1\r\nHost: x\r\nA: b\u{0}c\r\n\r\n", .malformedHeader),
])
func parserRefusesABadRequestWithTheRightError(input: String, expected: HTTPParseError) {
    #expect(failure(parseWhole(input)) == expected)
}

@Test func parserRefusesAnOverlongRequestLineBeforeItEnds() {
    var parser = HTTPRequestParser()
    let outputs = parser.parse(Array(("GET /" + String(repeating: "a", count: 9000)).utf8))
    #expect(failure(outputs) == .requestLineTooLong)
    #expect(HTTPParseError.requestLineTooLong.status == .uriTooLong)
}

@Test func parserRefusesAnOversizedHeaderSectionWith431() {
    let input = "GET / HTTP/1.1\r\nHost: x\r\n" + (0..<20).map { "X-\($0): \(String(repeating: "v", count: 1000))\r\n" }.joined()
    let error = failure(parseWhole(input))
    #expect(error == .headerSectionTooLarge)
    #expect(error?.status == .requestHeaderFieldsTooLarge)
}

@Test func parserRefusesTooManyHeadersWith431() {
    let input = "GET / HTTP/1.1\r\nHost: x\r\n" + (0...100).map { "X-\($0): v\r\n" }.joined() + "\r\n"
    let error = failure(parseWhole(input))
    #expect(error == .tooManyHeaders)
    #expect(error?.status == .requestHeaderFieldsTooLarge)
}

@Test func parserRefusesAnOversizedBodyWith413BeforeReadingIt() {
    let limits = HTTPLimits(maxBodyBytes: 10)
    let error = failure(parseWhole("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", limits: limits))
    #expect(error == .bodyTooLarge)
    #expect(error?.status == .payloadTooLarge)
}

@Test func parserAnswersEarlierPipelinedRequestsBeforeAFailure() {
    let outputs = parseWhole("GET /ok HTTP/1.1\r\nHost: x\r\n\r\nBAD\r\n\r\n")
    #expect(summary(outputs) == ["GET /ok HTTP/1.1 [Host=x] ", "failure malformed request line"])
}

@Test func parserIgnoresInputAfterAFailure() {
    var parser = HTTPRequestParser()
    _ = parser.parse(Array("BAD\r\n".utf8))
    #expect(parser.state == .failed(.malformedRequestLine))
    #expect(parser.parse(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)).isEmpty)
}

@Test func parserNeverCrashesOrHangsOnRandomInput() {
    var generator = SplitMix64(seed: 0x5EED)
    let alphabet = Array("GET /HTTP1.:\r\n \t-Content-Length0123456789abc%\u{0}".utf8) + [0xFF, 0x80]
    for _ in 0..<2000 {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxRequestLineBytes: 64, maxHeaderSectionBytes: 128, maxBodyBytes: 64))
        let length = Int(generator.next() % 300)
        let bytes = (0..<length).map { _ in
            generator.next() % 4 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        var offset = 0
        while offset < bytes.count {
            let step = Int(generator.next() % 17) + 1
            _ = parser.parse(bytes[offset..<min(offset + step, bytes.count)])
            offset += step
        }
    }
    // Reaching here is the assertion: every input finished without a trap or a loop.
}

@Test func parserHoldsNoMoreThanALimitOfAHugeLine() {
    var parser = HTTPRequestParser()
    var outputs: [HTTPRequestParser.Output] = []
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
    for _ in 0..<1000 where outputs.isEmpty { outputs = parser.parse(piece) }
    #expect(failure(outputs) == .requestLineTooLong)
}

/// A small deterministic random generator, so the fuzz test is repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
