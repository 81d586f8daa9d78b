"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { NativeSelect } from "@/components/ui/select";
import { fetchEnvironments, fetchProjects, tenancyKeys } from "@/lib/tenancy/queries";
import { consolePath } from "@/lib/console/paths";

function current(pathname: string) {
  const m = /^\/tenants\/([^/]+)(?:\/projects\/([^/]+)(?:\/environments\/([^/]+))?)?/.exec(pathname);
  return {
    tenant: m?.[1] ? decodeURIComponent(m[1]) : "",
    project: m?.[2] ? decodeURIComponent(m[2]) : "",
    environment: m?.[3] ? decodeURIComponent(m[3]) : "",
  };
}

/** Tenant → project → environment, always in reach from the header. */
export function ScopeSwitcher({ tenants }: { tenants: string[] }) {
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
    <div className="hidden items-center gap-2 lg:flex" role="group" aria-label={t("switcher.label")}>
      <NativeSelect
        aria-label={t("switcher.tenant")}
        className="h-8 w-40"
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
        className="h-8 w-40"
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
        className="h-8 w-40"
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
