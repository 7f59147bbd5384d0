// Stage 2 · APIMachinery: a timestamp to the microsecond (apimachinery `metav1.MicroTime`).
//
// Most Kubernetes timestamps are whole seconds (`Time`). A few record when something
// happened more finely: an event's `eventTime`, a lease's `renewTime`. Those are written
// with exactly six fractional digits, always in UTC:
//
//     2024-05-01T10:00:00.123456Z
//
// Like `Time`, Go's zero value is written as `null`, so an event without an `eventTime`
// shows `"eventTime": null` in kubectl's JSON. Reading is more lenient than Kubernetes
// (which insists on six digits): any number of fractional digits is accepted, and digits
// past the sixth are dropped, because Python clients write none when the microseconds
// happen to be zero. The date part is read and written by `Time`'s RFC 3339 code.

import API
import Foundation

/// A point in time to the microsecond; the event recorder stamps `eventTime` with it.
public struct MicroTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Microseconds in a second.
    private static let microsecondsPerSecond: Int64 = 1_000_000
    /// The number of fractional digits Kubernetes writes.
    private static let fractionDigits = 6

    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microsecondsSince1970: Int64

    /// Makes a time from microseconds since the Unix epoch.
    public init(microsecondsSince1970: Int64) {
        self.microsecondsSince1970 = microsecondsSince1970
    }

    /// Makes a time from a `Date`, dropping anything finer than a microsecond.
    public init(_ date: Date) {
        let microseconds = (date.timeIntervalSince1970 * Double(MicroTime.microsecondsPerSecond)).rounded(.down)
        self.microsecondsSince1970 = Int64(microseconds)
    }

    /// Go's zero time, 0001-01-01T00:00:00Z: a field that was never set; encodes as `null`.
    public static let zero = MicroTime(microsecondsSince1970: Time.zero.secondsSince1970 * microsecondsPerSecond)

    /// The current time, to the microsecond.
    public static func now() -> MicroTime { MicroTime(Date()) }

    /// True for Go's zero time.
    public var isZero: Bool { self == .zero }

    /// The whole second this time falls in, as a `Time`.
    public var time: Time {
        let seconds = microsecondsSince1970 >= 0
            ? microsecondsSince1970 / MicroTime.microsecondsPerSecond
            : (microsecondsSince1970 - MicroTime.microsecondsPerSecond + 1) / MicroTime.microsecondsPerSecond
        return Time(secondsSince1970: seconds)
    }

    public static func < (a: MicroTime, b: MicroTime) -> Bool { a.microsecondsSince1970 < b.microsecondsSince1970 }

    /// `2024-05-01T10:00:00.123456Z`: RFC 3339 with six fractional digits, in UTC.
    public var rfc3339: String {
        let second = time
        let fraction = microsecondsSince1970 - second.secondsSince1970 * MicroTime.microsecondsPerSecond
        let digits = String(fraction)
        let padded = String(repeating: "0", count: MicroTime.fractionDigits - digits.count) + digits
        return String(second.rfc3339.dropLast()) + "." + padded + "Z"
    }

    /// Parses an RFC 3339 timestamp with or without a fraction; nil when `text` is not one.
    public init?(rfc3339 text: String) {
        // Split off the fraction, let `Time` read the rest (date, time, offset).
        guard let dot = text.firstIndex(of: ".") else {
            guard let time = Time(rfc3339: text) else { return nil }
            self.init(microsecondsSince1970: time.secondsSince1970 * MicroTime.microsecondsPerSecond)
            return
        }
        let afterDot = text[text.index(after: dot)...]
        let digits = afterDot.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let time = Time(rfc3339: String(text[..<dot]) + afterDot.dropFirst(digits.count)) else {
            return nil
        }
        let kept = String(digits.prefix(MicroTime.fractionDigits))
        let scaled = kept + String(repeating: "0", count: MicroTime.fractionDigits - kept.count)
        guard let fraction = Int64(scaled) else { return nil }
        self.init(microsecondsSince1970: time.secondsSince1970 * MicroTime.microsecondsPerSecond + fraction)
    }

    /// The RFC 3339 form, or `null` for the zero time.
    public var description: String { isZero ? "null" : rfc3339 }

    /// Decodes an RFC 3339 string or `null` (the zero time).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .zero
            return
        }
        let text = try container.decode(String.self)
        guard let time = MicroTime(rfc3339: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected an RFC 3339 time such as 2024-05-01T10:00:00.000000Z, found \"\(text)\""))
        }
        self = time
    }

    /// Encodes as `2024-05-01T10:00:00.123456Z`, or `null` for the zero time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if isZero {
            try container.encodeNil()
        } else {
            try container.encode(rfc3339)
        }
    }
}
