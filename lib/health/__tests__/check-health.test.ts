import mysql from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { checkHealth } from "../check-health";

describe("checkHealth", () => {
  it("reports ok against the real database", async () => {
    await expect(checkHealth(getPool())).resolves.toEqual({ status: "ok", db: "ok" });
  });

  it("reports the database unreachable when nothing listens", async () => {
    // Port 9 (discard) is closed on loopback here.
    const dead = mysql.createPool({ uri: "mysql://root@127.0.0.1:9/facet", connectTimeout: 500 });
    await expect(checkHealth(dead, 2_000)).resolves.toEqual({ status: "degraded", db: "unreachable" });
    await dead.end();
  });
});
