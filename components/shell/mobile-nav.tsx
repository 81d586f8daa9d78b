"use client";

import { Menu, X } from "lucide-react";
import { Dialog as Primitive } from "radix-ui";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ScopeSwitcher } from "./scope-switcher";
import { NavList } from "./sidebar";

/**
 * Below the nav breakpoint: a labelled button opens the navigation and the scope pickers in a
 * drawer. Radix traps focus inside, closes on Escape or outside click and returns focus to the button.
 */
export function MobileNav({ sysadmin, tenants }: { sysadmin: boolean; tenants: string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Widened past the breakpoint while open: the sidebar is back, so let go of focus and scroll.
  useEffect(() => {
    const wide = window.matchMedia("(min-width: 56.25rem)");
    const close = () => wide.matches && setOpen(false);
    wide.addEventListener("change", close);
    return () => wide.removeEventListener("change", close);
  }, []);
  return (
    <Primitive.Root open={open} onOpenChange={setOpen}>
      <Primitive.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("shell.openMenu")} className="nav:hidden">
          <Menu aria-hidden className="h-5 w-5" />
        </Button>
      </Primitive.Trigger>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40 nav:hidden" />
        <Primitive.Content className="fixed inset-y-0 left-0 z-50 flex w-[min(20rem,85vw)] flex-col gap-4 overflow-y-auto border-r bg-card p-4 shadow-lg nav:hidden">
          <div className="flex items-center justify-between">
            <Primitive.Title className="text-base font-semibold">{t("shell.menu")}</Primitive.Title>
            <Primitive.Close className="rounded p-1 hover:bg-accent" aria-label={t("common.close")}>
              <X aria-hidden className="h-4 w-4" />
            </Primitive.Close>
          </div>
          <Primitive.Description className="sr-only">{t("shell.navigation")}</Primitive.Description>
          <ScopeSwitcher tenants={tenants} layout="stacked" />
          <NavList sysadmin={sysadmin} onNavigate={() => setOpen(false)} />
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
