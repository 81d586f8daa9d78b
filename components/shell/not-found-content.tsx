import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

/** The 404 body, shared by the bare page and the one inside the console shell. */
export function NotFoundContent({ t }: { t: Translate }) {
  return (
    <section
      aria-labelledby="not-found-title"
      className="mx-auto flex max-w-lg flex-col items-center py-16 text-center"
    >
      <FileQuestion aria-hidden className="h-12 w-12 text-muted-foreground" />
      <p className="mt-4 font-mono text-sm text-muted-foreground">404</p>
      <h1 id="not-found-title" className="mt-1 text-2xl font-semibold tracking-tight">
        {t("notFound.title")}
      </h1>
      <p className="mt-3 text-sm text-muted-foreground">{t("notFound.body")}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link href="/" className={buttonVariants()}>
          {t("notFound.home")}
        </Link>
        <Link href="/tenants" className={buttonVariants({ variant: "outline" })}>
          {t("notFound.tenants")}
        </Link>
      </div>
    </section>
  );
}
