// Stage 1 · API: the shapes of names Kubernetes accepts.
//
// Most names in Kubernetes must be usable in DNS, so they follow DNS' rules:
//   - an RFC 1123 *label*: at most 63 characters, lowercase letters, digits and '-',
//     starting and ending with a letter or digit (container names, namespaces);
//   - an RFC 1123 *subdomain*: labels joined by '.', at most 253 characters (pod names);
//   - an IANA service name: at most 15 characters, with a letter (port names).
// The messages are Kubernetes' own, so a learner can search for them.

/// Checks names against the DNS-derived rules Kubernetes uses.
public enum NameValidation {
    /// The longest RFC 1123 label.
    public static let maximumLabelLength = 63
    /// The longest RFC 1123 subdomain.
    public static let maximumSubdomainLength = 253
    /// The longest port name.
    public static let maximumPortNameLength = 15

    /// Problems with `name` as an RFC 1123 label; empty when it is one.
    public static func label(_ name: String) -> [String] {
        var problems: [String] = []
        if name.count > maximumLabelLength { problems.append("must be no more than \(maximumLabelLength) characters") }
        if !isLabel(name) {
            problems.append("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
        }
        return problems
    }

    /// Problems with `name` as an RFC 1123 subdomain; empty when it is one.
    public static func subdomain(_ name: String) -> [String] {
        var problems: [String] = []
        if name.count > maximumSubdomainLength { problems.append("must be no more than \(maximumSubdomainLength) characters") }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if name.isEmpty || !labels.allSatisfy({ isLabel(String($0)) }) {
            problems.append("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
        }
        return problems
    }

    /// Problems with `name` as a port name (an IANA service name); empty when it is one.
    public static func portName(_ name: String) -> [String] {
        var problems: [String] = []
        if name.count > maximumPortNameLength { problems.append("must be no more than \(maximumPortNameLength) characters") }
        if !name.allSatisfy({ isLowercaseAlphanumeric($0) || $0 == "-" }) {
            problems.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if name.contains("--") { problems.append("must not contain consecutive hyphens") }
        if !name.contains(where: { $0.isLetter }) { problems.append("must contain at least one letter (a-z)") }
        if name.hasPrefix("-") || name.hasSuffix("-") { problems.append("must not begin or end with a hyphen") }
        return problems
    }

    private static func isLabel(_ name: String) -> Bool {
        guard let first = name.first, let last = name.last else { return false }
        return isLowercaseAlphanumeric(first) && isLowercaseAlphanumeric(last)
            && name.allSatisfy { isLowercaseAlphanumeric($0) || $0 == "-" }
    }

    private static func isLowercaseAlphanumeric(_ character: Character) -> Bool {
        ("a"..."z").contains(character) || ("0"..."9").contains(character)
    }
}
