// MicroTime: six fractional digits out, any number in, null for Go's zero time.

import API
import APIMachinery
import Foundation
import Testing

@Test func microTimeWritesExactlySixFractionalDigits() throws {
    let time = MicroTime(microsecondsSince1970: 1_714_557_600_000_042)
    #expect(time.rfc3339 == "2024-05-01T10:00:00.000042Z")
    #expect(try encodedText([time]) == #"["2024-05-01T10:00:00.000042Z"]"#)
}

@Test func microTimeOnAWholeSecondStillWritesSixZeros() {
    #expect(MicroTime(microsecondsSince1970: 1_714_557_600_000_000).rfc3339 == "2024-05-01T10:00:00.000000Z")
}

@Test func zeroMicroTimeEncodesAsNullAndNullDecodesToZero() throws {
    #expect(try encodedText([MicroTime.zero]) == "[null]")
    #expect(try decoded([MicroTime].self, "[null]") == [.zero])
}

@Test func microTimeReadsShortLongAndMissingFractions() {
    let base: Int64 = 1_714_557_600_000_000
    #expect(MicroTime(rfc3339: "2024-05-01T10:00:00.5Z")?.microsecondsSince1970 == base + 500_000)
    #expect(MicroTime(rfc3339: "2024-05-01T10:00:00.123456789Z")?.microsecondsSince1970 == base + 123_456)
    #expect(MicroTime(rfc3339: "2024-05-01T10:00:00Z")?.microsecondsSince1970 == base)
}

@Test func microTimeFoldsOffsetsIntoUTC() {
    let time = MicroTime(rfc3339: "2024-05-01T12:00:00.250000+02:00")
    #expect(time?.rfc3339 == "2024-05-01T10:00:00.250000Z")
}

@Test func microTimeRejectsMalformedText() {
    #expect(MicroTime(rfc3339: "2024-05-01T10:00:00.Z") == nil)
    #expect(MicroTime(rfc3339: "2024-05-01 10:00:00.000000Z") == nil)
    #expect(throws: ManifestError.self) { _ = try decoded([MicroTime].self, #"["yesterday"]"#) }
}

@Test func microTimeBeforeTheEpochKeepsAPositiveFraction() {
    let time = MicroTime(microsecondsSince1970: -1)
    #expect(time.rfc3339 == "1969-12-31T23:59:59.999999Z")
    #expect(MicroTime(rfc3339: time.rfc3339) == time)
}

@Test func microTimeFromDateDropsNanoseconds() {
    let date = Date(timeIntervalSince1970: 1_714_557_600.123_456_5)
    #expect(MicroTime(date).rfc3339 == "2024-05-01T10:00:00.123456Z")
}
