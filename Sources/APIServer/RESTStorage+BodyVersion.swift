// Stage 2 · APIServer: a body's `apiVersion` and `kind` must be the URL's.
//
// A create or update names its group and version twice: in the URL (`/api/v1/…`) and
// in the body's `apiVersion`. Kubernetes decodes the body as the URL's kind and refuses
// one written for another version with 400 BadRequest:
//
//   the API version in the data (apps/v1) does not match the expected API version (v1)
//
// A body of another kind (a Node sent to `/pods`) decodes as that kind and then fails
// to convert, also 400:
//
//   Node in version "v1" cannot be handled as a Pod: converting (v1.Node) to (core.Pod): unknown conversion
//
// An empty `apiVersion` or `kind` is the URL's, as Kubernetes defaults it.

import API
import APIMachinery

extension RESTStorage {
    /// Refuses `object` when its `kind` or `apiVersion` is not the resource's.
    static func checkGroupVersion(of object: Object) throws(Status) {
        let resource = Object.resource
        let expected = resource.groupVersion
        if !object.kind.isEmpty && object.kind != resource.kind {
            let version = object.apiVersion.isEmpty ? expected : object.apiVersion
            let from = "\(version.split(separator: "/").last ?? "").\(object.kind)"
            let to = "\(resource.group.isEmpty ? "core" : resource.group).\(resource.kind)"
            throw Status.badRequest("\(object.kind) in version \"\(version)\" cannot be handled as a \(resource.kind): converting (\(from)) to (\(to)): unknown conversion")
        }
        guard object.apiVersion.isEmpty || object.apiVersion == expected else {
            throw Status.badRequest("the API version in the data (\(object.apiVersion)) does not match the expected API version (\(expected))")
        }
    }
}
