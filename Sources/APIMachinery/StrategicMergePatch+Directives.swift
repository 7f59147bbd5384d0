// Stage 2 · APIMachinery: the `$` directives of a strategic merge patch that act on an object.
//
// `$patch` is handled where objects and list elements are merged; this file holds the
// directive names, `$retainKeys` (sent by `kubectl apply` for fields such as a
// Deployment's `strategy`, where switching `type` must drop the old type's settings),
// and the parsing of `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`
// keys.

extension StrategicMergePatch {
    /// The key of the `$patch` directive.
    static let directiveMarker = "$patch"
    /// `$patch: replace`: the object or list is replaced, not merged.
    static let replaceDirective = "replace"
    /// `$patch: delete`: the object, or the list element, is deleted.
    static let deleteDirective = "delete"
    /// `$patch: merge`: Kubernetes reserves it for lists and rejects it.
    static let mergeDirective = "merge"
    /// The key of the `$retainKeys` directive.
    static let retainKeysDirective = "$retainKeys"
    /// The prefix of keys listing values to remove from a list of primitives.
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/"
    /// The prefix of keys giving the order of a merged list.
    static let setElementOrderPrefix = "$setElementOrder/"

    /// Drops from `result` every key that the patch's `$retainKeys` list leaves out, and
    /// takes the directive out of the patch (Kubernetes' applyRetainKeysDirective).
    static func applyRetainKeys(
        to result: inout [String: JSONValue], patch: inout [String: JSONValue], path: String
    ) throws(PatchError) {
        guard let directive = patch.removeValue(forKey: retainKeysDirective) else { return }
        let format = "invalid patch format of retainKeys"
        guard let list = directive.arrayElements else {
            throw PatchError(field: path, "\(format): \(retainKeysDirective) must be a list of field names")
        }
        var retained: Set<String> = []
        for element in list {
            guard let name = element.stringValue else {
                throw PatchError(field: path, "\(format): \(element.patchText) is not a field name")
            }
            retained.insert(name)
        }
        // A patch may not set a field it asks to drop; deleting one (null) is fine.
        for (key, value) in patch where value != .null && !retained.contains(key)
            && !key.hasPrefix(deleteFromPrimitiveListPrefix) && !key.hasPrefix(setElementOrderPrefix) {
            throw PatchError(field: path, "\(format): \(key) is set but not in \(retainKeysDirective)")
        }
        result = result.filter { retained.contains($0.key) }
    }

    /// The field a prefixed directive key names: `finalizers` for
    /// `$deleteFromPrimitiveList/finalizers`.
    static func fieldName(in key: String, prefix: String, path: String) throws(PatchError) -> String {
        let field = String(key.dropFirst(prefix.count))
        guard !field.isEmpty else {
            let what = prefix == setElementOrderPrefix ? "setElementOrder list" : "primitive list"
            throw PatchError(field: path, "invalid patch format of \(what): \(key) names no field")
        }
        return field
    }
}
