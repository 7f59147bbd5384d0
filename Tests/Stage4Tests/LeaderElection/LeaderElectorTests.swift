// Stage 4 · LeaderElection tests: two candidates against a real API server, short leases.
//
// Durations are real but short (leases of 9 s, or 3 s where a test waits for one to
// expire, renewed every 250 ms); every wait is on a condition with a deadline, never a sleep.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
@testable import LeaderElection
import SchedulingKinds
import Synchronization
import Testing
@testable import TestSupport

/// Who is working, as the electors' work closures say.
final class Leaders: Sendable {
    private let names = Mutex<Set<String>>([])
    var current: Set<String> { names.withLock { $0 } }

    /// The work of `identity`: be counted as leading until cancelled.
    func work(_ identity: String) -> @Sendable () async throws -> Void {
        { [self] in
            names.withLock { _ = $0.insert(identity) }
            defer { names.withLock { _ = $0.remove(identity) } }
            await waitUntilCancelled()
        }
    }
}

/// A candidate renewing every 250 ms. Its lease lasts `leaseSeconds` (renew deadline two
/// thirds of it): long enough by default that a leader on a machine loaded by the whole
/// suite never misses its deadline; the takeover test shortens it, to wait less for expiry.
func makeElector(_ client: APIClient, _ identity: String, releaseOnCancel: Bool = true, leaseSeconds: Int = 9) -> LeaderElector {
    LeaderElector(
        client: client, lock: LeaseLock(namespace: "kube-system", name: "kube-scheduler", identity: identity),
        leaseDuration: .seconds(leaseSeconds), renewDeadline: .seconds(leaseSeconds * 2 / 3), retryPeriod: .milliseconds(250),
        eventSource: "default-scheduler", releaseOnCancel: releaseOnCancel, logger: .silent)
}

@Suite struct LeaderElectorTests {
    @Test func ofTwoCandidatesExactlyOneLeadsAndRenews() async throws {
        try await withLeaseAPIServer { client in
            let leaders = Leaders()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["a", "b"] { group.addTask { try await makeElector(client, name).run(leaders.work(name)) } }
                defer { group.cancelAll() }
                try await eventually("one candidate to lead") { leaders.current.count == 1 }
                let leader = try #require(leaders.current.first)
                let first = try #require(await lease(client, "kube-system", "kube-scheduler"))
                #expect(first.spec.holderIdentity == leader)
                #expect(first.spec.leaseDurationSeconds == 9)
                #expect(first.spec.leaseTransitions == 0)
                try await eventually("the leader to renew") {
                    guard let now = await lease(client, "kube-system", "kube-scheduler") else { return false }
                    return now.spec.renewTime! > first.spec.renewTime!
                }
                let renewed = try #require(await lease(client, "kube-system", "kube-scheduler"))
                #expect(renewed.spec.holderIdentity == leader)
                #expect(renewed.spec.acquireTime == first.spec.acquireTime)
                #expect(leaders.current == [leader])
            }
        }
    }

    @Test func whenTheLeaderStopsRenewingTheOtherTakesOverAfterTheLeaseExpires() async throws {
        try await withLeaseAPIServer { client in
            let leaders = Leaders()
            // As a leader killed outright: it frees nothing, so the lease must expire.
            let first = Task { try await makeElector(client, "first", releaseOnCancel: false, leaseSeconds: 3).run(leaders.work("first")) }
            try await eventually("the first candidate to lead") { leaders.current == ["first"] }
            let taken = try #require(await lease(client, "kube-system", "kube-scheduler"))
            let second = Task { try await makeElector(client, "second", leaseSeconds: 3).run(leaders.work("second")) }
            defer { second.cancel() }
            first.cancel()
            _ = await first.result
            #expect(leaders.current.isEmpty)
            try await eventually("the second candidate to lead") { leaders.current == ["second"] }
            let now = try #require(await lease(client, "kube-system", "kube-scheduler"))
            #expect(now.spec.holderIdentity == "second")
            #expect(now.spec.leaseTransitions == 1)
            #expect(now.spec.acquireTime! > taken.spec.acquireTime!)
        }
    }

    @Test func aCancelledLeaderReleasesTheLeaseForTheNextCandidate() async throws {
        try await withLeaseAPIServer { client in
            let leaders = Leaders()
            let first = Task { try await makeElector(client, "first").run(leaders.work("first")) }
            try await eventually("the first candidate to lead") { leaders.current == ["first"] }
            first.cancel()
            await #expect(throws: CancellationError.self) { try await first.value }
            let released = try #require(await lease(client, "kube-system", "kube-scheduler"))
            #expect(released.spec.holderIdentity == "")
            #expect(released.spec.leaseDurationSeconds == 1)
            #expect(released.spec.leaseTransitions == 0)
            let second = Task { try await makeElector(client, "second").run(leaders.work("second")) }
            defer { second.cancel() }
            try await eventually("the second candidate to lead") { leaders.current == ["second"] }
            #expect(await lease(client, "kube-system", "kube-scheduler")?.spec.leaseTransitions == 1)
        }
    }

    @Test func aLeaderWhoseLeaseIsTakenStopsItsWorkAndThrowsLost() async throws {
        try await withLeaseAPIServer { client in
            let leaders = Leaders()
            let elector = makeElector(client, "leader")
            let running = Task { try await elector.run(leaders.work("leader")) }
            try await eventually("the candidate to lead") { leaders.current == ["leader"] }
            // Another writer takes the lease outright, as a candidate that judged it expired would.
            try await eventually("the lease to be taken from the leader") {
                guard var held = await lease(client, "kube-system", "kube-scheduler") else { return false }
                held.spec.holderIdentity = "intruder"
                held.spec.renewTime = .now()
                return (try? await client.update(held)) != nil
            }
            let outcome = try await withDeadline(seconds: 30) { await running.result }
            #expect(throws: LeaderElectionError.self) { try outcome.get() }
            #expect(leaders.current.isEmpty)
            #expect(await elector.observedLeader == "intruder")
        }
    }

    @Test func becomingLeaderIsRecordedAsALeaderElectionEvent() async throws {
        try await withLeaseAPIServer { client in
            let leaders = Leaders()
            let running = Task { try await makeElector(client, "host_1234").run(leaders.work("host_1234")) }
            defer { running.cancel() }
            try await eventually("the LeaderElection event") {
                let events = (try? await client.list(Event.self, namespace: "kube-system").items) ?? []
                return events.contains {
                    $0.reason == "LeaderElection" && $0.message == "host_1234 became leader" && $0.type == "Normal"
                        && $0.involvedObject.kind == "Lease" && $0.involvedObject.name == "kube-scheduler"
                }
            }
        }
    }

    @Test func anIdentityIsTheHostNameAndAFreshUUID() {
        let identity = LeaderElectionEvents.makeIdentity(hostname: "cp1")
        #expect(identity.hasPrefix("cp1_"))
        #expect(identity.count == "cp1_".count + 36)
        #expect(identity != LeaderElectionEvents.makeIdentity(hostname: "cp1"))
    }
}
