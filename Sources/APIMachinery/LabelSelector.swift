// Stage 2 · APIMachinery: a label selector, the `labelSelector=` of a list or watch request.
//
// Labels are how Kubernetes groups objects: a Service finds its pods, a ReplicaSet
// counts its replicas, and `kubectl get pods -l app=web` lists some pods, all with a
// selector. A selector is a list of requirements that must all hold (comma = AND):
//
//   app=web   app==web   app!=web   tier in (web,api)   tier notin (db)   app   !app
//
// `LabelSelector(parsing:)` reads that syntax (LabelSelector+Parsing.swift); the API type
// `metav1.LabelSelector` (`matchLabels` + `matchExpressions`) converts to the same value
// (LabelSelector+API.swift). Either way the API server, and later the controllers, ask
// one question of it: does it match these labels?

/// A parsed label selector; the API server filters lists and watches with it, and
/// controllers use it to find the objects they own.
public struct LabelSelector: Sendable, Hashable, CustomStringConvertible {
    /// How a requirement relates a label to its values (Kubernetes' `selection.Operator`).
    public enum Operator: String, Sendable, Hashable {
        /// The label has one of the values (`in`).
        case `in` = "in"
        /// The label is absent, or has none of the values (`notin`).
        case notIn = "notin"
        /// The label has the value (`=`).
        case equals = "="
        /// The label has the value (`==`, the same as `=`).
        case doubleEquals = "=="
        /// The label is absent, or has another value (`!=`).
        case notEquals = "!="
        /// The label is present, with any value (a bare key).
        case exists = "exists"
        /// The label is absent (`!key`).
        case doesNotExist = "!"
        /// The label is an integer greater than the value (`>`).
        case greaterThan = "gt"
        /// The label is an integer less than the value (`<`).
        case lessThan = "lt"
    }

    /// One condition on one label.
    public struct Requirement: Sendable, Hashable, CustomStringConvertible {
        /// The label key, such as `app` or `app.kubernetes.io/name`.
        public var key: String
        /// How the label must relate to `values`.
        public var `operator`: Operator
        /// The values, sorted; empty for `exists` and `doesNotExist`.
        public var values: [String]

        /// Makes a requirement; the values are kept sorted, as Kubernetes keeps them.
        /// Use `LabelSelector(parsing:)` or `LabelSelector(matchLabels:matchExpressions:)`
        /// for input that has not been validated.
        public init(key: String, operator: Operator, values: [String] = []) {
            self.key = key
            self.operator = `operator`
            self.values = Array(Set(values)).sorted()
        }

        /// Whether `labels` satisfy this requirement (Kubernetes' Requirement.Matches).
        public func matches(_ labels: [String: String]) -> Bool {
            let label = labels[key]
            switch self.operator {
            case .in, .equals, .doubleEquals:
                return label.map(values.contains) ?? false
            case .notIn, .notEquals:
                return label.map { !values.contains($0) } ?? true
            case .exists:
                return label != nil
            case .doesNotExist:
                return label == nil
            case .greaterThan, .lessThan:
                guard let label, let have = Int64(label), values.count == 1, let want = Int64(values[0]) else {
                    return false
                }
                return self.operator == .greaterThan ? have > want : have < want
            }
        }

        /// The requirement in selector syntax: `app=web`, `tier in (api,web)`, `!app`.
        public var description: String {
            switch self.operator {
            case .exists: key
            case .doesNotExist: "!\(key)"
            case .in, .notIn: "\(key) \(self.operator.rawValue) (\(values.joined(separator: ",")))"
            case .equals, .doubleEquals, .notEquals: "\(key)\(self.operator.rawValue)\(values.first ?? "")"
            case .greaterThan: "\(key)>\(values.first ?? "")"
            case .lessThan: "\(key)<\(values.first ?? "")"
            }
        }
    }

    /// The requirements, sorted by key; all must hold. None means "select everything".
    public var requirements: [Requirement]

    /// Makes a selector from requirements that are already valid.
    public init(requirements: [Requirement]) {
        // Sorted by key (stable), as Kubernetes sorts them, so equal selectors print alike.
        self.requirements = requirements.enumerated()
            .sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            .map(\.element)
    }

    /// The selector that matches every object: an empty `labelSelector=`.
    public static let everything = LabelSelector(requirements: [])

    /// Whether the selector selects everything.
    public var isEmpty: Bool { requirements.isEmpty }

    /// Whether an object with these labels is selected: every requirement holds.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// The selector in the syntax `LabelSelector(parsing:)` reads.
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }
}
