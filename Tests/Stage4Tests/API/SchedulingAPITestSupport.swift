// Stage 4 · API tests: stage 4's API server in-process, and raw requests to it.
//
// The binding, priority and lease rules are tested through a real API server serving
// `ResourceRegistration.stage4Resources` over a `MemoryStore`, on a free loopback port,
// with its start-up steps (the system priority classes). The typed client covers the
// kinds; a binding, which the client has no call for, is sent as a raw POST, as curl would.

import API
import APIMachinery
import APIServer
import Client
import ClusterKinds
import Common
import Foundation
import HTTP
import HTTPClient
import SchedulingKinds
import SchedulingRegistry
import Storage
import Testing
@testable import TestSupport

/// A client of a running stage-4 API server, typed and raw.
struct SchedulingAPI: Sendable {
    let client: APIClient
    let http: HTTPClient

    /// POSTs `json` to `path`; returns the status code and the decoded Status (or object) text.
    func post(_ path: String, json: String) async throws -> (code: Int, body: String) {
        let request = HTTPClientRequest(method: "POST", target: path, headers: ["Content-Type": "application/json"],
                                        body: Array(json.utf8))
        let response = try await http.send(request)
        return (response.status.code, response.text)
    }

    /// Binds pod `pod` in `default` to `node` with the body client-go sends; the answer's code and body.
    func bind(_ pod: String, to node: String, uid: String = "", kind: String = "Node") async throws -> (code: Int, body: String) {
        let uidField = uid.isEmpty ? "" : ", \"uid\": \"\(uid)\""
        return try await post("/api/v1/namespaces/default/pods/\(pod)/binding", json: """
            {"apiVersion": "v1", "kind": "Binding",
             "metadata": {"name": "\(pod)", "namespace": "default", "creationTimestamp": null\(uidField), "annotations": {"scheduler.example/why": "test"}},
             "target": {"apiVersion": "v1", "kind": "\(kind)", "name": "\(node)"}}
            """)
    }
}

/// Runs `body` against a fresh stage-4 API server, once its namespaces and system priority classes exist; then stops it.
@discardableResult
func withSchedulingAPI<T: Sendable>(_ body: (SchedulingAPI) async throws -> T) async throws -> T {
    var server = try APIServer(store: MemoryStore(), resources: ResourceRegistration.stage4Resources,
                               watch: PollingWatch(interval: .milliseconds(20)), port: 0, logger: .silent)
    server.bootstrap = ResourceRegistration.stage4Bootstrap
    let running = server
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await running.run() }
        defer { group.cancelAll() }
        let address = "http://127.0.0.1:\(running.port)"
        let api = SchedulingAPI(client: try APIClient(server: address), http: try HTTPClient(baseURL: address))
        try await eventually("the system priority classes to exist") {
            let names = (try? await api.client.list(PriorityClass.self).items.map(\.metadata.name)) ?? []
            return names.contains("system-cluster-critical") && names.contains("system-node-critical")
        }
        return try await body(api)
    }
}

/// A pod with one container in `default`, on no node unless told.
func pendingPod(_ name: String, node: String = "", priorityClassName: String = "", priority: Int32? = nil) -> Pod {
    Pod(metadata: ObjectMeta(name: name, namespace: "default"),
        spec: PodSpec(containers: [Container(name: "main", image: "busybox")], nodeName: node,
                      priorityClassName: priorityClassName, priority: priority))
}
