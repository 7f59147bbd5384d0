// Stage 2 · APIServer: a value outside a closed set is a 422 among the object's other problems.
//
// See `UnsupportedValues`: the body is checked before it is decoded; when a closed-set
// field holds a value that is not a member, the object is decoded without it, validated
// as the write would validate it, and every problem is refused together in one 422
// Invalid, the unsupported values first.

import API
import APIMachinery

extension RESTStorage {
    /// Throws 422 Invalid when `value` (a request's body, or a patched object before it is
    /// decoded) holds a value no closed set allows, with the object's other problems (found
    /// after `prepare`) beside it; nothing for a body that has no JSON value (protobuf).
    static func refuseUnsupportedValues(in value: JSONValue?, prepare: (inout Object) -> Void) throws(Status) {
        guard let value else { return }
        guard let described = Object.self as? any APIFields.Type else { return }
        let (cleaned, unsupported) = UnsupportedValues.removing(from: value, of: described)
        guard !unsupported.isEmpty else { return }
        var object: Object
        do {
            object = try cleaned.decoded(as: Object.self)
        } catch {
            throw Status.badRequest("the request body is not a valid object: \(error)")
        }
        prepare(&object)
        let errors = unsupported + Strategy.validate(object).filter { !unsupported.map(\.field).contains($0.field) }
        throw Status.invalid(GroupKind(group: Object.resource.group, kind: Object.resource.kind), name: object.metadata.name, errors: errors)
    }
}
