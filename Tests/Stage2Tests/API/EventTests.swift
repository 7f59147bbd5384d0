// Events as the kubelet records them and `kubectl get events -o json` shows them.

import API
import ClusterKinds
import Testing

/// A kubelet event from `kubectl get event -o json` (Kubernetes 1.30): note the
/// `eventTime: null` and the empty `reportingComponent`/`reportingInstance`.
private let kubeletEvent = #"""
    {
        "apiVersion": "v1",
        "count": 1,
        "eventTime": null,
        "firstTimestamp": "2024-05-01T10:05:03Z",
        "involvedObject": {
            "apiVersion": "v1",
            "fieldPath": "spec.containers{web}",
            "kind": "Pod",
            "name": "web",
            "namespace": "default",
            "resourceVersion": "6011",
            "uid": "c1f2e3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
        },
        "kind": "Event",
        "lastTimestamp": "2024-05-01T10:05:03Z",
        "message": "Started container web",
        "metadata": {
            "creationTimestamp": "2024-05-01T10:05:03Z",
            "name": "web.17cb0a1e2f3d4c5b",
            "namespace": "default",
            "resourceVersion": "6020",
            "uid": "0f1e2d3c-4b5a-4697-8877-665544332211"
        },
        "reason": "Started",
        "reportingComponent": "kubelet",
        "reportingInstance": "kind-control-plane",
        "source": {"component": "kubelet", "host": "kind-control-plane"},
        "type": "Normal"
    }
    """#

/// A scheduler event: recorded through the newer events API, so it has an `eventTime`
/// with microseconds and an action, and no first/last timestamps.
private let schedulerEvent = #"""
    {
        "action": "Binding",
        "apiVersion": "v1",
        "eventTime": "2024-05-01T10:05:01.482716Z",
        "firstTimestamp": null,
        "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": "web", "namespace": "default",
                           "resourceVersion": "6005", "uid": "c1f2e3d4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"},
        "kind": "Event",
        "lastTimestamp": null,
        "message": "Successfully assigned default/web to kind-control-plane",
        "metadata": {"creationTimestamp": "2024-05-01T10:05:01Z", "name": "web.17cb0a1d9e8f7a6b",
                     "namespace": "default", "resourceVersion": "6008", "uid": "aa11bb22-cc33-4d44-8e55-ff6677889900"},
        "reason": "Scheduled",
        "reportingComponent": "default-scheduler",
        "reportingInstance": "default-scheduler-kind-control-plane",
        "source": {},
        "type": "Normal"
    }
    """#

@Test func kubeletEventRoundTripsUnchanged() throws {
    #expect(try roundTrips(Event.self, kubeletEvent))
}

@Test func schedulerEventRoundTripsWithMicrosecondEventTime() throws {
    #expect(try roundTrips(Event.self, schedulerEvent))
    let event = try decoded(Event.self, schedulerEvent)
    #expect(event.eventTime.rfc3339 == "2024-05-01T10:05:01.482716Z")
    #expect(event.firstTimestamp.isZero)
}

@Test func eventDecodesInvolvedObjectAndSource() throws {
    let event = try decoded(Event.self, kubeletEvent)
    #expect(event.involvedObject.fieldPath == "spec.containers{web}")
    #expect(event.source == EventSource(component: "kubelet", host: "kind-control-plane"))
    #expect(event.count == 1)
    #expect(event.type == Event.normal)
}

@Test func freshEventWritesTimesAsNullAndReportingFieldsAsEmpty() throws {
    let expected = try jsonValue(#"""
        {"apiVersion": "v1", "kind": "Event", "metadata": {"creationTimestamp": null}, "involvedObject": {},
         "source": {}, "firstTimestamp": null, "lastTimestamp": null, "eventTime": null,
         "reportingComponent": "", "reportingInstance": ""}
        """#)
    #expect(try encodedValue(Event()) == expected)
}

@Test func eventListWritesEmptyItemsAsEmptyList() throws {
    #expect(try encodedText(EventList()) == #"{"apiVersion":"v1","items":[],"kind":"EventList","metadata":{}}"#)
}
