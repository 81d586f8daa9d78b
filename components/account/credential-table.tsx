"use client";

import { useState, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

export interface Credential {
  id: number;
  name: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type CredentialState = "active" | "expired" | "revoked";

/** API tokens and sandbox credentials alike: name, one column of their own, expiry, last use,
 *  state, and a revoke action while active. */
export function CredentialTable<C extends Credential>({
  label,
  items,
  column,
  revoke,
}: {
  label: string;
  items: C[];
  column: { header: string; cell: (item: C) => ReactNode };
  revoke: (item: C) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const [now] = useState(() => Date.now());
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : "—");
  const state = (c: C): CredentialState =>
    c.revokedAt ? "revoked" : c.expiresAt && new Date(c.expiresAt).getTime() < now ? "expired" : "active";
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>{t("common.name")}</Th>
          <Th>{column.header}</Th>
          <Th>{t("tokens.expires")}</Th>
          <Th>{t("tokens.lastUsed")}</Th>
          <Th>{t("users.status")}</Th>
          <Th className="text-right">{t("common.actions")}</Th>
        </tr>
      </THead>
      <TBody>
        {items.map((c) => (
          <tr key={c.id}>
            <Td className="font-medium">{c.name}</Td>
            <Td>{column.cell(c)}</Td>
            <Td>{when(c.expiresAt)}</Td>
            <Td>{when(c.lastUsedAt)}</Td>
            <Td>
              <Badge tone={state(c) === "active" ? "ok" : "neutral"}>{t(`tokens.state.${state(c)}`)}</Badge>
            </Td>
            <Td className="text-right">{state(c) === "active" && revoke(c)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
