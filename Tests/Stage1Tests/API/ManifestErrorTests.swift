// Errors point at file, line, column and field, in Kubernetes' words.

import API
import Foundation
import Manifests
import Testing
import YAML

/// The `ManifestError` that decoding `json` as a Pod throws.
func podError(_ json: String) throws -> ManifestError {
    do {
        _ = try Manifest.decode(Pod.self, from: TestJSON.node(json), file: "web.yaml")
    } catch let error as ManifestError {
        return error
    }
    Issue.record("decoding succeeded")
    return ManifestError(message: "")
}

@Test func wrongTypeInANestedListNamesPlaceAndValue() throws {
    let error = try podError("""
        {"spec": {"containers": [
          {"name": "web",
           "ports": [{"containerPort": "http"}]}]}}
        """)
    #expect(error.description
        == #"web.yaml:3:32: spec.containers[0].ports[0].containerPort: expected an integer, found "http""#)
}

@Test func numberWhereAStringBelongsIsAnError() throws {
    let error = try podError(#"{"spec": {"containers": [{"name": "web", "image": 8080}]}}"#)
    #expect(error.path == "spec.containers[0].image")
    #expect(error.message == "expected a string, found 8080")
    #expect(error.line == 1 && error.column == 51)
}

@Test func unknownEnumValueListsTheSupportedValues() throws {
    let error = try podError("""
        {"spec": {
          "restartPolicy": "always"}}
        """)
    #expect(error.description
        == #"web.yaml:2:20: spec.restartPolicy: unsupported value "always": supported values: "Always", "OnFailure", "Never""#)
}

@Test func unknownEnumValueInsideAListIsLocated() throws {
    let error = try podError(#"{"status": {"conditions": [{"type": "Ready", "status": "Yes"}]}}"#)
    #expect(error.path == "status.conditions[0].status")
    #expect(error.message == #"unsupported value "Yes": supported values: "True", "False", "Unknown""#)
}

@Test func objectWhereAListBelongsIsAnError() throws {
    let error = try podError(#"{"spec": {"containers": {"name": "web"}}}"#)
    #expect(error.path == "spec.containers")
    #expect(error.message == "expected a list, found an object")
    #expect(error.column == 25)
}

@Test func badQuantityIsLocatedAtTheValue() throws {
    let error = try podError(#"{"spec": {"containers": [{"resources": {"limits": {"cpu": "lots"}}}]}}"#)
    #expect(error.path == "spec.containers[0].resources.limits.cpu")
    #expect(error.message.hasPrefix(#"invalid quantity "lots""#))
    #expect(error.column == 59)
}

@Test func integerOutOfRangeIsAnError() throws {
    let error = try podError(#"{"spec": {"priority": 3000000000}}"#)
    #expect(error.message == "expected an integer from -2147483648 to 2147483647, found 3000000000")
}

@Test func documentThatIsNotAnObjectIsAnError() throws {
    let error = try podError(#"["a pod?"]"#)
    #expect(error.description == "web.yaml:1:1: expected an object, found a list")
}

@Test func typeMetaIsReadWithoutTheRest() throws {
    let typeMeta = try Manifest.typeMeta(of: TestJSON.node(#"{"apiVersion": "apps/v1", "kind": "Deployment", "spec": 1}"#))
    #expect(typeMeta == TypeMeta(apiVersion: "apps/v1", kind: "Deployment"))
}

@Test func apiJSONErrorsCarryTheFieldPath() throws {
    #expect {
        try APIJSON.decode(Pod.self, from: Data(#"{"spec": {"restartPolicy": "sometimes"}}"#.utf8))
    } throws: { error in
        let error = error as? ManifestError
        return error?.path == "spec.restartPolicy" && error?.line == nil
            && error?.message.hasPrefix(#"unsupported value "sometimes""#) == true
    }
}

@Test func yamlErrorsBecomeManifestErrors() {
    // The YAML reader in this worktree may be a stub that always throws; either way a
    // reader error must come back as a ManifestError naming the file.
    do {
        _ = try Manifest.decodeDocuments(Pod.self, yaml: "kind: Pod\n  bad: [", file: "bad.yaml")
    } catch {
        #expect(error.file == "bad.yaml")
        #expect(error.line != nil)
    }
}
