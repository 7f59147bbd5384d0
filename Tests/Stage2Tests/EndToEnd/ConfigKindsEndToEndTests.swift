// ConfigMaps, Secrets and ServiceAccounts through the real kubectl, and a pod that reads
// them: env from a ConfigMap and a Secret, the downward API, files of a configMap and a
// downwardAPI volume, all seen in `kubectl logs`; a pod whose ConfigMap is missing shows
// `CreateContainerConfigError` in `kubectl get pod` and starts once it is created.

import Foundation
import Testing
@testable import TestSupport

/// The words of one row of `kubectl get` output whose first word is `name`.
private func row(_ output: String, _ name: String) -> [String] {
    output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first { $0.first == name } ?? []
}

/// The column names of `kubectl get` output.
private func header(_ output: String) -> [String] {
    output.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
}

@Suite("Stage 2 ConfigMaps, Secrets and ServiceAccounts", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 2 end-to-end tests need it"))
struct ConfigKindsEndToEndTests {
    @Test func kubectlCreatesGetsDescribesAndDeletesConfigMapsSecretsAndServiceAccounts() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        // No controller makes the `default` ServiceAccount before stage 5.
        let none = try await cluster.kubectl("get", "serviceaccounts")
        #expect(none.status == 0 && none.output.contains("No resources found in default namespace."), "\(none.output)")
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            func run(_ arguments: String...) async throws -> String {
                let result = try await cluster.kubectl(arguments, tool: tool)
                #expect(result.status == 0, "\(tool) \(arguments): \(result.output)")
                return result.output
            }
            let (cm, secret, sa) = ("settings\(index)", "creds\(index)", "builder\(index)")
            #expect(try await run("create", "configmap", cm, "--from-literal=mode=fast", "--from-literal=size=3")
                .contains("configmap/\(cm) created"))
            #expect(try await run("create", "secret", "generic", secret, "--from-literal=password=s3cr3t")
                .contains("secret/\(secret) created"))
            #expect(try await run("create", "serviceaccount", sa).contains("serviceaccount/\(sa) created"))

            let configMaps = try await run("get", "cm", cm)
            #expect(header(configMaps) == ["NAME", "DATA", "AGE"] && row(configMaps, cm).prefix(2) == [cm, "2"], "\(tool): \(configMaps)")
            let secrets = try await run("get", "secrets", secret)
            #expect(header(secrets) == ["NAME", "TYPE", "DATA", "AGE"] && row(secrets, secret).prefix(3) == [secret, "Opaque", "1"],
                    "\(tool): \(secrets)")
            let accounts = try await run("get", "sa", sa)
            #expect(header(accounts) == ["NAME", "SECRETS", "AGE"] && row(accounts, sa).prefix(2) == [sa, "0"], "\(tool): \(accounts)")
            #expect(try await run("get", "secret", secret, "-o", "jsonpath={.data.password}") == "czNjcjN0")

            let describedConfigMap = try await run("describe", "configmap", cm)
            #expect(describedConfigMap.contains("Name:") && describedConfigMap.contains("mode:") && describedConfigMap.contains("fast"),
                    "\(tool): \(describedConfigMap)")
            let describedSecret = try await run("describe", "secret", secret)
            #expect(describedSecret.contains("Type:  Opaque") && describedSecret.contains("password:  6 bytes"), "\(tool): \(describedSecret)")
            let describedAccount = try await run("describe", "serviceaccount", sa)
            #expect(describedAccount.contains(sa), "\(tool): \(describedAccount)")

            #expect(try await run("delete", "cm", cm).contains(#"configmap "\#(cm)" deleted"#))
            #expect(try await run("delete", "secret", secret).contains(#"secret "\#(secret)" deleted"#))
            #expect(try await run("delete", "sa", sa).contains(#"serviceaccount "\#(sa)" deleted"#))
            let gone = try await cluster.kubectl(["get", "cm", cm], tool: tool)
            #expect(gone.status != 0 && gone.output.contains(#"configmaps "\#(cm)" not found"#), "\(tool): \(gone.output)")
        }
        // `kubectl explain` reads the fields' descriptions from the OpenAPI documents.
        let explained = try await cluster.kubectl("explain", "secret.stringData")
        #expect(explained.status == 0 && explained.output.contains("merged into data"), "\(explained.output)")
        let envFrom = try await cluster.kubectl("explain", "pod.spec.containers.envFrom")
        #expect(envFrom.status == 0 && envFrom.output.contains("prefix") && envFrom.output.contains("configMapRef"), "\(envFrom.output)")

        // stringData is merged into data and never stored; a Secret's type defaults to Opaque.
        let applied = try await cluster.kubectl("apply", "-f", "-", input: """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            data: {user: b2xk}
            stringData: {user: admin, password: s3cr3t}
            """)
        #expect(applied.status == 0 && !applied.output.contains("unknown field"), "every field is known: \(applied.output)")
        let stored = try await cluster.kubectl("get", "secret", "db", "-o", "jsonpath={.type} {.data.user} {.data.password} {.stringData}")
        #expect(stored.output == "Opaque YWRtaW4= czNjcjN0 ", "\(stored.output)")
        try await cluster.interrupt()
    }

    @Test func aPodReadsConfigMapsSecretsAndTheDownwardAPIAndWaitsForAMissingConfigMap() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        for arguments in [["create", "configmap", "settings", "--from-literal=mode=fast", "--from-literal=app.conf=from-a-file"],
                          ["create", "secret", "generic", "creds", "--from-literal=password=s3cr3t"]] {
            let created = try await cluster.kubectl(arguments, tool: "kubectl")
            #expect(created.status == 0, "\(created.output)")
        }
        let script = [
            "echo POD_NAME=$POD_NAME POD_IP=$POD_IP NAMESPACE=$NAMESPACE", "echo CFG_mode=$CFG_mode MODE=$MODE PASSWORD=$PASSWORD",
            "echo URL=$URL MEMORY=$MEMORY", "echo FILE=$(cat etc/config/app.conf) LABELS=$(cat etc/podinfo/labels)",
            "while :; do sleep 1; done",
        ].joined(separator: "; ")
        let applied = try await cluster.kubectl("apply", "-f", "-", input: """
            apiVersion: v1
            kind: Pod
            metadata: {name: reader, labels: {app: reader}}
            spec:
              nodeName: node1
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "\(script)", "\(cluster.marker)"]
                  envFrom: [{configMapRef: {name: settings}, prefix: CFG_}]
                  env:
                    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                    - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                    - {name: NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
                    - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
                    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
                    - {name: URL, value: "http://$(POD_IP):8080"}
                    - {name: MEMORY, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
                  resources: {limits: {memory: 64Mi}}
                  volumeMounts:
                    - {name: config, mountPath: /etc/config}
                    - {name: podinfo, mountPath: /etc/podinfo}
              volumes:
                - {name: config, configMap: {name: settings}}
                - {name: podinfo, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}
            """)
        #expect(applied.status == 0 && !applied.output.contains("unknown field"), "every field is known: \(applied.output)")
        let expected = [
            "POD_NAME=reader POD_IP=127.0.0.1 NAMESPACE=default", "CFG_mode=fast MODE=fast PASSWORD=s3cr3t",
            "URL=http://127.0.0.1:8080 MEMORY=64", #"FILE=from-a-file LABELS=app="reader""#,
        ]
        try await eventually("the pod to print its environment and files") {
            let logs = try await cluster.kubectl("logs", "reader")
            return logs.status == 0 && logs.output.split(separator: "\n").map(String.init) == expected
        }
        let spec = try await cluster.kubectl("get", "pod", "reader", "-o", "jsonpath={.spec.containers[0].env[0].valueFrom.fieldRef.apiVersion} {.spec.volumes[0].configMap.defaultMode}")
        #expect(spec.output == "v1 420", "the API server keeps and defaults the sources: \(spec.output)")

        // A downward API path the kubelet cannot fill in is refused, as Kubernetes refuses it.
        let refused = try await cluster.kubectl("apply", "-f", "-", input: """
            apiVersion: v1
            kind: Pod
            metadata: {name: refused}
            spec:
              containers:
                - {name: main, image: busybox, env: [{name: HOST, valueFrom: {fieldRef: {fieldPath: spec.hostname}}}]}
            """)
        #expect(refused.status != 0 && refused.output.contains(#"spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.hostname""#),
                "\(refused.output)")

        // A ConfigMap that does not exist yet: the container waits, with Kubernetes' reason.
        let waiting = try await cluster.kubectl("apply", "-f", "-", input: """
            apiVersion: v1
            kind: Pod
            metadata: {name: waiter}
            spec:
              nodeName: node1
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "echo LATE=$LATE; while :; do sleep 1; done", "\(cluster.marker)"]
                  env: [{name: LATE, valueFrom: {configMapKeyRef: {name: late, key: word}}}]
            """)
        #expect(waiting.status == 0, "\(waiting.output)")
        for tool in Tools.kubectls(minors: [27, 33]) {
            try await eventually("\(tool) to show CreateContainerConfigError") {
                let pods = try await cluster.kubectl(["get", "pod", "waiter"], tool: tool)
                return row(pods.output, "waiter").prefix(3) == ["waiter", "0/1", "CreateContainerConfigError"]
            }
        }
        let message = try await cluster.kubectl("get", "pod", "waiter", "-o", "jsonpath={.status.containerStatuses[0].state.waiting.message}")
        #expect(message.output == #"configmap "late" not found"#, "\(message.output)")
        let created = try await cluster.kubectl("create", "configmap", "late", "--from-literal=word=finally")
        #expect(created.status == 0, "\(created.output)")
        try await eventually("the pod to start once its ConfigMap exists") {
            let pods = try await cluster.kubectl("get", "pod", "waiter")
            let logs = try await cluster.kubectl("logs", "waiter")
            return row(pods.output, "waiter").prefix(3) == ["waiter", "1/1", "Running"] && logs.output == "LATE=finally\n"
        }

        // A missing ConfigMap behind a volume: ContainerCreating, with a FailedMount event, until it exists.
        let mounter = try await cluster.kubectl("apply", "-f", "-", input: """
            apiVersion: v1
            kind: Pod
            metadata: {name: mounter}
            spec:
              nodeName: node1
              containers:
                - name: main
                  image: busybox
                  command: ["sh", "-c", "cat etc/later/word; echo; while :; do sleep 1; done", "\(cluster.marker)"]
                  volumeMounts: [{name: later, mountPath: /etc/later}]
              volumes: [{name: later, configMap: {name: later}}]
            """)
        #expect(mounter.status == 0, "\(mounter.output)")
        try await eventually("a FailedMount event for the missing ConfigMap") {
            let events = try await cluster.kubectl("get", "events", "--field-selector", "involvedObject.name=mounter")
            return events.output.contains(#"MountVolume.SetUp failed for volume "later" : configmap "later" not found"#)
        }
        let creating = try await cluster.kubectl("get", "pod", "mounter")
        #expect(row(creating.output, "mounter").prefix(3) == ["mounter", "0/1", "ContainerCreating"], "\(creating.output)")
        let later = try await cluster.kubectl("create", "configmap", "later", "--from-literal=word=mounted")
        #expect(later.status == 0, "\(later.output)")
        try await eventually("the pod to start and read its file once the ConfigMap exists") {
            try await cluster.kubectl("logs", "mounter").output == "mounted\n"
        }
        try await cluster.interrupt()
    }
}

@Suite("Stage 2 ConfigMaps with the Python client", .tags(.endToEnd),
       .enabled(if: PythonClient.isAvailable, "python3 with the kubernetes package is not installed (pip install kubernetes)"))
struct ConfigKindsPythonClientTests {
    /// Creates a ConfigMap and a Secret, reads them back, lists ConfigMaps, deletes the ConfigMap.
    static let script = """
        import sys, base64
        from kubernetes import client, config
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        cm = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-settings"), data={"mode": "fast"})
        print("created", v1.create_namespaced_config_map("default", cm).metadata.name)
        read = v1.read_namespaced_config_map("py-settings", "default")
        print("read", read.metadata.name, read.data)
        print("listed", [c.metadata.name for c in v1.list_namespaced_config_map("default").items])
        secret = client.V1Secret(metadata=client.V1ObjectMeta(name="py-creds"), string_data={"password": "s3cr3t"})
        v1.create_namespaced_secret("default", secret)
        got = v1.read_namespaced_secret("py-creds", "default")
        print("secret", got.type, base64.b64decode(got.data["password"]).decode())
        v1.delete_namespaced_config_map("py-settings", "default")
        print("deleted")
        """

    @Test func thePythonClientCreatesAndReadsAConfigMapAndASecret() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let (status, lines, output) = try await PythonClient.run(Self.script, on: cluster, named: "configmap.py")
        #expect(status == 0, "\(output)")
        #expect(lines == ["created py-settings", "read py-settings {'mode': 'fast'}", "listed ['py-settings']",
                          "secret Opaque s3cr3t", "deleted"], "\(output)")
        try await cluster.interrupt()
    }
}
