import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { createUser, uniqueName } from "@/lib/testing/factories";
import { verifyCredentials } from "../verify-credentials";

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("verifyCredentials (MariaDB)", () => {
  it("accepts the right password", async () => {
    const u = await createUser();
    const row = await verifyCredentials({ username: u.username, password: u.password, clientAddress: "203.0.113.1" });
    expect(row.username).toBe(u.username);
  });

  it("answers an unknown user, a wrong password and a disabled account alike", async () => {
    const u = await createUser();
    const d = await createUser();
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, d.id));
    const errors = await Promise.all([
      failure(
        verifyCredentials({ username: uniqueName("ghost"), password: "whatever1", clientAddress: "203.0.113.2" }),
      ),
      failure(verifyCredentials({ username: u.username, password: "wrong-password", clientAddress: "203.0.113.3" })),
      failure(verifyCredentials({ username: d.username, password: d.password, clientAddress: "203.0.113.4" })),
    ]);
    for (const e of errors) {
      expect(e.code).toBe("UNAUTHORIZED");
      expect(e.message).toBe(errors[0].message);
    }
  });

  it("refuses the 11th attempt within a minute, even with the right password", async () => {
    const u = await createUser();
    for (let i = 0; i < 10; i++) {
      const e = await failure(
        verifyCredentials({ username: u.username, password: "nope-nope", clientAddress: `198.51.100.${i}` }),
      );
      expect(e.code).toBe("UNAUTHORIZED");
    }
    const e = await failure(
      verifyCredentials({ username: u.username, password: u.password, clientAddress: "198.51.100.200" }),
    );
    expect(e.code).toBe("LIMIT_EXCEEDED");
    expect(e.options.retryAfter).toBeGreaterThan(0);
  });
});
