// Stage 2 · APIServer: `kubectl logs`, forwarded to the kubelet that runs the pod.
//
// The API server does not have the logs: they are files on the pod's node. So, as in
// Kubernetes, `GET /api/v1/namespaces/{ns}/pods/{name}/log` is *proxied*: the server
// looks up the pod's node, finds its kubelet's address and port in the Node object
// (`status.addresses`, `status.daemonEndpoints.kubeletEndpoint.Port`, which the kubelet
// reported when it registered), and relays the kubelet's `/containerLogs/…` answer as
// a stream, chunk by chunk as it arrives: a followed log never ends, and a whole one may
// be hundreds of megabytes, which the server must pass on, not hold.
// The options (`tailLines`, `timestamps`, `sinceSeconds`, `sinceTime`, `limitBytes`,
// `previous`, `follow`) are checked here as Kubernetes' `ValidatePodLogOptions` does and
// passed on; the kubelet applies them (`ContainerLogs+Render.swift`).

import API
import APIMachinery
import ClusterKinds
import Foundation
import HTTP
import HTTPClient

/// `pods/{name}/log`: forwards the request to the kubelet of the pod's node.
public struct PodLogSubresource: Subresource {
    public init() {}

    public var verbs: [String] { ["get"] }

    /// Answers with the container's log, as the kubelet serves it.
    public func serve(_ request: HTTPRequest, info: RequestInfo, storage pods: RESTStorage<PodStrategy>) async throws(Status) -> HTTPResponse {
        let pod = try await pods.get(namespace: info.namespace, name: info.name)
        try Self.validate(request.query, pod: pod.metadata.name)
        let names = (pod.spec.initContainers + pod.spec.containers).map(\.name)
        let container: String
        if let asked = request.query["container"], !asked.isEmpty {
            guard names.contains(asked) else {
                throw Status.badRequest("container \(asked) is not valid for pod \(pod.metadata.name)")
            }
            container = asked
        } else if pod.spec.containers.count == 1 {
            container = pod.spec.containers[0].name
        } else {
            throw Status.badRequest("a container name must be specified for pod \(pod.metadata.name), choose one of: [\(pod.spec.containers.map(\.name).joined(separator: " "))]")
        }
        guard !pod.spec.nodeName.isEmpty else {
            throw Status.badRequest("pod \(pod.metadata.name) does not have a host assigned")
        }
        let node = try await RESTStorage<NodeStrategy>(store: pods.store).get(namespace: "", name: pod.spec.nodeName)
        let address = node.status.addresses.first { $0.type == .internalIP }?.address ?? "127.0.0.1"
        let port = node.status.daemonEndpoints.kubeletEndpoint.port
        var parameters: [String] = []
        for name in Self.forwardedParameters {
            if let value = request.query[name] { parameters.append("\(name)=\(Self.escaped(value))") }
        }
        let target = "/containerLogs/\(info.namespace)/\(info.name)/\(container)"
            + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
        let head: HTTPClientResponseHead
        let body: AsyncThrowingStream<[UInt8], Error>
        do {
            let client = try HTTPClient(baseURL: "http://\(address):\(port)")
            (head, body) = try await client.stream(HTTPClientRequest(method: "GET", target: target))
        } catch {
            throw Status.internalError("cannot reach the kubelet of node \(pod.spec.nodeName) at \(address):\(port): \(error)")
        }
        guard head.status.code == 200 else {
            // The kubelet polls for its pods, so for a moment after a create it does not
            // know the pod yet: its container is then, as far as anyone can tell, still
            // being created, and Kubernetes' kubelet would say so.
            if head.status.code == 404 { throw Status.badRequest(Self.waitingMessage(pod: pod, container: container)) }
            let text = await Self.prefix(of: body, upTo: Self.maximumKubeletErrorBytes)
            throw Status.badRequest(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Relayed piece by piece as the kubelet sends it, never gathered whole: a log may be
        // far bigger than any answer the server would hold (`HTTPClient.maxResponseBodyBytes`),
        // and each write waits for the client, so a slow reader slows the kubelet down
        // (through TCP) rather than filling this server's memory.
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"]) { writer in
            for try await piece in body { try await writer.write(piece) }
        }
    }

    /// The most of a kubelet's error answer read to make a Status of it: its texts are one line.
    static let maximumKubeletErrorBytes = 64 * 1024

    /// The first `limit` bytes of `body`, as text; what follows is not read.
    static func prefix(of body: AsyncThrowingStream<[UInt8], Error>, upTo limit: Int) async -> String {
        var bytes: [UInt8] = []
        do {
            for try await piece in body {
                bytes += piece.prefix(limit - bytes.count)
                if bytes.count >= limit { break }
            }
        } catch {}
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The query parameters the kubelet understands, passed on as they came.
    static let forwardedParameters = ["tailLines", "follow", "previous", "timestamps", "sinceSeconds", "sinceTime", "limitBytes"]

    /// Kubernetes' checks of the log options: a 400 for a value that is not a number, a
    /// 422 `PodLogOptions` Invalid for one out of range, or for both kinds of `since`.
    static func validate(_ query: [String: String], pod name: String) throws(Status) {
        var errors: [FieldError] = []
        for (parameter, minimum) in [("tailLines", 0), ("limitBytes", 1), ("sinceSeconds", 1)] {
            guard let text = query[parameter] else { continue }
            guard let number = Int64(text) else {
                throw Status.badRequest("invalid value \(text) for \(parameter): not an integer")
            }
            if number < minimum {
                errors.append(FieldError(.invalid, parameter, number: number,
                                         minimum == 0 ? "must be greater than or equal to 0" : "must be greater than 0"))
            }
        }
        if query["sinceSeconds"] != nil && query["sinceTime"] != nil {
            errors.append(FieldError(.forbidden, "", "at most one of `sinceTime` or `sinceSeconds` may be specified"))
        }
        if !errors.isEmpty { throw Status.invalid(GroupKind(group: "", kind: "PodLogOptions"), name: name, errors: errors) }
    }

    /// The kubelet's answer for a container that has not started: its waiting reason.
    static func waitingMessage(pod: Pod, container: String) -> String {
        let statuses = pod.status.containerStatuses + pod.status.initContainerStatuses
        let reason = statuses.first { $0.name == container }?.state.waiting?.reason ?? ""
        return "container \"\(container)\" in pod \"\(pod.metadata.name)\" is waiting to start: \(reason.isEmpty ? "ContainerCreating" : reason)"
    }

    /// `value` escaped for a query string (a `sinceTime` may hold `+` and `:`).
    static func escaped(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
