"use client";

import { useState } from "react";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { DiffView } from "@/components/editor/diff-view";
import { CodeEditor } from "@/components/editor/code-editor";
import { useI18n } from "@/components/i18n/i18n-provider";
import { staleDiff } from "@/components/logging/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Diff = { before: string; after: string };

/**
 * Edit YAML, preview the cluster's dry-run diff, then apply: the one flow for creating and
 * editing any kind. The server runs every check on both steps; a stale edit shows the new diff.
 */
export function YamlSubmitPanel({
  operation,
  params,
  label,
  path,
  initial,
  readOnly = false,
  applyLabel,
  onApplied,
  onReload,
}: {
  operation: "createObject" | "putObject";
  params: Record<string, string>;
  label: string;
  path: string;
  initial: string;
  readOnly?: boolean;
  applyLabel: string;
  onApplied: (result: { name?: string }) => void;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [diff, setDiff] = useState<Diff | null>(null);
  const op = useOperation(operation);
  // A create that finds the name taken is a plain problem; only an edit can be stale.
  const stale = operation === "putObject" && op.problem?.status === 409 ? staleDiff(op.problem) : null;

  const preview = () =>
    op.run({ params, query: { dryRun: "true" }, body: { yaml: draft } }, (data) =>
      setDiff((data as { diff: Diff }).diff),
    );
  const apply = () =>
    op.run({ params, body: { yaml: draft } }, (data) => {
      setDiff(null);
      onApplied(data as { name?: string });
    });

  return (
    <div className="space-y-3">
      {stale ? (
        <Alert variant="destructive">
          <p>{t("kinds.staleDiff")}</p>
          {onReload && (
            <Button size="sm" variant="outline" className="mt-2" onClick={onReload}>
              {t("workloads.reload")}
            </Button>
          )}
        </Alert>
      ) : (
        <ProblemAlert problem={op.problem} />
      )}
      {diff || stale ? (
        <section aria-label={t("kinds.diff")} className="space-y-2">
          <h3 className="text-sm font-semibold">{t("kinds.diff")}</h3>
          <DiffView
            label={t("kinds.diff")}
            original={(diff ?? stale)!.before}
            modified={(diff ?? stale)!.after}
            language="yaml"
            height="320px"
          />
        </section>
      ) : (
        <CodeEditor
          label={label}
          language="yaml"
          path={path}
          value={draft}
          readOnly={readOnly}
          onChange={(v) => {
            setDraft(v);
            op.reset();
          }}
        />
      )}
      {!readOnly && (
        <div className="flex flex-wrap justify-end gap-2">
          {diff || stale ? (
            <>
              <Button
                variant="outline"
                onClick={() => {
                  setDiff(null);
                  op.reset();
                }}
              >
                {t("kinds.backToEdit")}
              </Button>
              {diff && (
                <Button disabled={op.pending} onClick={apply}>
                  {op.pending ? t("common.working") : applyLabel}
                </Button>
              )}
            </>
          ) : (
            <Button disabled={op.pending || !draft.trim()} onClick={preview}>
              {op.pending ? t("kinds.previewing") : t("kinds.preview")}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
