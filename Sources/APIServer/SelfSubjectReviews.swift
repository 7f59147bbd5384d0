// Stage 2 · APIServer: what this API server answers about its requester: who, and allowed anything.
//
// Kubernetes authenticates every request (who is it?) and then authorizes it (may they?).
// This series' API server authenticates with bearer tokens (`TokenAuthenticator`) and
// does not authorize: whoever is authenticated may do anything. The two self-reviews say
// so truthfully, in the terms Kubernetes uses:
//
//   kubectl auth whoami            Username admin, UID admin, Groups [system:masters system:authenticated]
//                                  (the user of the kubeconfig's token); without authentication
//                                  Username system:anonymous, Groups [system:unauthenticated]
//   kubectl auth can-i create pods yes: allowed, with a reason saying no authorizer is running
//
// A later stage that adds authorization replaces the second answer.

import API
import APIMachinery
import ClusterKinds

/// `kubectl auth can-i`: every well-formed question is answered "allowed".
public enum SelfSubjectAccessReviewer: Review {
    /// The reason every answer gives.
    public static let reason = "this API server has no authorization yet: every request is allowed"

    public static func answer(_ review: SelfSubjectAccessReview) throws(Status) -> SelfSubjectAccessReview {
        let spec = review.spec
        var errors: [FieldError] = []
        if spec.resourceAttributes != nil && spec.nonResourceAttributes != nil {
            errors.append(FieldError(.invalid, "spec.nonResourceAttributes", value: "null",
                                     "cannot be specified in combination with resourceAttributes"))
        }
        if spec.resourceAttributes == nil && spec.nonResourceAttributes == nil {
            errors.append(FieldError(.invalid, "spec.resourceAttributes", value: "null",
                                     "exactly one of nonResourceAttributes or resourceAttributes must be specified"))
        }
        guard errors.isEmpty else {
            throw Status.invalid(GroupKind(group: SelfSubjectAccessReview.resource.group, kind: SelfSubjectAccessReview.resource.kind),
                                 name: "", errors: errors)
        }
        var answered = review
        answered.status = SubjectAccessReviewStatus(allowed: true, reason: reason)
        return answered
    }
}

/// `kubectl auth whoami`: the user the request's token names, or anonymous.
public enum SelfSubjectReviewer: Review {
    /// The user Kubernetes names a request without credentials.
    public static let anonymous = UserInfo(username: "system:anonymous", groups: ["system:unauthenticated"])

    public static func answer(_ review: SelfSubjectReview) throws(Status) -> SelfSubjectReview {
        try answer(review, user: anonymous)
    }

    public static func answer(_ review: SelfSubjectReview, user: UserInfo) throws(Status) -> SelfSubjectReview {
        var answered = SelfSubjectReview()
        answered.metadata.creationTimestamp = Time.now()
        answered.status.userInfo = user
        return answered
    }
}
