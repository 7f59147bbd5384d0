// Stage 1 · API: the shapes of label keys and values, and the limit on annotations.
//
// A label key is a *qualified name*: an optional DNS-subdomain prefix and a slash, then
// a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a
// letter or digit (`app`, `app.kubernetes.io/name`). A value is empty or the same shape
// as the name. Annotation keys follow the key rule too; their values are free, but all
// of an object's annotations together may hold at most 256 KiB. The messages are
// Kubernetes' own (`apimachinery/pkg/util/validation`).

/// Checks labels and annotations as Kubernetes' `ValidateLabels` and `ValidateAnnotations` do.
public enum LabelValidation {
    /// The longest name part of a key, and the longest value.
    public static let maximumNameLength = 63
    /// The most bytes an object's annotations (keys and values) may hold together.
    public static let totalAnnotationSizeLimit = 256 * 1024

    /// Every problem with `labels`, reported at `path` (`metadata.labels`).
    public static func validate(labels: [String: String], path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            errors += qualifiedName(key).map { FieldError(.invalid, path, value: key, $0) }
            errors += labelValue(value).map { FieldError(.invalid, path, value: value, $0) }
        }
        return errors
    }

    /// Every problem with `annotations`, reported at `path` (`metadata.annotations`).
    public static func validate(annotations: [String: String], path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var size = 0
        for (key, value) in annotations.sorted(by: { $0.key < $1.key }) {
            errors += qualifiedName(key.lowercased()).map { FieldError(.invalid, path, value: key, $0) }
            size += key.utf8.count + value.utf8.count
        }
        if size > totalAnnotationSizeLimit {
            errors.append(FieldError(.tooLong, path, "may not be more than \(totalAnnotationSizeLimit) bytes"))
        }
        return errors
    }

    /// Problems with `key` as a qualified name; empty when it is one.
    public static func qualifiedName(_ key: String) -> [String] {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var name = key
        var problems: [String] = []
        switch parts.count {
        case 1:
            break
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                problems.append("prefix part must be non-empty")
            } else {
                problems += NameValidation.subdomain(parts[0]).map { "prefix part \($0)" }
            }
        default:
            return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            problems.append("name part must be non-empty")
        } else {
            if name.count > maximumNameLength { problems.append("name part must be no more than \(maximumNameLength) characters") }
            if !isLabelShaped(name) {
                problems.append("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
            }
        }
        return problems
    }

    /// Problems with `value` as a label value; empty when it is one.
    public static func labelValue(_ value: String) -> [String] {
        var problems: [String] = []
        if value.count > maximumNameLength { problems.append("must be no more than \(maximumNameLength) characters") }
        if !value.isEmpty && !isLabelShaped(value) {
            problems.append("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
        }
        return problems
    }

    /// Letters, digits, '-', '_' and '.', with a letter or digit at each end.
    private static func isLabelShaped(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return text.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
