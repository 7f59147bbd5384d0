// Stage 2 · APIMachinery: values outside a closed set, found before decoding so that they
// are reported with the object's other problems.
//
// A closed set (`restartPolicy`, `imagePullPolicy`, …) is a Swift enum, so decoding
// `restartPolicy: always` fails at once, and the client would learn of that one mistake
// in a 400 that hides the rest. Kubernetes decodes any string and lets validation
// refuse it, so `kubectl apply` shows every problem in one 422 Invalid:
//
//   spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"
//
// This walks the JSON beside the field tables, as `UnknownFields` does, and takes out
// each value a closed set does not hold, returning the JSON without them (which then
// decodes) and a field error for each.

import API

/// Finds and removes closed-set values that are not members, against a type's field tables.
public enum UnsupportedValues {
    /// `value` without its unsupported closed-set values, and a NotSupported error for each.
    public static func removing(from value: JSONValue, of type: any APIFields.Type) -> (value: JSONValue, errors: [FieldError]) {
        var errors: [FieldError] = []
        let cleaned = walk(value, shape: .object(type), path: "", errors: &errors) ?? value
        return (cleaned, errors)
    }

    /// The value with unsupported members removed; nil when the value itself must go.
    private static func walk(_ value: JSONValue, shape: FieldShape, path: String, errors: inout [FieldError]) -> JSONValue? {
        switch (shape, value) {
        case (.object(let type), .object(var members)):
            let known = Dictionary(descriptors(of: type).map { ($0.name, $0.shape) }) { first, _ in first }
            for name in members.keys.sorted() {
                guard let fieldShape = known[name], let member = members[name] else { continue }
                members[name] = walk(member, shape: fieldShape, path: path.isEmpty ? name : "\(path).\(name)", errors: &errors)
            }
            return .object(members)
        case (.array(let element), .array(let items)):
            return .array(items.enumerated().compactMap { index, item in
                walk(item, shape: element, path: "\(path)[\(index)]", errors: &errors)
            })
        case (.map(let element), .object(var members)):
            for name in members.keys.sorted() {
                guard let member = members[name] else { continue }
                members[name] = walk(member, shape: element, path: "\(path).\(name)", errors: &errors)
            }
            return .object(members)
        case (.scalar(let scalar), .string(let text)) where !scalar.values.isEmpty && !scalar.values.contains(text):
            // "" is Go's unset: it goes without a word (a pointer to a closed set reads it as nil).
            if !text.isEmpty {
                let supported = scalar.values.map { "\"\($0)\"" }.joined(separator: ", ")
                errors.append(FieldError(.notSupported, path, value: text, "supported values: \(supported)"))
            }
            return nil
        default:
            return value
        }
    }
}
