// Stage 2 · APIServer: pods in `TableBuilder`'s tables.
//
// `PodPrinter` came first, with its own column type; this conformance hands its
// columns to tables as the API's `TableColumnDefinition`.

import API
import APIMachinery

extension PodPrinter: TablePrinter {
    /// `PodPrinter.columns`, as the `Table` wire type.
    public static var columnDefinitions: [APIMachinery.TableColumnDefinition] {
        columns.map {
            APIMachinery.TableColumnDefinition(
                name: $0.name, type: $0.type, format: $0.format, description: $0.description, priority: $0.priority)
        }
    }

    /// A pod's metadata.
    public static func metadata(of pod: Pod) -> ObjectMeta { pod.metadata }
}
