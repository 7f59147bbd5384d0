// Stage 2 · APIServer: a create of a name that is still being deleted says so.
//
// A name stays taken until its object is really gone: a pod in its grace period, a
// namespace that is Terminating. Creating that name again is 409 AlreadyExists, as for
// any taken name, but Kubernetes' generic registry tells the two apart, since "already
// exists" is puzzling right after a delete that succeeded:
//
//   object is being deleted: namespaces "shop" already exists

import API
import APIMachinery

extension RESTStorage {
    /// `status` (an AlreadyExists about `name`), its message prefixed when the stored object is being deleted.
    func alreadyExists(_ status: Status, namespace: String, name: String) async -> Status {
        guard let existing = try? await read(namespace: namespace, name: name).object,
              existing.metadata.deletionTimestamp != nil else { return status }
        var status = status
        status.message = "object is being deleted: \(status.message)"
        return status
    }
}
