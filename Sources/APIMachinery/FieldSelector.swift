// Stage 2 · APIMachinery: a field selector, the `fieldSelector=` of a list or watch request.
//
// Where a label selector looks at labels, a field selector looks at a few fields the
// server has chosen for each kind: the kubelet asks for `spec.nodeName=node-1` to get
// its own pods, `kubectl get events` asks for `involvedObject.name=web`. The syntax is
// small: `field=value`, `field==value` and `field!=value`, joined by commas (AND).
// A `\` escapes `\`, `,` and `=` inside a value.
//
// Only some fields can be selected, and they differ by kind (each kind's strategy in
// the API server says which): the API server calls `checked(against:)` and rejects the others with
// Kubernetes' `field label not supported: …`. A field the object leaves empty is "",
// so `spec.nodeName=` selects the pods not yet bound to a node.

/// A parsed field selector; the API server filters lists and watches with it.
public struct FieldSelector: Sendable, Hashable, CustomStringConvertible {
    /// How a requirement compares its field with its value.
    public enum Operator: String, Sendable, Hashable {
        /// The field has the value (`=`).
        case equals = "="
        /// The field has the value (`==`, the same as `=`).
        case doubleEquals = "=="
        /// The field has another value (`!=`).
        case notEquals = "!="
    }

    /// One condition on one field.
    public struct Requirement: Sendable, Hashable, CustomStringConvertible {
        /// The field's path, such as `spec.nodeName`.
        public var field: String
        /// How the field must compare with `value`.
        public var `operator`: Operator
        /// The value, unescaped.
        public var value: String

        /// Makes a requirement.
        public init(field: String, operator: Operator, value: String) {
            self.field = field
            self.operator = `operator`
            self.value = value
        }

        /// Whether the object's selectable fields satisfy this requirement; a field that
        /// is not there counts as "".
        public func matches(_ fields: [String: String]) -> Bool {
            let actual = fields[field] ?? ""
            return self.operator == .notEquals ? actual != value : actual == value
        }

        /// The requirement in selector syntax, with its value escaped.
        public var description: String {
            "\(field)\(self.operator.rawValue)\(FieldSelector.escape(value))"
        }
    }

    /// The requirements; all must hold. None means "select everything".
    public var requirements: [Requirement]

    /// Makes a selector from requirements.
    public init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    /// The selector that matches every object: an empty `fieldSelector=`.
    public static let everything = FieldSelector(requirements: [])

    /// Whether the selector selects everything.
    public var isEmpty: Bool { requirements.isEmpty }

    /// Whether an object with these selectable fields is selected.
    public func matches(_ fields: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(fields) }
    }

    /// The selector in the syntax `FieldSelector(parsing:)` reads.
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }

    /// The selector, when every field it names is in `supported`; otherwise Kubernetes'
    /// error for the first unsupported one. `aliases` renames old field names first
    /// (pods accept `spec.host` for `spec.nodeName`).
    public func checked(
        against supported: Set<String>, aliases: [String: String] = [:]
    ) throws(ParseError) -> FieldSelector {
        var checked = self
        for index in checked.requirements.indices {
            let field = aliases[checked.requirements[index].field] ?? checked.requirements[index].field
            guard supported.contains(field) else {
                throw ParseError(message: "field label not supported: \(checked.requirements[index].field)")
            }
            checked.requirements[index].field = field
        }
        return checked
    }
}
