// Stage 2 · APIServer: `kubectl logs`, forwarded to the kubelet that runs the pod.
//
// The API server does not have the logs: they are files on the pod's node. So, as in
// Kubernetes, `GET /api/v1/namespaces/{ns}/pods/{name}/log` is *proxied*: the server
// looks up the pod's node, finds its kubelet's address and port in the Node object
// (`status.addresses`, `status.daemonEndpoints.kubeletEndpoint.Port`, which the kubelet
// reported when it registered), and relays the kubelet's `/containerLogs/…` answer.
// With `follow=true` the answer is a stream, relayed chunk by chunk as it arrives.

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
        for name in ["tailLines", "follow", "previous"] {
            if let value = request.query[name] { parameters.append("\(name)=\(value)") }
        }
        let target = "/containerLogs/\(info.namespace)/\(info.name)/\(container)"
            + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
        do {
            let client = try HTTPClient(baseURL: "http://\(address):\(port)")
            let forwarded = HTTPClientRequest(method: "GET", target: target)
            if request.query["follow"] == "true" {
                let (head, body) = try await client.stream(forwarded)
                return HTTPResponse(status: head.status, headers: ["Content-Type": "text/plain"]) { writer in
                    for try await chunk in body { try await writer.write(chunk) }
                }
            }
            let response = try await client.send(forwarded)
            guard response.status.code == 200 else {
                throw Status.badRequest(response.text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: response.body)
        } catch let status as Status {
            throw status
        } catch {
            throw Status.internalError("cannot reach the kubelet of node \(pod.spec.nodeName) at \(address):\(port): \(error)")
        }
    }
}
