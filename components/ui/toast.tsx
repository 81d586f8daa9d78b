"use client";

import { CircleCheck, CircleAlert, X } from "lucide-react";
import { Toast as Primitive } from "radix-ui";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

export interface ToastOptions {
  title: string;
  description?: string;
  variant?: "success" | "error";
}

interface ToastItem extends ToastOptions {
  id: number;
  open: boolean;
}

const ToastContext = createContext<((options: ToastOptions) => void) | null>(null);

/** Short confirmations after a save. Radix times, pauses and dismisses them (swipe, Escape, F8 to
 *  reach the region); each toast is itself the role="status" element in a polite live region, so
 *  Radix's own duplicate announcer is given no text. */
export function Toaster({
  children,
  closeLabel,
  regionLabel,
}: {
  children: ReactNode;
  closeLabel: string;
  regionLabel: string;
}) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const show = useCallback((options: ToastOptions) => {
    const id = next.current++;
    // At most three on screen: a burst of saves does not bury the page.
    setItems((all) => [...all.filter((x) => x.open).slice(-2), { ...options, id, open: true }]);
  }, []);
  const close = (id: number) => setItems((all) => all.map((x) => (x.id === id ? { ...x, open: false } : x)));
  return (
    <ToastContext.Provider value={show}>
      <Primitive.Provider duration={5000} label={regionLabel}>
        {children}
        {items.map((item) => (
          <Primitive.Root
            key={item.id}
            open={item.open}
            onOpenChange={(open) => !open && close(item.id)}
            type={item.variant === "error" ? "foreground" : "background"}
            role="status"
            aria-live={item.variant === "error" ? "assertive" : "polite"}
            aria-atomic
            className={cn(
              "pointer-events-auto flex w-full items-start gap-3 rounded-lg border bg-card p-4 shadow-lg",
              "data-[state=closed]:opacity-0 data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)]",
              item.variant === "error" && "border-destructive",
            )}
          >
            <div data-radix-toast-announce-exclude="" className="flex min-w-0 flex-1 items-start gap-3">
              {item.variant === "error" ? (
                <CircleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-destructive" />
              ) : (
                <CircleCheck aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-primary" />
              )}
              <div className="min-w-0 flex-1">
                <Primitive.Title className="text-sm font-medium">{item.title}</Primitive.Title>
                {item.description && (
                  <Primitive.Description className="mt-1 break-words text-sm text-muted-foreground">
                    {item.description}
                  </Primitive.Description>
                )}
              </div>
            </div>
            <Primitive.Close aria-label={closeLabel} className="rounded p-1 hover:bg-accent">
              <X aria-hidden className="h-4 w-4" />
            </Primitive.Close>
          </Primitive.Root>
        ))}
        <Primitive.Viewport
          aria-live="polite"
          className="pointer-events-none fixed bottom-0 right-0 z-[100] flex w-full max-w-sm flex-col gap-2 p-4 outline-none"
        />
      </Primitive.Provider>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ title: t("…saved") })`. */
export function useToast(): (options: ToastOptions) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a <Toaster> above it");
  return show;
}
