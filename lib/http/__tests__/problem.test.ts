import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, BAD_REQUEST_ISSUE, ERROR_CODES } from "@/lib/errors";
import { PROBLEM_TABLE, problemResponse, toProblem } from "../problem";
import { TransportError } from "@/lib/core/transport-error";

describe("toProblem", () => {
  it("maps every domain error code through the one table", () => {
    const expected: Record<string, number> = {
      NOT_FOUND: 404,
      FORBIDDEN: 403,
      UNAUTHORIZED: 401,
      CONFLICT: 409,
      VALIDATION: 422,
      BAD_REQUEST: 400,
      LIMIT_EXCEEDED: 429,
      PRECONDITION_FAILED: 412,
      UPSTREAM: 502,
      INTERNAL: 500,
    };
    expect(Object.keys(PROBLEM_TABLE).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const { problem } = toProblem(new AppError(code, `message for ${code}`), "req-1");
      expect(problem.status, code).toBe(expected[code]);
      expect(problem.code).toBe(code);
      expect(problem.instance).toBe("req-1");
      expect(problem.type).toMatch(/^https:\/\/facet\.dev\/problems\//);
    }
  });

  it("turns a zod error into 422 with each field path", () => {
    const schema = z.object({ name: z.string(), quota: z.object({ cpu: z.string() }) });
    const result = schema.safeParse({ name: 1, quota: { cpu: 2 } });
    expect(result.success).toBe(false);
    const { problem } = toProblem(result.error);
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.path)).toEqual(["name", "quota.cpu"]);
  });

  it("turns a zod error into 400 when a check marked as naming something failed", () => {
    const schema = z.object({
      id: z.string().refine((v) => /^[a-z]+$/.test(v), { message: "letters only", ...BAD_REQUEST_ISSUE }),
      size: z.number(),
    });
    const result = schema.safeParse({ id: "no spaces", size: "big" });
    expect(result.success).toBe(false);
    const { problem } = toProblem(result.error);
    expect(problem).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(problem.errors?.map((e) => e.path)).toEqual(["id", "size"]);
  });

  it("never echoes the message of an internal or unknown error", () => {
    const secret = "connect ECONNREFUSED 10.0.0.5:3306 password=hunter2";
    for (const error of [new Error(secret), new AppError("INTERNAL", secret), "boom"]) {
      const mapped = toProblem(error, "r");
      expect(mapped.problem.status).toBe(500);
      expect(JSON.stringify(mapped.problem)).not.toContain("hunter2");
      expect(mapped.internal).toBe(true);
    }
  });

  it("keeps transport errors apart from domain errors", () => {
    expect(toProblem(new TransportError(400, "bad json")).problem).toMatchObject({
      status: 400,
      code: "MALFORMED",
      detail: "bad json",
    });
    expect(toProblem(new TransportError(413, "too big")).problem).toMatchObject({ status: 413, code: "TOO_LARGE" });
  });

  it("sets Retry-After for rate limits and carries safe details", async () => {
    const mapped = toProblem(new AppError("LIMIT_EXCEEDED", "slow down", { retryAfter: 12.2 }));
    expect(mapped.headers["Retry-After"]).toBe("13");
    const conflict = toProblem(new AppError("CONFLICT", "over quota", { details: { requested: "2", hard: "1" } }));
    expect(conflict.problem).toMatchObject({ requested: "2", hard: "1" });
    const response = problemResponse(mapped);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("13");
    expect(await response.json()).toMatchObject({ status: 429 });
  });

  it("names the failed backend of an upstream error", () => {
    const { problem } = toProblem(
      new AppError("UPSTREAM", "cluster prod-1 timed out", { upstream: { name: "prod-1", retryable: true } }),
    );
    expect(problem).toMatchObject({ status: 502, upstream: { name: "prod-1", retryable: true } });
  });
});
