// Stage 3 · end-to-end tests: the Python client's `watch.Watch().stream(...)` against `stage3 up`.

import Testing
@testable import TestSupport

/// Stage 3's scripts for the Python client: its watch, as a Python program uses it.
extension PythonClient {
    /// Lists, then watches from the list's version: every change to `py1` in order; stops
    /// after two events, changes the pod twice more, and resumes from the version the
    /// watch reached (`resource_version`), which must bring exactly the changes since.
    static let watchInOrderAndResumeScript = """
        import sys
        from kubernetes import client, config, watch
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        def describe(e):
            o = e["object"]
            return "%s %s %s" % (e["type"], o.metadata.name, (o.metadata.labels or {}).get("step", "-"))
        listed = v1.list_namespaced_pod("default", label_selector="app=py")
        pod = client.V1Pod(metadata=client.V1ObjectMeta(name="py1", labels={"app": "py"}),
              spec=client.V1PodSpec(containers=[client.V1Container(name="main", image="busybox", command=["sh", "-c", "sleep 1", sys.argv[2]])]))
        v1.create_namespaced_pod("default", pod)
        v1.patch_namespaced_pod("py1", "default", {"metadata": {"labels": {"step": "1"}}})
        w = watch.Watch()
        first = []
        for e in w.stream(v1.list_namespaced_pod, "default", label_selector="app=py",
                          resource_version=listed.metadata.resource_version, timeout_seconds=60):
            first.append(describe(e))
            if len(first) == 2:
                w.stop()
        print("first", first)
        resume = w.resource_version
        v1.patch_namespaced_pod("py1", "default", {"metadata": {"labels": {"step": "2"}}})
        v1.delete_namespaced_pod("py1", "default", grace_period_seconds=0)
        second = []
        w = watch.Watch()
        for e in w.stream(v1.list_namespaced_pod, "default", label_selector="app=py", resource_version=resume, timeout_seconds=60):
            second.append(describe(e))
            if e["type"] == "DELETED":
                w.stop()
        print("second", second)
        """

    /// Watches from `resourceVersion`, which the server no longer holds: the client raises
    /// its 410; the script then does what a client must, lists and watches from the list,
    /// and sees a pod created after it.
    static func expiredWatchScript(from resourceVersion: String) -> String {
        """
        import sys
        from kubernetes import client, config, watch
        config.load_kube_config(config_file=sys.argv[1])
        v1 = client.CoreV1Api()
        try:
            for e in watch.Watch().stream(v1.list_namespaced_pod, "default", resource_version="\(resourceVersion)", timeout_seconds=60):
                print("unexpected", e["type"], e["object"].metadata.name)
        except client.rest.ApiException as error:
            print("expired", error.status)
        listed = v1.list_namespaced_pod("default")
        print("relisted", sorted(p.metadata.name for p in listed.items))
        pod = client.V1Pod(metadata=client.V1ObjectMeta(name="after-410"),
              spec=client.V1PodSpec(containers=[client.V1Container(name="main", image="busybox", command=["sh", "-c", "sleep 1", sys.argv[2]])]))
        v1.create_namespaced_pod("default", pod)
        w = watch.Watch()
        for e in w.stream(v1.list_namespaced_pod, "default", resource_version=listed.metadata.resource_version, timeout_seconds=60):
            print("event", e["type"], e["object"].metadata.name)
            w.stop()
        """
    }
}
