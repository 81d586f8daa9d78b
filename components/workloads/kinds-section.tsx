"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Card, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { Names } from "@/lib/workloads/queries";
import { LISTABLE_RESOURCES, type ListableResource } from "@/lib/workloads/resources";
import { EventsPanel } from "./events-panel";
import { KindTable } from "./kind-table";

type Tab = ListableResource | "events";

/** Every common kind of the environment, one tab each, and its events; only the open tab is read. */
export function KindsSection({ names, canWrite }: { names: Names; canWrite: boolean }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>("configmaps");
  return (
    <Card aria-labelledby="environment-resources" className="min-w-0">
      <CardTitle id="environment-resources">{t("kinds.title")}</CardTitle>
      <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
        <TabsList aria-label={t("kinds.picker")}>
          {LISTABLE_RESOURCES.map((r) => (
            <TabsTrigger key={r} value={r}>
              {t(`kinds.${r}`)}
            </TabsTrigger>
          ))}
          <TabsTrigger value="events">{t("kinds.events")}</TabsTrigger>
        </TabsList>
        {LISTABLE_RESOURCES.map((r) => (
          <TabsContent key={r} value={r}>
            {tab === r && <KindTable names={names} resource={r} canWrite={canWrite} />}
          </TabsContent>
        ))}
        <TabsContent value="events">{tab === "events" && <EventsPanel names={names} />}</TabsContent>
      </Tabs>
    </Card>
  );
}
