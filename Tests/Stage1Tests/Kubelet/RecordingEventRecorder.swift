// Stage 1 · Kubelet tests: an event recorder that keeps what it is told, for tests to read.

@testable import TestSupport
import API
import Testing
@testable import Kubelet

/// Keeps every event recorded, in order; `waitFor` waits until one matches.
actor RecordingEventRecorder: EventRecorder {
    struct Recorded: Sendable, Equatable {
        var type: EventType
        var reason: String
        var message: String
    }

    private(set) var events: [Recorded] = []

    func record(_ type: EventType, reason: String, message: String, pod: Pod) {
        events.append(Recorded(type: type, reason: reason, message: message))
    }

    /// Waits until an event with `reason` has been recorded, and returns the first such.
    nonisolated func waitFor(reason: String) async throws -> Recorded {
        try await waitUntil("an event \(reason)") { await self.events.first { $0.reason == reason } }
    }
}
