// Stage 2 tests: the discovery documents, compared with what a real API server sends.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Foundation
import Testing

@Suite struct DiscoveryDocumentTests {
    @Test func apiAnswersTheCoreVersionsWithoutAnAPIVersion() throws {
        #expect(try encodedValue(Discovery.apiVersions(of: stage2Resources, serverAddress: "127.0.0.1:8080")) == jsonValue(#"""
            {"kind": "APIVersions", "versions": ["v1"],
             "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:8080"}]}
            """#))
    }

    @Test func apisListsTheTwoSelfReviewGroupsInStage2() throws {
        #expect(try encodedValue(Discovery.apiGroupList(of: stage2Resources)) == jsonValue(#"""
            {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
              {"name": "authentication.k8s.io",
               "versions": [{"groupVersion": "authentication.k8s.io/v1", "version": "v1"},
                            {"groupVersion": "authentication.k8s.io/v1beta1", "version": "v1beta1"}],
               "preferredVersion": {"groupVersion": "authentication.k8s.io/v1", "version": "v1"}},
              {"name": "authorization.k8s.io", "versions": [{"groupVersion": "authorization.k8s.io/v1", "version": "v1"}],
               "preferredVersion": {"groupVersion": "authorization.k8s.io/v1", "version": "v1"}}]}
            """#))
        let reviews = Discovery.apiResourceList(groupVersion: "authorization.k8s.io/v1", resources: stage2Resources).resources
        #expect(reviews.map(\.name) == ["selfsubjectaccessreviews"] && reviews.first?.verbs == ["create"])
    }

    @Test func aNamedGroupIsListedWithItsVersionsTheFirstPreferred() throws {
        let list = Discovery.apiGroupList(of: stage2Resources.filter { $0.resource.group.isEmpty } + [ResourceRegistration(WidgetStrategy.self)])
        #expect(try encodedValue(list) == jsonValue(#"""
            {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
              {"name": "example.com", "versions": [{"groupVersion": "example.com/v1", "version": "v1"}],
               "preferredVersion": {"groupVersion": "example.com/v1", "version": "v1"}}]}
            """#))
    }

    @Test func versionIsAKubernetesReleaseKubectlCanParse() throws {
        let info = Discovery.versionInfo()
        #expect(info.gitVersion == "v1.33.0")
        #expect(info.major == "1" && info.minor == "33")
        #expect(info.gitTreeState == "clean")
        #expect(info.buildDate == "2025-04-23T00:00:00Z")
        #expect(info.platform.split(separator: "/").count == 2)
    }

    @Test func podsAreListedWithTheirSubresourcesAsARealServerDoes() throws {
        let list = Discovery.apiResourceList(groupVersion: "v1", resources: [stage2Resources[0]])
        #expect(try encodedValue(list) == jsonValue(#"""
            {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "v1", "resources": [
              {"name": "pods", "singularName": "pod", "namespaced": true, "kind": "Pod",
               "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
               "shortNames": ["po"], "categories": ["all"], "storageVersionHash": "xPOwRZ+Yhw8="},
              {"name": "pods/attach", "singularName": "", "namespaced": true, "kind": "PodAttachOptions", "verbs": ["create", "get"]},
              {"name": "pods/eviction", "singularName": "", "namespaced": true, "group": "policy", "version": "v1",
               "kind": "Eviction", "verbs": ["create"]},
              {"name": "pods/exec", "singularName": "", "namespaced": true, "kind": "PodExecOptions", "verbs": ["create", "get"]},
              {"name": "pods/log", "singularName": "", "namespaced": true, "kind": "Pod", "verbs": ["get"]},
              {"name": "pods/portforward", "singularName": "", "namespaced": true, "kind": "PodPortForwardOptions", "verbs": ["create", "get"]},
              {"name": "pods/status", "singularName": "", "namespaced": true, "kind": "Pod",
               "verbs": ["get", "patch", "update"]}
            ]}
            """#))
    }

    @Test func coreV1ListsEveryResourceAndSubresourceSortedByName() {
        let names = Discovery.apiResourceList(groupVersion: "v1", resources: stage2Resources).resources.map(\.name)
        #expect(names == [
            "configmaps", "events", "namespaces", "namespaces/finalize", "namespaces/status", "nodes", "nodes/status",
            "pods", "pods/attach", "pods/eviction", "pods/exec", "pods/log", "pods/portforward", "pods/status",
            "secrets", "serviceaccounts",
        ])
    }

    @Test func clusterScopedResourcesAreNotNamespaced() {
        let resources = Discovery.apiResourceList(groupVersion: "v1", resources: stage2Resources).resources
        let node = resources.first { $0.name == "nodes" }
        #expect(node?.namespaced == false)
        #expect(node?.shortNames == ["no"])
        #expect(node?.storageVersionHash == "XwShjMxG9Fs=")
        #expect(resources.first { $0.name == "namespaces/status" }?.kind == "Namespace")
        #expect(resources.first { $0.name == "events" }?.namespaced == true)
    }

    @Test func anotherGroupVersionListsNoneOfTheCoreResources() {
        #expect(Discovery.apiResourceList(groupVersion: "apps/v1", resources: stage2Resources).resources.isEmpty)
    }

    @Test func openAPIv2JSONIsAMinimalSwaggerDocument() throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: Discovery.openAPIv2()) == jsonValue(#"""
            {"swagger": "2.0", "info": {"title": "Kubernetes", "version": "v1.33.0"}, "paths": {}, "definitions": {}}
            """#))
    }

    @Test func openAPIv2ProtobufHasTheGnosticFieldNumbers() {
        let expected: [UInt8] = [0x0A, 3] + Array("2.0".utf8)
            + [0x12, 21, 0x0A, 10] + Array("Kubernetes".utf8) + [0x12, 7] + Array("v1.33.0".utf8)
            + [0x42, 0, 0x4A, 0]
        #expect(Array(Discovery.openAPIv2Protobuf()) == expected)
    }

    @Test func kubectlsOpenAPIAcceptHeaderAsksForProtobuf() {
        #expect(Discovery.wantsOpenAPIv2Protobuf(accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"))
        #expect(!Discovery.wantsOpenAPIv2Protobuf(accept: "application/json"))
    }
}
