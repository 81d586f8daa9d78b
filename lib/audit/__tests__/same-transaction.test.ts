import { beforeAll, describe, expect, it, vi } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// A write and its audit row commit together or not at all: when the audit row cannot be
// written, the tenant, project or member the verb wrote is not there either.
const failAudit = vi.hoisted(() => ({ on: null as string | null }));
vi.mock("@/lib/audit/write-audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit/write-audit")>();
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (failAudit.on && args[2].action === failAudit.on) throw new Error("audit store refused the row");
      return real.writeAudit(...args);
    },
  };
});

describe("audit rows share the write's transaction", () => {
  let root: string;
  beforeAll(async () => {
    root = await sysadminToken();
  });

  it("a tenant whose audit row fails is not created", async () => {
    const name = uniqueName("noaudit");
    failAudit.on = "tenants.create";
    try {
      expect((await api("POST", "/api/v1/tenants", { token: root, body: { name } })).status).toBe(500);
    } finally {
      failAudit.on = null;
    }
    expect((await api("GET", `/api/v1/tenants/${name}`, { token: root })).status).toBe(404);
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name } }), 201);
  });

  it("a project and a changed quota whose audit rows fail leave nothing behind", async () => {
    const t = uniqueName("noaudit");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    failAudit.on = "projects.create";
    try {
      expect((await api("POST", `/api/v1/tenants/${t}/projects`, { token: root, body: { name: "shop" } })).status).toBe(
        500,
      );
    } finally {
      failAudit.on = null;
    }
    expect((await api("GET", `/api/v1/tenants/${t}/projects/shop`, { token: root })).status).toBe(404);

    failAudit.on = "tenants.quotas.update";
    try {
      expect(
        (
          await api("PUT", `/api/v1/tenants/${t}/quotas/sandbox`, {
            token: root,
            body: { cpu: "8", memory: "8Gi", storage: "8Gi", pods: "8" },
          })
        ).status,
      ).toBe(500);
    } finally {
      failAudit.on = null;
    }
    const quotas = await expectOk<{ items: { cluster: string }[] }>(
      api("GET", `/api/v1/tenants/${t}/quotas`, { token: root }),
    );
    expect(quotas.items.filter((q) => q.cluster === "sandbox")).toEqual([]);
  });
});
