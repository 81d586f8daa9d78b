"use client";

import "@xterm/xterm/css/xterm.css";
import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import { useEffect, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

// An xterm.js terminal on the Kubernetes channel protocol: the first byte of every binary
// message is its channel (0 stdin, 1 stdout, 2 stderr, 3 exit status, 4 resize).

const encoder = new TextEncoder();
const frame = (channel: number, text: string) => {
  const body = encoder.encode(text);
  const out = new Uint8Array(body.length + 1);
  out[0] = channel;
  out.set(body, 1);
  return out;
};

export default function Terminal({ url, label }: { url: string; label: string }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const term = new XTerm({
      cursorBlink: true,
      convertEol: false,
      fontSize: 13,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
      // One palette in both themes: a terminal reads as a terminal.
      theme: { background: "#0b0f14", foreground: "#e6edf3" },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    const ws = new WebSocket(url, ["v5.channel.k8s.io", "v4.channel.k8s.io"]);
    ws.binaryType = "arraybuffer";
    const resize = () => {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame(4, JSON.stringify({ Width: term.cols, Height: term.rows })));
    };
    ws.onopen = () => {
      resize();
      term.focus();
    };
    ws.onmessage = (event) => {
      const data = new Uint8Array(event.data as ArrayBuffer);
      if (data.length === 0) return;
      const body = data.subarray(1);
      if (data[0] === 1 || data[0] === 2) term.write(body);
      else if (data[0] === 3) {
        const status = JSON.parse(new TextDecoder().decode(body)) as { status?: string; message?: string };
        if (status.status !== "Success" && status.message) term.write(`\r\n${status.message}\r\n`);
      }
    };
    ws.onclose = (event) => {
      term.write(`\r\n\x1b[2m${t("workloads.shellClosed")}${event.reason ? ` (${event.reason})` : ""}\x1b[0m\r\n`);
    };
    const input = term.onData((d) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame(0, d));
    });
    const resized = term.onResize(resize);
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(host.current!);
    return () => {
      observer.disconnect();
      input.dispose();
      resized.dispose();
      ws.close();
      term.dispose();
    };
  }, [url, t]);
  return (
    <div
      ref={host}
      role="application"
      aria-label={label}
      className="h-[60vh] w-full overflow-hidden rounded bg-[#0b0f14] p-2"
    />
  );
}
