// Stage 1 · API tests: pod validation, in Kubernetes' own words.
//
// Each message is compared whole with what the Kubernetes API server prints for the
// same mistake (`kubectl apply` shows them), field path first.

import API
import Testing

/// A valid pod with one container, changed by `change`, and the messages of its errors.
private func problems(_ change: (inout Pod) -> Void) -> [String] {
    var pod = Pod(metadata: ObjectMeta(name: "hello"), spec: PodSpec(containers: [Container(name: "web", image: "busybox")]))
    change(&pod)
    return PodValidation.validate(pod).map(\.description)
}

@Test func validPodHasNoProblems() {
    #expect(problems { _ in }.isEmpty)
}

@Test func containerWithoutImageIsRequiredValue() {
    #expect(problems { $0.spec.containers[0].image = "" } == ["spec.containers[0].image: Required value"])
}

@Test func podWithoutContainersIsRequiredValue() {
    #expect(problems { $0.spec.containers = [] } == ["spec.containers: Required value"])
}

@Test func podWithoutNameIsRequiredValue() {
    #expect(problems { $0.metadata.name = "" } == ["metadata.name: Required value: name or generateName is required"])
}

@Test func duplicateContainerNamesAreReportedOnTheSecond() {
    let found = problems { $0.spec.initContainers = [Container(name: "web", image: "busybox")] }
    #expect(found == [#"spec.containers[0].name: Duplicate value: "web""#])
}

@Test func containerNameMustBeADNSLabel() {
    #expect(problems { $0.spec.containers[0].name = "Web_1" } == [
        #"spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"#,
    ])
}

@Test func podNameMustBeADNSSubdomain() {
    let found = problems { $0.metadata.name = "Hello" }
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix(#"metadata.name: Invalid value: "Hello": a lowercase RFC 1123 subdomain must consist of"#) == true)
}

@Test func containerPortZeroIsRequiredValue() {
    #expect(problems { $0.spec.containers[0].ports = [ContainerPort(containerPort: 0)] } == [
        "spec.containers[0].ports[0].containerPort: Required value",
    ])
}

@Test func containerPortAboveTheRangeIsAnInvalidNumber() {
    #expect(problems { $0.spec.containers[0].ports = [ContainerPort(containerPort: 70000)] } == [
        "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ])
}

@Test func hostPortOutOfRangeIsAnInvalidNumber() {
    #expect(problems { $0.spec.containers[0].ports = [ContainerPort(hostPort: -1, containerPort: 80)] } == [
        "spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive",
    ])
}

@Test func duplicatePortNamesAreReported() {
    let found = problems {
        $0.spec.containers[0].ports = [ContainerPort(name: "http", containerPort: 80), ContainerPort(name: "http", containerPort: 81)]
    }
    #expect(found == [#"spec.containers[0].ports[1].name: Duplicate value: "http""#])
}

@Test func volumeMountNamingAMissingVolumeIsNotFound() {
    #expect(problems { $0.spec.containers[0].volumeMounts = [VolumeMount(name: "data", mountPath: "/data")] } == [
        #"spec.containers[0].volumeMounts[0].name: Not found: "data""#,
    ])
}

@Test func volumeMountWithoutPathIsRequiredValue() {
    let found = problems {
        $0.spec.volumes = [Volume(name: "data", source: VolumeSource(emptyDir: EmptyDirVolumeSource()))]
        $0.spec.containers[0].volumeMounts = [VolumeMount(name: "data")]
    }
    #expect(found == ["spec.containers[0].volumeMounts[0].mountPath: Required value"])
}

@Test func duplicateVolumeNamesAreReported() {
    let found = problems { $0.spec.volumes = [Volume(name: "data"), Volume(name: "data")] }
    #expect(found == [#"spec.volumes[1].name: Duplicate value: "data""#])
}

@Test func negativeGracePeriodIsAnInvalidNumber() {
    #expect(problems { $0.spec.terminationGracePeriodSeconds = -1 } == [
        "spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0",
    ])
}

@Test func probeWithoutAHandlerIsRequiredValue() {
    #expect(problems { $0.spec.containers[0].livenessProbe = Probe() } == [
        "spec.containers[0].livenessProbe: Required value: must specify a handler type",
    ])
}

@Test func everyProblemIsReportedAtOnce() {
    let found = problems {
        $0.spec.containers[0].image = ""
        $0.spec.containers.append(Container(name: "web", image: ""))
    }
    #expect(found == [
        "spec.containers[0].image: Required value",
        #"spec.containers[1].name: Duplicate value: "web""#,
        "spec.containers[1].image: Required value",
    ])
}

@Test func invalidStringValueIsQuotedAsGoQuotesIt() {
    let error = FieldError(.invalid, "spec.containers[0].env[0].name", value: #"a"b\c"#, "bad")
    #expect(error.description == #"spec.containers[0].env[0].name: Invalid value: "a\"b\\c": bad"#)
}

@Test(arguments: [
    ("my-name", true), ("123-abc", true), ("a", true), ("-a", false), ("a-", false), ("A", false),
    ("a.b", false), ("", false), (String(repeating: "a", count: 63), true), (String(repeating: "a", count: 64), false),
])
func labelFollowsRFC1123(name: String, isValid: Bool) {
    #expect(NameValidation.label(name).isEmpty == isValid)
}

@Test(arguments: [("http", true), ("http-2", true), ("80", false), ("a--b", false), ("-http", false), ("HTTP", false), ("sixteen-letters1", false)])
func portNameFollowsIANAServiceNames(name: String, isValid: Bool) {
    #expect(NameValidation.portName(name).isEmpty == isValid)
}

@Suite struct PodValidationGapTests {
    func pod(_ change: (inout Pod) -> Void) -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.spec.containers = [Container(name: "main", image: "busybox")]
        change(&pod)
        return pod
    }

    @Test func labelKeysAndValuesMustBeQualifiedNamesAndLabelValues() {
        let errors = PodValidation.validate(pod { $0.metadata.labels = ["-bad": "ok", "app.kubernetes.io/name": "not ok!", "ok": ""] })
        #expect(errors.map(\.description) == [
            #"metadata.labels: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"#,
            #"metadata.labels: Invalid value: "not ok!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"#,
        ])
    }

    @Test func annotationsMayHoldAtMost256KiB() {
        let errors = PodValidation.validate(pod { $0.metadata.annotations = ["big": String(repeating: "x", count: 256 * 1024)] })
        #expect(errors.map(\.description) == ["metadata.annotations: Too long: may not be more than 262144 bytes"])
    }

    @Test func activeDeadlineSecondsMustBePositiveAndFitAnInt32() {
        for seconds: Int64 in [0, 1 << 31] {
            let errors = PodValidation.validate(pod { $0.spec.activeDeadlineSeconds = seconds })
            #expect(errors.map(\.description) == ["spec.activeDeadlineSeconds: Invalid value: \(seconds): must be between 1 and 2147483647, inclusive"])
        }
        #expect(PodValidation.validate(pod { $0.spec.activeDeadlineSeconds = 30 }).isEmpty)
    }

    @Test func aRequestAboveItsLimitIsInvalid() throws {
        let limit = try Quantity(parsing: "500m"), request = try Quantity(parsing: "1")
        let errors = PodValidation.validate(pod {
            $0.spec.containers[0].resources = ResourceRequirements(limits: ["cpu": limit], requests: ["cpu": request])
        })
        #expect(errors.map(\.description) == [#"spec.containers[0].resources.requests[cpu]: Invalid value: "1": must be less than or equal to cpu limit of 500m"#])
    }

    @Test func aLimitWithoutARequestRequestsTheLimitAndTheSecurityContextIsEmpty() throws {
        var pod = pod { $0.spec.containers[0].resources.limits = ["memory": try! Quantity(parsing: "64Mi")] }
        pod.applyDefaults()
        #expect(pod.spec.containers[0].resources.requests["memory"] == (try Quantity(parsing: "64Mi")))
        #expect(pod.spec.securityContext == PodSecurityContext())
    }
}

@Suite struct SchedulingValidationTests {
    func errors(_ change: (inout PodSpec) -> Void) -> [String] {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.spec.containers = [Container(name: "main", image: "busybox")]
        change(&pod.spec)
        return PodValidation.validate(pod).map(\.description)
    }

    @Test func aTolerationsOperatorMustAgreeWithItsKeyValueAndEffect() {
        var noKey = Toleration()
        noKey.operator = .equal
        var secondsWithoutNoExecute = Toleration()
        secondsWithoutNoExecute.key = "k"
        secondsWithoutNoExecute.operator = .exists
        secondsWithoutNoExecute.value = "v"
        secondsWithoutNoExecute.tolerationSeconds = 5
        #expect(errors { $0.tolerations = [noKey, secondsWithoutNoExecute] } == [
            #"spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys""#,
            #"spec.tolerations[1].effect: Invalid value: "": effect must be 'NoExecute' when `tolerationSeconds` is set"#,
            #"spec.tolerations[1].operator: Invalid value: "v": value must be empty when `operator` is 'Exists'"#,
        ])
    }

    @Test func affinityTermsNeedValuesWeightsAndTopologyKeys() {
        var requirement = NodeSelectorRequirement()
        requirement.key = "zone"
        requirement.operator = .in
        var term = NodeSelectorTerm()
        term.matchExpressions = [requirement]
        var preferred = PreferredSchedulingTerm()
        preferred.preference = term
        var affinity = Affinity()
        affinity.nodeAffinity = NodeAffinity()
        affinity.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution = NodeSelector()
        affinity.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution = [preferred]
        affinity.podAntiAffinity = PodAntiAffinity()
        affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution = [PodAffinityTerm()]
        #expect(errors { $0.affinity = affinity } == [
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term",
            "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100",
            "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty",
        ])
    }

    @Test func aSpreadConstraintNeedsASkewADomainAndAnAction() {
        #expect(errors { $0.topologySpreadConstraints = [TopologySpreadConstraint()] } == [
            "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
            "spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty",
            #"spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway""#,
        ])
    }
}
