"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDeleteDialog } from "@/components/console/confirm-delete-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import {
  channelKeys,
  deleteChannel,
  fetchChannels,
  testChannel,
  testOutcome,
  type ChannelDto,
  type ChannelScope,
  type When,
} from "./api";
import { ChannelFormDialog } from "./channel-form-dialog";

const when = (at: When | null, locale: string) => (at == null ? "—" : new Date(at).toLocaleString(locale));

function DeleteChannel({ scope, name, onDeleted }: { scope: ChannelScope; name: string; onDeleted: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteChannel(scope, name),
    onSuccess: async () => {
      setOpen(false);
      onDeleted();
      await queryClient.invalidateQueries({ queryKey: channelKeys.all(scope) });
    },
  });
  return (
    <ConfirmDeleteDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        remove.reset();
      }}
      name={name}
      kind={t("channels.kindName")}
      consequences={t("channels.deleteConsequence")}
      pending={remove.isPending}
      error={remove.error && <Alert variant="destructive">{remove.error.message}</Alert>}
      onConfirm={() => remove.mutate()}
      inputId={`confirm-channel-${name}`}
    />
  );
}

function SendTest({
  scope,
  name,
  onResult,
}: {
  scope: ChannelScope;
  name: string;
  onResult: (r: { name: string; ok: boolean; detail: string }) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () => testChannel(scope, name),
    onSuccess: async (result) => {
      onResult({ name, ...testOutcome(result ?? {}) });
      await queryClient.invalidateQueries({ queryKey: channelKeys.all(scope) });
    },
    onError: (error) => onResult({ name, ok: false, detail: error.message }),
  });
  return (
    <Button
      size="sm"
      variant="outline"
      className="whitespace-nowrap"
      disabled={test.isPending}
      aria-label={t("channels.sendTestTo", { name })}
      onClick={() => test.mutate()}
    >
      {test.isPending ? t("channels.sending") : t("channels.sendTest")}
    </Button>
  );
}

/** A tenant's alert channels, or the system-wide ones: kind, last delivery, failures, and actions. */
export function ChannelsPanel({ scope, canWrite }: { scope: ChannelScope; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const channels = useQuery({
    queryKey: channelKeys.all(scope),
    queryFn: () => fetchChannels(scope),
    // Deliveries and retries move by themselves.
    refetchInterval: 30_000,
  });
  const [feedback, setFeedback] = useState<string | null>(null);
  const [test, setTest] = useState<{ name: string; ok: boolean; detail: string } | null>(null);
  const title = scope.level === "system" ? t("channels.systemTitle") : t("channels.title");

  return (
    <Card aria-labelledby="channels-title">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="channels-title" className="mb-0">
          {title}
        </CardTitle>
        {canWrite && <ChannelFormDialog scope={scope} />}
      </div>
      {feedback && <Alert className="mb-3">{feedback}</Alert>}
      {test && (
        <Alert variant={test.ok ? "default" : "destructive"} className="mb-3">
          {test.ok
            ? t("channels.testDelivered", { name: test.name })
            : t("channels.testFailed", { name: test.name, error: test.detail || "—" })}
          {test.ok && test.detail && <span className="block text-xs">{test.detail}</span>}
        </Alert>
      )}
      {channels.error && <Alert variant="destructive">{channels.error.message}</Alert>}
      {!channels.data && !channels.error && <p aria-busy="true">{t("common.loading")}</p>}
      {channels.data && channels.data.items.length === 0 && (
        <EmptyState title={t("channels.empty")} hint={canWrite ? t("channels.emptyHint") : undefined} />
      )}
      {channels.data && channels.data.items.length > 0 && (
        <Table aria-label={title}>
          <THead>
            <tr>
              <Th>{t("common.name")}</Th>
              <Th>{t("channels.kind")}</Th>
              <Th>{t("channels.col.lastDelivery")}</Th>
              <Th>{t("channels.col.lastError")}</Th>
              <Th>{t("channels.col.pending")}</Th>
              <Th>{t("channels.col.recent")}</Th>
              <Th className="text-right">{t("common.actions")}</Th>
            </tr>
          </THead>
          <TBody>
            {channels.data.items.map((c: ChannelDto) => (
              <tr key={c.name}>
                <Td className="font-medium">
                  {c.name}
                  {c.sendResolved && (
                    <span className="block text-xs font-normal text-muted-foreground">
                      {t("channels.sendsResolved")}
                    </span>
                  )}
                </Td>
                <Td>{t(`channels.kind.${c.kind}`)}</Td>
                <Td className="whitespace-nowrap text-xs">{when(c.lastDeliveryAt, locale)}</Td>
                <Td className="max-w-64 break-all text-xs text-destructive">{c.lastError ?? "—"}</Td>
                <Td className="tabular-nums">
                  {c.pending > 0 ? <Badge tone="warn">{c.pending}</Badge> : <span>{c.pending}</span>}
                </Td>
                <Td>
                  <ul className="flex gap-1" aria-label={t("channels.recentOf", { name: c.name })}>
                    {(c.recentDeliveries ?? []).slice(0, 10).map((d, i) => (
                      <li key={i}>
                        <Badge
                          tone={d.status === "delivered" ? "ok" : d.status === "failed" ? "bad" : "warn"}
                          title={`${when(d.at, locale)}${d.error ? ` · ${d.error}` : ""}`}
                        >
                          {t(`channels.delivery.${d.status}`)}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  <div className="flex justify-end gap-2">
                    {canWrite && (
                      <>
                        <SendTest
                          scope={scope}
                          name={c.name}
                          onResult={(r) => {
                            setFeedback(null);
                            setTest(r);
                          }}
                        />
                        <ChannelFormDialog scope={scope} channel={c} />
                        <DeleteChannel
                          scope={scope}
                          name={c.name}
                          onDeleted={() => setFeedback(t("channels.deleted", { name: c.name }))}
                        />
                      </>
                    )}
                  </div>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
