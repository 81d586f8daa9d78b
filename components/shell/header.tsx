import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { Translate } from "@/lib/i18n/translate";
import { CommandPalette } from "./command-palette";
import { MobileNav } from "./mobile-nav";
import { ScopeSwitcher } from "./scope-switcher";
import { UserMenu } from "./user-menu";

export function Header({
  t,
  username,
  displayName,
  tenants,
  sysadmin,
}: {
  t: Translate;
  username: string;
  displayName: string;
  tenants: string[];
  sysadmin: boolean;
}) {
  return (
    <header className="flex h-14 items-center justify-between gap-2 border-b bg-card px-2 sm:px-4">
      <div className="flex min-w-0 items-center gap-1">
        <MobileNav sysadmin={sysadmin} tenants={tenants} />
        <Link href="/" className="flex items-center gap-2 px-1 font-semibold">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-primary" />
          {t("app.name")}
          <span className="hidden text-sm font-normal text-muted-foreground xl:inline">{t("app.tagline")}</span>
        </Link>
      </div>
      <div className="flex items-center gap-1 sm:gap-3">
        <ScopeSwitcher tenants={tenants} />
        <CommandPalette />
        <NotificationBell />
        <UserMenu username={username} displayName={displayName} />
      </div>
    </header>
  );
}
