"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "./button";

export function CodeBlock({ code, label }: { code: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <figure className="relative">
      <figcaption className="mb-1 text-xs font-medium text-muted-foreground">{label}</figcaption>
      <pre className="overflow-x-auto rounded-md bg-muted p-3 pr-20 font-mono text-xs">
        <code>{code}</code>
      </pre>
      <Button
        size="sm"
        variant="outline"
        className="absolute right-2 top-6"
        aria-label={`${t("common.copy")}: ${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(code);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? t("common.copied") : t("common.copy")}
      </Button>
    </figure>
  );
}
