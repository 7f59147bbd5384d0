// The OpenAPI v3 documents are generated from the field tables: every field of a type is
// a property with its description and type, the kind carries its group-version-kind,
// and every PATCH offers fieldValidation (which tells kubectl the server validates).

import API
import APIMachinery
@testable import APIServer
import Foundation
import Testing
@testable import TestSupport

@Suite struct OpenAPIDocumentTests {
    static let resources = [ResourceRegistration(PodStrategy.self)]

    func schema(_ name: String) throws -> [String: JSONValue] {
        let document = try #require(Discovery.openAPIv3(groupVersion: "api/v1", resources: Self.resources))
        guard case .object(let root) = document, case .object(let components)? = root["components"],
              case .object(let schemas)? = components["schemas"], case .object(let schema)? = schemas[name] else {
            Issue.record("no schema \(name)")
            return [:]
        }
        return schema
    }

    @Test func everyFieldOfATableIsAPropertyWithItsDescription() throws {
        let container = try schema("io.k8s.api.core.v1.Container")
        guard case .object(let properties)? = container["properties"] else { throw HarnessError("no properties") }
        #expect(Set(properties.keys) == Set(Container.fieldNames))
        #expect(properties["image"] == .object(["type": .string("string"), "description": .string("The image to run, such as busybox:1.36 or registry.example/app@sha256:…")]))
        guard case .object(let ports)? = properties["ports"] else { throw HarnessError("no ports") }
        #expect(ports["x-kubernetes-patch-merge-key"] == .string("containerPort"), "from the pod's patch schema")
        #expect(ports["items"] == .object(["allOf": .array([.object(["$ref": .string("#/components/schemas/io.k8s.api.core.v1.ContainerPort")])]), "default": .object([:])]))
    }

    @Test func theKindCarriesItsGroupVersionKindAndPatchOffersFieldValidation() throws {
        #expect(try schema("io.k8s.api.core.v1.Pod")["x-kubernetes-group-version-kind"]
            == .array([.object(["group": .string(""), "kind": .string("Pod"), "version": .string("v1")])]))
        let paths = Discovery.openAPIPaths(of: Self.resources[0])
        guard case .object(let item)? = paths["/api/v1/namespaces/{namespace}/pods/{name}"], case .object(let patch)? = item["patch"],
              case .array(let parameters)? = patch["parameters"] else { throw HarnessError("no PATCH") }
        #expect(parameters.contains { $0 == .object(["name": .string("fieldValidation"), "in": .string("query"), "schema": .object(["type": .string("string")])]) })
        #expect(paths["/api/v1/pods"] != nil, "the list across namespaces, where kubectl 1.27's explain looks")
    }

    @Test func theIndexNamesEachGroupVersionWithAHash() throws {
        guard case .object(let index) = Discovery.openAPIv3Index(of: Self.resources), case .object(let paths)? = index["paths"],
              case .object(let v1)? = paths["api/v1"], case .string(let url)? = v1["serverRelativeURL"] else { throw HarnessError("no index") }
        #expect(url.hasPrefix("/openapi/v3/api/v1?hash=") && url.count == "/openapi/v3/api/v1?hash=".count + 16)
    }
}
