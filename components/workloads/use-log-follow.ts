"use client";

import { useEffect, useState } from "react";
import { logsUrl, problemOf, type LogOptions, type Names } from "@/lib/workloads/queries";

/** What the dialog keeps of a followed log: the newest bytes only, so a chatty pod cannot
 *  grow the page without end. */
const MAX_SHOWN = 1024 * 1024;

export type FollowState = "idle" | "following" | "ended" | "error";

/** Reads the logs route with follow=true as a stream while `on`; `run` restarts it. */
export function useLogFollow(names: Names, pod: string, options: LogOptions, on: boolean, run: number) {
  const [text, setText] = useState("");
  const [state, setState] = useState<FollowState>("idle");
  const [error, setError] = useState<string | null>(null);
  const url = logsUrl(names, pod, options, true);

  useEffect(() => {
    if (!on) return;
    const abort = new AbortController();
    void (async () => {
      setText("");
      setError(null);
      setState("following");
      try {
        const res = await fetch(url, { signal: abort.signal });
        if (!res.ok) throw await problemOf(res);
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const piece = decoder.decode(value, { stream: true });
          setText((shown) => (shown + piece).slice(-MAX_SHOWN));
        }
        setState("ended");
      } catch (e) {
        if (abort.signal.aborted) return;
        setError((e as Error).message);
        setState("error");
      }
    })();
    return () => abort.abort();
  }, [url, on, run]);

  return { text, state: on ? state : ("idle" as FollowState), error };
}
