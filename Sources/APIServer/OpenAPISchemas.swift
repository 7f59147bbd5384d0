// Stage 2 · APIServer: OpenAPI v3 schemas of the kinds, made from their field tables.
//
// `kubectl explain pod.spec.containers` prints a type's fields with their types and
// descriptions; it reads them from the API server's OpenAPI document, the schema of
// each type under `components.schemas`. Kubernetes generates those schemas from its Go
// types and their doc comments; here they are generated from the field tables: each
// table entry is a property, its `FieldShape` gives the property's type (a struct is a
// `$ref` to its own schema, named like Kubernetes' `io.k8s.api.core.v1.PodSpec`), its
// description is the entry's description, and the kind's patch schema adds the
// `x-kubernetes-patch-strategy` and `-merge-key` that `kubectl apply` reads to merge
// lists. Nothing is written by hand, so a field added to a table appears in `explain`.

import API
import APIMachinery

/// The component schemas of one group version, filled in kind by kind.
struct OpenAPISchemas {
    /// Schemas by name (`io.k8s.api.core.v1.Pod`), as JSON Schema objects.
    private(set) var schemas: [String: JSONValue] = [:]

    /// Adds the schema of `type`, the object of kind `resource`, with those of every
    /// type it holds; its list type too.
    mutating func add(kind type: any APIFields.Type, listType: (any APIFields.Type)?, resource: Resource, patchSchema: PatchSchema) {
        let kinds: [(any APIFields.Type, String)] = [(type, resource.kind)] + (listType.map { [($0, resource.listKind)] } ?? [])
        for (described, kind) in kinds {
            let name = Self.name(of: described, kind: kind, resource: resource)
            addObject(described, name: name, path: "", resource: resource, patchSchema: patchSchema)
            if case .object(var members) = schemas[name] {
                members["x-kubernetes-group-version-kind"] = .array([Self.groupVersionKind(resource, kind: kind)])
                schemas[name] = .object(members)
            }
        }
    }

    /// `{"group": "", "kind": "Pod", "version": "v1"}`, how OpenAPI names a kind.
    static func groupVersionKind(_ resource: Resource, kind: String) -> JSONValue {
        .object(["group": .string(resource.group), "kind": .string(kind), "version": .string(resource.version)])
    }

    /// A reference to the schema called `name`.
    static func reference(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    /// The schema name of `type`: Kubernetes' name for the metav1 types, otherwise the
    /// kind's group and version before the Swift name (a list is named by its kind).
    static func name(of type: any APIFields.Type, kind: String? = nil, resource: Resource) -> String {
        let swiftName = kind ?? String(describing: type)
        if let meta = metaNames[swiftName] { return "io.k8s.apimachinery.pkg.apis.meta.v1.\(meta)" }
        let group = resource.group.isEmpty ? "core" : String(resource.group.split(separator: ".").first ?? "")
        return "io.k8s.api.\(group).\(resource.version).\(swiftName)"
    }

    /// The apimachinery types among the tables, by Swift name, with Kubernetes' names.
    static let metaNames: [String: String] = [
        "ObjectMeta": "ObjectMeta", "ListMeta": "ListMeta", "OwnerReference": "OwnerReference",
        "LabelSelectorSpec": "LabelSelector", "LabelSelectorRequirement": "LabelSelectorRequirement",
    ]

    /// Adds the schema of a struct, unless it is there already, and those it holds.
    private mutating func addObject(_ type: any APIFields.Type, name: String, path: String, resource: Resource, patchSchema: PatchSchema) {
        guard schemas[name] == nil else { return }
        schemas[name] = .object([:])  // a placeholder, so that a type holding itself stops here
        var properties: [String: JSONValue] = [:]
        for field in descriptors(of: type) {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            guard case .object(var property) = schema(of: field.shape, path: fieldPath, resource: resource, patchSchema: patchSchema) else { continue }
            if !field.description.isEmpty { property["description"] = .string(field.description) }
            switch patchSchema.strategy(at: fieldPath) {
            case .mergeByKey(let key)?:
                property["x-kubernetes-patch-strategy"] = .string("merge")
                property["x-kubernetes-patch-merge-key"] = .string(key)
            case .mergeAsSet?:
                property["x-kubernetes-patch-strategy"] = .string("merge")
            case .replace?:
                property["x-kubernetes-patch-strategy"] = .string("replace")
            case nil:
                break
            }
            properties[field.name] = .object(property)
        }
        var schema: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !type.typeDescription.isEmpty { schema["description"] = .string(type.typeDescription) }
        schemas[name] = .object(schema)
    }

    /// The schema of a value of `shape` at `path`, adding the schemas it refers to.
    private mutating func schema(of shape: FieldShape, path: String, resource: Resource, patchSchema: PatchSchema) -> JSONValue {
        switch shape {
        case .object(let type):
            let name = Self.name(of: type, resource: resource)
            addObject(type, name: name, path: path, resource: resource, patchSchema: patchSchema)
            // A `$ref` may have no siblings in OpenAPI 3.0, so Kubernetes wraps it in allOf
            // to give the property its own description.
            return .object(["allOf": .array([Self.reference(name)]), "default": .object([:])])
        case .array(let element):
            return .object(["type": .string("array"),
                            "items": schema(of: element, path: PatchSchema.elements(of: path), resource: resource, patchSchema: patchSchema)])
        case .map(let element):
            return .object(["type": .string("object"),
                            "additionalProperties": schema(of: element, path: "\(path).*", resource: resource, patchSchema: patchSchema)])
        case .scalar(let scalar):
            var members: [String: JSONValue] = ["type": .string(scalar.type)]
            if !scalar.format.isEmpty { members["format"] = .string(scalar.format) }
            if !scalar.values.isEmpty { members["enum"] = .array(scalar.values.map(JSONValue.string)) }
            return .object(members)
        case .anything:
            return .object(["type": .string("object"), "x-kubernetes-preserve-unknown-fields": .bool(true)])
        }
    }
}
