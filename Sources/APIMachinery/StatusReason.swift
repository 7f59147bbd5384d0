// Stage 2 · APIMachinery: the machine-readable reason of a failed request (meta/v1 `StatusReason`).
//
// The HTTP code says roughly what went wrong (409); the reason says exactly what
// (`AlreadyExists` or `Conflict`, both 409). Clients branch on it: kubectl's
// `apply` creates when a GET fails with NotFound, client-go retries on Conflict.
// The set is open (servers may add reasons, and "" means unknown), so this is a
// string-backed struct like `PodConditionType`, not an enum.

import API

/// Why a request failed, as carried in `Status.reason`; set by the API server's error
/// factories (`Status+Errors.swift`), read by clients to decide what to do next.
public struct StatusReason: RawRepresentable, Codable, Sendable, Hashable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The reason as Kubernetes writes it.
    public var rawValue: String

    /// Wraps any reason, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Allows `"NotFound"` wherever a reason is expected.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The server gave no reason. Code 500.
    public static let unknown: StatusReason = ""
    /// The client must authenticate. Code 401.
    public static let unauthorized: StatusReason = "Unauthorized"
    /// The client may not do this. Code 403.
    public static let forbidden: StatusReason = "Forbidden"
    /// The object does not exist. Code 404.
    public static let notFound: StatusReason = "NotFound"
    /// An object with that name already exists. Code 409.
    public static let alreadyExists: StatusReason = "AlreadyExists"
    /// The request conflicts with the object's state, such as a stale resourceVersion. Code 409.
    public static let conflict: StatusReason = "Conflict"
    /// The resource is no longer available. Code 410.
    public static let gone: StatusReason = "Gone"
    /// The object failed validation; `details.causes` lists each problem. Code 422.
    public static let invalid: StatusReason = "Invalid"
    /// The server could not finish in time; retry. Code 500.
    public static let serverTimeout: StatusReason = "ServerTimeout"
    /// The request timed out before it could complete. Code 504.
    public static let timeout: StatusReason = "Timeout"
    /// The client sends too many requests. Code 429.
    public static let tooManyRequests: StatusReason = "TooManyRequests"
    /// The request itself makes no sense, such as a body that is not JSON. Code 400.
    public static let badRequest: StatusReason = "BadRequest"
    /// The resource does not support this verb. Code 405.
    public static let methodNotAllowed: StatusReason = "MethodNotAllowed"
    /// None of the media types in `Accept` can be produced. Code 406.
    public static let notAcceptable: StatusReason = "NotAcceptable"
    /// The request body is too large. Code 413.
    public static let requestEntityTooLarge: StatusReason = "RequestEntityTooLarge"
    /// The body's `Content-Type` is not one the server reads. Code 415.
    public static let unsupportedMediaType: StatusReason = "UnsupportedMediaType"
    /// Something unexpected failed inside the server. Code 500.
    public static let internalError: StatusReason = "InternalError"
    /// The requested content has expired, such as a watch from a compacted version. Code 410.
    public static let expired: StatusReason = "Expired"
    /// The service is unavailable for now. Code 503.
    public static let serviceUnavailable: StatusReason = "ServiceUnavailable"

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}

extension StatusReason: OmitEmptyEncodable {
    /// The unknown reason, "", is left out of a `Status`, as Go's `omitempty` does.
    public var isEmptyForOmitEmpty: Bool { rawValue.isEmpty }
}
