// Repeats of one event are folded into one Event whose count grows, as client-go's recorder does.

import API
import APIMachinery
import ClusterKinds
import Client
import Foundation
@testable import KubeletAPI
import Testing
@testable import TestSupport

@Suite struct EventCorrelatorTests {
    func event(_ name: String, reason: String = "BackOff", message: String = "Back-off", at seconds: Int64) -> Event {
        Event(metadata: ObjectMeta(name: name, namespace: "default"),
              involvedObject: ObjectReference(kind: "Pod", namespace: "default", name: "web", uid: "u1", apiVersion: "v1"),
              reason: reason, message: message, source: EventSource(component: "kubelet", host: "node1"),
              firstTimestamp: Time(secondsSince1970: seconds), lastTimestamp: Time(secondsSince1970: seconds), count: 1, type: "Warning")
    }

    @Test func aRepeatKeepsTheFirstNameAndTimeAndCountsUp() {
        var correlator = EventCorrelator()
        #expect(correlator.correlate(event("web.1", at: 10)).isRepeat == false)
        let (second, isRepeat) = correlator.correlate(event("web.2", at: 15))
        #expect(isRepeat && second.metadata.name == "web.1" && second.count == 2)
        #expect(second.firstTimestamp == Time(secondsSince1970: 10) && second.lastTimestamp == Time(secondsSince1970: 15))
        #expect(correlator.correlate(event("web.3", at: 20)).event.count == 3)
    }

    @Test func anotherMessageOrReasonIsAnotherEventAndAForgottenOneStartsAgain() {
        var correlator = EventCorrelator()
        _ = correlator.correlate(event("web.1", at: 10))
        #expect(correlator.correlate(event("web.2", message: "other", at: 11)).isRepeat == false)
        #expect(correlator.correlate(event("web.3", reason: "Started", at: 12)).isRepeat == false)
        correlator.forget(event("web.1", at: 10))
        let again = correlator.correlate(event("web.4", at: 13))
        #expect(!again.isRepeat && again.event.metadata.name == "web.4" && again.event.count == 1)
    }

    @Test func theRecorderPatchesARepeatOntoTheStoredEvent() async throws {
        try await withTestAPIServer { server in
            let client = try APIClient(server: server.url)
            let recorder = APIEventRecorder(client: client, nodeName: "node1", logger: .silent)
            let task = Task { await recorder.run() }
            defer { task.cancel() }
            var pod = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
            pod.metadata.uid = "uid-1"
            for _ in 0..<3 { await recorder.record(.warning, reason: "BackOff", message: "Back-off restarting", pod: pod) }
            try await eventually("the third occurrence to be counted") {
                try await client.list(Event.self, namespace: "default").items.first?.count == 3
            }
            let events = try await client.list(Event.self, namespace: "default").items
            #expect(events.count == 1 && events[0].firstTimestamp <= events[0].lastTimestamp)
            #expect(server.requests.filter { $0.method == "PATCH" }.count == 2)
        }
    }
}
