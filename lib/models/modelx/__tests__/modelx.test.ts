// The modelx registry with blobs on local disk under FACET_DATA_DIR (the default store), and the
// built-in models the seed publishes into its library.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import { modelxRegistrySuite } from "@/lib/testing/modelx-registry-suite";
import { person } from "@/lib/testing/world";

const dataDir = mkdtempSync(join(tmpdir(), "facet-modelx-"));
process.env.FACET_DATA_DIR = dataDir;
delete process.env.FACET_MODELX_S3_ENDPOINT;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const { request } = modelxRegistrySuite({
  label: "on local disk",
  uploadsLeft: async () => readdirSync(join(dataDir, "modelx", "uploads")),
});

describe("built-in models in the library", () => {
  it("are published as modelx artifacts everyone can pull, once, however often the seed runs", async () => {
    const { publishBuiltinModels } = await import("@/lib/models/builtin-catalog/publish-builtin-models");
    const ctx = { actor: null, scope: {}, requestId: "seed-test", clientAddress: null };
    const first = await publishBuiltinModels(ctx);
    expect(first).toEqual(expect.arrayContaining(["library/sentiment-en:v1", "library/entities-en:v1"]));
    const audits = async () =>
      (await getDb().select().from(auditLogs).where(eq(auditLogs.target, "modelx/library/sentiment-en:v1"))).length;
    const before = await audits();
    await publishBuiltinModels(ctx);
    expect(await audits()).toBe(before);

    const someone = (await person("puller")).token;
    const manifest = await (await request("GET", "/library/sentiment-en/manifests/v1", someone)).json();
    expect(manifest.blobs.map((b: { name: string }) => b.name)).toEqual(["README.md", "model.json"]);
    const config = await (
      await request("GET", `/library/sentiment-en/blobs/${manifest.config.digest}`, someone)
    ).text();
    expect(config).toContain("task: text-classification");
    expect(config).toContain("facet.dev/implementation: sentiment-en");
  });
});
