// Stage 1 · API: a point in time, as Kubernetes writes it (apimachinery `metav1.Time`).
//
// Kubernetes timestamps (`creationTimestamp`, `startTime`, `startedAt`, …) travel as
// RFC 3339 strings in UTC with whole seconds: `2024-05-01T10:00:00Z`. A `Time` holds
// exactly that much: whole seconds, so an object read back from its JSON equals the
// object that was written, which watch and update code in later stages relies on.
//
// Go's zero time is special: a non-pointer `metav1.Time` field that was never set is
// written as `null` (so kubectl prints `"lastProbeTime": null`). `Time.zero` is that
// value here, and it encodes as `null`; `null` and absence decode back to it.
// The text format itself (parsing, printing) is in `Time+RFC3339.swift`.

import Foundation

/// A timestamp in Kubernetes' JSON form; the kubelet stamps pod status with `Time.now()`,
/// and every object's metadata carries one as `creationTimestamp`.
public struct Time: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z; always a whole number.
    public let secondsSince1970: Int64

    /// Makes a time from whole seconds since the Unix epoch.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// Makes a time from a `Date`, dropping fractions of a second as Kubernetes' JSON does.
    public init(_ date: Date) {
        self.secondsSince1970 = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// Go's zero time, 0001-01-01T00:00:00Z: a `metav1.Time` field that was never set.
    public static let zero = Time(secondsSince1970: -62_135_596_800)

    /// The current time, to the second; used by the kubelet to stamp status changes.
    public static func now() -> Time { Time(Date()) }

    /// True for Go's zero time, which encodes as `null`.
    public var isZero: Bool { self == .zero }

    /// The same instant as a Foundation `Date`, for arithmetic and clocks.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    public static func < (a: Time, b: Time) -> Bool { a.secondsSince1970 < b.secondsSince1970 }

    /// The RFC 3339 form, or `null` for the zero time, as Kubernetes prints it.
    public var description: String { isZero ? "null" : rfc3339 }

    /// Decodes an RFC 3339 string (fractions and offsets allowed) or `null` (the zero time).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .zero
            return
        }
        let text = try container.decode(String.self)
        guard let time = Time(rfc3339: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected an RFC 3339 time such as 2024-05-01T10:00:00Z, found \"\(text)\""))
        }
        self = time
    }

    /// Encodes as `2024-05-01T10:00:00Z`, or `null` for the zero time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if isZero {
            try container.encodeNil()
        } else {
            try container.encode(rfc3339)
        }
    }
}
