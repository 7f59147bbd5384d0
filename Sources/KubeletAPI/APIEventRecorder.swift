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
// A repeat of an event already sent (same object, reason, message…) is not a new object:
// `EventCorrelator` gives it the first one's name, and it is sent as a PATCH of `count`,
// `lastTimestamp` and `message` (as client-go's recorder does, though with a merge
// patch rather than a strategic one: for these three fields they are the same). If that
// Event is gone (deleted, or expired in a real cluster), it is created again.
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

    /// Posts queued events until cancelled, folding repeats into counts. Runs once: the
    /// queue has one consumer, which alone owns the correlator.
    public func run() async {
        var correlator = EventCorrelator()
        await withTaskCancellationHandler {
            for await occurrence in queue {
                let (event, isRepeat) = correlator.correlate(occurrence)
                do {
                    correlator.update(with: try await send(event, isRepeat: isRepeat))
                } catch {
                    correlator.forget(event)
                    logger.warning("cannot post event", ["reason": event.reason, "pod": event.involvedObject.name, "error": error])
                }
            }
        } onCancel: {
            enqueue.finish()
        }
    }

    /// Creates `event`, or patches a repeat onto the Event it repeats (created anew if that is gone).
    func send(_ event: Event, isRepeat: Bool) async throws(APIError) -> Event {
        if isRepeat {
            do {
                return try await client.patch(
                    Event.self, namespace: event.metadata.namespace, name: event.metadata.name,
                    mergePatch: EventRepeat(count: event.count, lastTimestamp: event.lastTimestamp, message: event.message))
            } catch where error.isNotFound {}
        }
        return try await client.create(event)
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

/// The fields a repeat of an event changes: the body of its PATCH.
struct EventRepeat: Encodable, Sendable {
    var count: Int32
    var lastTimestamp: Time
    var message: String
}
