import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { UserMenu } from "./user-menu";

export function Header({ t, username, displayName }: { t: Translate; username: string; displayName: string }) {
  return (
    <header className="flex h-14 items-center justify-between border-b bg-card px-4">
      <Link href="/" className="flex items-center gap-2 font-semibold">
        <span aria-hidden className="inline-block h-6 w-6 rounded bg-primary" />
        {t("app.name")}
        <span className="hidden text-sm font-normal text-muted-foreground md:inline">{t("app.tagline")}</span>
      </Link>
      <UserMenu username={username} displayName={displayName} />
    </header>
  );
}
