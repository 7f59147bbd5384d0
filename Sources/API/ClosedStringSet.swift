// Stage 1 · API: string enums whose set of values is closed.
//
// Go declares `type RestartPolicy string` plus a list of constants; any string decodes,
// and validation rejects unknown ones later. Here closed sets are Swift enums, so an
// unknown value is caught while decoding, in the words Kubernetes' validation uses for
// the same mistake:
//
//   unsupported value "always": supported values: "Always", "OnFailure", "Never"
//
// Go's zero value "" (the field was not set) is not a member: API types hold closed
// sets as Optionals, nil standing for "", and their field tables read them with
// `decodeMember(_:)` (the `.member` and `.alwaysMember` rules of `OmitEmpty.swift`).
// Open sets, where new values keep appearing (condition types), are string-backed
// structs instead: see `PodConditionType`.

/// A closed set of string values such as `RestartPolicy`; decoding any other string
/// fails with Kubernetes' "unsupported value" message. Adopted by the API's enums.
public protocol ClosedStringSet: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable, FieldShaped {}

extension ClosedStringSet {
    /// Kubernetes' NotSupported wording for `raw`, listing the members in order.
    public static func unsupportedValueMessage(_ raw: String) -> String {
        let supported = allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return "unsupported value \"\(raw)\": supported values: \(supported)"
    }

    /// Decodes a member from a string; used where the value stands alone, as in a list.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let member = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: Self.unsupportedValueMessage(raw)))
        }
        self = member
    }

    /// Encodes the member as its string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
