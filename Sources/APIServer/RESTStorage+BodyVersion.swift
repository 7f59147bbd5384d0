// Stage 2 · APIServer: a body's `apiVersion` must be the URL's.
//
// A create or update names its group and version twice: in the URL (`/api/v1/…`) and
// in the body's `apiVersion`. Kubernetes decodes the body as the URL's kind and refuses
// one written for another version with 400 BadRequest:
//
//   the API version in the data (apps/v1) does not match the expected API version (v1)
//
// An empty `apiVersion` is the URL's, as Kubernetes defaults it.

import API
import APIMachinery

extension RESTStorage {
    /// Refuses `object` when its `apiVersion` names another group version than the resource's.
    static func checkGroupVersion(of object: Object) throws(Status) {
        let expected = Object.resource.groupVersion
        guard object.apiVersion.isEmpty || object.apiVersion == expected else {
            throw Status.badRequest("the API version in the data (\(object.apiVersion)) does not match the expected API version (\(expected))")
        }
    }
}
