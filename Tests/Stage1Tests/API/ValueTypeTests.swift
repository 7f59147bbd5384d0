// IntOrString and Time: the small value types with their own JSON forms.

import API
import Foundation
import Testing

@Test func intOrStringKeepsANumberANumber() throws {
    let action = try decodeManifest(TCPSocketAction.self, #"{"port": 8080}"#)
    #expect(action.port == .int(8080))
    #expect(try encodedTree(action) == TestJSON.node(#"{"port": 8080}"#))
}

@Test func intOrStringKeepsANameAString() throws {
    let action = try decodeManifest(TCPSocketAction.self, #"{"port": "http"}"#)
    #expect(action.port == .string("http"))
    #expect(try encodedTree(action) == TestJSON.node(#"{"port": "http"}"#))
}

@Test func timeWritesRFC3339InUTCWithSeconds() {
    #expect(Time(secondsSince1970: 1_714_557_600).rfc3339 == "2024-05-01T10:00:00Z")
    #expect(Time(secondsSince1970: 951_827_696).rfc3339 == "2000-02-29T12:34:56Z")
    #expect(Time.zero.rfc3339 == "0001-01-01T00:00:00Z")
}

@Test(arguments: [
    ("2024-05-01T10:00:00Z", Int64(1_714_557_600)),
    ("2024-05-01T10:00:00.987654321Z", 1_714_557_600),
    ("2024-05-01T12:00:00+02:00", 1_714_557_600),
    ("2024-05-01T05:30:00-04:30", 1_714_557_600),
    ("1969-12-31T23:59:59Z", -1),
])
func timeReadsFractionsAndOffsets(text: String, seconds: Int64) {
    #expect(Time(rfc3339: text)?.secondsSince1970 == seconds)
}

@Test(arguments: ["2024-05-01", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T10:00:00", "yesterday"])
func timeRejectsWhatIsNotRFC3339(text: String) {
    #expect(Time(rfc3339: text) == nil)
}

@Test func timeDropsFractionsOfASecond() {
    #expect(Time(Date(timeIntervalSince1970: 10.9)) == Time(secondsSince1970: 10))
    #expect(Time.now().date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) == 0)
}

@Test func nullTimeDecodesAsZero() throws {
    let running = try decodeManifest(ContainerStateRunning.self, #"{"startedAt": null}"#)
    #expect(running.startedAt.isZero)
}
