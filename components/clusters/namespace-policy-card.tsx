import { ProblemPanel } from "@/components/console/problem-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { loadOperation, sysadminContext } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";
import { DEFAULT_POD_SECURITY } from "@/lib/pod-security/levels";
import { NamespacePolicyDialog } from "./namespace-policy-dialog";

const levels = (o: { enforce?: string; warn?: string; audit?: string }) =>
  `${o.enforce ?? "·"} / ${o.warn ?? "·"} / ${o.audit ?? "·"}`;

/** Which namespaces environments on this cluster may adopt or never use, and their Pod Security levels. */
export async function NamespacePolicyCard({ cluster }: { cluster: string }) {
  const ctx = await sysadminContext();
  const [{ t }, policy] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "getNamespacePolicy", { params: { cluster } }),
  ]);
  if (!policy.ok) {
    return (
      <div className="mt-6">
        <ProblemPanel problem={policy.error} />
      </div>
    );
  }
  const p = policy.data;
  const names = (list: string[], empty: string) =>
    list.length ? (
      list.map((n) => (
        <Badge key={n} className="mr-1 font-mono">
          {n}
        </Badge>
      ))
    ) : (
      <span className="text-muted-foreground">{empty}</span>
    );
  const rows = [
    { label: t("nsPolicy.defaultLevels"), value: levels({ ...DEFAULT_POD_SECURITY, ...p.podSecurity.default }) },
    ...Object.entries(p.podSecurity.types).map(([type, o]) => ({
      label: t("nsPolicy.typeLevels", { type }),
      value: levels(o!),
    })),
    ...Object.entries(p.podSecurity.tenants).map(([tenant, o]) => ({
      label: t("nsPolicy.tenantRow", { tenant }),
      value: levels(o),
    })),
  ];
  return (
    <Card aria-labelledby="namespace-policy" className="mt-6">
      <div className="mb-3 flex items-center justify-between gap-2">
        <div>
          <CardTitle id="namespace-policy" className="mb-0">
            {t("nsPolicy.title")}
          </CardTitle>
          <p className="text-xs text-muted-foreground">{t("nsPolicy.description")}</p>
        </div>
        <NamespacePolicyDialog cluster={cluster} current={p} />
      </div>
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{t("nsPolicy.adoptable")}</dt>
        <dd>{names(p.adoptable, t("nsPolicy.none"))}</dd>
        <dt className="text-muted-foreground">{t("nsPolicy.reserved")}</dt>
        <dd>{names([...p.builtinReserved, ...p.reserved], t("nsPolicy.none"))}</dd>
      </dl>
      <KeyValueTable
        label={t("nsPolicy.levelsTable")}
        headers={[t("nsPolicy.appliesTo"), t("nsPolicy.levelsColumn")]}
        rows={rows}
        valueClassName="font-mono text-xs"
      />
    </Card>
  );
}
