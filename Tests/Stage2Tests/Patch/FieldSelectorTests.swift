// Field selectors: syntax, escaping, matching, and the fields each kind exposes
// (cases from apimachinery/pkg/fields/selector_test.go).

import API
import APIMachinery
import APIServer
import ClusterKinds
import Testing

@Test(arguments: ["x=a,y=b,z=c", "", "x!=a,y=b", #"x=a||y\=b"#, #"x=a\=\=b"#, "spec.nodeName="])
func validFieldSelectorsParse(text: String) throws {
    _ = try FieldSelector(parsing: text)
}

@Test(arguments: ["x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x", #"x=a\b"#, #"x=a\"#])
func invalidFieldSelectorsAreRejected(text: String) {
    #expect(throws: FieldSelector.ParseError.self) { try FieldSelector(parsing: text) }
}

@Test func unparsableTermIsNamedInTheError() {
    #expect(throws: FieldSelector.ParseError(message: "invalid selector: 'x=a,b'; can't understand 'b'")) {
        try FieldSelector(parsing: "x=a,b")
    }
}

@Test func escapedCommaAndEqualsStayInTheValue() throws {
    let selector = try FieldSelector(parsing: #"x=a\,b\=c\\d,y==e"#)
    #expect(selector.requirements == [
        FieldSelector.Requirement(field: "x", operator: .equals, value: #"a,b=c\d"#),
        FieldSelector.Requirement(field: "y", operator: .doubleEquals, value: "e"),
    ])
    #expect(try FieldSelector(parsing: selector.description) == selector)
}

@Test func fieldSelectorMatchesAndTreatsMissingFieldsAsEmpty() throws {
    let fields = ["spec.nodeName": "n1", "status.phase": "Running"]
    #expect(try FieldSelector(parsing: "spec.nodeName=n1,status.phase!=Failed").matches(fields))
    #expect(try !FieldSelector(parsing: "spec.nodeName==n2").matches(fields))
    #expect(try FieldSelector(parsing: "metadata.name=").matches(fields))
    #expect(try FieldSelector(parsing: "").matches([:]))
}

@Test func unsupportedFieldIsRejectedInKubernetesWords() throws {
    let selector = try FieldSelector(parsing: "spec.nodeName=n1,foo=bar")
    #expect(throws: FieldSelector.ParseError(message: "field label not supported: foo")) {
        try selector.checked(against: FieldSelector.podFieldNames)
    }
}

@Test func podsAcceptTheOldSpecHostName() throws {
    let selector = try FieldSelector(parsing: "spec.host=n1")
        .checked(against: FieldSelector.podFieldNames, aliases: FieldSelector.podFieldAliases)
    #expect(selector.requirements.first?.field == "spec.nodeName")
}

@Test func podSelectableFieldsAreTheOnesKubernetesLists() {
    var pod = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    pod.spec.nodeName = "n1"
    pod.spec.restartPolicy = .always
    pod.status.phase = .running
    pod.status.podIP = "10.0.0.5"
    let fields = pod.selectableFields
    #expect(Set(fields.keys) == FieldSelector.podFieldNames)
    #expect(fields["spec.nodeName"] == "n1")
    #expect(fields["spec.restartPolicy"] == "Always")
    #expect(fields["status.phase"] == "Running")
    #expect(fields["status.podIP"] == "10.0.0.5")
    #expect(fields["spec.hostNetwork"] == "false")
}

@Test func eventSelectableFieldsAreTheOnesKubernetesLists() {
    // Kubernetes' TestGetAttrs for events.
    var event = Event()
    event.metadata = ObjectMeta(name: "f0118", namespace: "default")
    event.involvedObject = ObjectReference(kind: "Pod", namespace: "baz", name: "foo", uid: "long uid string", apiVersion: "v1", resourceVersion: "0")
    event.reason = "ForTesting"
    event.source = EventSource(component: "test")
    event.type = "Normal"
    #expect(EventStrategy.selectableFields(event) == [
        "metadata.name": "f0118", "metadata.namespace": "default",
        "involvedObject.kind": "Pod", "involvedObject.name": "foo", "involvedObject.namespace": "baz",
        "involvedObject.uid": "long uid string", "involvedObject.apiVersion": "v1",
        "involvedObject.resourceVersion": "0", "involvedObject.fieldPath": "",
        "reason": "ForTesting", "reportingComponent": "", "source": "test", "type": "Normal",
    ])
}

@Test func eventSourceFallsBackToTheReportingController() {
    var event = Event()
    event.reportingComponent = "kubelet"
    let fields = EventStrategy.selectableFields(event)
    #expect(fields["source"] == "kubelet")
    #expect(Set(fields.keys) == EventStrategy.selectableFieldNames)
}

@Test func nodeAndNamespaceSelectableFieldsAreTheirNameAndOneMore() {
    var node = Node(metadata: ObjectMeta(name: "n1"))
    node.spec.unschedulable = true
    #expect(NodeStrategy.selectableFields(node) == ["metadata.name": "n1", "spec.unschedulable": "true"])
    #expect(Set(NodeStrategy.selectableFields(node).keys) == NodeStrategy.selectableFieldNames)
    var namespace = Namespace()
    namespace.metadata.name = "ns"
    namespace.status.phase = .active
    #expect(NamespaceStrategy.selectableFields(namespace) == ["metadata.name": "ns", "status.phase": "Active"])
    #expect(Set(NamespaceStrategy.selectableFields(namespace).keys) == NamespaceStrategy.selectableFieldNames)
}

@Test func aKindWithNoFieldsOfItsOwnIsSelectedByNameAndNamespace() {
    #expect(WidgetStrategy.selectableFields(Widget(name: "w")) == ["metadata.name": "w", "metadata.namespace": ""])
    #expect(WidgetStrategy.selectableFieldNames == ["metadata.name", "metadata.namespace"])
}
