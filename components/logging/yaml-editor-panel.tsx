"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { DiffView } from "@/components/editor/diff-view";
import { LoggingYamlEditor, type EditorMarker } from "@/components/editor/logging-yaml-editor";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProblemError } from "@/lib/query/send-json";
import {
  fetchItem,
  loggingKeys,
  saveYaml,
  staleDiff,
  validateYaml,
  yamlIssues,
  type Diff,
  type FlowItem,
  type LoggingKind,
  type LoggingScope,
  type OutputItem,
  type YamlIssue,
} from "./api";
import { newObjectYaml } from "./templates";

type Phase =
  | { step: "edit" }
  | { step: "valid"; diff: Diff }
  | { step: "review"; diff: Diff }
  | { step: "stale"; diff: Diff | null }
  | { step: "applied"; diff: Diff };

/** The same diff frame for every phase that shows one. */
function YamlDiff({ label, diff }: { label: string; diff: Diff }) {
  return <DiffView label={label} original={diff.before} modified={diff.after} language="yaml" height="320px" />;
}

/**
 * Raw YAML for one logging object. Markers come from the CRD schema while typing and from the
 * server on Validate/Submit; Submit shows the diff first and applies only on confirmation.
 */
export function YamlEditorPanel({
  scope,
  kind,
  name,
  namespace,
  canWrite,
  onApplied,
}: {
  scope: LoggingScope;
  kind: LoggingKind;
  /** The object to edit; none = a new one. */
  name?: string;
  /** The namespace a new namespaced object goes into (shown in its template). */
  namespace?: string;
  canWrite: boolean;
  onApplied?: (item: FlowItem | OutputItem) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(name);
  const live = useQuery({
    queryKey: loggingKeys.item(scope, kind, editing ?? ""),
    queryFn: () => fetchItem(scope, kind, editing!),
    enabled: editing !== undefined,
    staleTime: Infinity,
  });
  const [draft, setDraft] = useState<string | null>(null);
  const [issues, setIssues] = useState<YamlIssue[]>([]);
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: "edit" });
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const template = useMemo(() => newObjectYaml(kind, namespace), [kind, namespace]);
  const text = draft ?? (editing === undefined ? template : (live.data?.yaml ?? ""));
  const existing =
    editing !== undefined && live.data ? { name: editing, resourceVersion: live.data.resourceVersion } : undefined;
  const canValidate = scope.level === "environment";
  const title = editing ? t("logging.yaml.editTitle", { kind, name: editing }) : t("logging.yaml.newTitle", { kind });

  const fail = (error: unknown) => {
    if (error instanceof ProblemError) {
      const found = yamlIssues(error.problem);
      setIssues(found);
      if (error.status === 409 && staleDiff(error.problem)) {
        setPhase({ step: "stale", diff: staleDiff(error.problem) });
        setProblem(error.message);
        return;
      }
      setPhase({ step: "edit" });
      setProblem(found.length ? t("logging.yaml.refused", { count: found.length }) : error.message);
      return;
    }
    setPhase({ step: "edit" });
    setProblem((error as Error).message);
  };

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  };

  const validate = () =>
    run(async () => {
      if (scope.level !== "environment") return;
      const result = await validateYaml(scope.names, text);
      setIssues([]);
      setPhase({ step: "valid", diff: result.diff });
    });

  // Environments answer a dry run with the diff first; the cluster kinds have no validate route,
  // so their diff is shown after applying.
  const submit = () =>
    run(async () => {
      if (scope.level === "environment") {
        const result = await validateYaml(scope.names, text);
        setIssues([]);
        setPhase({ step: "review", diff: result.diff });
      } else await apply();
    });

  const apply = async () => {
    const saved = await saveYaml(scope, kind, text, existing);
    setIssues([]);
    setDraft(null);
    queryClient.setQueryData(loggingKeys.item(scope, kind, saved.item.name), saved.item);
    // Exact: the item's key extends the list's, and its fresh copy is the one just set.
    await queryClient.invalidateQueries({ queryKey: loggingKeys.list(scope, kind), exact: true });
    setEditing(saved.item.name);
    setPhase({ step: "applied", diff: saved.diff });
    onApplied?.(saved.item);
  };

  // After a stale edit: take the live object (and its resourceVersion), with or without my text.
  const reload = (keepMine: boolean) =>
    run(async () => {
      const mine = text;
      await live.refetch();
      setDraft(keepMine ? mine : null);
      setIssues([]);
      setPhase({ step: "edit" });
    });

  const placeless = issues.filter((i) => i.line === null);

  if (editing !== undefined && live.isPending) return <p aria-busy="true">{t("common.loading")}</p>;
  if (live.error) return <Alert variant="destructive">{(live.error as Error).message}</Alert>;

  return (
    <div className="space-y-4">
      <LoggingYamlEditor
        label={title}
        kind={kind}
        modelName={editing ?? "new"}
        value={text}
        readOnly={!canWrite || phase.step === "review"}
        serverIssues={issues}
        onChange={(v) => {
          setDraft(v);
          // The server's markers describe the text it saw; an edit makes them stale.
          if (issues.length) setIssues([]);
          if (phase.step !== "stale") setPhase({ step: "edit" });
        }}
        onMarkers={setMarkers}
      />

      <section aria-label={t("logging.yaml.problems")} className="space-y-1 text-sm">
        {markers.length === 0 && placeless.length === 0 ? (
          <p className="text-muted-foreground">{t("logging.yaml.noProblems")}</p>
        ) : (
          <ul className="space-y-1">
            {markers.map((m, i) => (
              <li key={`m${i}`} className="font-mono text-destructive">
                {t("logging.yaml.at", { line: m.line, column: m.column })}{" "}
                <span className="font-sans">
                  {m.source === "server" ? `${t("logging.yaml.server")}: ` : ""}
                  {m.message}
                </span>
              </li>
            ))}
            {placeless.map((issue, i) => (
              <li key={`p${i}`} className="text-destructive">
                <span className="font-mono">{issue.path || "/"}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      {problem && <Alert variant="destructive">{problem}</Alert>}

      {canWrite && phase.step !== "review" && (
        <div className="flex flex-wrap gap-2">
          {canValidate && (
            <Button variant="outline" disabled={pending} onClick={validate}>
              {t("logging.yaml.validate")}
            </Button>
          )}
          <Button disabled={pending || phase.step === "stale"} onClick={submit}>
            {pending ? t("common.working") : t("logging.yaml.submit")}
          </Button>
        </div>
      )}

      {phase.step === "valid" && (
        <div className="space-y-2">
          <Alert>{t("logging.yaml.valid")}</Alert>
          <YamlDiff label={t("logging.yaml.diff")} diff={phase.diff} />
        </div>
      )}

      {phase.step === "review" && (
        <div className="space-y-2">
          <Alert>{t("logging.yaml.review")}</Alert>
          <YamlDiff label={t("logging.yaml.diff")} diff={phase.diff} />
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending} onClick={() => run(apply)}>
              {pending ? t("common.working") : t("logging.yaml.apply")}
            </Button>
            <Button variant="outline" disabled={pending} onClick={() => setPhase({ step: "edit" })}>
              {t("logging.yaml.backToEdit")}
            </Button>
          </div>
        </div>
      )}

      {phase.step === "stale" && (
        <div className="space-y-2">
          <Alert variant="destructive">{t("logging.yaml.stale")}</Alert>
          {phase.diff && <YamlDiff label={t("logging.yaml.staleDiff")} diff={phase.diff} />}
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending} onClick={() => reload(false)}>
              {t("logging.yaml.reload")}
            </Button>
            <Button variant="outline" disabled={pending} onClick={() => reload(true)}>
              {t("logging.yaml.keepMine")}
            </Button>
          </div>
        </div>
      )}

      {phase.step === "applied" && (
        <div className="space-y-2">
          <Alert>{t("logging.yaml.applied", { kind, name: editing ?? "" })}</Alert>
          <YamlDiff label={t("logging.yaml.appliedDiff")} diff={phase.diff} />
        </div>
      )}
    </div>
  );
}
