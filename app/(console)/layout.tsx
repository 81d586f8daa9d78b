import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { Sidebar } from "@/components/shell/sidebar";
import { consoleContext, loadOperation } from "@/lib/console/page";
import { getTranslate } from "@/lib/i18n/server";

// The proxy only saw a cookie; this re-checks the account (it may be disabled since).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const ctx = await consoleContext();
  const { actor } = ctx;
  const [{ t }, tenants] = await Promise.all([
    getTranslate(),
    loadOperation(ctx, "listTenants", { query: { limit: "200" } }),
  ]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-card focus:p-2"
      >
        {t("shell.skipToContent")}
      </a>
      <Header
        t={t}
        username={actor.username}
        displayName={actor.displayName}
        tenants={tenants.ok ? tenants.data.items.map((x) => x.name) : []}
        sysadmin={actor.systemRole === "sysadmin"}
      />
      <div className="flex flex-1">
        <Sidebar sysadmin={actor.systemRole === "sysadmin"} />
        <main id="main" className="min-w-0 flex-1 p-4 nav:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
