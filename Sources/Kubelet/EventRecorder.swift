// Stage 1 · Kubelet: Events, the kubelet's diary of what it did to each pod.
//
// Kubernetes components record *Events* (`Scheduled`, `Pulled`, `Created`, `Started`,
// `Killing`, `BackOff`, `Unhealthy`…) so that `kubectl describe pod` can tell a user
// what happened. In stage 1 there is no API server to keep them, so the recorder
// writes them to the log; stage 2 adds a recorder that posts them to the API server.

import API
import Common

/// Whether an event is routine or a sign of trouble, as Kubernetes' event types.
public enum EventType: String, Sendable {
    case normal = "Normal"
    case warning = "Warning"
}

/// Somewhere to record what the kubelet did to a pod.
public protocol EventRecorder: Sendable {
    /// Records that `reason` happened to `pod`, with a sentence for humans.
    func record(_ type: EventType, reason: String, message: String, pod: Pod) async
}

/// Writes events to the kubelet's log: stage 1's only place for them.
public struct LoggingEventRecorder: EventRecorder {
    private let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func record(_ type: EventType, reason: String, message: String, pod: Pod) async {
        logger.debug("event", ["type": type.rawValue, "reason": reason, "pod": pod.metadata.name, "message": message])
    }
}
