import { Card, CardTitle } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { Me } from "@/lib/users";

export function AccountCard({ me, t, locale }: { me: Me; t: Translate; locale: Locale }) {
  const rows: [string, string][] = [
    [t("overview.username"), me.username],
    [t("overview.displayName"), me.displayName || t("overview.notSet")],
    [t("overview.email"), me.email ?? t("overview.notSet")],
    [t("overview.systemRole"), t(`role.${me.systemRole}`)],
    [t("overview.memberSince"), new Date(me.createdAt).toLocaleDateString(locale, { dateStyle: "long" })],
  ];
  return (
    <Card aria-labelledby="account-title">
      <CardTitle id="account-title">{t("overview.account")}</CardTitle>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-muted-foreground">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
