import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { checkHealth } from "../check-health";
import { healthResponse } from "../health-response";

describe("checkHealth", () => {
  it("reports ok against the real database", async () => {
    await expect(checkHealth(getPool())).resolves.toEqual({ status: "ok", db: "ok" });
  });

  it("reports the database unreachable when nothing listens", async () => {
    // Port 9 (discard) is closed on loopback here.
    const dead = mysql.createPool({ uri: "mysql://root@127.0.0.1:9/facet", connectTimeout: 500 });
    const health = await checkHealth(dead, 2_000);
    expect(health).toEqual({ status: "degraded", db: "unreachable" });
    await dead.end();
    // …which the route answers with 503, never cached.
    const res = healthResponse(health);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual(health);
    expect(healthResponse({ status: "ok", db: "ok" }).status).toBe(200);
  });
});
