// `?limit=N` pages a list with a `continue` token; deletecollection deletes what a selector picks.

import API
import APIMachinery
@testable import APIServer
import Foundation
import HTTP
@testable import HTTPClient
import Testing

@Suite struct ListPageTests {
    func send(_ client: HTTPClient, _ method: String, _ target: String, body: String = "", accept: String? = nil) async throws -> HTTPClientResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let accept { headers.add(name: "Accept", value: accept) }
        return try await client.send(HTTPClientRequest(method: method, target: target, headers: headers, body: Array(body.utf8)))
    }

    func createPods(_ client: HTTPClient, _ names: [String], labels: String = "{}") async throws {
        for name in names {
            let pod = #"{"metadata":{"name":"\#(name)","labels":\#(labels)},"spec":{"containers":[{"name":"main","image":"busybox"}]}}"#
            #expect(try await send(client, "POST", "/api/v1/namespaces/default/pods", body: pod).status.code == 201)
        }
    }

    @Test func aLimitedListPagesThroughEveryPodOnceWithAContinueToken() async throws {
        try await withInProcessAPIServer { client in
            try await createPods(client, ["a", "b", "c", "d", "e"])
            var names: [String] = []
            var token = ""
            var pages = 0
            repeat {
                let query = token.isEmpty ? "limit=2" : "limit=2&continue=\(token)"
                let page = try APIJSON.decode(PodList.self, from: try await send(client, "GET", "/api/v1/namespaces/default/pods?\(query)").data)
                names += page.items.map(\.metadata.name)
                if pages == 0 { #expect(page.metadata.remainingItemCount == 3) }
                token = page.metadata.continue
                pages += 1
            } while !token.isEmpty && pages < 10
            #expect(names == ["a", "b", "c", "d", "e"] && pages == 3)
        }
    }

    @Test func aTablePageCarriesTheTokenAndASelectedListNoRemainingCount() async throws {
        try await withInProcessAPIServer { client in
            try await createPods(client, ["a", "b", "c"], labels: #"{"app":"web"}"#)
            let table = try APIJSON.decode(Table.self, from: try await send(
                client, "GET", "/api/v1/namespaces/default/pods?limit=1", accept: "application/json;as=Table;v=v1;g=meta.k8s.io").data)
            #expect(table.rows.count == 1 && !table.metadata.continue.isEmpty && table.metadata.remainingItemCount == 2)
            let selected = try APIJSON.decode(PodList.self, from: try await send(
                client, "GET", "/api/v1/namespaces/default/pods?limit=2&labelSelector=app%3Dweb").data)
            #expect(selected.items.count == 2 && !selected.metadata.continue.isEmpty && selected.metadata.remainingItemCount == nil)
            let last = try APIJSON.decode(PodList.self, from: try await send(client, "GET", "/api/v1/namespaces/default/pods?limit=3").data)
            #expect(last.items.count == 3 && last.metadata.continue.isEmpty, "no token when nothing is left")
        }
    }

    @Test func aTokenThatIsNotOneIsABadRequest() async throws {
        try await withInProcessAPIServer { client in
            let answer = try await send(client, "GET", "/api/v1/namespaces/default/pods?limit=1&continue=bogus")
            #expect(answer.status.code == 400)
            #expect(try APIJSON.decode(Status.self, from: answer.data).message.hasPrefix("invalid continue token"))
            #expect(try ListPage.decode(ListPage.token(lastKey: "web", revision: 7)) == "web")
        }
    }

    @Test func deleteCollectionDeletesWhatTheSelectorPicksAndADryRunNothing() async throws {
        try await withInProcessAPIServer { client in
            try await createPods(client, ["a", "b"], labels: #"{"app":"web"}"#)
            try await createPods(client, ["c"], labels: #"{"app":"db"}"#)
            let dry = try await send(client, "DELETE", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&dryRun=All")
            #expect(dry.status.code == 200)
            #expect(try APIJSON.decode(PodList.self, from: dry.data).items.map(\.metadata.name) == ["a", "b"])
            let deleted = try await send(client, "DELETE", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")
            let list = try APIJSON.decode(PodList.self, from: deleted.data)
            #expect(list.kind == "PodList" && list.items.map(\.metadata.name) == ["a", "b"])
            let left = try APIJSON.decode(PodList.self, from: try await send(client, "GET", "/api/v1/namespaces/default/pods").data)
            #expect(left.items.map(\.metadata.name) == ["c"])
        }
    }
}
