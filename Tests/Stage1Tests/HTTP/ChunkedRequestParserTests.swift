// Tests of chunked request bodies in the request parser: pure, no sockets.

import Testing
@testable import HTTP

private let chunkedLimits = HTTPLimits(acceptsChunkedBodies: true)

private func parse(_ input: String, limits: HTTPLimits = chunkedLimits) -> [HTTPRequestParser.Output] {
    var parser = HTTPRequestParser(limits: limits)
    return parser.parse(Array(input.utf8))
}

private func bodies(_ outputs: [HTTPRequestParser.Output]) -> [String] {
    outputs.compactMap { if case .request(let request) = $0 { String(decoding: request.body, as: UTF8.self) } else { nil } }
}

private func failure(_ outputs: [HTTPRequestParser.Output]) -> HTTPParseError? {
    outputs.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
}

private func summary(_ outputs: [HTTPRequestParser.Output]) -> [String] {
    outputs.map { output in
        switch output {
        case .request(let request): "\(request.method) \(request.target) \(String(decoding: request.body, as: UTF8.self))"
        case .failure(let error): "failure \(error)"
        }
    }
}

private let chunkedPost = "POST /api/v1/pods HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    + "5;ext=1\r\nhello\r\n1A\r\n, a chunk of 26 bytes long\r\n0\r\nX-Checksum: abc\r\n\r\n"

@Test func chunkedBodyIsDecodedIntoTheRequestBody() {
    #expect(bodies(parse(chunkedPost)) == ["hello, a chunk of 26 bytes long"])
}

@Test func chunkedBodyGivesTheSameResultWhenSplitAtAnyByte() {
    let input = chunkedPost + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n" + chunkedPost
    let bytes = Array(input.utf8)
    let expected = summary(parse(input))
    #expect(expected.count == 3)
    for split in 0...bytes.count {
        var parser = HTTPRequestParser(limits: chunkedLimits)
        let outputs = parser.parse(bytes[..<split]) + parser.parse(bytes[split...])
        #expect(summary(outputs) == expected, "split at \(split)")
    }
}

@Test func chunkedBodyArrivingOneByteAtATimeCompletesOnlyAtItsEnd() {
    var parser = HTTPRequestParser(limits: chunkedLimits)
    let bytes = Array(chunkedPost.utf8)
    for (index, byte) in bytes.enumerated() {
        let outputs = parser.parse([byte])
        #expect(outputs.isEmpty == (index < bytes.count - 1), "byte \(index)")
    }
    #expect(parser.isBetweenRequests)
}

@Test func chunkedBodyAcceptsBareLineFeedsAndUppercaseHex() {
    let input = "POST / HTTP/1.1\nHost: x\nTransfer-Encoding: Chunked\n\nA\n0123456789\n0\n\n"
    #expect(bodies(parse(input)) == ["0123456789"])
}

@Test func trailerFieldsAreToleratedButNotAddedToTheHeaders() throws {
    let outputs = parse(chunkedPost)
    guard case .request(let request) = try #require(outputs.first) else {
        Issue.record("expected a request")
        return
    }
    #expect(request.headers["X-Checksum"] == nil)
}

@Test(arguments: [
    "x\r\n",                 // not hexadecimal
    "\r\n",                  // empty size
    " 5\r\nhello\r\n",       // whitespace before the size
    "5 x\r\nhello\r\n",      // junk after the size
    "-1\r\n",                // negative
    "0x5\r\nhello\r\n",      // C-style prefix
    "5\r\nhelloX\r\n",       // data longer than its size
    "5\r\nhel\r\n",          // data shorter: the line ending is not where the size says
    "5;\u{1}\r\nhello\r\n",  // control byte in an extension
])
func malformedChunkFramingIsRefusedWith400(chunks: String) {
    let error = failure(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n"))
    #expect(error == .invalidChunkedBody)
    #expect(error?.status == .badRequest)
}

@Test func aChunkLargerThanTheBodyLimitIsRefusedBeforeItsDataArrives() {
    let limits = HTTPLimits(maxBodyBytes: 10, acceptsChunkedBodies: true)
    let error = failure(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nB\r\n", limits: limits))
    #expect(error == .bodyTooLarge)
    #expect(error?.status == .payloadTooLarge)
}

@Test func chunksThatTogetherPassTheBodyLimitAreRefusedWith413() {
    let limits = HTTPLimits(maxBodyBytes: 10, acceptsChunkedBodies: true)
    let input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n123456\r\n5\r\n"
    #expect(failure(parse(input, limits: limits)) == .bodyTooLarge)
}

@Test func aChunkSizeWithTooManyDigitsIsRefusedWith413() {
    let input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000000\r\n"
    #expect(failure(parse(input)) == .bodyTooLarge)
}

@Test func anOverlongChunkSizeLineIsRefused() {
    let input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;" + String(repeating: "e", count: 5000)
    #expect(failure(parse(input)) == .invalidChunkedBody)
}

@Test func trailersCountAgainstTheHeaderSectionLimit() {
    let limits = HTTPLimits(maxHeaderSectionBytes: 100, acceptsChunkedBodies: true)
    let trailer = "X-Pad: " + String(repeating: "p", count: 200) + "\r\n"
    let input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + trailer + "\r\n"
    #expect(failure(parse(input, limits: limits)) == .headerSectionTooLarge)
}

@Test func chunkedWithContentLengthIsRefusedAsAmbiguous() {
    let input = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    let error = failure(parse(input))
    #expect(error == .ambiguousBodyFraming)
    #expect(error?.status == .badRequest)
}

@Test func transferEncodingInAnHTTP10RequestIsRefusedAsAmbiguous() {
    #expect(failure(parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")) == .ambiguousBodyFraming)
}

@Test func codingsOtherThanChunkedAloneAreNotImplemented() {
    #expect(failure(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")) == .unsupportedTransferEncoding)
    #expect(failure(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n")) == .unsupportedTransferEncoding)
}

@Test func stageOneDefaultsStillAnswerChunkedBodiesWith501() {
    let error = failure(parse(chunkedPost, limits: HTTPLimits()))
    #expect(error == .unsupportedTransferEncoding)
    #expect(error?.status == .notImplemented)
}
