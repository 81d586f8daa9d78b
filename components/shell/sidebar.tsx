"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { cn } from "@/lib/ui/cn";
import { NAV_ITEMS } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The console's main links; the same list in the sidebar and in the small-screen menu. */
export function NavList({ sysadmin, onNavigate }: { sysadmin: boolean; onNavigate?: () => void }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("shell.navigation")}>
      <ul className="space-y-1">
        {NAV_ITEMS.filter((item) => sysadmin || !item.sysadminOnly).map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-accent",
                  active && "bg-accent font-medium",
                )}
              >
                <item.icon aria-hidden className="h-4 w-4" />
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Wide screens only: below the nav breakpoint the same links live in the header's menu. */
export function Sidebar({ sysadmin }: { sysadmin: boolean }) {
  return (
    <div className="hidden w-56 shrink-0 border-r bg-card p-3 nav:block">
      <NavList sysadmin={sysadmin} />
    </div>
  );
}
