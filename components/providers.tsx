"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { I18nProvider, useI18n } from "./i18n/i18n-provider";
import { Toaster } from "./ui/toast";

export function Providers({ locale, nonce, children }: { locale: Locale; nonce?: string; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <I18nProvider locale={locale}>
        <QueryClientProvider client={queryClient}>
          <LocalizedToaster>{children}</LocalizedToaster>
        </QueryClientProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

function LocalizedToaster({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Toaster closeLabel={t("common.close")} regionLabel={t("toast.region")}>
      {children}
    </Toaster>
  );
}
