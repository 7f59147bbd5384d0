// Stage 2 · APIMachinery: the closed vocabularies that requests and responses add.
//
// As in stage 1's `ClosedSets.swift`: each enum is a Go `type X string` with its
// constants, in Kubernetes' order; fields hold them as Optionals, nil standing for "".

import API

/// What deleting an object does to the objects it owns (`propagationPolicy`); read by
/// the API server on DELETE and by the garbage collector (stage 5).
public enum DeletionPropagation: String, ClosedStringSet {
    case orphan = "Orphan"
    case background = "Background"
    case foreground = "Foreground"
}

/// How much of each object a `Table` row carries (`?includeObject=`); kubectl asks for
/// `Object` when it sorts (`--sort-by`), and sends nothing otherwise, which means Metadata.
public enum IncludeObjectPolicy: String, ClosedStringSet {
    case none = "None"
    case metadata = "Metadata"
    case object = "Object"
}

/// Whether the operation a `Status` reports succeeded (`status`).
public enum StatusResult: String, ClosedStringSet {
    case success = "Success"
    case failure = "Failure"
}
