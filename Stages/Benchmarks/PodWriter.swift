// Stage 3 · bench: one client updating pods at a steady rate, noting when each write went.
//
// The writer changes one annotation of one pod after another (cycling over a few), with a
// PUT that names the pod's last resourceVersion, as a controller updates what it owns. It
// sends at a fixed rate, not as fast as it can, so that watchers are measured at a load a
// cluster has rather than at saturation, and notes for each write the moment just before
// it was sent and the moment its answer came, under the revision the answer gave.

import Foundation
import HTTPClient

struct PodWriter {
    /// When one write was sent and answered.
    struct Write {
        let revision: Int64
        let sent: ContinuousClock.Instant
        let answered: ContinuousClock.Instant
    }

    let client: HTTPClient
    /// Each pod as last answered, decoded for editing.
    private var pods: [[String: Any]]

    /// Creates `count` pods (not bound to any node: nothing runs them) to update.
    init(server: String, pods count: Int) async throws {
        client = try HTTPClient(baseURL: server)
        pods = []
        for index in 0..<count {
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/api/v1/namespaces/default/pods", headers: ["Content-Type": "application/json"],
                body: Array(PodManifest.json(name: "watched-\(index)").utf8)))
            guard response.status.code == 201 else { throw BenchmarkError("create answered \(response.status): \(response.text)") }
            pods.append(try Self.decode(response.body))
        }
    }

    /// The revision a watch should start from to see the writes that come next.
    func currentRevision() async throws -> Int64 {
        let response = try await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default/pods?limit=1"))
        guard let metadata = try Self.decode(response.body)["metadata"] as? [String: Any],
              let text = metadata["resourceVersion"] as? String, let revision = Int64(text) else {
            throw BenchmarkError("a list without a resourceVersion: \(response.text.prefix(300))")
        }
        return revision
    }

    /// Writes `perSecond` times a second for `duration`; returns each write.
    mutating func run(perSecond: Double, for duration: Duration) async throws -> [Write] {
        let clock = ContinuousClock()
        let start = clock.now
        let total = Int(WriteLoad.milliseconds(duration) / 1000 * perSecond)
        var writes: [Write] = []
        for step in 0..<total {
            try await clock.sleep(until: start + .milliseconds(Int(Double(step) * 1000 / perSecond)))
            writes.append(try await update(step % pods.count, step: step))
        }
        return writes
    }

    /// One update of pod `index`: a new value of the `bench/step` annotation.
    mutating func update(_ index: Int, step: Int) async throws -> Write {
        var pod = pods[index]
        var metadata = pod["metadata"] as? [String: Any] ?? [:]
        var annotations = metadata["annotations"] as? [String: Any] ?? [:]
        annotations["bench/step"] = String(step)
        metadata["annotations"] = annotations
        pod["metadata"] = metadata
        let name = metadata["name"] as? String ?? ""
        let body = try JSONSerialization.data(withJSONObject: pod)
        let sent = ContinuousClock.now
        let response = try await client.send(HTTPClientRequest(
            method: "PUT", target: "/api/v1/namespaces/default/pods/\(name)",
            headers: ["Content-Type": "application/json"], body: Array(body)))
        let answered = ContinuousClock.now
        guard response.status.code == 200 else { throw BenchmarkError("update answered \(response.status): \(response.text)") }
        pods[index] = try Self.decode(response.body)
        guard let text = (pods[index]["metadata"] as? [String: Any])?["resourceVersion"] as? String, let revision = Int64(text) else {
            throw BenchmarkError("an update answered without a resourceVersion")
        }
        return Write(revision: revision, sent: sent, answered: answered)
    }

    private static func decode(_ body: [UInt8]) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw BenchmarkError("an answer that is not a JSON object")
        }
        return object
    }
}
