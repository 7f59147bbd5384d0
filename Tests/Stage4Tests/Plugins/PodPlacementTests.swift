// Stage 4 · SchedulerPlugins tests: PodTopologySpread, InterPodAffinity and PrioritySort.

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Testing

@Suite struct PodPlacementTests {
    static let zoned = [
        makeNode("a1", labels: ["zone": "a", "kubernetes.io/hostname": "a1"]),
        makeNode("a2", labels: ["zone": "a", "kubernetes.io/hostname": "a2"]),
        makeNode("b1", labels: ["zone": "b", "kubernetes.io/hostname": "b1"]),
        makeNode("nolabel"),
    ]

    static func selector(_ labels: [String: String]) -> LabelSelectorSpec {
        var selector = LabelSelectorSpec()
        selector.matchLabels = labels
        return selector
    }

    static func spread(_ action: UnsatisfiableConstraintAction, maxSkew: Int32 = 1, key: String = "zone") -> Pod {
        var constraint = TopologySpreadConstraint()
        constraint.maxSkew = maxSkew
        constraint.topologyKey = key
        constraint.whenUnsatisfiable = action
        constraint.labelSelector = selector(["app": "web"])
        var pod = makePod("new", labels: ["app": "web"])
        pod.spec.topologySpreadConstraints = [constraint]
        return pod
    }

    @Test func topologySpreadRejectsTheZoneThatWouldBeTooFarAhead() {
        let web = ["app": "web"]
        let snapshot = Snapshot(nodes: Self.zoned, pods: [makePod("w1", node: "a1", labels: web),
                                                          makePod("w2", node: "a2", labels: web),
                                                          makePod("other", node: "b1", labels: ["app": "db"])])
        let statuses = filterStatuses(PodTopologySpread(), Self.spread(.doNotSchedule), snapshot)
        let skewed = Status(.unschedulable, "node(s) didn't match pod topology spread constraints")
        let missing = Status(.unschedulableAndUnresolvable,
                             "node(s) didn't match pod topology spread constraints (missing required label)")
        // zone a: 2 + 1 − 0 = 3 > 1; zone b: 0 + 1 − 0 = 1.
        #expect(statuses == [skewed, skewed, .success, missing])
    }

    @Test func minDomainsCountsMissingDomainsAsEmpty() {
        // Both zones hold one web pod, so the skew would be 1; with minDomains 3 the
        // global minimum is 0 (a third zone could exist), so every zone is 2 ahead.
        let web = ["app": "web"]
        let snapshot = Snapshot(nodes: [Self.zoned[0], Self.zoned[2]],
                                pods: [makePod("w1", node: "a1", labels: web), makePod("w2", node: "b1", labels: web)])
        var pod = Self.spread(.doNotSchedule)
        #expect(filterStatuses(PodTopologySpread(), pod, snapshot).allSatisfy { $0.isSuccess })
        pod.spec.topologySpreadConstraints[0].minDomains = 3
        #expect(filterStatuses(PodTopologySpread(), pod, snapshot).allSatisfy { $0.code == .unschedulable })
    }

    @Test func topologySpreadScoreFavoursTheEmptierZone() {
        let web = ["app": "web"]
        let snapshot = Snapshot(nodes: Array(Self.zoned.prefix(3)),
                                pods: [makePod("w1", node: "a1", labels: web), makePod("w2", node: "a2", labels: web)])
        let result = scores(PodTopologySpread(), Self.spread(.scheduleAnyway), snapshot)
        #expect(result[2] == 100)
        #expect(result[0] == result[1] && result[0] < result[2])
    }

    static func podWith(anti: Bool, required: Bool = true, labels: [String: String], key: String = "kubernetes.io/hostname",
                        name: String = "new", node: String = "", weight: Int32 = 10) -> Pod {
        var term = PodAffinityTerm()
        term.labelSelector = selector(labels)
        term.topologyKey = key
        var affinity = Affinity()
        if anti {
            var rules = PodAntiAffinity()
            if required {
                rules.requiredDuringSchedulingIgnoredDuringExecution = [term]
            } else {
                var weighted = WeightedPodAffinityTerm()
                weighted.weight = weight
                weighted.podAffinityTerm = term
                rules.preferredDuringSchedulingIgnoredDuringExecution = [weighted]
            }
            affinity.podAntiAffinity = rules
        } else {
            var rules = PodAffinity()
            if required {
                rules.requiredDuringSchedulingIgnoredDuringExecution = [term]
            } else {
                var weighted = WeightedPodAffinityTerm()
                weighted.weight = weight
                weighted.podAffinityTerm = term
                rules.preferredDuringSchedulingIgnoredDuringExecution = [weighted]
            }
            affinity.podAffinity = rules
        }
        var pod = makePod(name, node: node, labels: ["app": "web"])
        pod.spec.affinity = affinity
        return pod
    }

    @Test func antiAffinityKeepsAPodOffAHostWithAMatchingPod() {
        let snapshot = Snapshot(nodes: Array(Self.zoned.prefix(3)),
                                pods: [makePod("w1", node: "a1", labels: ["app": "web"])])
        let statuses = filterStatuses(InterPodAffinity(), Self.podWith(anti: true, labels: ["app": "web"]), snapshot)
        #expect(statuses == [Status(.unschedulable, "node(s) didn't match pod anti-affinity rules"), .success, .success])
    }

    @Test func anExistingPodsAntiAffinityKeepsNewcomersAway() {
        let existing = Self.podWith(anti: true, labels: ["app": "web"], key: "zone", name: "guard", node: "a1")
        let snapshot = Snapshot(nodes: Array(Self.zoned.prefix(3)), pods: [existing])
        let statuses = filterStatuses(InterPodAffinity(), makePod("plain", labels: ["app": "web"]), snapshot)
        let rejected = Status(.unschedulable, "node(s) didn't satisfy existing pods anti-affinity rules")
        #expect(statuses == [rejected, rejected, .success])
    }

    @Test func affinityRequiresAMatchingPodInTheDomainExceptForTheFirstOfAGroup() {
        let withCache = Snapshot(nodes: Array(Self.zoned.prefix(3)), pods: [makePod("cache", node: "b1", labels: ["app": "cache"])])
        let wantsCache = Self.podWith(anti: false, labels: ["app": "cache"], key: "zone")
        let rejected = Status(.unschedulableAndUnresolvable, "node(s) didn't match pod affinity rules")
        #expect(filterStatuses(InterPodAffinity(), wantsCache, withCache) == [rejected, rejected, .success])

        // No pod matches anywhere, and the pod matches its own term: it may start the group.
        let empty = Snapshot(nodes: Array(Self.zoned.prefix(3)))
        let wantsItsOwn = Self.podWith(anti: false, labels: ["app": "web"], key: "zone")
        #expect(filterStatuses(InterPodAffinity(), wantsItsOwn, empty) == [.success, .success, .success])
    }

    @Test func preferredAffinityScoresTheDomainWithMatchingPodsHighest() {
        let snapshot = Snapshot(nodes: Array(Self.zoned.prefix(3)), pods: [makePod("c", node: "b1", labels: ["app": "cache"])])
        let pod = Self.podWith(anti: false, required: false, labels: ["app": "cache"], key: "zone")
        #expect(scores(InterPodAffinity(), pod, snapshot) == [0, 0, 100])
        let avoids = Self.podWith(anti: true, required: false, labels: ["app": "cache"], key: "zone")
        #expect(scores(InterPodAffinity(), avoids, snapshot) == [100, 100, 0])
    }

    @Test func prioritySortTriesHigherPriorityFirstThenTheEarlierArrival() {
        let high = QueuedPodInfo(pod: makePod("high", priority: 1000), timestamp: .seconds(5))
        let early = QueuedPodInfo(pod: makePod("early"), timestamp: .zero)
        let late = QueuedPodInfo(pod: makePod("late"), timestamp: .seconds(1))
        let sort = PrioritySort()
        #expect(sort.less(high, early) && !sort.less(early, high))
        #expect(sort.less(early, late) && !sort.less(late, early))
    }
}
