import APIServer
import Testing

@Suite struct RequestInfoTests {
    @Test func aNamedPodInANamespaceIsAGet() {
        let info = RequestInfo(method: "GET", path: "/api/v1/namespaces/default/pods/web")
        #expect(info.isResourceRequest)
        #expect(info.verb == "get")
        #expect(info.apiGroup == "" && info.apiVersion == "v1")
        #expect(info.namespace == "default" && info.resource == "pods" && info.name == "web" && info.subresource == "")
    }

    @Test func aSubresourceIsTheThirdPart() {
        let info = RequestInfo(method: "GET", path: "/api/v1/namespaces/default/pods/web/log")
        #expect(info.subresource == "log")
        #expect(info.verb == "get")
    }

    @Test func aGetWithoutANameIsAListOrAWatch() {
        #expect(RequestInfo(method: "GET", path: "/api/v1/pods").verb == "list")
        #expect(RequestInfo(method: "GET", path: "/api/v1/namespaces/default/pods").verb == "list")
        #expect(RequestInfo(method: "GET", path: "/api/v1/pods", isWatch: true).verb == "watch")
    }

    @Test func aDeleteWithoutANameIsADeleteCollection() {
        #expect(RequestInfo(method: "DELETE", path: "/api/v1/namespaces/default/pods").verb == "deletecollection")
        #expect(RequestInfo(method: "DELETE", path: "/api/v1/namespaces/default/pods/web").verb == "delete")
    }

    @Test func methodsBecomeKubernetesVerbs() {
        let path = "/api/v1/namespaces/default/pods/web"
        #expect(RequestInfo(method: "PUT", path: path).verb == "update")
        #expect(RequestInfo(method: "PATCH", path: path).verb == "patch")
        #expect(RequestInfo(method: "POST", path: "/api/v1/namespaces/default/pods").verb == "create")
    }

    @Test func aNamespaceItselfIsAClusterScopedObject() {
        let info = RequestInfo(method: "GET", path: "/api/v1/namespaces/kube-system")
        #expect(info.resource == "namespaces" && info.name == "kube-system")
        let status = RequestInfo(method: "PUT", path: "/api/v1/namespaces/kube-system/status")
        #expect(status.resource == "namespaces" && status.name == "kube-system" && status.subresource == "status")
    }

    @Test func namedGroupsHaveAGroupSegment() {
        let info = RequestInfo(method: "GET", path: "/apis/apps/v1/namespaces/a/deployments")
        #expect(info.apiPrefix == "apis" && info.apiGroup == "apps" && info.apiVersion == "v1")
        #expect(info.resource == "deployments" && info.verb == "list")
    }

    @Test func discoveryAndHealthAreNotResourceRequests() {
        for path in ["/version", "/api", "/api/v1", "/apis", "/healthz", "/openapi/v2"] {
            #expect(!RequestInfo(method: "GET", path: path).isResourceRequest, "\(path)")
        }
    }
}
