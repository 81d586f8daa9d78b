import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/query/get-json";
import { ProblemError } from "@/lib/query/send-json";
import { errorUnder, problemFieldErrors, unplacedErrors } from "../problem-field-errors";

const problem = new ProblemError(422, {
  detail: "Invalid",
  errors: [
    { path: "body.target", message: "not a URL" },
    { path: "metric.promql", message: "unexpected } at line 1, column 9 (offset 8)" },
    { path: "checks.validStatusCodes.1", message: "not a status code" },
    { path: "target", message: "second message for the same field is dropped" },
    { path: "spec.weird", message: "no field shows this" },
  ],
});

describe("problemFieldErrors", () => {
  it("keys a 422's errors by body path, first message per field", () => {
    expect(problemFieldErrors(problem)).toEqual({
      target: "not a URL",
      "metric.promql": "unexpected } at line 1, column 9 (offset 8)",
      "checks.validStatusCodes.1": "not a status code",
      "spec.weird": "no field shows this",
    });
  });

  it("has nothing for other errors or a problem without errors[]", () => {
    expect(problemFieldErrors(new HttpError(500, "boom"))).toEqual({});
    expect(problemFieldErrors(new ProblemError(409, { detail: "exists" }))).toEqual({});
    expect(problemFieldErrors(null)).toEqual({});
  });

  it("finds an error under a field and lists the ones no field shows", () => {
    const errors = problemFieldErrors(problem);
    expect(errorUnder(errors, "checks.validStatusCodes")).toBe("not a status code");
    expect(errorUnder(errors, "checks.valid")).toBeUndefined();
    expect(unplacedErrors(errors, ["target", "metric.promql", "checks.validStatusCodes"])).toEqual([
      ["spec.weird", "no field shows this"],
    ]);
  });
});
