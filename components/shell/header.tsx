import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { Translate } from "@/lib/i18n/translate";
import { ScopeSwitcher } from "./scope-switcher";
import { UserMenu } from "./user-menu";

export function Header({
  t,
  username,
  displayName,
  tenants,
}: {
  t: Translate;
  username: string;
  displayName: string;
  tenants: string[];
}) {
  return (
    <header className="flex h-14 items-center justify-between border-b bg-card px-4">
      <Link href="/" className="flex items-center gap-2 font-semibold">
        <span aria-hidden className="inline-block h-6 w-6 rounded bg-primary" />
        {t("app.name")}
        <span className="hidden text-sm font-normal text-muted-foreground md:inline">{t("app.tagline")}</span>
      </Link>
      <div className="flex items-center gap-3">
        <ScopeSwitcher tenants={tenants} />
        <NotificationBell />
        <UserMenu username={username} displayName={displayName} />
      </div>
    </header>
  );
}
