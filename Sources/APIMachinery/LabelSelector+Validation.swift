// Stage 2 · APIMachinery: which label keys and values a selector may name.
//
// A selector can only match labels that could exist, so its keys and values are checked
// with the rules for labels (Kubernetes' validation.IsQualifiedName and
// IsValidLabelValue), and rejected with Kubernetes' words.

import API

extension LabelSelector {
    /// The longest label value, and the longest name part of a key.
    static let maximumNameLength = 63
    /// The longest key prefix, a DNS subdomain such as `app.kubernetes.io`.
    static let maximumPrefixLength = 253

    /// What Kubernetes says a qualified name (a label key's name part) may hold.
    static let qualifiedNameRule = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    /// What Kubernetes says a label value may hold.
    static let labelValueRule = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

    /// The problems with `key` as a label key; empty when it is valid.
    static func problems(withKey key: String) -> [String] {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        var problems: [String] = []
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[1]
            let prefix = String(parts[0])
            if prefix.isEmpty {
                problems.append("prefix part must be non-empty")
            } else {
                problems += NameValidation.subdomain(prefix).map { "prefix part \($0)" }
            }
        default:
            return ["a qualified name \(qualifiedNameRule) with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            problems.append("name part must be non-empty")
        } else if name.count > maximumNameLength {
            problems.append("name part must be no more than \(maximumNameLength) characters")
        }
        if !name.isEmpty && !isQualifiedNamePart(name) {
            problems.append("name part \(qualifiedNameRule)")
        }
        return problems
    }

    /// The problems with `value` as a label value; empty when it is valid.
    static func problems(withValue value: String) -> [String] {
        var problems: [String] = []
        if value.count > maximumNameLength {
            problems.append("must be no more than \(maximumNameLength) characters")
        }
        if !value.isEmpty && !isQualifiedNamePart(Substring(value)) {
            problems.append(labelValueRule)
        }
        return problems
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`: alphanumerics at both ends.
    private static func isQualifiedNamePart(_ text: Substring) -> Bool {
        func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard let first = text.first, let last = text.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return false
        }
        return text.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// Kubernetes' field.Invalid wording: `Invalid value: "x": why`.
    static func invalid(_ value: String, _ problems: [String]) -> String {
        "Invalid value: \"\(value)\": \(problems.joined(separator: "; "))"
    }
}
