// Stage 1 · Kubelet tests: the crash-loop back-off, as client-go's flowcontrol.Backoff.
//
// The back-off is a pure value told the time, so every test walks a container through
// crashes at chosen moments: first crash restarts at once, then 10 s, 20 s… up to the
// cap, and an entry left alone for longer than twice the cap is forgotten.

import Foundation
import Testing
@testable import Kubelet

private let key = "default/hello/web"
private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

/// A table after `restarts` restarts of `key`, one a second from `t0`; also the time after the last.
private func backoff(after restarts: Int, policy: RestartBackoff.Policy = .init()) -> (RestartBackoff, Date) {
    var backoff = RestartBackoff(policy: policy)
    var now = t0
    for _ in 0..<restarts {
        backoff.next(key, finishedAt: now, now: now)
        now = now.addingTimeInterval(1)
    }
    return (backoff, now)
}

@Test func firstRestartIsImmediate() {
    let backoff = RestartBackoff()
    #expect(!backoff.isInBackoff(key, since: t0, now: t0))
    #expect(backoff.remaining(key, since: t0, now: t0) == .zero)
    #expect(backoff.delay(for: key) == nil)
}

@Test func secondCrashWaitsTheInitialDelay() {
    let (backoff, crashed) = backoff(after: 1)
    #expect(backoff.delay(for: key) == .seconds(10))
    #expect(backoff.isInBackoff(key, since: crashed, now: crashed.addingTimeInterval(9.9)))
    #expect(!backoff.isInBackoff(key, since: crashed, now: crashed.addingTimeInterval(10)))
}

@Test func backoffDoublesUpToTheMaximum() {
    var backoff = RestartBackoff()
    var delays: [Duration] = []
    var now = t0
    for _ in 0..<8 {
        backoff.next(key, finishedAt: now, now: now)
        delays.append(backoff.delay(for: key)!)
        now = now.addingTimeInterval(1)
    }
    #expect(delays == [10, 20, 40, 80, 160, 300, 300, 300].map { Duration.seconds($0) })
}

@Test func remainingIsTheDelayLeftSinceTheContainerFinished() {
    let (backoff, crashed) = backoff(after: 2)  // delay 20 s
    #expect(backoff.remaining(key, since: crashed, now: crashed.addingTimeInterval(5)) == .seconds(15))
    #expect(backoff.remaining(key, since: crashed, now: crashed.addingTimeInterval(25)) == .zero)
}

@Test func entryExpiresWhenTheContainerFinishedMoreThanTwiceTheMaximumAfterItsLastRestart() {
    var (backoff, _) = backoff(after: 4)  // delay 80 s; last restart at t0 + 3 s
    let lastRestart = t0.addingTimeInterval(3)
    let finishedLongAfter = lastRestart.addingTimeInterval(600.5)
    #expect(!backoff.isInBackoff(key, since: finishedLongAfter, now: finishedLongAfter))
    backoff.next(key, finishedAt: finishedLongAfter, now: finishedLongAfter)
    #expect(backoff.delay(for: key) == .seconds(10))
}

@Test func entryHasNotExpiredAtExactlyTwiceTheMaximum() {
    var (backoff, _) = backoff(after: 1)
    let finished = t0.addingTimeInterval(600)
    #expect(backoff.isInBackoff(key, since: finished, now: finished))
    backoff.next(key, finishedAt: finished, now: finished)
    #expect(backoff.delay(for: key) == .seconds(20))
}

@Test func expiryFollowsAShrunkenPolicy() {
    let policy = RestartBackoff.Policy(initial: .seconds(1), maximum: .seconds(4))
    #expect(policy.expiry == .seconds(8))
    var (backoff, _) = backoff(after: 3, policy: policy)
    #expect(backoff.delay(for: key) == .seconds(4))
    let finished = t0.addingTimeInterval(2 + 8.5)
    backoff.next(key, finishedAt: finished, now: finished)
    #expect(backoff.delay(for: key) == .seconds(1))
}

@Test func resetForgetsTheContainer() {
    var (backoff, crashed) = backoff(after: 3)
    backoff.reset(key)
    #expect(backoff.delay(for: key) == nil)
    #expect(!backoff.isInBackoff(key, since: crashed, now: crashed))
}

@Test func containersBackOffIndependently() {
    let (backoff, crashed) = backoff(after: 3)
    #expect(!backoff.isInBackoff("default/hello/other", since: crashed, now: crashed))
}
