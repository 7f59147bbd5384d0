// Tests of the connection-slot rules as a pure state machine (issue 9, item 3): when the
// slots are short, the longest idle connection yields first, then the slowest request,
// never a busy one; one address holds at most its share.

import Testing
@testable import HTTP

private let start = ContinuousClock.now

private func at(_ seconds: Int) -> ContinuousClock.Instant { start + .seconds(seconds) }

@Test func aNewcomerIsServedWithoutEvictionWhileSlotsAreFree() {
    var slots = ConnectionSlots(maxConnections: 2, maxConnectionsPerAddress: 2)
    let outcome1 = slots.admit(1, from: "10.0.0.1", now: at(0))
    #expect(outcome1 == .admitted(evicting: nil))
    let outcome2 = slots.admit(2, from: "10.0.0.2", now: at(1))
    #expect(outcome2 == .admitted(evicting: nil))
    #expect(slots.count == 2)
}

@Test func whenSlotsAreShortTheLongestIdleConnectionYields() {
    var slots = ConnectionSlots(maxConnections: 3, maxConnectionsPerAddress: 3)
    _ = slots.admit(1, from: "a", now: at(0))
    _ = slots.admit(2, from: "b", now: at(1))
    _ = slots.admit(3, from: "c", now: at(2))
    // 1 went busy, then idle again at 5: now 2 (idle since 1) has been idle longest.
    let outcome3 = slots.enter(.busy, for: 1, now: at(3))
    #expect(outcome3)
    let outcome4 = slots.enter(.idle, for: 1, now: at(5))
    #expect(outcome4)
    let outcome5 = slots.admit(4, from: "d", now: at(6))
    #expect(outcome5 == .admitted(evicting: 2))
    #expect(!slots.holdsSlot(2))
    let outcome6 = slots.enter(.receiving, for: 2, now: at(7))
    #expect(!outcome6, "an evicted connection learns it lost its slot")
}

@Test func anIdleConnectionYieldsBeforeOneStillSendingItsRequest() {
    var slots = ConnectionSlots(maxConnections: 2, maxConnectionsPerAddress: 2)
    _ = slots.admit(1, from: "a", now: at(0))
    _ = slots.admit(2, from: "b", now: at(1))
    let outcome7 = slots.enter(.receiving, for: 1, now: at(1))
    #expect(outcome7)
    let outcome8 = slots.admit(3, from: "c", now: at(9))
    #expect(outcome8 == .admitted(evicting: 2))
}

@Test func theSlowestRequestYieldsWhenNoConnectionIsIdle() {
    var slots = ConnectionSlots(maxConnections: 3, maxConnectionsPerAddress: 3)
    for id in 1...3 { _ = slots.admit(id, from: "a\(id)", now: at(0)) }
    let outcome9 = slots.enter(.receiving, for: 1, now: at(4))
    #expect(outcome9)
    let outcome10 = slots.enter(.receiving, for: 2, now: at(2))
    #expect(outcome10)
    let outcome11 = slots.enter(.busy, for: 3, now: at(1))
    #expect(outcome11)
    let outcome12 = slots.admit(4, from: "x", now: at(5))
    #expect(outcome12 == .admitted(evicting: 2))
}

@Test func busyConnectionsNeverYieldAndTheNewcomerIsRefused() {
    var slots = ConnectionSlots(maxConnections: 2, maxConnectionsPerAddress: 2)
    for id in 1...2 {
        _ = slots.admit(id, from: "a\(id)", now: at(0))
        let outcome13 = slots.enter(.busy, for: id, now: at(1))
        #expect(outcome13)
    }
    let outcome14 = slots.admit(3, from: "b", now: at(2))
    #expect(outcome14 == .refused("too many connections"))
    #expect(slots.count == 2)
}

@Test func anAddressAtItsShareGivesUpItsOwnConnectionNotAnothersSlot() {
    var slots = ConnectionSlots(maxConnections: 10, maxConnectionsPerAddress: 2)
    _ = slots.admit(1, from: "other", now: at(0))
    _ = slots.admit(2, from: "crowd", now: at(1))
    _ = slots.admit(3, from: "crowd", now: at(2))
    let outcome15 = slots.admit(4, from: "crowd", now: at(3))
    #expect(outcome15 == .admitted(evicting: 2))
    #expect(slots.count(from: "crowd") == 2)
    #expect(slots.holdsSlot(1), "the other address's idle connection, though older, keeps its slot")
}

@Test func anAddressWhoseShareIsAllBusyIsRefusedWhileOthersAreServed() {
    var slots = ConnectionSlots(maxConnections: 10, maxConnectionsPerAddress: 2)
    for id in 1...2 {
        _ = slots.admit(id, from: "watcher", now: at(0))
        let outcome16 = slots.enter(.busy, for: id, now: at(0))
        #expect(outcome16)
    }
    let outcome17 = slots.admit(3, from: "watcher", now: at(1))
    #expect(outcome17 == .refused("too many connections from watcher"))
    let outcome18 = slots.admit(4, from: "someone", now: at(1))
    #expect(outcome18 == .admitted(evicting: nil))
}

@Test func aRemovedConnectionFreesItsSlotAndItsAddressShare() {
    var slots = ConnectionSlots(maxConnections: 1, maxConnectionsPerAddress: 1)
    _ = slots.admit(1, from: "a", now: at(0))
    let outcome19 = slots.enter(.busy, for: 1, now: at(0))
    #expect(outcome19)
    slots.remove(1)
    slots.remove(1)
    #expect(slots.count == 0 && slots.count(from: "a") == 0)
    let outcome20 = slots.admit(2, from: "a", now: at(1))
    #expect(outcome20 == .admitted(evicting: nil))
}
