import { expect, type APIResponse } from "@playwright/test";

/** Asserts an application/problem+json answer with the status given, and returns its body. */
export async function expectProblem(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), code: expect.any(String) });
  return body;
}

let counter = 0;
/** A client address of its own for each test, so login throttling in one test does not leak into another. */
export function freshAddress(): string {
  counter += 1;
  return `198.18.${Math.floor(Math.random() * 250)}.${(counter % 250) + 1}`;
}
