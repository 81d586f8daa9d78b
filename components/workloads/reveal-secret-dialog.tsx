"use client";

import { useState } from "react";
import { ProblemAlert } from "@/components/console/problem-alert";
import { useOperation } from "@/components/console/use-operation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { Names } from "@/lib/workloads/queries";

type Revealed = { values: { key: string; value: string; encoding: "utf-8" | "base64" }[] };

/** A Secret's values for writers, only after an explicit, audited request; closing forgets them. */
export function RevealSecretDialog({ names, name }: { names: Names; name: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const reveal = useOperation("revealSecret");
  const title = t("kinds.revealTitle", { name });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setRevealed(null);
          reveal.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={t("kinds.revealNamed", { name })}>
          {t("kinds.reveal")}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} closeLabel={t("common.close")} className="w-[min(48rem,95vw)]">
        <p className="text-sm text-muted-foreground">{t("kinds.revealNote")}</p>
        <ProblemAlert problem={reveal.problem} />
        {revealed ? (
          <Table aria-label={title}>
            <THead>
              <tr>
                <Th>{t("kinds.key")}</Th>
                <Th>{t("kinds.value")}</Th>
              </tr>
            </THead>
            <TBody>
              {revealed.values.map((v) => (
                <tr key={v.key}>
                  <Td className="font-mono text-xs">{v.key}</Td>
                  <Td className="whitespace-pre-wrap break-all font-mono text-xs">
                    {v.value}
                    {v.encoding === "base64" && (
                      <span className="ml-2 text-muted-foreground">({t("kinds.base64")})</span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <DialogFooter>
            <Button
              disabled={reveal.pending}
              onClick={() =>
                reveal.run({ params: { ...names, resource: "secrets", name } }, (data) => setRevealed(data as Revealed))
              }
            >
              {reveal.pending ? t("common.working") : t("kinds.revealConfirm")}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
