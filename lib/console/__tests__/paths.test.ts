import { describe, expect, it } from "vitest";
import { scopeCrumbs } from "../breadcrumbs";
import { apiPath, consolePath } from "../paths";

const names = { tenant: "acme", project: "shop", environment: "prod" };

describe("console and API paths", () => {
  it("nest tenant, project and environment, and the API mirrors the console under /api/v1", () => {
    expect(consolePath.environment(names)).toBe("/tenants/acme/projects/shop/environments/prod");
    expect(consolePath.configs(names)).toBe("/tenants/acme/projects/shop/environments/prod/configs");
    expect(apiPath.environment(names)).toBe(`/api/v1${consolePath.environment(names)}`);
    expect(apiPath.projects("acme")).toBe("/api/v1/tenants/acme/projects");
    expect(apiPath.environments(names)).toBe("/api/v1/tenants/acme/projects/shop/environments");
  });

  it("encode every segment, so a name cannot add a path segment or a query", () => {
    const odd = { tenant: "a/b", project: "c?d", environment: "e#f" };
    expect(consolePath.environment(odd)).toBe("/tenants/a%2Fb/projects/c%3Fd/environments/e%23f");
    expect(consolePath.config(names, "app.yaml/x")).toBe(
      "/tenants/acme/projects/shop/environments/prod/configs/app.yaml%2Fx",
    );
    expect(apiPath.clusterKubeconfig("k 8")).toBe("/api/v1/clusters/k%208/kubeconfig");
    expect(apiPath.traceLogs("../x")).toBe("/api/v1/traces/..%2Fx/logs");
    expect(consolePath.trace("a/b")).toBe("/traces/a%2Fb");
  });
});

describe("scopeCrumbs", () => {
  it("links every level above the page and leaves the page itself unlinked", () => {
    expect(scopeCrumbs("Tenants", { tenant: "acme", project: "shop" })).toEqual([
      { label: "Tenants", href: "/tenants" },
      { label: "acme", href: "/tenants/acme" },
      { label: "shop" },
    ]);
  });

  it("appends the page's own crumbs after the environment", () => {
    const crumbs = scopeCrumbs(
      "Tenants",
      names,
      { label: "Configs", href: consolePath.configs(names) },
      { label: "app.yaml" },
    );
    expect(crumbs.map((c) => c.label)).toEqual(["Tenants", "acme", "shop", "prod", "Configs", "app.yaml"]);
    expect(crumbs[3].href).toBe(consolePath.environment(names));
    expect(crumbs.at(-1)!.href).toBeUndefined();
  });
});
