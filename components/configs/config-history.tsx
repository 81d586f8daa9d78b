"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { DiffView } from "@/components/editor/diff-view";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ConfigType } from "@/lib/config-center/constants";
import {
  configKeys,
  EDITOR_LANGUAGE,
  fetchHistoryEntry,
  type EnvNames,
  type HistoryDto,
} from "@/lib/config-center/queries";

const OP_LABEL = { I: "configs.op.I", U: "configs.op.U", D: "configs.op.D" } as const;

/** Every change, a diff of any two versions (or of one change), and undo of a change. */
export function ConfigHistory({
  names,
  dataId,
  items,
  canWrite,
  type,
}: {
  names: EnvNames;
  dataId: string;
  items: (HistoryDto & { revision?: number })[];
  canWrite: boolean;
  type: ConfigType;
}) {
  const { t, locale } = useI18n();
  // Changes are numbered per config (1 for its first); the store's ids stay for the API calls.
  const revisions = new Map(items.map((h) => [h.id, h.revision ?? h.id]));
  const rev = (id: number) => revisions.get(id) ?? id;
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<{ a: number; b: number | null } | null>(null);
  const [undo, setUndo] = useState<HistoryDto | null>(null);
  const rollback = useOperation("rollbackConfig");
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  return (
    <Card aria-labelledby="config-history">
      <div className="mb-3 flex items-center justify-between">
        <CardTitle id="config-history" className="mb-0">
          {t("configs.history")}
        </CardTitle>
        <Button
          size="sm"
          variant="outline"
          disabled={picked.length !== 2}
          onClick={() => setDiff({ a: Math.min(...picked), b: Math.max(...picked) })}
        >
          {t("configs.compare")}
        </Button>
      </div>
      <ProblemAlert problem={rollback.problem} />
      <Table aria-label={t("configs.history")}>
        <THead>
          <tr>
            <Th>
              <span className="sr-only">{t("configs.pick")}</span>
            </Th>
            <Th>#</Th>
            <Th>{t("configs.change")}</Th>
            <Th>{t("configs.by")}</Th>
            <Th>{t("configs.when")}</Th>
            <Th className="text-right">{t("common.actions")}</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((h) => (
            <tr key={h.id}>
              <Td>
                <input
                  type="checkbox"
                  aria-label={t("configs.pickVersion", { id: rev(h.id) })}
                  checked={picked.includes(h.id)}
                  onChange={() => toggle(h.id)}
                />
              </Td>
              <Td className="font-mono">{rev(h.id)}</Td>
              <Td>
                <Badge tone={h.op === "D" ? "bad" : h.op === "I" ? "ok" : "neutral"}>
                  {t(OP_LABEL[h.op as "I" | "U" | "D"])}
                </Badge>{" "}
                <span className="text-xs text-muted-foreground">{h.source}</span>
                {h.rollbackOf && (
                  <span className="ml-1 text-xs text-muted-foreground">
                    {t("configs.undoOf", { id: rev(h.rollbackOf) })}
                  </span>
                )}
              </Td>
              <Td>{h.actor}</Td>
              <Td className="text-muted-foreground">
                {h.createdAt ? new Date(h.createdAt).toLocaleString(locale) : "—"}
              </Td>
              <Td className="space-x-2 whitespace-nowrap text-right">
                <Button
                  size="sm"
                  variant="outline"
                  aria-label={t("configs.diffOf", { id: rev(h.id) })}
                  onClick={() => setDiff({ a: h.id, b: null })}
                >
                  {t("configs.diff")}
                </Button>
                {canWrite && (
                  <Button
                    size="sm"
                    variant="outline"
                    aria-label={t("configs.undoNamed", { id: rev(h.id) })}
                    onClick={() => setUndo(h)}
                  >
                    {t("configs.undo")}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {diff && (
        <DiffDialog
          names={names}
          dataId={dataId}
          a={diff.a}
          b={diff.b}
          rev={rev}
          type={type}
          onClose={() => setDiff(null)}
        />
      )}
      <Dialog open={Boolean(undo)} onOpenChange={(o) => !o && setUndo(null)}>
        {undo && (
          <DialogContent
            title={t("configs.undoTitle", { id: rev(undo.id) })}
            description={t(undo.op === "I" ? "configs.undoCreate" : "configs.undoUpdate")}
            closeLabel={t("common.close")}
          >
            <DialogFooter>
              <Button
                disabled={rollback.pending}
                onClick={async () => {
                  if (await rollback.run({ params: { ...names, dataId }, body: { historyId: undo.id } })) setUndo(null);
                }}
              >
                {rollback.pending ? t("common.working") : t("configs.rollBack")}
              </Button>
            </DialogFooter>
          </DialogContent>
        )}
      </Dialog>
    </Card>
  );
}

function DiffDialog({
  names,
  dataId,
  a,
  b,
  rev,
  type,
  onClose,
}: {
  names: EnvNames;
  dataId: string;
  a: number;
  b: number | null;
  rev: (id: number) => number;
  type: ConfigType;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const first = useQuery({
    queryKey: configKeys.entry(names, dataId, a),
    queryFn: () => fetchHistoryEntry(names, dataId, a),
  });
  const second = useQuery({
    queryKey: configKeys.entry(names, dataId, b ?? -1),
    queryFn: () => fetchHistoryEntry(names, dataId, b!),
    enabled: b !== null,
  });
  // Two versions: what each change left. One change: what it found and what it left.
  const original = b === null ? first.data?.before?.content : first.data?.after?.content;
  const modified = b === null ? first.data?.after?.content : second.data?.after?.content;
  const ready = first.data && (b === null || second.data);
  const title = b === null ? t("configs.diffOf", { id: rev(a) }) : t("configs.diffBetween", { a: rev(a), b: rev(b) });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(72rem,95vw)]">
        <div className="mb-2 grid grid-cols-2 text-xs text-muted-foreground">
          <span>{b === null ? t("configs.before") : `#${rev(a)}`}</span>
          <span>{b === null ? t("configs.after") : `#${rev(b)}`}</span>
        </div>
        {ready ? (
          <DiffView
            label={title}
            original={original ?? ""}
            modified={modified ?? ""}
            language={EDITOR_LANGUAGE[type]}
          />
        ) : (
          <p aria-busy="true">{t("common.loading")}</p>
        )}
      </DialogContent>
    </Dialog>
  );
}
