"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { Popover } from "radix-ui";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";
import { fetchNotifications, markRead, notificationKeys, type NotificationDto } from "./api";

const DOT = { critical: "bg-rose-600", error: "bg-rose-400", warning: "bg-amber-500", info: "bg-sky-500" } as const;

/** Only same-origin console paths are followed; anything else stays plain text. */
const safeLink = (link: string | null) => (link && link.startsWith("/") && !link.startsWith("//") ? link : null);

function Item({ n, onOpen }: { n: NotificationDto; onOpen: (n: NotificationDto) => void }) {
  const { locale } = useI18n();
  const href = safeLink(n.link);
  const body = (
    <>
      <span className="flex items-center gap-2">
        <span aria-hidden className={cn("h-2 w-2 shrink-0 rounded-full", n.severity ? DOT[n.severity] : "bg-muted")} />
        <span className={cn("text-sm", !n.readAt && "font-semibold")}>{n.title}</span>
      </span>
      {n.body && <span className="mt-0.5 block text-xs text-muted-foreground">{n.body}</span>}
      <span className="mt-0.5 block text-xs text-muted-foreground">{new Date(n.createdAt).toLocaleString(locale)}</span>
    </>
  );
  return (
    <li className="border-b last:border-b-0">
      {href ? (
        <Link href={href} className="block px-3 py-2 hover:bg-accent" onClick={() => onOpen(n)}>
          {body}
        </Link>
      ) : (
        <div className="px-3 py-2">{body}</div>
      )}
    </li>
  );
}

/** The header's bell: unread count, the recent notifications with links, and "mark all read". */
export function NotificationBell() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: notificationKeys.all(),
    queryFn: fetchNotifications,
    // New alerts arrive by themselves; poll faster while the list is open.
    refetchInterval: open ? 10_000 : 30_000,
  });
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all() });
    },
  });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const label = t("notifications.bell", { count: unread });
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative">
          <Bell aria-hidden className="h-5 w-5" />
          {unread > 0 && (
            <span
              aria-hidden
              className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] font-semibold leading-4 text-destructive-foreground"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          aria-label={t("notifications.title")}
          className="z-50 w-[min(24rem,95vw)] rounded-md border bg-card text-foreground shadow-md"
        >
          <div className="flex items-center justify-between border-b px-3 py-2">
            <h2 className="text-sm font-semibold">{t("notifications.title")}</h2>
            <Button
              size="sm"
              variant="ghost"
              disabled={unread === 0 || read.isPending}
              onClick={() => read.mutate({ all: true })}
            >
              {t("notifications.markAllRead")}
            </Button>
          </div>
          {list.error && <p className="px-3 py-4 text-sm text-destructive">{list.error.message}</p>}
          {!list.error && items.length === 0 && (
            <p className="px-3 py-4 text-sm text-muted-foreground">{t("notifications.empty")}</p>
          )}
          {items.length > 0 && (
            <ul aria-label={t("notifications.title")} className="max-h-96 overflow-y-auto">
              {items.map((n) => (
                <Item
                  key={n.id}
                  n={n}
                  onOpen={(x) => {
                    if (!x.readAt) read.mutate({ ids: [x.id] });
                    setOpen(false);
                  }}
                />
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
