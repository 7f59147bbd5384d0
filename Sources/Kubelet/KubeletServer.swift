// Stage 1 · Kubelet: the kubelet's read-only HTTP API (Kubernetes' port 10255).
//
// The kubelet answers a few questions over HTTP, without authentication, on loopback:
//
//   GET /healthz                                   → `ok`
//   GET /pods                                      → a PodList of the pods it runs, with live status
//   GET /spec/                                     → the machine: cores and memory
//   GET /containerLogs/{namespace}/{pod}/{container}?tailLines=N&follow=true&previous=true
//
// In stage 2 the API server forwards `kubectl logs` to the last of these.

import API
import Common
import Foundation
import HTTP

/// Answers the kubelet's read-only HTTP API from the pod manager, status manager and workers.
struct KubeletServer: Sendable {
    let podManager: PodManager
    let statusManager: StatusManager
    let workers: PodWorkers
    let machine: MachineInfo
    let followInterval: Duration

    /// Routes one request; every answer is JSON or plain text, as the kubelet's.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text("method \(request.method) is not allowed: this API is read-only\n", status: .methodNotAllowed)
        }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.first {
        case "healthz" where segments.count == 1:
            return .text("ok")
        case "pods" where segments.count == 1:
            return await pods()
        case "spec" where segments.count == 1:
            return Self.json(machine)
        case "containerLogs" where segments.count == 4:
            return await containerLogs(namespace: segments[1], pod: segments[2], container: segments[3], query: request.query)
        default:
            return .text("404 page not found\n", status: .notFound)
        }
    }

    /// Every pod this kubelet runs, with the status its worker last computed.
    func pods() async -> HTTPResponse {
        var list = PodList()
        for var pod in await podManager.pods {
            if let status = await statusManager.status(ofPod: pod.metadata.uid) { pod.status = status }
            list.items.append(pod)
        }
        return Self.json(list)
    }

    /// A container's log: whole, its tail, the previous attempt's, or followed as it grows.
    func containerLogs(namespace: String, pod name: String, container: String, query: [String: String]) async -> HTTPResponse {
        guard let pod = await podManager.pod(namespace: namespace, name: name),
              let worker = await workers.worker(forPod: pod.metadata.uid) else {
            return .text("pod \(namespace)/\(name) not found\n", status: .notFound)
        }
        let previous = query["previous"] == "true"
        guard let location = await worker.logLocation(container: container, previous: previous) else {
            let what = previous ? "previous terminated container \"\(container)\"" : "container \"\(container)\""
            return .text("\(what) in pod \"\(name)\" not found\n", status: .notFound)
        }
        var tailLines: Int?
        if let text = query["tailLines"] {
            guard let number = Int(text), number >= 0 else {
                return .text("tailLines must be a non-negative integer, got \(text)\n", status: .badRequest)
            }
            tailLines = number
        }
        let (initial, end) = ContainerLogs.read(location.path, tailLines: tailLines)
        guard query["follow"] == "true", location.isRunning else {
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: initial)
        }
        let interval = followInterval
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"]) { writer in
            try await writer.write(initial)
            var offset = end
            while true {
                let (bytes, next) = ContainerLogs.readNew(location.path, from: offset)
                offset = next
                if !bytes.isEmpty { try await writer.write(bytes) }
                // Stop when the container has stopped and everything it wrote was sent,
                // or when the client went away (`kubectl logs -f` interrupted).
                if bytes.isEmpty, await !worker.isWritingLog(container: container, path: location.path) { return }
                if writer.isClientGone() { return }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// A JSON answer, encoded as Kubernetes' API objects are.
    static func json(_ value: some Encodable) -> HTTPResponse {
        do {
            let data = try APIJSON.encode(value, pretty: true)
            return HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: [UInt8](data) + [0x0A])
        } catch {
            return .text("could not encode the answer: \(error)\n", status: .internalServerError)
        }
    }
}
