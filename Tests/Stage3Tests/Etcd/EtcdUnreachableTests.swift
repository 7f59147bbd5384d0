// Stage 3 · EtcdStore tests: with no etcd there, every call fails, saying where it looked.
//
// An operator who gave the API server a wrong `--etcd` must read which address failed,
// in the store's error and in the API server's answer, and nothing may crash. A port
// that refuses connections stands in for the missing etcd, so these run everywhere.

import API
import APIMachinery
import APIServer
import ClusterKinds
import EtcdStore
import Foundation
import Storage
import StoreWatch
import Testing
import WatchCache
@testable import TestSupport

@Suite struct EtcdUnreachableTests {
    @Test func withNoEtcdListeningEveryCallFailsWithAMessageNamingTheEndpoint() async throws {
        let refusing = try RefusingPort()
        let endpoint = "http://127.0.0.1:\(refusing.port)"
        let store = try EtcdStore(connectingTo: [endpoint], patience: .milliseconds(200), logger: .silent)
        do {
            _ = try await store.create("/k", value: Data("v"))
            Issue.record("a create with no etcd succeeded")
        } catch {
            guard case .unavailable(let reason) = error else { Issue.record("got \(error)"); return }
            #expect(reason.contains("127.0.0.1:\(refusing.port)"))
            #expect(reason.contains("connection refused"))
        }
        let watch = try await collect(store.watch(prefix: "/", after: 1))
        guard case .storage(.unavailable(let reason)) = watch.error else { Issue.record("watch ended with \(String(describing: watch.error))"); return }
        #expect(reason.contains("127.0.0.1:\(refusing.port)"))
        await #expect(throws: (any Error).self) { try await EtcdStore(endpoints: [endpoint], patience: .milliseconds(200), logger: .silent) }
    }

    @Test func anAPIServerWhoseEtcdIsGoneAnswers500NamingTheEndpoint() async throws {
        let refusing = try RefusingPort()
        let store = try EtcdStore(connectingTo: ["http://127.0.0.1:\(refusing.port)"], patience: .milliseconds(200), logger: .silent)
        let resources = [ResourceRegistration(PodStrategy.self, subresources: [:])]
        let server = try APIServer(store: store, resources: resources, watch: StoreWatchSource(store: store), port: 0, logger: .silent)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            let response = try await TestHTTPClient().get(port: server.port, path: "/api/v1/namespaces/default/pods")
            #expect(response.status == 500)
            #expect(response.body.contains("127.0.0.1:\(refusing.port)"))
            #expect(response.body.contains(#""reason":"InternalError""#))
        }
    }
}
