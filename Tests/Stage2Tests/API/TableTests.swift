// Tables for `kubectl get`: typed column definitions, heterogeneous cells, row objects.

import API
import APIMachinery
import Testing

private let podColumns = [
    TableColumnDefinition(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace."),
    TableColumnDefinition(name: "Ready", type: "string", description: "The aggregate readiness state of this pod for accepting traffic."),
    TableColumnDefinition(name: "Status", type: "string", description: "The aggregate status of the containers in this pod."),
    TableColumnDefinition(name: "Restarts", type: "string", description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
    TableColumnDefinition(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created."),
    TableColumnDefinition(name: "IP", type: "string", description: "IP address allocated to the pod.", priority: 1),
]

@Test func tableWithMixedCellsEncodesAsKubectlExpects() throws {
    let metadata = PartialObjectMetadata(metadata: ObjectMeta(
        name: "web", namespace: "default", creationTimestamp: Time(rfc3339: "2024-05-01T10:00:00Z")!))
    let table = Table(
        metadata: ListMeta(resourceVersion: "6100"),
        columnDefinitions: [
            TableColumnDefinition(name: "Name", type: "string", format: "name", description: "Name"),
            TableColumnDefinition(name: "Restarts", type: "integer", description: "Restarts", priority: 0),
            TableColumnDefinition(name: "Ready", type: "boolean", description: "Ready"),
            TableColumnDefinition(name: "Load", type: "number", description: "Load", priority: 1),
            TableColumnDefinition(name: "Nominated", type: "string", description: "Nominated node", priority: 1),
        ],
        rows: [TableRow(
            cells: [.string("web"), .number(3), .bool(true), .number(0.25), .null],
            object: try JSONValue(encoding: metadata))])
    let expected = #"{"apiVersion":"meta.k8s.io/v1","columnDefinitions":["#
        + #"{"description":"Name","format":"name","name":"Name","priority":0,"type":"string"},"#
        + #"{"description":"Restarts","format":"","name":"Restarts","priority":0,"type":"integer"},"#
        + #"{"description":"Ready","format":"","name":"Ready","priority":0,"type":"boolean"},"#
        + #"{"description":"Load","format":"","name":"Load","priority":1,"type":"number"},"#
        + #"{"description":"Nominated node","format":"","name":"Nominated","priority":1,"type":"string"}],"#
        + #""kind":"Table","metadata":{"resourceVersion":"6100"},"rows":[{"cells":["web",3,true,0.25,null],"#
        + #""object":{"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata","#
        + #""metadata":{"creationTimestamp":"2024-05-01T10:00:00Z","name":"web","namespace":"default"}}}]}"#
    #expect(try encodedText(table) == expected)
}

@Test func rowWithoutObjectWritesObjectNullAndEmptyCellsList() throws {
    #expect(try encodedText(TableRow()) == #"{"cells":[],"object":null}"#)
}

@Test func emptyTableStillWritesColumnsAndRows() throws {
    let expected = #"{"apiVersion":"meta.k8s.io/v1","columnDefinitions":[],"kind":"Table","metadata":{},"rows":[]}"#
    #expect(try encodedText(Table()) == expected)
}

@Test func realPodTableRoundTripsAndItsRowObjectDecodesAsMetadata() throws {
    let text = #"""
        {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"6100"},
         "columnDefinitions":[
           {"name":"Name","type":"string","format":"name","description":"Name must be unique within a namespace.","priority":0},
           {"name":"Ready","type":"string","format":"","description":"The aggregate readiness state of this pod for accepting traffic.","priority":0},
           {"name":"Status","type":"string","format":"","description":"The aggregate status of the containers in this pod.","priority":0},
           {"name":"Restarts","type":"string","format":"","description":"The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.","priority":0},
           {"name":"Age","type":"string","format":"","description":"CreationTimestamp is a timestamp representing the server time when this object was created.","priority":0},
           {"name":"IP","type":"string","format":"","description":"IP address allocated to the pod.","priority":1}],
         "rows":[{"cells":["web","1/1","Running","0","5m2s","10.244.0.5"],
                  "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                            "metadata":{"name":"web","namespace":"default","uid":"c1f2","resourceVersion":"6011",
                                        "creationTimestamp":"2024-05-01T10:05:00Z","labels":{"app":"web"}}}}]}
        """#
    #expect(try roundTrips(Table.self, text))
    let table = try decoded(Table.self, text)
    #expect(table.columnDefinitions == podColumns)
    let object = try table.rows[0].object.decoded(as: PartialObjectMetadata.self)
    #expect(object.metadata.labels == ["app": "web"])
}

@Test func completedRowConditionWritesTypeAndStatus() throws {
    let row = TableRow(cells: [.string("job-1")], conditions: [TableRowCondition(type: TableRowCondition.completed, status: .true)])
    #expect(try encodedText(row) == #"{"cells":["job-1"],"conditions":[{"status":"True","type":"Completed"}],"object":null}"#)
}
