// Stage 3 · Informers: list, then watch, forever: a local picture of one resource kept current.
//
// Why list *then* watch? A watch only tells changes; a newcomer must first learn what is
// there. So the reflector lists, which answers "these objects, at version N", and then
// watches "every change after N". Because the list and the watch are joined at one
// version, no change falls between them and none is seen twice.
//
// Why remember a resourceVersion? Watches end: the server closes each one after its
// `timeoutSeconds`, a proxy drops an idle connection, the server restarts. Each event
// carries its object's version, so the reflector always knows the last version it has
// seen, and a new watch from there carries on exactly where the old one stopped, with
// no new list (lists of many objects are the costliest thing a client can ask for).
//
// What does 410 mean? The server keeps only a recent window of history (etcd compacts
// it every few minutes). A watch from a version older than that window cannot be served
// ("too old resource version"): the server answers with an ERROR event, code 410, reason
// `Expired`. The only way back is a fresh list, and then a watch from its version.
//
//     stream ends normally          → watch again from the last version seen, at once
//     stream ends at once, empty    → back off, then watch again (a server that closes
//                                     every watch straight away must not be hammered)
//     watch fails to start or breaks → back off, then watch again from the last version
//     ERROR 410 Expired             → back off, then list again
//     any other ERROR, a failed list → back off, then list again
//     the task is cancelled         → return: that is how a reflector is shut down
//
// Back-off: every failure waits longer (`Backoff.reflector`: 800 ms doubling to 30 s),
// so that a down API server is not hammered by every client at once.

import APIMachinery
import Common

/// Keeps `apply` told of every object of one resource, by listing and watching; run by an
/// informer (client-go's `Reflector.ListAndWatch`, in a loop).
public struct Reflector<Object: APIObject>: Sendable {
    /// A watch that ends sooner than this with no event is taken for a failure, not a
    /// normal end (client-go: "very short watch"), so it is renewed only after a back-off.
    public static var minimumWatchDuration: Duration { .seconds(1) }

    public let listWatch: any ListWatch<Object>
    public let backoff: Backoff
    private let logger: Logger
    private let apply: @Sendable (Delta<Object>) async -> Void
    // The clock, as the two things the reflector needs of it: how long since it began
    // (for the back-off's reset), and a wait. Kept as closures so the type is not generic.
    private let elapsed: @Sendable () -> Duration
    private let wait: @Sendable (Duration) async throws -> Void

    /// A reflector that tells `apply` of every change, waiting on `clock` between failures.
    public init<C: Clock>(
        listWatch: any ListWatch<Object>, backoff: Backoff = .reflector, clock: C, logger: Logger = .silent,
        apply: @escaping @Sendable (Delta<Object>) async -> Void
    ) where C.Duration == Duration {
        self.listWatch = listWatch
        self.backoff = backoff
        self.logger = logger
        self.apply = apply
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        wait = { try await clock.sleep(for: $0) }
    }

    /// A reflector on the real, continuous clock.
    public init(
        listWatch: any ListWatch<Object>, backoff: Backoff = .reflector, logger: Logger = .silent,
        apply: @escaping @Sendable (Delta<Object>) async -> Void
    ) {
        self.init(listWatch: listWatch, backoff: backoff, clock: ContinuousClock(), logger: logger, apply: apply)
    }

    /// Lists and watches until the task is cancelled.
    public func run() async throws {
        var backoff = self.backoff
        // The last version seen; nil when the next step must be a list.
        var lastVersion: String?
        let resource = Object.resource.plural
        while !Task.isCancelled {
            do {
                let version: String
                if let lastVersion {
                    version = lastVersion
                } else {
                    let list = try await listWatch.list()
                    version = list.metadata.resourceVersion
                    logger.debug("listed", ["resource": resource, "count": list.items.count, "resourceVersion": version])
                    await apply(.replaced(list.items, resourceVersion: version))
                    lastVersion = version
                }
                switch try await watch(from: version, lastVersion: &lastVersion) {
                case .ended:
                    logger.debug("watch ended; watching again", ["resource": resource, "resourceVersion": lastVersion ?? ""])
                    continue
                case .endedAtOnce:
                    // To the back-off below; `lastVersion` is kept.
                    logger.warning("watch ended at once with no event", ["resource": resource, "resourceVersion": version])
                case .failed(let status):
                    // After 410 Expired nothing can resume the watch: forget the version
                    // and list again. After any other ERROR client-go lists again too.
                    if status.isExpired {
                        logger.info("watch too old; listing again", ["resource": resource, "message": status.message])
                    } else {
                        logger.warning("watch error; listing again", ["resource": resource, "code": status.code, "message": status.message])
                    }
                    lastVersion = nil
                }
            } catch {
                if Task.isCancelled { return }
                // A list that failed leaves `lastVersion` nil (list again); a watch that
                // failed keeps it (watch again from there).
                let step = lastVersion == nil ? "list" : "watch"
                logger.warning("\(step) failed; backing off", ["resource": resource, "error": error])
            }
            do {
                try await wait(backoff.delay(at: elapsed()))
            } catch {
                return  // cancelled while waiting: shut down, as at any other point
            }
        }
    }

    /// How a watch stopped: the server ended it (after a while, or at once with nothing to
    /// say), or it sent an ERROR (410 Expired, or other).
    private enum WatchOutcome { case ended, endedAtOnce, failed(Status) }

    /// One watch: applies its events, keeping `lastVersion` at the newest version seen.
    private func watch(from version: String, lastVersion: inout String?) async throws -> WatchOutcome {
        let start = elapsed()
        var eventCount = 0
        for try await event in try await listWatch.watch(from: version) {
            eventCount += 1
            switch event {
            case .added(let object):
                await apply(.added(object))
                lastVersion = object.metadata.resourceVersion
            case .modified(let object):
                await apply(.modified(object))
                lastVersion = object.metadata.resourceVersion
            case .deleted(let object):
                await apply(.deleted(object))
                lastVersion = object.metadata.resourceVersion
            case .bookmark(let resourceVersion):
                // Nothing changed for us, but the watch has reached this version.
                lastVersion = resourceVersion
            case .error(let status):
                return .failed(status)
            }
        }
        return eventCount == 0 && elapsed() - start < Self.minimumWatchDuration ? .endedAtOnce : .ended
    }
}
