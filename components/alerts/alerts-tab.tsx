"use client";

import type { EnvironmentNames } from "@/lib/console/paths";
import { AlertsList } from "./alerts-list";
import { RulesSection } from "./rules-section";
import { SilencesSection } from "./silences-section";

/** An environment's Alerts tab: what fires now, the rules behind it, and what is silenced. */
export function AlertsTab({ names, canWrite }: { names: EnvironmentNames; canWrite: boolean }) {
  return (
    <div className="space-y-6">
      <AlertsList names={names} canWrite={canWrite} />
      <RulesSection names={names} canWrite={canWrite} />
      <SilencesSection names={names} canWrite={canWrite} />
    </div>
  );
}
