// Stage 2 · APIServer tests: an object over the store's size limit is the client's mistake.
//
// The store takes at most `StorageLimits.maximumEntryBytes` (1.5 MiB, etcd's default
// `--max-request-bytes`) per object, less than the 3 MiB a body may carry. An object between
// the two passes the body limit and is refused by the store; the client must hear 413 with
// the limit named, not a 500 that says the server failed.

import API
import APIMachinery
import APIServer
import Storage
import Testing

@Suite struct StoreLimitTests {
    /// A pod whose container's one argument makes it about `bytes` bytes of JSON.
    static func pod(ofAbout bytes: Int) -> Pod {
        var pod = Pod()
        pod.metadata.name = "big"
        pod.metadata.namespace = "default"
        var container = Container()
        container.name = "main"
        container.image = "busybox:1.36"
        container.command = ["echo", String(repeating: "a", count: bytes)]
        pod.spec.containers = [container]
        return pod
    }

    @Test func aPodOverTheStoreLimitIsRefusedWith413NamingTheLimit() async throws {
        let storage = RESTStorage<PodStrategy>(store: MemoryStore())
        let limit = StorageLimits.maximumEntryBytes
        let error = await #expect(throws: Status.self) {
            _ = try await storage.create(Self.pod(ofAbout: limit + 1000), namespace: "default")
        }
        #expect(error?.code == 413)
        #expect(error?.reason == .requestEntityTooLarge)
        #expect(error?.message.contains("limit is \(limit)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(#"pods "big""#) == true, "\(error?.message ?? "")")
    }

    @Test func aStatusUpdateThatGrowsAPodOverTheStoreLimitIsRefusedWith413() async throws {
        let storage = RESTStorage<PodStrategy>(store: MemoryStore())
        var pod = try await storage.create(Self.pod(ofAbout: 10), namespace: "default")
        pod.status.message = String(repeating: "b", count: StorageLimits.maximumEntryBytes)
        let error = await #expect(throws: Status.self) {
            _ = try await storage.update(pod, namespace: "default", name: "big", status: true)
        }
        #expect(error?.code == 413)
        #expect(error?.reason == .requestEntityTooLarge)
    }
}
