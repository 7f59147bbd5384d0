// Stage 2 tests: tables for `kubectl get`, and reading kubectl's Accept header.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Testing

@Suite struct TableBuilderTests {
    static let kubectlAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    static func namespace(_ name: String) -> Namespace {
        var namespace = Namespace()
        namespace.metadata.name = name
        namespace.metadata.uid = "uid-\(name)"
        namespace.metadata.labels = ["team": "a"]
        namespace.metadata.creationTimestamp = Time(secondsSince1970: 100)
        namespace.status.phase = .active
        return namespace
    }

    @Test func kubectlsAcceptHeaderAsksForATable() {
        #expect(TableBuilder.wantsTable(accept: Self.kubectlAccept))
    }

    @Test func parameterOrderAndSpacingDoNotMatter() {
        #expect(TableBuilder.wantsTable(accept: "application/json; g=meta.k8s.io; as=Table; v=v1"))
        #expect(TableBuilder.wantsTable(accept: "Application/JSON;as=Table;v=v1beta1;g=meta.k8s.io"))
    }

    @Test func plainJSONAndOtherKindsAreNotTables() {
        #expect(!TableBuilder.wantsTable(accept: "application/json"))
        #expect(!TableBuilder.wantsTable(accept: "*/*"))
        #expect(!TableBuilder.wantsTable(accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"))
        #expect(!TableBuilder.wantsTable(accept: "application/json;as=Table;v=v2;g=meta.k8s.io"))
        #expect(!TableBuilder.wantsTable(accept: "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io"))
    }

    @Test func aTableCarriesColumnsStringCellsAndPartialMetadataByDefault() throws {
        let table = try TableBuilder.table(
            of: [Self.namespace("default")], strategy: NamespaceStrategy.self, resourceVersion: "42",
            now: Time(secondsSince1970: 160))
        #expect(try encodedValue(table) == jsonValue(#"""
            {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": "42"},
             "columnDefinitions": [
               {"name": "Name", "type": "string", "format": "name", "description": "Name must be unique within a namespace.", "priority": 0},
               {"name": "Status", "type": "string", "format": "", "description": "The status of the namespace", "priority": 0},
               {"name": "Age", "type": "string", "format": "", "description": "CreationTimestamp is a timestamp representing the server time when this object was created.", "priority": 0}],
             "rows": [{"cells": ["default", "Active", "60s"],
                       "object": {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                                  "metadata": {"name": "default", "uid": "uid-default", "labels": {"team": "a"},
                                               "creationTimestamp": "1970-01-01T00:01:40Z"}}}]}
            """#))
    }

    @Test func includeObjectNoneLeavesTheObjectNull() throws {
        let table = try TableBuilder.table(of: [Self.namespace("a")], strategy: NamespaceStrategy.self, includeObject: .none)
        #expect(table.rows.first?.object == .null)
    }

    @Test func includeObjectObjectCarriesTheWholeObject() throws {
        let namespace = Self.namespace("a")
        let table = try TableBuilder.table(of: [namespace], strategy: NamespaceStrategy.self, includeObject: .object)
        #expect(try table.rows.first?.object == JSONValue(encoding: namespace))
    }

    @Test func podsGetTheirPrintersColumns() throws {
        var pod = Pod()
        pod.metadata.name = "web"
        let table = try TableBuilder.table(of: [pod], strategy: PodStrategy.self)
        #expect(table.columnDefinitions.map(\.name).prefix(5) == ["Name", "Ready", "Status", "Restarts", "Age"])
        #expect(table.rows.first?.cells.count == table.columnDefinitions.count)
    }

    @Test func aKindWithoutColumnsOfItsOwnGetsNameAndCreatedAt() throws {
        let table = try TableBuilder.table(of: [Widget(name: "w", created: Time(secondsSince1970: 100))], strategy: WidgetStrategy.self)
        #expect(table.columnDefinitions.map(\.name) == ["Name", "Created At"])
        #expect(table.rows.first?.cells == [.string("w"), .string("1970-01-01T00:01:40Z")])
    }

    @Test func includeObjectQueryDefaultsToMetadataAndRejectsOthers() {
        #expect(TableBuilder.includeObject(queryValue: nil) == .metadata)
        #expect(TableBuilder.includeObject(queryValue: "Object") == .object)
        #expect(TableBuilder.includeObject(queryValue: "everything") == nil)
    }
}
