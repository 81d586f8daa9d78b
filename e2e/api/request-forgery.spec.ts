import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { admin } from "../support/accounts";

function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} is not in the build`);
  return entry[0];
}

test("a request carrying x-middleware-subrequest to a console page is still redirected to login", async ({
  request,
}) => {
  for (const value of [
    "middleware:middleware:middleware:middleware:middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  ]) {
    const res = await request.get("/?from=subrequest", {
      headers: { "x-middleware-subrequest": value },
      maxRedirects: 0,
    });
    expect(res.status(), value).toBe(307);
    expect(res.headers().location).toBe("/login?callbackUrl=%2F%3Ffrom%3Dsubrequest");
  }
});

test("a cross-origin POST to a server action is refused; the same call from the app's origin works", async ({
  playwright,
  baseURL,
}) => {
  const ctx = await playwright.request.newContext({ baseURL, storageState: admin.storage });
  const call = (origin: string) =>
    ctx.post("/", {
      headers: {
        "Next-Action": serverActionId("setLocaleAction"),
        Origin: origin,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify(["zh-CN"]),
      maxRedirects: 0,
    });

  const forged = await call("http://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(
    forged.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("facet-locale=")),
  ).toEqual([]);

  const genuine = await call(baseURL!);
  expect(genuine.status()).toBe(200);
  expect(
    genuine
      .headersArray()
      .some((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("facet-locale=zh-CN")),
  ).toBe(true);
  await ctx.dispose();
});
