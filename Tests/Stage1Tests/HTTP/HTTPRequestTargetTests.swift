// Tests of what handlers read from a request: decoded path, segments, query, headers.

import Testing
import HTTP

@Test func requestPathIsPercentDecoded() {
    #expect(HTTPRequest(method: "GET", target: "/logs/my%20pod?x=1").path == "/logs/my pod")
}

@Test func requestPathSegmentsKeepAnEncodedSlashInsideItsSegment() {
    let request = HTTPRequest(method: "GET", target: "/a/b%2Fc//d/")
    #expect(request.pathSegments == ["a", "b/c", "d"])
}

@Test func requestQueryDecodesPlusAsSpaceAndKeepsOrder() {
    let request = HTTPRequest(method: "GET", target: "/p?b=2&a=x+y%21&flag&b=3")
    #expect(request.queryItems.map(\.name) == ["b", "a", "flag", "b"])
    #expect(request.query == ["b": "2", "a": "x y!", "flag": ""])
}

@Test func requestPathOfAnAbsoluteFormTargetDropsSchemeAndAuthority() {
    #expect(HTTPRequest(method: "GET", target: "http://node1:10255/pods?x").path == "/pods")
}

@Test func requestKeepAliveFollowsVersionAndConnectionHeader() {
    #expect(HTTPRequest(method: "GET", target: "/").wantsKeepAlive)
    #expect(!HTTPRequest(method: "GET", target: "/", headers: ["Connection": "Close"]).wantsKeepAlive)
    #expect(!HTTPRequest(method: "GET", target: "/", version: .http1_0).wantsKeepAlive)
    #expect(HTTPRequest(method: "GET", target: "/", version: .http1_0, headers: ["connection": "keep-alive"]).wantsKeepAlive)
}

@Test func headersLookUpNamesWithoutRegardToCase() {
    var headers: HTTPHeaders = ["Content-Type": "text/plain"]
    headers.replaceOrAdd(name: "content-type", value: "application/json")
    #expect(headers["CONTENT-TYPE"] == "application/json")
    #expect(headers.count == 1)
}
