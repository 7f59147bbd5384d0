// Stage 3 · APIServer tests: lists and watch events from stored JSON, byte for byte what decoding and encoding give.
//
// The fast path (`RESTStorage+ListJSON.swift`, `StoredObjectJSON.swift`) is stage 2's own
// list made cheaper; these tests hold it to the answer the decoding path gives, for pods of
// every shape the store holds, with and without label selectors, in pages.

import API
import APIMachinery
import ClusterKinds
import Foundation
import Storage
import StoreWatch
import Testing
@testable import APIServer
@testable import TestSupport
@testable import WatchCache

@Suite struct ListJSONTests {
    /// Pods whose JSON has the awkward parts: escapes, nesting, unicode, keys after resourceVersion.
    static func makeStorage() async throws -> RESTStorage<PodStrategy> {
        let storage = RESTStorage<PodStrategy>(store: MemoryStore())
        var tricky = makePod("tricky", labels: ["app": "web", "tier": "front"])
        tricky.metadata.annotations = [
            "quote": #"say "hi" \ "metadata":{"resourceVersion":"1"}"#, "unicode": "ünïcødé ✓ 🚀", "html": "</script><b>",
        ]
        tricky.metadata.finalizers = ["example.com/keep"]
        tricky.metadata.generateName = "trick-"
        _ = try await storage.create(tricky, namespace: "default")
        _ = try await storage.create(makePod("plain"), namespace: "default")
        _ = try await storage.create(makePod("db", labels: ["app": "db"]), namespace: "default")
        var updated = try await storage.get(namespace: "default", name: "db")
        updated.status.phase = .running
        _ = try await storage.update(updated, namespace: "default", name: "db", status: true)
        _ = try await storage.create(makePod("elsewhere", namespace: "kube-system", labels: ["app": "web"]), namespace: "kube-system")
        return storage
    }

    /// What the decoding path sends for the same request.
    static func decodedJSON(_ storage: RESTStorage<PodStrategy>, namespace: String?, labels: LabelSelector, page: ListPage) async throws -> [UInt8] {
        let (items, metadata) = try await storage.list(namespace: namespace, labels: labels, fields: .everything, page: page)
        return [UInt8](try APIJSON.encode(List(metadata: metadata, items: items)))
    }

    @Test func theListFromStoredJSONIsByteForByteTheDecodedList() async throws {
        let storage = try await Self.makeStorage()
        for namespace in ["default", nil] as [String?] {
            for selector in ["", "app=web", "app!=web", "tier"] {
                let labels = try LabelSelector(parsing: selector)
                let fast = try await storage.listJSON(namespace: namespace, labels: labels, page: ListPage(limit: nil))
                let slow = try await Self.decodedJSON(storage, namespace: namespace, labels: labels, page: ListPage(limit: nil))
                #expect(fast == slow, "namespace \(namespace ?? "all"), selector \(selector):\n\(String(decoding: fast, as: UTF8.self))\n\(String(decoding: slow, as: UTF8.self))")
            }
        }
    }

    @Test func pagesFromStoredJSONAreByteForByteTheDecodedPages() async throws {
        let storage = try await Self.makeStorage()
        var page = ListPage(limit: 2)
        var pages = 0
        while true {
            let fast = try await storage.listJSON(namespace: nil, labels: .everything, page: page)
            let slow = try await Self.decodedJSON(storage, namespace: nil, labels: .everything, page: page)
            #expect(fast == slow, "page \(pages)")
            pages += 1
            let list = try APIJSON.decode(List<Pod>.self, from: Data(fast))
            guard !list.metadata.continue.isEmpty else { break }
            page = try ListPage(query: ["limit": "2", "continue": list.metadata.continue])
        }
        #expect(pages == 2, "four pods, two a page")
    }

    @Test func theResourceVersionGoesInKeyOrderOrTheObjectIsDecoded() {
        let splice = { (json: String) in
            StoredObjectJSON.withResourceVersion(Array(json.utf8), "7").map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(splice(#"{"kind":"Pod","metadata":{"name":"a","uid":"u"}}"#) == #"{"kind":"Pod","metadata":{"name":"a","resourceVersion":"7","uid":"u"}}"#)
        #expect(splice(#"{"metadata":{"name":"a"},"spec":{}}"#) == #"{"metadata":{"name":"a","resourceVersion":"7"},"spec":{}}"#)
        #expect(splice(#"{"metadata":{}}"#) == #"{"metadata":{"resourceVersion":"7"}}"#)
        #expect(splice(#"{"a":{"metadata":{}},"metadata":{"annotations":{"x":"\"metadata\":{"}}}"#)
            == #"{"a":{"metadata":{}},"metadata":{"annotations":{"x":"\"metadata\":{"},"resourceVersion":"7"}}"#)
        #expect(splice(#"{"metadata":{"resourceVersion":"3"}}"#) == nil, "a stored version: decode instead")
        #expect(splice(#"{"kind":"Pod"}"#) == nil)
        #expect(splice(#"{"metadata":{"name":"a""#) == nil)
        #expect(StoredObjectJSON.labels(in: Array(#"{"metadata":{"labels":{"app":"web"},"name":"a"}}"#.utf8)) == ["app": "web"])
        #expect(StoredObjectJSON.labels(in: Array(#"{"metadata":{"name":"a"}}"#.utf8)) == [:])
    }
}

@Suite struct WatchEventJSONTests {
    @Test func theCachesEventJSONIsByteForByteWhatTheSinkEncodes() async throws {
        let store = await WatchableStore(MemoryStore())
        let storage = RESTStorage<PodStrategy>(store: store)
        let start = await store.currentRevision
        let cache = ResourceWatchCache(storage: storage, store: store, startingAfter: start, limits: .standard)
        var tricky = makePod("tricky", labels: ["app": "web"])
        tricky.metadata.annotations = ["quote": #"say "hi" \ ✓"#]
        let created = try await storage.create(tricky, namespace: "default")
        let deleted = try await storage.remove(namespace: "default", name: "tricky")
        let changes = try await withDeadline {
            var changes: [StoreEvent] = []
            for try await change in store.watch(prefix: "/registry/pods/", after: start) {
                changes.append(change)
                if changes.count == 2 { break }
            }
            return changes
        }
        let sink = WatchSink<PodStrategy>(timeout: .seconds(60), isClientGone: { false }, write: { _ in })
        let line = { (type: String, json: [UInt8]?) in Array(#"{"type":"\#(type)","object":"#.utf8) + (json ?? []) + Array("}\n".utf8) }
        let added = cache.decode(changes[0])
        #expect(line("ADDED", added.objectJSON) == (try sink.line(for: .added(created))))
        let removal = cache.decode(changes[1])
        var last = deleted
        last.metadata.resourceVersion = String(changes[1].revision)
        #expect(line("DELETED", removal.deletedJSON) == (try sink.line(for: .deleted(last))))
    }
}

@Suite struct InitialStateJSONTests {
    @Test func aWatchsCurrentStateFromStoredJSONIsByteForByteTheDecodedOne() async throws {
        try await withCachingAPIServer { server in
            var tricky = makePod("tricky", labels: ["app": "web"])
            tricky.metadata.annotations = ["quote": #"say "hi" \ ✓"#]
            try await server.client.create(tricky)
            try await server.client.create(makePod("db", labels: ["app": "db"]))
            let watch = "/api/v1/namespaces/default/pods?watch=true&resourceVersion=0&timeoutSeconds=1"
            for selector in ["", "&labelSelector=app%3Dweb"] {
                // A field selector that picks every pod here takes the decoding path.
                let fast = try await server.get(watch + selector)
                let slow = try await server.get(watch + selector + "&fieldSelector=metadata.namespace%3Ddefault")
                #expect(fast.status == 200 && slow.status == 200)
                #expect(fast.body == slow.body, "selector \(selector)")
                #expect(fast.body.split(separator: "\n").count == (selector.isEmpty ? 2 : 1), "\(fast.body)")
            }
            // The bytes sent are the stored ones: a field the decoder drops shows it.
            let raw = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"raw","namespace":"default"},"spec":{"containers":[{"image":"busybox","name":"main"}]},"zz":1}"#
            _ = try await server.store.create("/registry/pods/default/raw", value: Data(raw.utf8))
            let fast = try await server.get(watch + "&fieldSelector=")
            let slow = try await server.get(watch + "&fieldSelector=metadata.namespace%3Ddefault")
            #expect(fast.body.contains(#""zz":1"#) && !slow.body.contains(#""zz":1"#), "\(fast.body)")
        }
    }
}
