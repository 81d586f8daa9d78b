"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/select";
import { fetchEnvironments, fetchProjects, tenancyKeys } from "@/lib/tenancy/queries";
import { consolePath } from "@/lib/console/paths";
import { cn } from "@/lib/ui/cn";

function current(pathname: string) {
  const m = /^\/tenants\/([^/]+)(?:\/projects\/([^/]+)(?:\/environments\/([^/]+))?)?/.exec(pathname);
  return {
    tenant: m?.[1] ? decodeURIComponent(m[1]) : "",
    project: m?.[2] ? decodeURIComponent(m[2]) : "",
    environment: m?.[3] ? decodeURIComponent(m[3]) : "",
  };
}

/** Tenant → project → environment: in the header on wide screens, stacked in the menu on small ones. */
export function ScopeSwitcher({ tenants, layout = "inline" }: { tenants: string[]; layout?: "inline" | "stacked" }) {
  const { t } = useI18n();
  const router = useRouter();
  const { tenant, project, environment } = current(usePathname());
  const projects = useQuery({
    queryKey: tenancyKeys.projects(tenant),
    queryFn: () => fetchProjects(tenant),
    enabled: Boolean(tenant),
  });
  const environments = useQuery({
    queryKey: tenancyKeys.environments(tenant, project),
    queryFn: () => fetchEnvironments(tenant, project),
    enabled: Boolean(tenant && project),
  });
  const go = (path: string) => router.push(path);
  return (
    <div
      className={cn(
        layout === "inline" ? "hidden items-center gap-2 nav:flex" : "flex flex-col gap-2",
        "[&>select]:h-8",
        layout === "inline" && "[&>select]:w-32 xl:[&>select]:w-40",
      )}
      role="group"
      aria-label={t("switcher.label")}
    >
      <NativeSelect
        aria-label={t("switcher.tenant")}
        value={tenant}
        onChange={(e) => go(e.target.value ? consolePath.tenant(e.target.value) : consolePath.tenants())}
      >
        <option value="">{t("switcher.chooseTenant")}</option>
        {tenants.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("switcher.project")}
        value={project}
        disabled={!tenant}
        onChange={(e) =>
          go(e.target.value ? consolePath.project({ tenant, project: e.target.value }) : consolePath.tenant(tenant))
        }
      >
        <option value="">{t("switcher.chooseProject")}</option>
        {(projects.data?.items ?? []).map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("switcher.environment")}
        value={environment}
        disabled={!project}
        onChange={(e) =>
          go(
            e.target.value
              ? consolePath.environment({ tenant, project, environment: e.target.value })
              : consolePath.project({ tenant, project }),
          )
        }
      >
        <option value="">{t("switcher.chooseEnvironment")}</option>
        {(environments.data?.items ?? []).map((env) => (
          <option key={env.name} value={env.name}>
            {env.name} ({env.type})
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
