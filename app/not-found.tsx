import type { Metadata } from "next";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { getTranslate } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "404" };

// An address no route serves: a page of its own, outside the console shell.
export default async function NotFound() {
  const { t } = await getTranslate();
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <NotFoundContent t={t} />
    </main>
  );
}
