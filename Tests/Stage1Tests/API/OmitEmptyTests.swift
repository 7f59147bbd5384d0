// Go's encoding/json rules, field by field: what is left out, what is always written.

import API
import Testing

@Test func emptyContainerWritesOnlyItsNameAndResources() throws {
    let expected = try TestJSON.node(#"{"name": "web", "resources": {}}"#)
    #expect(try encodedTree(Container(name: "web")) == expected)
}

@Test func freshContainerStatusWritesReadyFalseAndRestartCountZero() throws {
    let status = ContainerStatus(name: "web", state: ContainerState(waiting: ContainerStateWaiting(reason: "ContainerCreating")))
    let expected = try TestJSON.node(#"""
        {"image": "", "imageID": "", "lastState": {}, "name": "web", "ready": false, "restartCount": 0,
         "state": {"waiting": {"reason": "ContainerCreating"}}}
        """#)
    #expect(try encodedTree(status) == expected)
}

@Test func unsetConditionTimesAreWrittenAsNull() throws {
    let condition = PodCondition(type: .ready, status: .false, lastTransitionTime: Time(secondsSince1970: 0))
    let expected = try TestJSON.node(#"""
        {"lastProbeTime": null, "lastTransitionTime": "1970-01-01T00:00:00Z", "status": "False", "type": "Ready"}
        """#)
    #expect(try encodedTree(condition) == expected)
}

@Test func terminatedStateAlwaysWritesExitCodeAndTimes() throws {
    let expected = try TestJSON.node(#"{"exitCode": 0, "finishedAt": null, "startedAt": null}"#)
    #expect(try encodedTree(ContainerStateTerminated()) == expected)
}

@Test func unsetMetadataWritesOnlyCreationTimestampNull() throws {
    #expect(try encodedTree(ObjectMeta()) == TestJSON.node(#"{"creationTimestamp": null}"#))
}

@Test func podSpecAlwaysWritesContainersAndOmitsZeroValues() throws {
    let spec = PodSpec(hostNetwork: false, priority: 0, enableServiceLinks: false)
    let expected = try TestJSON.node(#"{"containers": [], "enableServiceLinks": false, "priority": 0}"#)
    #expect(try encodedTree(spec) == expected)
}

@Test func probeInlinesItsHandlerAndOmitsUnsetTimings() throws {
    let probe = Probe(handler: ProbeHandler(exec: ExecAction(command: ["true"])), periodSeconds: 5)
    let expected = try TestJSON.node(#"{"exec": {"command": ["true"]}, "periodSeconds": 5}"#)
    #expect(try encodedTree(probe) == expected)
}

@Test func probeDefaultsApplyOnlyToUnsetTimings() {
    let probe = Probe(periodSeconds: 5)
    #expect(probe.effectivePeriodSeconds == 5)
    #expect(probe.effectiveTimeoutSeconds == 1)
    #expect(probe.effectiveSuccessThreshold == 1)
    #expect(probe.effectiveFailureThreshold == 3)
}

@Test func volumeInlinesItsSource() throws {
    let volume = Volume(name: "data", source: VolumeSource(hostPath: HostPathVolumeSource(path: "/srv", type: .unset)))
    let expected = try TestJSON.node(#"{"hostPath": {"path": "/srv", "type": ""}, "name": "data"}"#)
    #expect(try encodedTree(volume) == expected)
}

@Test func absentAndNullFieldsDecodeToZeroValues() throws {
    let container = try decodeManifest(Container.self, #"{"name": null, "ports": null, "livenessProbe": null}"#)
    #expect(container == Container())
}

@Test func emptyStringDecodesAsAnUnsetClosedSetValue() throws {
    let spec = try decodeManifest(PodSpec.self, #"{"restartPolicy": ""}"#)
    #expect(spec.restartPolicy == nil)
}

@Test func unknownFieldsAreIgnored() throws {
    let port = try decodeManifest(ContainerPort.self, #"{"containerPort": 80, "appProtocol": "http"}"#)
    #expect(port == ContainerPort(containerPort: 80))
}

@Test func closedSetWithoutOmitEmptyWritesNilAsEmptyAndReadsItBack() throws {
    let condition = PodCondition(type: .ready)
    let expected = try TestJSON.node(#"{"lastProbeTime": null, "lastTransitionTime": null, "status": "", "type": "Ready"}"#)
    #expect(try encodedTree(condition) == expected)
    #expect(try decodeManifest(PodCondition.self, #"{"type": "Ready", "status": ""}"#) == condition)
}

@Test func decodingStartsFromGoZeroValueNotFromTheBuildersDefaults() throws {
    #expect(Pod().apiVersion == "v1")
    let pod = try decodeManifest(Pod.self, "{}")
    #expect(pod == Pod.zero)
    #expect(pod.apiVersion == "" && pod.kind == "")
}

@Test func fieldNamesComeFromTheTableInGoOrderWithInlinedFields() {
    #expect(EnvVar.fieldNames == ["name", "value", "valueFrom"])
    #expect(Probe.fieldNames == [
        "exec", "httpGet", "tcpSocket", "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
    ])
    #expect(Volume.fieldNames == ["name", "hostPath", "emptyDir", "secret", "downwardAPI", "configMap"])
}

@Test func inlinedFieldsDecodeFromTheSameObject() throws {
    let probe = try decodeManifest(Probe.self, #"{"tcpSocket": {"port": 80}, "periodSeconds": 5}"#)
    #expect(probe == Probe(handler: ProbeHandler(tcpSocket: TCPSocketAction(port: 80)), periodSeconds: 5))
}
