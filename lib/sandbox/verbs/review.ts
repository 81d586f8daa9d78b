import type { JsonObject } from "../types";
import { readJsonBody, type ResourceRequest } from "./context";
import type { WriteResult } from "./write";

// SelfSubjectAccessReview and SelfSubjectReview: every sandbox token may do everything, so
// `kubectl auth can-i` answers yes and `kubectl auth whoami` names the sandbox user. The
// answer does not depend on the question, so protobuf bodies (kubectl) are not decoded.

export async function reviewVerb(req: ResourceRequest): Promise<WriteResult> {
  const json = (req.request.headers.get("content-type") ?? "").startsWith("application/json");
  const body = json ? ((await readJsonBody(req.request)) as JsonObject) : {};
  const status =
    req.type.review === "access"
      ? { allowed: true, reason: "every sandbox token has full access" }
      : { userInfo: { username: "facet-sandbox", groups: ["system:masters", "system:authenticated"] } };
  return {
    status: 201,
    body: {
      ...body,
      apiVersion: `${req.type.group}/${req.version}`,
      kind: req.type.kind,
      metadata: { creationTimestamp: null },
      status,
    },
  };
}
