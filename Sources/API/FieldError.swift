// Stage 1 · API: what is wrong with one field of an object, in Kubernetes' words.
//
// Kubernetes reports every problem with an object as a *field error*: the path of the
// field, a type (Required, Invalid, Duplicate, NotSupported, NotFound…) and details.
// They print as `spec.containers[0].image: Required value`, and the API server of
// stage 2 returns them as the `causes` of a 422 Invalid `Status`. The kubelet of stage 1
// logs them when a static pod's manifest is invalid.

/// One problem with one field, as Kubernetes' `field.Error`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, which decides the wording (Kubernetes' `field.ErrorType`).
    public enum Kind: String, Sendable, Equatable {
        /// The field must be set and is not.
        case required = "FieldValueRequired"
        /// The value is not acceptable; the detail says why.
        case invalid = "FieldValueInvalid"
        /// The value repeats one that must be unique.
        case duplicate = "FieldValueDuplicate"
        /// The value is not one of a fixed set.
        case notSupported = "FieldValueNotSupported"
        /// The value refers to something that does not exist.
        case notFound = "FieldValueNotFound"
        /// The field may not be changed or used here.
        case forbidden = "FieldValueForbidden"
        /// The value is longer than allowed.
        case tooLong = "FieldValueTooLong"

        /// How Kubernetes prints the kind.
        package var phrase: String {
            switch self {
            case .required: "Required value"
            case .invalid: "Invalid value"
            case .duplicate: "Duplicate value"
            case .notSupported: "Unsupported value"
            case .notFound: "Not found"
            case .forbidden: "Forbidden"
            case .tooLong: "Too long"
            }
        }
    }

    /// The kind of problem.
    public var kind: Kind
    /// The field's path, such as `spec.containers[0].name`.
    public var field: String
    /// The offending value, as it would be printed, or nil when there is none to show.
    public var value: String?
    /// A sentence saying what would be acceptable.
    public var detail: String
    /// Whether `value` prints in quotes: a string does, a number does not, as Go prints them
    /// (`Invalid value: "Web"` but `Invalid value: 70000`).
    public var quotesValue: Bool

    /// Makes a field error; a `value` given here is a string, and prints quoted.
    public init(_ kind: Kind, _ field: String, value: String? = nil, _ detail: String = "") {
        self.kind = kind
        self.field = field
        self.value = value
        self.detail = detail
        self.quotesValue = true
    }

    /// Makes a field error about a number, which prints bare: `containerPort: Invalid value: 70000`.
    public init(_ kind: Kind, _ field: String, number: some BinaryInteger, _ detail: String = "") {
        self.init(kind, field, value: "\(number)", detail)
        quotesValue = false
    }

    /// `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must …`
    public var description: String {
        var text = "\(field): \(kind.phrase)"
        if let value { text += ": " + (quotesValue ? Self.goQuoted(value) : value) }
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }

    /// `value` in double quotes, escaped as Go's `%q` escapes the characters a name may hold.
    static func goQuoted(_ value: String) -> String {
        var quoted = "\""
        for character in value {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
