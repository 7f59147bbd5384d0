// Stage 2 · APIServer tests: JSON request bodies read by a JSON parser, once.
//
// A body was read by the YAML reader up to three times (for closed-set values, as the
// object, for unknown fields); a 1 MB body cost seconds of CPU each time while other
// requests waited. Now a JSON body is parsed once, as JSON: errors speak Go's words with
// the line and column, a number is JSON's number, tabs are whitespace, and a YAML body
// (or YAML sent as JSON) is still read as YAML. `bench body` measures the cost.

import API
import APIMachinery
import Foundation
@testable import HTTPClient
import Testing

@Suite struct JSONBodyTests {
    func create(_ client: HTTPClient, _ body: String, query: String = "", contentType: String = "application/json") async throws -> HTTPClientResponse {
        try await client.send(HTTPClientRequest(
            method: "POST", target: "/api/v1/namespaces/default/pods\(query)", headers: ["Content-Type": contentType], body: Array(body.utf8)))
    }

    func message(_ response: HTTPClientResponse) throws -> String {
        try APIJSON.decode(Status.self, from: response.data).message
    }

    @Test func aBrokenJSONBodyIsABadRequestInGosWordsWithItsLineAndColumn() async throws {
        try await withInProcessAPIServer { client in
            let refused = try await create(client, #"{"kind": "Pod", oops"#)
            #expect(refused.status.code == 400)
            #expect(try message(refused)
                == "the request body is not a valid object: 1:17: invalid character 'o' looking for beginning of object key string")
            let cut = try await create(client, "{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\"")
            #expect(try message(cut) == "the request body is not a valid object: 2:15: unexpected end of JSON input")
        }
    }

    @Test func aValueOfTheWrongTypeIsNamedByFieldLineAndColumn() async throws {
        try await withInProcessAPIServer { client in
            let body = """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
                 "spec": {"containers": [{"name": "main", "image": "busybox", "ports": [{"containerPort": "http"}]}]}}
                """
            let refused = try await create(client, body)
            #expect(refused.status.code == 400)
            #expect(try message(refused) == #"the request body is not a valid object: 2:91: spec.containers[0].ports[0].containerPort: expected an integer, found "http""#)
        }
    }

    @Test func anIntegerBeyondSixtyFourBitsIsNamedExactlyNotAsAFloat() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"}, "spec": {"terminationGracePeriodSeconds": 123456789012345678901234567890, "containers": [{"name": "main", "image": "busybox"}]}}"#
            let refused = try await create(client, body)
            #expect(refused.status.code == 400)
            #expect(try message(refused).hasSuffix(
                "spec.terminationGracePeriodSeconds: expected an integer from -9223372036854775808 to 9223372036854775807, found 123456789012345678901234567890"))
        }
    }

    @Test func aJSONBodyIndentedWithTabsIsCreated() async throws {
        try await withInProcessAPIServer { client in
            let body = "{\n\t\"apiVersion\":\t\"v1\",\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"tabs\"},\n\t\"spec\": {\n\t\t\"containers\": [{\"name\": \"main\", \"image\": \"busybox\"}]\n\t}\n}"
            let created = try await create(client, body)
            #expect(created.status.code == 201, "\(created.text.prefix(300))")
        }
    }

    @Test func aYAMLBodyIsStillReadAsYAMLWhateverItsContentType() async throws {
        try await withInProcessAPIServer { client in
            let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: NAME\nspec:\n  containers: [{name: main, image: busybox}]\n"
            let asYAML = try await create(client, yaml.replacingOccurrences(of: "NAME", with: "as-yaml"), contentType: "application/yaml")
            #expect(asYAML.status.code == 201, "\(asYAML.text.prefix(300))")
            let asJSON = try await create(client, yaml.replacingOccurrences(of: "NAME", with: "as-json"))
            #expect(asJSON.status.code == 201, "\(asJSON.text.prefix(300))")
        }
    }

    @Test func aMemberWrittenTwiceIsNamedUnderStrictAndTheLastValueKeptOtherwise() async throws {
        try await withInProcessAPIServer { client in
            let body = #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "twice"}, "spec": {"containers": [{"name": "main", "image": "first", "image": "last"}]}}"#
            let refused = try await create(client, body, query: "?fieldValidation=Strict")
            #expect(try message(refused) == #"Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "spec.containers[0].image""#)
            let created = try await create(client, body, query: "?fieldValidation=Ignore")
            #expect(created.status.code == 201)
            #expect(try APIJSON.decode(Pod.self, from: created.data).spec.containers.first?.image == "last")
        }
    }

    /// A body over `LargeRequestExecutor.threshold` is served on that executor's thread;
    /// 1 MB bodies, and what they cost the others, are `bench body`'s.
    @Test func aBodyLargeEnoughToBeServedOffThePoolIsCreatedWhole() async throws {
        try await withInProcessAPIServer { client in
            let count = 4_000
            let env = (0..<count).map { #"{"name": "VAR_\#($0)", "value": "value-of-a-variable-of-some-length-\#($0)"}"# }
            let body = #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "big"}, "spec": {"containers": [{"name": "main", "image": "busybox", "env": [\#(env.joined(separator: ", "))]}]}}"#
            #expect(body.utf8.count > 256 * 1024)
            let created = try await create(client, body)
            #expect(created.status.code == 201, "\(created.text.prefix(300))")
            #expect(try APIJSON.decode(Pod.self, from: created.data).spec.containers.first?.env.count == count)
        }
    }
}
