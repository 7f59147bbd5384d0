// Stage 2 · APIMachinery: the strategic merge patch, `application/strategic-merge-patch+json`.
//
// What `kubectl apply` and `kubectl patch` send for built-in kinds. It reads like a JSON
// merge patch (objects merge, `null` deletes a key, scalars replace) with one big
// difference: some lists merge too. A pod's `containers` merge by `name`, so
// `{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}` changes one container's
// image and leaves the others alone. Which lists merge, and by which key, is the kind's
// `PatchSchema`. Directives, keys that start with `$`, say what plain JSON cannot:
//
//   "$patch": "replace" / "delete"        in an object: replace it, or delete it;
//                                          in a list element: replace the list, or
//                                          delete the element with that merge key
//   "$deleteFromPrimitiveList/finalizers"  remove these values from a list of strings
//   "$setElementOrder/containers"          the order the merged list should have
//   "$retainKeys": ["type", …]            drop every other key from this object
//
// This follows Kubernetes' `apimachinery/pkg/util/strategicpatch/patch.go` (mergeMap,
// mergeSlice, normalizeElementOrder), applying a patch the way the API server does.
// One deliberate difference: a value that is new to the object is itself resolved as a
// patch against nothing, so directives and nulls inside it never land in the stored
// object (Kubernetes copies such a value as it is and lets decoding drop the rest).

/// Applies strategic merge patches; called by the API server for PATCH requests whose
/// Content-Type is `application/strategic-merge-patch+json`.
public enum StrategicMergePatch {
    /// Returns `original` with `patch` applied, merging lists as `schema` says; throws a
    /// `PatchError` naming the field when the patch is malformed.
    public static func apply(
        _ patch: JSONValue, to original: JSONValue, schema: PatchSchema
    ) throws(PatchError) -> JSONValue {
        guard case .object(let changes) = patch else {
            throw PatchError("a strategic merge patch must be a JSON object, found \(patch.kindName)")
        }
        let members: [String: JSONValue]
        switch original {
        case .object(let object): members = object
        case .null: members = [:]
        default: throw PatchError("only a JSON object can be patched, found \(original.kindName)")
        }
        return .object(try mergeObject(members, changes, path: "", schema: schema))
    }

    /// Merges the object `patch` into the object `original` found at `path`
    /// (Kubernetes' mergeMap).
    static func mergeObject(
        _ original: [String: JSONValue], _ patch: [String: JSONValue], path: String, schema: PatchSchema
    ) throws(PatchError) -> [String: JSONValue] {
        var patch = patch
        if let directive = patch.removeValue(forKey: directiveMarker) {
            switch directive {
            case .string(replaceDirective):
                // The patch is the new object; resolve it against nothing.
                return try mergeObject([:], patch, path: path, schema: schema)
            case .string(deleteDirective):
                return [:]
            default:
                throw PatchError(field: path, "unknown patch type: \(directive.patchText) in map: \(JSONValue.object(patch).patchText)")
            }
        }
        var result = original
        try applyRetainKeys(to: &result, patch: &patch, path: path)
        // `$setElementOrder` merges and orders its list, and takes it out of the patch.
        try applySetElementOrder(to: &result, patch: &patch, path: path, schema: schema)

        // Sorted only so that errors are reported the same way every time.
        for key in patch.keys.sorted() {
            guard let change = patch[key] else { continue }
            if key.hasPrefix(deleteFromPrimitiveListPrefix) {
                let field = try fieldName(in: key, prefix: deleteFromPrimitiveListPrefix, path: path)
                result[field] = try deleteFromPrimitiveList(
                    result[field], values: change, path: PatchSchema.path(path, child: field))
                continue
            }
            let fieldPath = PatchSchema.path(path, child: key)
            if change == .null {
                result[key] = nil
            } else if let current = result[key] {
                result[key] = try merge(change, into: current, path: fieldPath, schema: schema)
            } else {
                result[key] = try resolved(change, path: fieldPath, schema: schema)
            }
        }
        return result
    }

    /// Merges one field's patch value into its current value, by the field's strategy.
    static func merge(
        _ change: JSONValue, into current: JSONValue, path: String, schema: PatchSchema
    ) throws(PatchError) -> JSONValue {
        let strategy = schema.strategy(at: path)
        switch (current, change) {
        case (.object(let object), .object(let patch)) where strategy != .replace:
            return .object(try mergeObject(object, patch, path: path, schema: schema))
        case (.array(let list), .array(let patch)):
            switch strategy {
            case .mergeByKey(let key):
                return .array(try mergeList(list, patch, mergeKey: key, path: path, schema: schema))
            case .mergeAsSet:
                return .array(try mergeList(list, patch, mergeKey: nil, path: path, schema: schema))
            case .replace, nil:
                return try resolved(change, path: path, schema: schema)
            }
        default:
            // Scalars, a change of type, and `.replace` objects: the patch value wins.
            return try resolved(change, path: path, schema: schema)
        }
    }

    /// A patch value read on its own, as the value of a field that had none: its
    /// directives are carried out and its nulls dropped.
    static func resolved(_ change: JSONValue, path: String, schema: PatchSchema) throws(PatchError) -> JSONValue {
        switch change {
        case .object(let patch):
            return .object(try mergeObject([:], patch, path: path, schema: schema))
        case .array(let patch):
            switch schema.strategy(at: path) {
            case .mergeByKey(let key):
                return .array(try mergeList([], patch, mergeKey: key, path: path, schema: schema))
            case .mergeAsSet:
                return .array(try mergeList([], patch, mergeKey: nil, path: path, schema: schema))
            case .replace, nil:
                return change
            }
        default:
            return change
        }
    }
}
