// Stage 2 · KubeletAPI: events posted to the API server, where `kubectl describe` finds them.
//
// Stage 1 logged the kubelet's events; now they become core/v1 Event objects, as a real
// kubelet's event recorder makes them:
//
//     name            web.17d3c1f0a2b4c5d6       (<pod>.<time in ns, hex>, client-go's naming)
//     involvedObject  {kind: Pod, namespace, name, uid, apiVersion: v1}
//     source          {component: kubelet, host: <node>}
//     reportingComponent kubelet, reportingInstance <node>
//     firstTimestamp = lastTimestamp = now, count 1, type, reason, message
//
// Posting takes a round trip, and a pod worker must not wait on the API server to go on
// starting containers. So `record` only queues the event (a bounded stream: past its
// length the oldest are dropped, as client-go drops rather than block) and `run()` posts
// them in order. A failed post is logged and dropped: events are best-effort.
// Every event is also logged, as in stage 1.

import API
import Client
import ClusterKinds
import Common
import Foundation
import Kubelet

/// Records events by posting them to the API server; made and run by `KubeletAPIConnection`.
public struct APIEventRecorder: EventRecorder {
    /// The component name events are reported by.
    public static let component = "kubelet"

    let client: APIClient
    let nodeName: String
    private let logger: Logger
    private let queue: AsyncStream<Event>
    private let enqueue: AsyncStream<Event>.Continuation

    /// Makes a recorder for `nodeName`'s kubelet; events wait in its queue until `run()`.
    public init(client: APIClient, nodeName: String, logger: Logger,
                queueLength: Int = KubeletConfiguration.Defaults.eventQueueLength) {
        self.client = client
        self.nodeName = nodeName
        self.logger = logger
        (queue, enqueue) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(queueLength))
    }

    public func record(_ type: EventType, reason: String, message: String, pod: Pod) async {
        logger.debug("event", ["type": type.rawValue, "reason": reason, "pod": pod.metadata.name, "message": message])
        enqueue.yield(makeEvent(type, reason: reason, message: message, pod: pod, now: Date()))
    }

    /// Posts queued events until cancelled. Runs once: the queue has one consumer.
    public func run() async {
        await withTaskCancellationHandler {
            for await event in queue {
                do {
                    try await client.create(event)
                } catch {
                    logger.warning("cannot post event", ["reason": event.reason, "pod": event.involvedObject.name, "error": error])
                }
            }
        } onCancel: {
            enqueue.finish()
        }
    }

    /// The Event for one occurrence, named `<pod>.<unix ns in hex>` as client-go names them.
    func makeEvent(_ type: EventType, reason: String, message: String, pod: Pod, now: Date) -> Event {
        let nanoseconds = UInt64(now.timeIntervalSince1970 * 1_000_000_000)
        let namespace = pod.metadata.namespace.isEmpty ? "default" : pod.metadata.namespace
        return Event(
            metadata: ObjectMeta(name: "\(pod.metadata.name).\(String(nanoseconds, radix: 16))", namespace: namespace),
            involvedObject: ObjectReference(
                kind: "Pod", namespace: namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: "v1"),
            reason: reason, message: message,
            source: EventSource(component: Self.component, host: nodeName),
            firstTimestamp: Time(now), lastTimestamp: Time(now), count: 1, type: type.rawValue,
            reportingComponent: Self.component, reportingInstance: nodeName)
    }
}
