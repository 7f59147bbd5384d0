// Stage 3 · EtcdStore tests: the gateway's JSON and the watch's resume rule, without an etcd.
//
// The messages below are the bytes etcd 3.4.23 sent (kubernetes-facts.md §1.3-1.5):
// int64s as strings, zero values left out, keys and values in base64. And the resume
// rule of a watch that re-opens mid-revision, as a pure state machine.

import Foundation
@testable import EtcdStore
import Testing

@Suite struct EtcdWireTests {
    @Test func aWatchMessageDecodesWithMissingZerosAsZeroAndDeletesCarryingTheirPreviousValue() throws {
        let line = #"{"result":{"header":{"cluster_id":"1","member_id":"2","revision":"6","raft_term":"2"},"events":[{"kv":{"key":"L2svYg==","create_revision":"6","mod_revision":"6","version":"1","value":"eA=="}},{"type":"DELETE","kv":{"key":"L2svYQ==","mod_revision":"5"},"prev_kv":{"key":"L2svYQ==","create_revision":"2","mod_revision":"4","version":"3","value":"djM="}}]}}"#
        let message = try EtcdClient.decoder.decode(EtcdWatchStreamMessage.self, from: Data(line.utf8))
        let result = try #require(message.result)
        #expect(result.header?.revision == 6)
        #expect(result.compactRevision == 0)
        let events = try #require(result.events)
        #expect(events.map(\.isDelete) == [false, true])
        #expect(events[0].kv.stored == .init(key: "/k/b", value: Data("x".utf8), createRevision: 6, modRevision: 6, version: 1))
        #expect(events[1].kv.createRevision == 0)
        #expect(events[1].prevKv?.value == Data("v3".utf8))
    }

    @Test func aCanceledWatchCarriesTheCompactRevisionAndNoHeaderRevision() throws {
        let line = #"{"result":{"header":{"cluster_id":"1","member_id":"2","raft_term":"2"},"canceled":true,"compact_revision":"4"}}"#
        let result = try #require(try EtcdClient.decoder.decode(EtcdWatchStreamMessage.self, from: Data(line.utf8)).result)
        #expect(result.canceled == true)
        #expect(result.compactRevision == 4)
        #expect(result.header?.revision == 0)
    }

    @Test func int64sAreWrittenAsStringsAndReadFromStringsOrNumbers() throws {
        let encoded = try EtcdClient.encoder.encode(EtcdCompactionRequest(revision: 42, physical: true))
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""revision":"42""#))
        for text in [#"{"revision":"7"}"#, #"{"revision":7}"#] {
            #expect(try EtcdClient.decoder.decode(EtcdResponseHeader.self, from: Data(text.utf8)).revision == 7)
        }
    }

    @Test func aPrefixRangeEndsAtThePrefixWithItsLastByteIncremented() {
        #expect(EtcdKeys.prefixEnd("/registry/pods/") == Data("/registry/pods0".utf8))
        #expect(EtcdKeys.prefixEnd("a\u{7F}") == Data([0x61, 0x80]))
        // No prefix: from the first key to the end of the keyspace.
        #expect(EtcdKeys.prefixStart("") == Data([0]))
        #expect(EtcdKeys.prefixEnd("") == Data([0]))
    }

    @Test func aResumedWatchSkipsTheEventsOfItsRevisionItAlreadyDelivered() {
        // Revision 5 holds three events (one transaction); the stream broke after two.
        var position = WatchPosition(after: 4)
        #expect([4, 5, 5].map { position.admits($0) } == [false, true, true])
        position.reconnected()
        // The new stream starts at 5 and replays all three: only the third is new.
        #expect([5, 5, 5, 6].map { position.admits($0) } == [false, false, true, true])
        #expect(position.revision == 6)
    }

    @Test func theEventsAtTheWatchsOwnStartRevisionAreNeverDelivered() {
        var position = WatchPosition(after: 9)
        #expect([9, 9, 10].map { position.admits($0) } == [false, false, true])
    }
}
