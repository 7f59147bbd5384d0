// The API server's HTTP limits: Kubernetes' 3 MiB bodies, chunked bodies decoded.

import APIServer
import HTTP
import Testing

private func parse(_ input: String, limits: HTTPLimits) -> HTTPParseError? {
    var parser = HTTPRequestParser(limits: limits)
    for output in parser.parse(Array(input.utf8)) {
        if case .failure(let error) = output { return error }
    }
    return nil
}

@Test func theAPIServerPresetTakesThreeMebibyteChunkedBodies() {
    #expect(HTTPLimits.apiServer.maxBodyBytes == 3 * 1024 * 1024)
    #expect(HTTPLimits.apiServer.acceptsChunkedBodies)
    let limits = HTTPLimits.apiServer
    let size = String(limits.maxBodyBytes + 1, radix: 16)
    #expect(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\n", limits: limits) == .bodyTooLarge)
}
