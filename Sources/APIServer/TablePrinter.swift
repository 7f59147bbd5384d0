// Stage 2 · APIServer: what every `kubectl get` printer provides.
//
// A printer knows one kind: its columns, how to write one object as cells, and where
// its metadata is (for the row's `PartialObjectMetadata`). `TableBuilder` turns any
// printer and a list of objects into a `Table`. Like Kubernetes' server-side printers,
// printers always write every column, the `-o wide` ones too: kubectl hides the
// columns whose priority is above 0 unless asked for `-o wide`.

import API
import APIMachinery

/// The columns and cells of one kind in `kubectl get`; implemented by `NodePrinter`,
/// `NamespacePrinter`, `EventPrinter` and `PodPrinter`, used by `TableBuilder`.
public protocol TablePrinter {
    /// The kind of object printed.
    associatedtype Object: Encodable

    /// The columns, in order, as Kubernetes defines them.
    static var columnDefinitions: [APIMachinery.TableColumnDefinition] { get }

    /// One cell per column for `object`, at time `now` (ages are computed by the server).
    static func cells(_ object: Object, now: Time) -> [String]

    /// The object's metadata, for the row's `PartialObjectMetadata`.
    static func metadata(of object: Object) -> ObjectMeta
}
