import { NotFoundContent } from "@/components/shell/not-found-content";
import { getTranslate } from "@/lib/i18n/server";

// A console object that does not exist, or that the viewer may not know of: inside the shell.
export default async function ConsoleNotFound() {
  const { t } = await getTranslate();
  return <NotFoundContent t={t} />;
}
