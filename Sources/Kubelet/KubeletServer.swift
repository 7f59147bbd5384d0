// Stage 1 · Kubelet: the kubelet's read-only HTTP API (Kubernetes' port 10255).
//
// The kubelet answers a few questions over HTTP, without authentication, on loopback:
//
//   GET /healthz                                   → `ok`
//   GET /pods                                      → a PodList of the pods it runs, with live status
//   GET /spec/                                     → the machine: cores and memory
//   GET /containerLogs/{namespace}/{pod}/{container}?tailLines=N&follow=true&previous=true
//       &timestamps=true&sinceSeconds=S&sinceTime=T&limitBytes=B
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
        // Each segment decoded on its own, so `%2F` cannot add a segment.
        let segments = request.pathSegments
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
            return .text(await Self.noLogMessage(pod: pod, container: container, previous: previous,
                                                 status: statusManager.status(ofPod: pod.metadata.uid)) + "\n", status: .badRequest)
        }
        let options: ContainerLogOptions
        switch Self.logOptions(query) {
        case .success(let parsed): options = parsed
        case .failure(let problem): return .text(problem.description + "\n", status: .badRequest)
        }
        return logAnswer(location: location, options: options, follow: query["follow"] == "true", worker: worker, container: container)
    }

    /// Why there is no log to show yet, in the kubelet's words (`validateContainerLogStatus`):
    /// a container not started is "waiting to start" with its waiting reason.
    static func noLogMessage(pod: Pod, container: String, previous: Bool, status: PodStatus?) -> String {
        let name = pod.metadata.name
        if previous { return "previous terminated container \"\(container)\" in pod \"\(name)\" not found" }
        let statuses = (status?.containerStatuses ?? []) + (status?.initContainerStatuses ?? [])
        guard let containerStatus = statuses.first(where: { $0.name == container }) else {
            let known = (pod.spec.initContainers + pod.spec.containers).contains { $0.name == container }
            return known ? "container \"\(container)\" in pod \"\(name)\" is waiting to start: ContainerCreating"
                : "container \"\(container)\" in pod \"\(name)\" is not available"
        }
        if let reason = containerStatus.state.waiting?.reason, !reason.isEmpty {
            return "container \"\(container)\" in pod \"\(name)\" is waiting to start: \(reason)"
        }
        return "container \"\(container)\" in pod \"\(name)\" is waiting to start - no logs yet"
    }

    /// A log request's options from its query, or what is wrong with them.
    static func logOptions(_ query: [String: String], now: Date = Date()) -> Result<ContainerLogOptions, KubeletError> {
        var options = ContainerLogOptions()
        options.timestamps = query["timestamps"] == "true"
        if let text = query["tailLines"] {
            guard let number = Int(text), number >= 0 else {
                return .failure(KubeletError("tailLines must be a non-negative integer, got \(text)"))
            }
            options.tailLines = number
        }
        if let text = query["limitBytes"] {
            guard let number = Int(text), number > 0 else {
                return .failure(KubeletError("limitBytes must be a positive integer, got \(text)"))
            }
            options.limitBytes = number
        }
        if let text = query["sinceSeconds"] {
            guard let seconds = Int(text), seconds > 0 else {
                return .failure(KubeletError("sinceSeconds must be a positive integer, got \(text)"))
            }
            options.since = ContainerLogs.criTimestamp(now.addingTimeInterval(-Double(seconds)))
        } else if let text = query["sinceTime"] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = formatter.date(from: text) ?? fractional.date(from: text) else {
                return .failure(KubeletError("sinceTime must be an RFC 3339 time, got \(text)"))
            }
            options.since = ContainerLogs.criTimestamp(date)
        }
        return .success(options)
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
