// Fields that are never lost, typos that are never silent, and `kubectl explain`:
// kubectl 1.27 and 1.33 against `stage2 up`.

import Foundation
import Testing
@testable import TestSupport

@Suite("Fields end to end", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the end-to-end tests need it"))
struct FieldsEndToEndTests {
    /// A pod that says where it may run and with what privileges.
    static func scheduledPod(_ name: String, marker: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          nodeName: node1
          securityContext: {runAsNonRoot: false, fsGroup: 2000, sysctls: [{name: net.ipv4.ping_group_range, value: "0 1"}]}
          tolerations:
          - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
          - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}]
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 50
                podAffinityTerm:
                  labelSelector: {matchLabels: {app: web}}
                  topologyKey: kubernetes.io/hostname
          topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}
          hostAliases: [{ip: 10.0.0.9, hostnames: [db.local]}]
          dnsConfig: {options: [{name: ndots, value: "2"}]}
          readinessGates: [{conditionType: example.com/ready}]
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "while :; do sleep 1; done", "\(marker)"]
            securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [NET_ADMIN], drop: [ALL]}, privileged: false}
        """
    }

    @Test func everyPodFieldSurvivesAndTyposAreRefusedOrWarnedAbout() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let applied = try await cluster.kubectl("apply", "-f", "-", input: Self.scheduledPod("kept", marker: cluster.marker))
        #expect(applied.status == 0 && !applied.output.contains("Warning"), "\(applied.output)")
        let json = try await cluster.kubectl("get", "pod", "kept", "-o", "json")
        let pod = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json.output)")
        let spec = try #require(pod["spec"] as? [String: Any])
        for field in ["securityContext", "tolerations", "affinity", "topologySpreadConstraints", "hostAliases", "dnsConfig", "readinessGates"] {
            #expect(spec[field] != nil, "spec.\(field) was lost: \(json.output)")
        }
        #expect((spec["tolerations"] as? [Any])?.count == 2)
        #expect(json.output.contains(#""topologyKey": "kubernetes.io/hostname""#) && json.output.contains(#""NET_ADMIN""#), "\(json.output)")

        // kubectl apply of the same pod with one more toleration and a new image: a patch
        // built from the OpenAPI schema, which Kubernetes allows on a running pod.
        let changed = Self.scheduledPod("kept", marker: cluster.marker)
            .replacingOccurrences(of: "  tolerations:\n", with: "  tolerations:\n  - {key: added, operator: Exists}\n")
            .replacingOccurrences(of: "    image: busybox\n", with: "    image: busybox:1.36\n")
        for tool in Tools.kubectls(minors: [27, 33]) {
            let reapplied = try await cluster.kubectl(["apply", "-f", "-"], tool: tool, input: changed)
            #expect(reapplied.status == 0, "\(tool): \(reapplied.output)")
        }
        let after = try await cluster.kubectl("get", "pod", "kept", "-o", "jsonpath={.spec.tolerations[*].key}|{.spec.containers[0].image}|{.spec.affinity.nodeAffinity}")
        #expect(after.output.hasPrefix("added dedicated node.kubernetes.io/not-ready|busybox:1.36|{"), "\(after.output)")

        let typo = cluster.podManifest("typo").replacingOccurrences(of: "      image: busybox\n", with: "      image: busybox\n      imagee: busybox\n")
        for tool in Tools.kubectls(minors: [27, 33]) {
            // kubectl's default is --validate=strict.
            for flags in [[], ["--validate=strict"]] {
                let refused = try await cluster.kubectl(["apply"] + flags + ["-f", "-"], tool: tool, input: typo)
                #expect(refused.status != 0, "\(tool) \(flags): \(refused.output)")
                #expect(refused.output.contains(#"Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee""#),
                        "\(tool) \(flags): \(refused.output)")
            }
            let warned = try await cluster.kubectl(["apply", "--validate=warn", "-f", "-"], tool: tool, input: typo)
            #expect(warned.status == 0 && warned.output.contains(#"Warning: unknown field "spec.containers[0].imagee""#)
                    && warned.output.contains("pod/typo created"), "\(tool): \(warned.output)")
            _ = try await cluster.kubectl(["delete", "pod", "typo", "--grace-period=0"], tool: tool)
            let ignored = try await cluster.kubectl(["apply", "--validate=false", "-f", "-"], tool: tool, input: typo)
            #expect(ignored.status == 0 && !ignored.output.contains("Warning"), "\(tool): \(ignored.output)")
            _ = try await cluster.kubectl(["delete", "pod", "typo", "--grace-period=0"], tool: tool)
        }
        // A core/v1 field the model leaves out is kept out loudly, not refused as a typo.
        let unmodelled = cluster.podManifest("unmodelled").replacingOccurrences(of: "  nodeName: node1\n", with: "  nodeName: node1\n  resources: {limits: {cpu: '1'}}\n")
        let accepted = try await cluster.kubectl("apply", "-f", "-", input: unmodelled)
        #expect(accepted.status == 0 && accepted.output.contains(#"Warning: field "spec.resources" is not modelled by this API server and was dropped"#),
                "\(accepted.output)")
        // A bad enum value is one problem among the others, in one 422.
        let bad = cluster.podManifest("bad").replacingOccurrences(of: "      image: busybox\n", with: "")
            .replacingOccurrences(of: "  nodeName: node1\n", with: "  nodeName: node1\n  restartPolicy: always\n")
        let invalid = try await cluster.kubectl("apply", "-f", "-", input: bad)
        #expect(invalid.status != 0 && invalid.output.contains(#"The Pod "bad" is invalid"#)
                && invalid.output.contains(#"spec.restartPolicy: Unsupported value: "always""#)
                && invalid.output.contains("spec.containers[0].image: Required value"), "\(invalid.output)")
        try await cluster.interrupt()
    }

    /// Strict validation and the new fields, through the Python client's typed models.
    static let pythonScript = """
        import json, sys
        from kubernetes import client, config
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        typo = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "typo"},
                "spec": {"containers": [{"name": "main", "image": "busybox", "imagee": "x"}]}}
        # The client's typed call refuses the typo itself (pydantic); its API client sends it as written.
        api = v1.api_client
        response = api.call_api("POST", api.configuration.host + "/api/v1/namespaces/default/pods?fieldValidation=Strict",
                                header_params={"Content-Type": "application/json"}, body=typo)
        response.read()
        print("strict", response.status, json.loads(response.data)["message"])
        pod = client.V1Pod(metadata=client.V1ObjectMeta(name="kept"), spec=client.V1PodSpec(node_name="node1",
              tolerations=[client.V1Toleration(key="dedicated", operator="Exists", effect="NoSchedule")],
              security_context=client.V1PodSecurityContext(run_as_user=1000),
              containers=[client.V1Container(name="main", image="busybox", command=["sh", "-c", "while :; do sleep 1; done", sys.argv[2]],
                  security_context=client.V1SecurityContext(read_only_root_filesystem=True))]))
        v1.create_namespaced_pod("default", pod)
        read = v1.read_namespaced_pod("kept", "default")
        print("kept", read.spec.tolerations[0].key, read.spec.security_context.run_as_user,
              read.spec.containers[0].security_context.read_only_root_filesystem)
        v1.delete_namespaced_pod("kept", "default", grace_period_seconds=0)
        """

    @Test(.enabled(if: PythonClient.isAvailable, "python3 with the kubernetes package is not installed"))
    func thePythonClientGetsTheStrictErrorAndKeepsTheNewFields() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let (status, lines, output) = try await PythonClient.run(Self.pythonScript, on: cluster, named: "fields.py")
        #expect(status == 0, "\(output)")
        #expect(lines == [#"strict 400 Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee""#, "kept dedicated 1000 True"], "\(output)")
        try await cluster.interrupt()
    }

    @Test func explainPrintsTheFieldsWithTheirDescriptions() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        for tool in Tools.kubectls(minors: [27, 33]) {
            let pod = try await cluster.kubectl(["explain", "pod"], tool: tool)
            #expect(pod.status == 0 && pod.output.contains("KIND:       Pod") && pod.output.contains("spec\t<PodSpec>")
                    && pod.output.contains("A group of containers that run together"), "\(tool): \(pod.output)")
            let containers = try await cluster.kubectl(["explain", "pod.spec.containers"], tool: tool)
            #expect(containers.status == 0, "\(tool): \(containers.output)")
            #expect(containers.output.contains("FIELD: containers <[]Container>"), "\(tool): \(containers.output)")
            #expect(containers.output.contains("securityContext\t<SecurityContext>"), "\(tool): \(containers.output)")
            #expect(containers.output.contains("The image to run"), "\(tool): \(containers.output)")
            let tolerations = try await cluster.kubectl(["explain", "pod.spec.affinity.podAntiAffinity"], tool: tool)
            #expect(tolerations.status == 0 && tolerations.output.contains("<[]WeightedPodAffinityTerm>"), "\(tool): \(tolerations.output)")
        }
        try await cluster.interrupt()
    }

    @Test func debugCopiesAPodWithoutPanicking() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let applied = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest("web"))
        #expect(applied.status == 0, "\(applied.output)")
        let stored = try await cluster.kubectl("get", "pod", "web", "-o", "jsonpath={.spec.securityContext}")
        #expect(stored.output == "{}", "Kubernetes stores an unset securityContext as {}: \(stored.output)")
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            let debug = try await cluster.kubectl(["debug", "pod/web", "--image=busybox", "--copy-to=web-debug-\(index)"], tool: tool)
            #expect(!debug.output.contains("panic"), "\(tool): \(debug.output)")
            #expect(debug.output.contains("Defaulting debug container name to debugger-"), "\(tool): \(debug.output)")
        }
        // kubectl 1.27 sends the copy as JSON; 1.33 sends it as protobuf, which this
        // API server does not read for pods (a 415), so only the first copy is made.
        let copy = try await cluster.kubectl("get", "pod", "web-debug-0", "-o", "jsonpath={.spec.containers[*].name}")
        #expect(copy.status == 0 && copy.output.hasPrefix("main debugger-"), "\(copy.output)")
        try await cluster.interrupt()
    }
}
