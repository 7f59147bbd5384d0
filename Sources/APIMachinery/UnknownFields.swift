// Stage 2 · APIMachinery: the fields of a request's JSON that the object's type does not have.
//
// Decoding is lenient (an unknown field is ignored, as Go's encoding/json ignores it),
// so a typo such as `imagee` would vanish without a word. Kubernetes' API server
// decodes strictly instead and collects every unknown field's path; what it then does
// with them is the request's field validation (`FieldValidation` in the API server).
// This walks the JSON beside the field tables: into each known field's value by its
// shape (`FieldShape`), reporting each key a table does not list, by its path as
// Kubernetes writes it: `spec.containers[0].imagee`. Members are visited in sorted
// order, the order of the sorted JSON that kubectl sends and Kubernetes reports in.

import API

/// Finds the unknown fields of a JSON value, against a type's field tables.
public enum UnknownFields {
    /// The paths of every member of `value` that `type`'s tables (and those of the
    /// types they hold) do not know; a value of an unexpected JSON type is left to the
    /// decoder to report.
    public static func paths(in value: JSONValue, of type: any APIFields.Type) -> [String] {
        fields(in: value, of: type).map(\.path)
    }

    /// Each unknown field's path, with the Swift name of the type whose table lacks it.
    public static func fields(in value: JSONValue, of type: any APIFields.Type) -> [(path: String, owner: String, name: String)] {
        var found: [(path: String, owner: String, name: String)] = []
        walk(value, shape: .object(type), path: "", into: &found)
        return found
    }

    private static func walk(_ value: JSONValue, shape: FieldShape, path: String, into found: inout [(path: String, owner: String, name: String)]) {
        switch (shape, value) {
        case (.object(let type), .object(let members)):
            let known = Dictionary(descriptors(of: type).map { ($0.name, $0.shape) }) { first, _ in first }
            for name in members.keys.sorted() {
                let child = path.isEmpty ? name : "\(path).\(name)"
                guard let fieldShape = known[name] else {
                    found.append((child, String(describing: type), name))
                    continue
                }
                walk(members[name] ?? .null, shape: fieldShape, path: child, into: &found)
            }
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                walk(item, shape: element, path: "\(path)[\(index)]", into: &found)
            }
        case (.map(let element), .object(let members)):
            for name in members.keys.sorted() {
                walk(members[name] ?? .null, shape: element, path: "\(path).\(name)", into: &found)
            }
        default:
            break
        }
    }
}
