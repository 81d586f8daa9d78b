// Safe to import from client components: the trail from the tenant list down to a page.
import { consolePath, type EnvironmentNames, type ProjectNames, type TenantNames } from "./paths";

export type Crumb = { label: string; href?: string };
type Names = TenantNames & Partial<Omit<EnvironmentNames, "tenant">>;

/** Tenants › tenant › project › environment for the names given, each linked, then `tail`
 *  (the page's own crumbs; the last one unlinked). With no tail the deepest name is the page. */
export function scopeCrumbs(tenantsLabel: string, names: Names, ...tail: Crumb[]): Crumb[] {
  const crumbs: Crumb[] = [
    { label: tenantsLabel, href: consolePath.tenants() },
    { label: names.tenant, href: consolePath.tenant(names.tenant) },
  ];
  if (names.project !== undefined)
    crumbs.push({ label: names.project, href: consolePath.project(names as ProjectNames) });
  if (names.project !== undefined && names.environment !== undefined)
    crumbs.push({ label: names.environment, href: consolePath.environment(names as EnvironmentNames) });
  if (tail.length === 0) crumbs[crumbs.length - 1] = { label: crumbs[crumbs.length - 1].label };
  return [...crumbs, ...tail];
}
