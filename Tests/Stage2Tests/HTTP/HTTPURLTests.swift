// Tests of the client's URL parser.

import HTTP
@testable import HTTPClient
import Testing

@Test func urlParsesHostPortPathAndQuery() throws {
    let url = try HTTPURL("http://127.0.0.1:6443/api/v1/pods?watch=1#ignored")
    #expect(url.host == "127.0.0.1")
    #expect(url.port == 6443)
    #expect(url.target == "/api/v1/pods?watch=1")
    #expect(url.description == "http://127.0.0.1:6443/api/v1/pods?watch=1")
}

@Test func urlDefaultsToPort80AndThePathSlash() throws {
    let url = try HTTPURL("HTTP://example.test")
    #expect(url.port == 80 && url.target == "/")
    #expect(url.authority == "example.test")
    #expect(try HTTPURL("http://h:1?q=1").target == "/?q=1")
}

@Test func urlAcceptsBracketedIPv6Hosts() throws {
    let url = try HTTPURL("http://[::1]:8080/healthz")
    #expect(url.host == "::1" && url.port == 8080)
    #expect(url.authority == "[::1]:8080")
}

@Test func httpsIsRefusedWithAClearError() {
    #expect(throws: HTTPClientError.unsupportedScheme("https")) { try HTTPURL("https://127.0.0.1:6443") }
    #expect(HTTPClientError.unsupportedScheme("https").description.contains("no TLS"))
}

@Test(arguments: ["127.0.0.1:6443", "http://", "http://:80/", "http://h:0", "http://h:65536", "http://h:x",
                  "http://user@h/", "http://h/a b", "http://[::1"])
func malformedURLsAreRefused(text: String) {
    #expect(throws: HTTPClientError.self) { try HTTPURL(text) }
}
