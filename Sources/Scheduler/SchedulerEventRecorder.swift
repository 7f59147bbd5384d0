// Stage 4 · Scheduler: what the scheduler tells `kubectl describe pod`.
//
// Every decision leaves an Event on the pod, which is how a user learns why a pod is
// where it is, or why it is nowhere:
//
//   Normal   Scheduled         default-scheduler  Successfully assigned default/web to node2
//   Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 Insufficient cpu. preemption: …
//
// kube-scheduler writes them with the newer events API (events.k8s.io/v1); they are the
// same objects as core/v1 Events, which is what this recorder writes, with the scheduler
// as `source.component` and `reportingComponent`, the column kubectl prints as "From".
// A pod that keeps failing for the same reason is retried after each back-off; its
// repeats fold into one Event whose count grows, as client-go's recorder folds them.
// Posting never holds up scheduling: `record` queues, `run` posts, a few at a time.

import API
import Client
import ClusterKinds
import Common
import Foundation

/// Posts the scheduler's events; `record` from the scheduling loop, `run` beside it.
public struct SchedulerEventRecorder: Sendable {
    /// How many events may wait to be posted; past it the oldest are dropped, as client-go drops.
    public static let queueLength = 1000
    /// How many distinct events are remembered to fold repeats into (client-go's LRU size).
    public static let maximumRemembered = 4096
    /// How many posts may be on their way at once. One at a time, as client-go's sink posts,
    /// is a round trip per event: at hundreds of pods a second the queue overflows and
    /// Scheduled events are dropped. (client-go's round trips are shorter, over HTTP/2.)
    public static let postsInFlight = 16

    let client: APIClient
    let component: String
    let logger: Logger
    private let queue: AsyncStream<Event>
    private let enqueue: AsyncStream<Event>.Continuation

    /// A recorder reporting as `component` (the scheduler's name).
    public init(client: APIClient, component: String, logger: Logger) {
        self.client = client
        self.component = component
        self.logger = logger
        (queue, enqueue) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(Self.queueLength))
    }

    /// Queues an event about `pod`: type Normal or Warning, a reason, an action, a message.
    public func record(_ pod: Pod, type: String, reason: String, action: String, message: String) {
        let now = Date()
        let namespace = pod.metadata.namespace.isEmpty ? "default" : pod.metadata.namespace
        let nanoseconds = UInt64(now.timeIntervalSince1970 * 1_000_000_000)
        let note = String(message.prefix(SchedulerConfiguration.Defaults.eventMessageLimit))
        enqueue.yield(Event(
            metadata: ObjectMeta(name: "\(pod.metadata.name).\(String(nanoseconds, radix: 16))", namespace: namespace),
            involvedObject: ObjectReference(
                kind: "Pod", namespace: namespace, name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: "v1"),
            reason: reason, message: note, source: EventSource(component: component),
            firstTimestamp: Time(now), lastTimestamp: Time(now), count: 1, type: type, action: action,
            reportingComponent: component))
    }

    /// Posts queued events until cancelled, up to `postsInFlight` at once; a repeat of one
    /// already posted patches its count.
    public func run() async {
        // What was posted, by what makes two events the same, to fold repeats into.
        var posted: [String: (name: String, count: Int32)] = [:]
        await withTaskCancellationHandler {
            await withTaskGroup(of: String?.self) { group in
                // Posts started and not yet collected; a finished post's key comes back when it failed.
                var started = 0
                for await event in queue {
                    if started >= Self.postsInFlight, let finished = await group.next() {
                        started -= 1
                        if let failed = finished { posted[failed] = nil }
                    }
                    let key = [event.involvedObject.uid, event.type, event.reason, event.message].joined(separator: "\u{0}")
                    if let earlier = posted[key] {
                        posted[key]?.count += 1
                        group.addTask { [self] in
                            do { try await repeatEvent(named: earlier.name, in: event.metadata.namespace,
                                                       count: earlier.count + 1, lastTimestamp: event.lastTimestamp) } catch {
                                return failed(event, key: key, error: error)
                            }
                            return nil
                        }
                    } else {
                        if posted.count >= Self.maximumRemembered { posted.removeAll(keepingCapacity: true) }
                        // The recorder names each event itself, so a repeat can find it before the create is answered.
                        posted[key] = (event.metadata.name, 1)
                        group.addTask { [self] in
                            do { try await client.create(event) } catch { return failed(event, key: key, error: error) }
                            return nil
                        }
                    }
                    started += 1
                }
            }
        } onCancel: {
            enqueue.finish()
        }
    }

    /// Logs a post that failed; its key, so that the next repeat is posted afresh.
    private func failed(_ event: Event, key: String, error: any Error) -> String {
        logger.warning("cannot post event", ["reason": event.reason, "pod": event.involvedObject.name, "error": error])
        return key
    }

    /// Patches a repeat's count and time onto the Event it repeats.
    private func repeatEvent(named name: String, in namespace: String, count: Int32, lastTimestamp: Time) async throws(APIError) {
        struct Repeat: Encodable, Sendable { var count: Int32; var lastTimestamp: Time }
        _ = try await client.patch(Event.self, namespace: namespace, name: name,
                                   mergePatch: Repeat(count: count, lastTimestamp: lastTimestamp))
    }
}
