import { expect, test } from "@playwright/test";

test("the built app serves its OpenAPI 3.1 document without signing in", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const res = await anonymous.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(
    doc.paths["/api/v1/tenants/{tenant}/projects/{project}/environments/{environment}"].get["x-facet-permission"],
  ).toBeTruthy();
  expect(doc.paths["/api/otlp/v1/traces"].post.requestBody.content).toHaveProperty("application/x-protobuf");
  await anonymous.dispose();
});
