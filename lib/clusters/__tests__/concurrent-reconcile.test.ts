import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileEnvironment } from "@/lib/clusters/reconcile/reconcile-environment";
import { getDb } from "@/lib/db/client";
import { environments } from "@/lib/db/schema";
import { uniqueName } from "@/lib/testing/factories";
import { kubectl, startSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Two passes over one new environment at once (a sync asked for while the reconciler runs, or two
// replicas): whichever creates an object first, the other compares with it instead of failing.
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox();
  process.env.FACET_INTERNAL_URL = sb.server.origin;
});
afterAll(() => sb?.close());

describe("reconciling one environment twice at once", () => {
  it("both passes succeed and the namespace is there", async () => {
    const root = await sysadminToken();
    const t = uniqueName("twice");
    await sandboxEnvironment(root, await tenantProject(root, t), "dev");
    const [env] = await getDb()
      .select()
      .from(environments)
      .where(eq(environments.namespace, `${t}-dev`));
    const reports = await Promise.all([reconcileEnvironment(env.id), reconcileEnvironment(env.id)]);
    expect(reports.map((r) => [r?.status, r?.error])).toEqual([
      ["synced", null],
      ["synced", null],
    ]);
    expect((await kubectl(sb, ["get", "namespace", `${t}-dev`])).code).toBe(0);
  });
});
