// Stage 2 · APIServer: `/openapi/v3`, the schemas `kubectl explain` and `--validate` read.
//
// The index, `GET /openapi/v3`, names one document per group version the server
// serves, each with a hash of its content so that clients can cache it:
//
//   {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=5F0E…"}}}
//
// `GET /openapi/v3/api/v1` is that group version's OpenAPI 3.0 document: a path per
// resource URL with its operations (each marked with the kind it serves, in
// `x-kubernetes-group-version-kind`) and the component schemas of the kinds and every
// type they hold (`OpenAPISchemas`, from the field tables). Two clients read it:
//   - `kubectl explain` (v3 by default from kubectl 1.27; `--output=plaintext-openapiv2`
//     asks for the v2 document, which stays empty here) finds the kind through the
//     GET of `/api/v1/pods` and then walks `components.schemas`;
//   - kubectl's field-validation check looks for a `fieldValidation` parameter on the
//     kind's PATCH: found, kubectl leaves validation to the server (`FieldValidation`).

import API
import APIMachinery
import Foundation

extension Discovery {
    /// The group versions the registrations serve, as their OpenAPI paths: `api/v1`, `apis/events.k8s.io/v1`.
    static func openAPIGroupVersions(of resources: [ResourceRegistration]) -> [String] {
        var seen: [String] = []
        for resource in resources.map(\.resource) {
            let path = resource.group.isEmpty ? "api/\(resource.version)" : "apis/\(resource.group)/\(resource.version)"
            if !seen.contains(path) { seen.append(path) }
        }
        return seen
    }

    /// The index of `/openapi/v3`: each group version's document and its hash.
    public static func openAPIv3Index(of resources: [ResourceRegistration]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for groupVersion in openAPIGroupVersions(of: resources) {
            let bytes = (try? APIJSON.encode(openAPIv3(groupVersion: groupVersion, resources: resources))) ?? Data()
            paths[groupVersion] = .object(["serverRelativeURL": .string("/openapi/v3/\(groupVersion)?hash=\(contentHash(bytes))")])
        }
        return .object(["paths": .object(paths)])
    }

    /// The OpenAPI document of one group version (`api/v1`), or nil when none is served there.
    public static func openAPIv3(groupVersion: String, resources: [ResourceRegistration]) -> JSONValue? {
        let served = resources.filter {
            ($0.resource.group.isEmpty ? "api/\($0.resource.version)" : "apis/\($0.resource.group)/\($0.resource.version)") == groupVersion
        }
        guard !served.isEmpty else { return nil }
        var schemas = OpenAPISchemas()
        var paths: [String: JSONValue] = [:]
        for registration in served {
            registration.addOpenAPISchemas(&schemas)
            for (path, item) in openAPIPaths(of: registration) { paths[path] = item }
        }
        return .object([
            "openapi": .string("3.0.0"),
            "info": .object(["title": .string("Kubernetes"), "version": .string(versionInfo().gitVersion)]),
            "paths": .object(paths),
            "components": .object(["schemas": .object(schemas.schemas)]),
        ])
    }

    /// The resource's URLs and their operations, as Kubernetes lists them.
    static func openAPIPaths(of registration: ResourceRegistration) -> [String: JSONValue] {
        let resource = registration.resource
        let verbs = Set(registration.verbs)
        let prefix = resource.group.isEmpty ? "/api/\(resource.version)" : "/apis/\(resource.group)/\(resource.version)"
        let collection = resource.isNamespaced ? "\(prefix)/namespaces/{namespace}/\(resource.plural)" : "\(prefix)/\(resource.plural)"
        let kind = OpenAPISchemas.groupVersionKind(resource, kind: resource.kind)
        func operation(_ action: String, _ verb: String, parameters: [String] = []) -> (String, JSONValue)? {
            guard verbs.contains(verb) else { return nil }
            return (action, .object([
                "operationId": .string("\(verb)\(resource.kind)"),
                "x-kubernetes-action": .string(verb),
                "x-kubernetes-group-version-kind": kind,
                "parameters": .array(parameters.map { .object(["name": .string($0), "in": .string("query"), "schema": .object(["type": .string("string")])]) }),
                "responses": .object(["200": .object(["description": .string("OK")])]),
            ]))
        }
        let writes = ["dryRun", "fieldManager", "fieldValidation"]
        var paths: [String: JSONValue] = [
            collection: .object(Dictionary(uniqueKeysWithValues: [operation("get", "list"), operation("post", "create", parameters: writes)].compactMap { $0 })),
            "\(collection)/{name}": .object(Dictionary(uniqueKeysWithValues: [
                operation("get", "get"), operation("put", "update", parameters: writes),
                operation("patch", "patch", parameters: writes + ["force"]), operation("delete", "delete", parameters: ["dryRun"]),
            ].compactMap { $0 })),
        ]
        if resource.isNamespaced, let list = operation("get", "list") {
            // Every namespace's objects; kubectl 1.27's explain looks the kind up here.
            paths["\(prefix)/\(resource.plural)"] = .object([list.0: list.1])
        }
        return paths
    }

    /// A short hash of a document's bytes (FNV-1a, 64 bits, in hex): it changes when the
    /// document does, which is all a client's cache needs. Kubernetes uses SHA-512,
    /// which this package does not have.
    static func contentHash(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
