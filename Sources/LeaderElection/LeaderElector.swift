// Stage 4 · LeaderElection: of several copies of a component, exactly one works at a time.
//
// kube-scheduler runs on every control-plane machine, but two schedulers placing the same
// pods would fight. So each copy runs a `LeaderElector` (client-go's
// `tools/leaderelection/leaderelection.go`) around its work:
//
//   acquire  every retryPeriod (2 s): read the Lease; if it is held and was renewed within
//            leaseDuration (15 s), wait; else write ourselves in (create, or update with the
//            read's resourceVersion: of two candidates, one write wins, one gets a 409)
//   lead     run the work; every retryPeriod, renew (rewrite renewTime)
//   lose     if renewals keep failing for renewDeadline (10 s), stop the work and throw
//            `LeaderElectionError.lost`: the process exits ("leaderelection lost") and its
//            restart campaigns again. The deadline is shorter than the lease, so a leader
//            that cannot renew stops before anyone else may start.
//   stop     cancelled (the process was asked to exit): free the lease (no holder, 1 s) so
//            that a standby takes over at once, kube-scheduler's `ReleaseOnCancel`; a leader
//            killed outright frees nothing, and its standby waits for the lease to expire.
//
// "Renewed within leaseDuration" is judged on this candidate's own clock: from when it
// last saw the record change, not from the `renewTime` written in it, so that machines
// whose clocks disagree still agree on expiry (client-go's `observedTime`).

import API
import APIMachinery
import Client
import ClusterKinds
import Common
import Foundation
import SchedulingKinds

/// Why a leader stopped leading; thrown by `LeaderElector.run`.
public enum LeaderElectionError: Error, Sendable, CustomStringConvertible {
    /// Renewals failed for the whole renew deadline (or someone else holds the lease now).
    case lost(lease: String)

    /// kube-scheduler's words as it exits.
    public var description: String {
        switch self {
        case .lost(let lease): "leaderelection lost (lease \(lease))"
        }
    }
}

/// One candidate in an election; `run` campaigns, leads and, when leadership is lost, throws.
public actor LeaderElector {
    /// kube-scheduler's defaults (`--leader-elect-lease-duration`, `-renew-deadline`, `-retry-period`).
    public static let defaultLeaseDuration: Duration = .seconds(15)
    public static let defaultRenewDeadline: Duration = .seconds(10)
    public static let defaultRetryPeriod: Duration = .seconds(2)
    /// How much longer than retryPeriod a waiting candidate may wait, at random, so that
    /// candidates started together do not ask in lockstep (client-go's `JitterFactor`).
    public static let jitterFactor = 1.2

    public nonisolated let lock: LeaseLock
    private let client: APIClient
    private let leaseDuration: Duration
    private let renewDeadline: Duration
    private let retryPeriod: Duration
    private let clock = ContinuousClock()
    /// The component named as the source of the `LeaderElection` events; nil writes none.
    private let eventSource: String?
    /// Whether a leader that stops (cancelled, or its work done) frees the lease at once
    /// instead of letting it expire; kube-scheduler's `ReleaseOnCancel: true`.
    private let releaseOnCancel: Bool
    private let logger: Logger

    // What this candidate last saw of the lock, and when (on `clock`, as time since `origin`).
    // Real time: an election is between processes, so tests run it with short durations.
    private let origin: ContinuousClock.Instant
    private var observedRecord: LeaderElectionRecord?
    private var observedLease: Lease?
    private var observedTime: Duration = .zero

    /// A candidate for `lock`. `renewDeadline` must be shorter than `leaseDuration`, and
    /// longer than `retryPeriod` × `jitterFactor`, as client-go requires (`init(flags:…)` checks).
    public init(
        client: APIClient, lock: LeaseLock, leaseDuration: Duration = defaultLeaseDuration,
        renewDeadline: Duration = defaultRenewDeadline, retryPeriod: Duration = defaultRetryPeriod,
        eventSource: String? = nil, releaseOnCancel: Bool = true, logger: Logger
    ) {
        precondition(leaseDuration > renewDeadline, "leaseDuration must be greater than renewDeadline")
        precondition(renewDeadline > retryPeriod * Self.jitterFactor, "renewDeadline must be greater than retryPeriod*JitterFactor")
        self.client = client
        self.lock = lock
        self.leaseDuration = leaseDuration
        self.renewDeadline = renewDeadline
        self.retryPeriod = retryPeriod
        self.origin = clock.now
        self.eventSource = eventSource
        self.releaseOnCancel = releaseOnCancel
        self.logger = logger
    }

    /// Whether this candidate holds the lock, as it last saw it.
    public var isLeader: Bool { observedRecord?.holderIdentity == lock.identity }

    /// Who leads, as this candidate last saw the lock; nil before it has read it.
    public var observedLeader: String? { observedRecord?.holderIdentity }

    /// Waits to lead, then runs `whileLeading` while renewing. Returns when the work
    /// returns (releasing the lease, with `releaseOnCancel`); throws `LeaderElectionError.lost` (after cancelling the work) when renewal
    /// fails for `renewDeadline`, the work's error if it throws, and `CancellationError`
    /// when cancelled (releasing the lease first, with `releaseOnCancel`). The work must
    /// end when its task is cancelled.
    public func run(_ whileLeading: @escaping @Sendable () async throws -> Void) async throws {
        logger.info("attempting to acquire leader lease", ["lease": lock])
        try await acquire()
        logger.info("successfully acquired lease", ["lease": lock, "identity": lock.identity])
        await recordEvent("became leader")
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await whileLeading() }
                group.addTask { try await self.renewUntilLost() }
                defer { group.cancelAll() }
                // The first to end decides: the work returning or throwing, or the renewals failing.
                try await group.next()
            }
        } catch let error as LeaderElectionError {
            throw error
        } catch {
            await releaseIfAsked()
            throw error
        }
        await releaseIfAsked()
        // Work that ends quietly when cancelled still ends a cancelled run as one.
        try Task.checkCancellation()
    }

    /// Frees the lease for the next candidate, as client-go's `release`: no holder, a
    /// one-second duration, the transitions kept. Sent from a task of its own, since the
    /// caller's may be cancelled; a failure only leaves the lease to expire.
    private func releaseIfAsked() async {
        guard releaseOnCancel, isLeader, let lease = observedLease, let observedRecord else { return }
        let wallNow = MicroTime.now()
        let released = LeaderElectionRecord(
            holderIdentity: "", leaseDurationSeconds: 1, acquireTime: wallNow, renewTime: wallNow,
            leaderTransitions: observedRecord.leaderTransitions)
        let (lock, client) = (lock, client)
        do {
            let written = try await Task { try await lock.update(lease, to: released, client) }.value
            observe(written)
            logger.info("released lease", ["lease": lock])
        } catch {
            logger.error("failed to release lock", ["lease": lock, "error": error])
        }
    }

    // MARK: The two loops

    /// Tries every `retryPeriod` (plus jitter) until this candidate leads.
    private func acquire() async throws {
        while true {
            if await tryAcquireOrRenew() { return }
            try await clock.sleep(for: retryPeriod * (1 + Double.random(in: 0..<Self.jitterFactor)))
        }
    }

    /// Renews every `retryPeriod`; each renewal may retry until `renewDeadline` has passed
    /// since it began. Throws `lost` when one does not succeed in time.
    private func renewUntilLost() async throws {
        while true {
            try await clock.sleep(for: retryPeriod)
            let deadline = now + renewDeadline
            var renewed = false
            while !renewed {
                renewed = await attempt(before: deadline)
                if renewed || now + retryPeriod >= deadline { break }
                try await clock.sleep(for: retryPeriod)
            }
            try Task.checkCancellation()
            guard renewed else {
                logger.info("failed to renew lease", ["lease": lock, "error": "timed out waiting for the condition"])
                await recordEvent("stopped leading")
                throw LeaderElectionError.lost(lease: lock.description)
            }
        }
    }

    /// One `tryAcquireOrRenew`, abandoned (as failed) if it has not answered by `deadline`.
    private func attempt(before deadline: Duration) async -> Bool {
        let remaining = deadline - now
        guard remaining > .zero else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.tryAcquireOrRenew() }
            group.addTask { [clock] in
                try? await clock.sleep(for: remaining)
                return false
            }
            defer { group.cancelAll() }
            return await group.next() ?? false
        }
    }

    // MARK: One try (client-go's tryAcquireOrRenew)

    /// Reads the lock and, if it is free, expired or ours, writes ourselves in; whether we hold it now.
    func tryAcquireOrRenew() async -> Bool {
        let wallNow = MicroTime.now()
        var record = LeaderElectionRecord(
            holderIdentity: lock.identity, leaseDurationSeconds: Int32(leaseDuration.components.seconds),
            acquireTime: wallNow, renewTime: wallNow)

        // 1. Read the lock, or create it.
        let lease: Lease
        do {
            lease = try await lock.get(client)
        } catch let error where error.isNotFound {
            do {
                observe(try await lock.create(record, client))
                return true
            } catch {
                logger.error("error initially creating leader election record", ["lease": lock, "error": error])
                return false
            }
        } catch {
            logger.error("error retrieving resource lock", ["lease": lock, "error": error])
            return false
        }
        // The actor may have run other work while the read was in flight: use only what it returned.
        observe(lease)

        // 2. Held by someone else, and renewed recently enough (on our clock): wait.
        let old = LeaderElectionRecord(lease.spec)
        if !old.holderIdentity.isEmpty, isLeaseValid, !isLeader {
            logger.debug("lock is held and has not yet expired", ["lease": lock, "holder": old.holderIdentity])
            return false
        }

        // 3. Ours to renew, or free to take: keep the acquire time if renewing, count a transition if not.
        if isLeader {
            record.acquireTime = old.acquireTime
            record.leaderTransitions = old.leaderTransitions
        } else {
            record.leaderTransitions = old.leaderTransitions + 1
        }
        do {
            observe(try await lock.update(lease, to: record, client))
            return true
        } catch {
            // A Conflict here is the optimistic concurrency doing its job: another candidate won.
            logger.error("failed to update lock", ["lease": lock, "error": error])
            return false
        }
    }

    /// Notes what the lock holds, and the local time if it changed since last seen.
    private func observe(_ lease: Lease) {
        let record = LeaderElectionRecord(lease.spec)
        if record != observedRecord {
            observedRecord = record
            observedTime = now
        }
        observedLease = lease
    }

    /// Whether the holder last seen renewed within its lease duration, by our clock.
    private var isLeaseValid: Bool {
        guard let observedRecord else { return false }
        return observedTime + .seconds(Int64(observedRecord.leaseDurationSeconds)) > now
    }

    private var now: Duration { origin.duration(to: clock.now) }

    /// Writes a `LeaderElection` Event on the Lease (`<identity> became leader`), as
    /// client-go's lock does; a failure is only logged, since the election does not depend on it.
    private func recordEvent(_ what: String) async {
        guard let eventSource, let lease = observedLease else { return }
        let event = LeaderElectionEvents.event(
            "\(lock.identity) \(what)", lease: lease, component: eventSource, host: lock.identity, now: Date())
        do {
            try await client.create(event)
        } catch {
            logger.warning("cannot record leader election event", ["lease": lock, "error": error])
        }
    }
}
