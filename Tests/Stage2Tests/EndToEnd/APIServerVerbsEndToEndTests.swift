// Issue 7's server items, driven by kubectl 1.27 and 1.33 and the Python client: a
// deleted namespace stays Terminating, streaming commands say they are not built yet,
// `auth can-i` and `auth whoami` answer, lists page, collections delete, events aggregate.

import Foundation
import Testing
@testable import TestSupport

@Suite("Stage 2 end to end: namespaces, verbs, pages, events", .serialized, .tags(.endToEnd),
       .enabled(if: Tools.isInstalled("kubectl"), "kubectl is not installed: the stage 2 end-to-end tests need it"))
struct APIServerVerbsEndToEndTests {
    @Test func aDeletedNamespaceIsTerminatingAndRefusesNewPods() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        for (index, tool) in Tools.kubectls(minors: [27, 33]).enumerated() {
            let name = "shop\(index)"
            let created = try await cluster.kubectl(["create", "namespace", name], tool: tool)
            #expect(created.status == 0, "\(tool): \(created.output)")
            // Without a namespace controller (stage 5) the namespace never goes, so kubectl must not wait for it.
            let deleted = try await cluster.kubectl(["delete", "namespace", name, "--wait=false"], tool: tool)
            #expect(deleted.status == 0 && deleted.output.contains(#"namespace "\#(name)" deleted"#), "\(tool): \(deleted.output)")
            let row = try await cluster.kubectl(["get", "ns", name, "--no-headers"], tool: tool)
            #expect(row.output.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == [Substring(name), "Terminating"],
                    "\(tool): \(row.output)")
            let described = try await cluster.kubectl(["describe", "ns", name], tool: tool)
            #expect(described.output.contains("Terminating") && described.output.contains("kubernetes.io/metadata.name=\(name)"),
                    "\(tool): \(described.output)")
            let again = try await cluster.kubectl(["create", "namespace", name], tool: tool)
            #expect(again.output.contains(#"Error from server (AlreadyExists): object is being deleted: namespaces "\#(name)" already exists"#),
                    "\(tool): \(again.output)")
            let refused = try await cluster.kubectl(["run", "p", "--image=busybox", "-n", name], tool: tool)
            #expect(refused.status != 0, "\(tool): \(refused.output)")
            #expect(refused.output.contains(
                #"Error from server (Forbidden): pods "p" is forbidden: unable to create new content in namespace \#(name) because it is being terminated"#),
                "\(tool): \(refused.output)")
        }
        try await cluster.interrupt()
    }

    @Test func streamingCommandsSayTheyAreNotBuiltYetAndAuthAnswersHonestly() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        _ = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest("web"))
        let wait = try await cluster.kubectl("wait", "--for=condition=Ready", "pod/web", "--timeout=120s")
        #expect(wait.status == 0, "\(wait.output)")
        for tool in Tools.kubectls(minors: [27, 33]) {
            for (command, subresource) in [(["exec", "web", "--", "ls"], "exec"), (["attach", "web"], "attach"),
                                           (["cp", "web:/etc/hosts", cluster.directory.appendingPathComponent("hosts").path], "exec"),
                                           (["port-forward", "web", ":80"], "portforward")] {
                let answer = try await cluster.kubectl(command, tool: tool)
                #expect(answer.status == 1, "\(tool) \(command[0]): \(answer.output)")
                #expect(answer.output.contains("pods/\(subresource) is not built yet in this series"), "\(tool) \(command[0]): \(answer.output)")
                #expect(!answer.output.contains("panic") && !answer.output.contains("NotFound"), "\(tool) \(command[0]): \(answer.output)")
            }
            let canI = try await cluster.kubectl(["auth", "can-i", "create", "pods"], tool: tool)
            #expect(canI.status == 0 && canI.output.trimmingCharacters(in: .whitespacesAndNewlines) == "yes", "\(tool): \(canI.output)")
            let whoami = try await cluster.kubectl(["auth", "whoami"], tool: tool)
            #expect(whoami.status == 0, "\(tool): \(whoami.output)")
            let lines = whoami.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            // kubectl sends no token over plain HTTP: from loopback it is the insecure port's user (TokenAuthenticator.swift).
            #expect(lines == ["ATTRIBUTE VALUE", "Username system:unsecured", "Groups [system:masters system:authenticated]"],
                    "\(tool): \(whoami.output)")
        }
        try await cluster.interrupt()
    }

    @Test func chunkedListsShowEveryPodDeleteAllEmptiesAndDescribeCountsRepeats() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        for name in ["a", "b", "c"] {
            let applied = try await cluster.kubectl("apply", "-f", "-", input: cluster.podManifest(name))
            #expect(applied.status == 0, "\(applied.output)")
        }
        for tool in Tools.kubectls(minors: [27, 33]) {
            let chunked = try await cluster.kubectl(["get", "pods", "--chunk-size=1", "--no-headers", "-o", "custom-columns=NAME:.metadata.name"], tool: tool)
            #expect(chunked.output.split(separator: "\n") == ["a", "b", "c"], "\(tool): \(chunked.output)")
            // kubectl asked for one pod a time, and followed the continue token.
            let logged = try await cluster.kubectl(["get", "pods", "--chunk-size=1", "-v=6"], tool: tool)
            #expect(logged.output.components(separatedBy: "continue=").count == 3, "\(tool): \(logged.output)")
            let table = try await cluster.kubectl(["get", "pods", "--chunk-size=2", "--no-headers"], tool: tool)
            #expect(table.output.split(separator: "\n").compactMap { $0.split(separator: " ").first } == ["a", "b", "c"], "\(tool): \(table.output)")
        }
        let deleted = try await cluster.kubectl("delete", "pods", "--all", "--grace-period=0", "--force")
        #expect(deleted.status == 0, "\(deleted.output)")
        try await eventually("every pod to be gone") {
            try await cluster.kubectl("get", "pods", "-o", "name").output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        // A container that exits at once is started again and again: one Event, counted.
        let crash = cluster.podManifest("crash").replacingOccurrences(of: "echo hello; while :; do sleep 1; done", with: "exit 1")
        _ = try await cluster.kubectl("apply", "-f", "-", input: crash)
        for tool in Tools.kubectls(minors: [27, 33]) {
            try await eventually("\(tool) describe to show a repeated event") {
                let described = try await cluster.kubectl(["describe", "pod", "crash"], tool: tool).output
                return described.range(of: #"Started +[0-9a-z]+ \(x[0-9]+ over [0-9a-z]+\) +kubelet +Started container main"#,
                                       options: .regularExpression) != nil
            }
        }
        try await cluster.interrupt()
    }

    @Test func aMethodWithoutARouteIs405AndABrowsersAcceptIs406() async throws {
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let pod = cluster.directory.appendingPathComponent("pod.json")
        try #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
            .write(to: pod, atomically: true, encoding: .utf8)
        for tool in Tools.kubectls(minors: [27, 33]) {
            for verb in ["replace", "create"] {  // PUT on the collection, POST on one pod
                let path = verb == "replace" ? "/api/v1/namespaces/default/pods" : "/api/v1/namespaces/default/pods/web"
                let refused = try await cluster.kubectl([verb, "--raw", path, "-f", pod.path], tool: tool)
                #expect(refused.status == 1 && refused.output.contains(
                    "Error from server (MethodNotAllowed): the server does not allow this method on the requested resource"), "\(tool) \(verb): \(refused.output)")
            }
        }
        if let curl = Tools.path(of: "curl") {
            let browser = try StageProcess(
                executable: URL(fileURLWithPath: curl),
                arguments: ["-s", "-w", " %{http_code}", "-H", "Accept: text/html", "-H", "Authorization: Bearer \(cluster.token ?? "")",
                            "http://127.0.0.1:\(cluster.port)/api/v1/namespaces/default/pods"],
                name: "curl")
            #expect(try await browser.waitForExit(timeout: .seconds(30)) == 0)
            #expect(browser.output.contains(#""message":"only the following media types are accepted: application/json""#)
                    && browser.output.hasSuffix(" 406"), "\(browser.output)")
        }
        try await cluster.interrupt()
    }

    @Test func thePythonClientPagesAListAndDeletesACollection() async throws {
        try #require(PythonClient.isAvailable, "python3 with the kubernetes package is not installed")
        let cluster = try await RunningCluster()
        defer { Task { await cluster.cleanUp() } }
        let (status, lines, output) = try await PythonClient.run(Self.pagingScript, on: cluster, named: "paging.py")
        #expect(status == 0, "\(output)")
        #expect(lines == ["page ['p0', 'p1'] 3", "page ['p2', 'p3'] 1", "page ['p4'] None", "deleted", "left ['p2', 'p3', 'p4']"], "\(output)")
        try await cluster.interrupt()
    }

    /// Creates five pods (two labelled), pages through them two at a time, then deletes the labelled ones by collection.
    static let pagingScript = """
        import sys
        from kubernetes import client, config
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        for i in range(5):
            labels = {"batch": "first"} if i < 2 else {}
            v1.create_namespaced_pod("default", client.V1Pod(metadata=client.V1ObjectMeta(name="p%d" % i, labels=labels),
                spec=client.V1PodSpec(containers=[client.V1Container(name="main", image="busybox")])))
        token = None
        while True:
            page = v1.list_namespaced_pod("default", limit=2, _continue=token)
            print("page", [p.metadata.name for p in page.items], page.metadata.remaining_item_count)
            token = page.metadata._continue
            if not token:
                break
        v1.delete_collection_namespaced_pod("default", label_selector="batch=first")
        print("deleted")
        print("left", [p.metadata.name for p in v1.list_namespaced_pod("default").items])
        """
}
