// Tests of the connection's request clock as a pure value: which timeout applies when.

import Testing
@testable import HTTP

private let limits = HTTPLimits(headerTimeout: .seconds(10), idleTimeout: .seconds(60), bodyTimeout: .seconds(30))

private func parser(fedWith text: String) -> HTTPRequestParser {
    var parser = HTTPRequestParser(limits: limits)
    _ = parser.parse(Array(text.utf8))
    return parser
}

@Test func aFreshConnectionRunsTheHeaderClockEvenBeforeItsFirstByte() {
    let start = ContinuousClock.now
    var clock = HTTPConnection.RequestClock(limits: limits, now: start)
    clock.observe(parser(fedWith: ""), now: start + .seconds(5))
    #expect(clock.phase == .head)
    #expect(clock.deadline == start + .seconds(10))
}

@Test func theIdleClockGivesWayToTheHeaderClockAtTheFirstByte() {
    let start = ContinuousClock.now
    var clock = HTTPConnection.RequestClock(limits: limits, now: start)
    clock.responseFinished(now: start)
    #expect(clock.phase == .idle && clock.deadline == start + .seconds(60))
    clock.observe(parser(fedWith: "GE"), now: start + .seconds(50))
    #expect(clock.phase == .head && clock.deadline == start + .seconds(60))
}

@Test func theBodyClockStartsWhenTheHeadIsComplete() {
    let start = ContinuousClock.now
    var clock = HTTPConnection.RequestClock(limits: limits, now: start)
    clock.observe(parser(fedWith: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab"), now: start + .seconds(2))
    #expect(clock.phase == .body && clock.deadline == start + .seconds(32))
    // More body bytes do not restart it.
    clock.observe(parser(fedWith: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcd"), now: start + .seconds(20))
    #expect(clock.deadline == start + .seconds(32))
}
