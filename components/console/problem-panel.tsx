import { getTranslate } from "@/lib/i18n/server";
import type { Problem } from "@/lib/http/problem";
import { Alert } from "@/components/ui/alert";

/** A server-rendered problem in place of a page section (e.g. 403 on a project you may not read). */
export async function ProblemPanel({ problem }: { problem: Problem }) {
  const { t } = await getTranslate();
  const title = problem.status === 403 ? t("problem.FORBIDDEN") : t("problem.INTERNAL");
  return (
    <Alert variant="destructive">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{problem.detail}</p>
    </Alert>
  );
}
