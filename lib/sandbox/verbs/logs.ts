import "server-only";
import { getDb } from "@/lib/db/client";
import { badRequest, notFound } from "../k8s-error";
import { containerLog, formatLine, logRate, MAX_LOG_LINES, type LogSource } from "../logs";
import { readObject } from "../store/read";
import type { JsonObject, K8sObject } from "../types";
import type { ResourceRequest } from "./context";

// GET /api/v1/namespaces/{ns}/pods/{name}/log with container, tailLines, sinceSeconds,
// timestamps, limitBytes and follow, answering with the kubelet's error wording.

function pickContainer(pod: K8sObject, requested: string | null): { name: string; image: string } {
  const containers = ((pod.spec?.containers as JsonObject[] | undefined) ?? []).map((c) => ({
    name: String(c.name),
    image: String(c.image),
  }));
  const name = pod.metadata.name!;
  if (!requested) {
    if (containers.length === 1) return containers[0];
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${containers.map((c) => c.name).join(" ")}]`,
    );
  }
  const found = containers.find((c) => c.name === requested);
  if (!found) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return found;
}

function startedAt(pod: K8sObject, container: string): Date {
  const status = ((pod.status?.containerStatuses as JsonObject[] | undefined) ?? []).find((s) => s.name === container);
  const state = (status?.state ?? {}) as JsonObject;
  const running = (state.running ?? state.terminated) as JsonObject | undefined;
  if (!running?.startedAt) {
    const reason = ((state.waiting as JsonObject | undefined)?.reason as string | undefined) ?? "ContainerCreating";
    throw badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  return new Date(String(running.startedAt));
}

export async function logsVerb(req: ResourceRequest): Promise<Response> {
  const pod = await readObject(getDb(), req.type, req.namespace, req.name!);
  if (!pod) throw notFound(req.type, req.name!);
  const q = req.query;
  const container = pickContainer(pod, q.get("container"));
  if (q.get("previous") === "true")
    throw badRequest(`previous terminated container "${container.name}" in pod "${pod.metadata.name}" not found`);
  const started = startedAt(pod, container.name);
  const timestamps = q.get("timestamps") === "true";
  const since = q.get("sinceSeconds")
    ? Date.now() - Number(q.get("sinceSeconds")) * 1000
    : q.get("sinceTime")
      ? Date.parse(q.get("sinceTime")!)
      : 0;
  const tail = q.get("tailLines") !== null ? Number(q.get("tailLines")) : -1;
  const limitBytes = q.get("limitBytes") ? Number(q.get("limitBytes")) : Infinity;
  const seed = pod.metadata.uid!;
  const source: LogSource = {
    seed,
    container: container.name,
    image: container.image,
    startedAt: started,
    rate: logRate(pod.metadata.annotations),
  };

  const lines =
    tail === 0
      ? []
      : containerLog(source, since - 1, new Date(), tail > 0 ? Math.min(tail, MAX_LOG_LINES) : MAX_LOG_LINES);
  let text = lines.map((l) => formatLine(l, timestamps)).join("");
  if (text.length > limitBytes) text = text.slice(0, limitBytes);
  const headers = { "content-type": "text/plain", "cache-control": "no-cache, private" };
  if (q.get("follow") !== "true") return new Response(text, { status: 200, headers });

  let last = lines.length ? lines[lines.length - 1].at.getTime() : Math.max(since, started.getTime());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  req.request.signal?.addEventListener("abort", stop);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      // An empty first chunk makes Next.js send the headers even when there is no line yet.
      controller.enqueue(text ? encoder.encode(text) : new Uint8Array(0));
      const tick = async () => {
        if (stopped) return;
        // Following ends when the pod goes away, as it does when the container exits.
        const current = await readObject(getDb(), req.type, req.namespace, req.name!).catch(() => null);
        // The reader may have gone while the pod was read: nothing more is written to its stream.
        if (stopped) return;
        if (!current || current.metadata.uid !== seed) {
          stop();
          controller.close();
          return;
        }
        const fresh = containerLog(source, last, new Date());
        for (const line of fresh) controller.enqueue(encoder.encode(formatLine(line, timestamps)));
        if (fresh.length) last = fresh[fresh.length - 1].at.getTime();
        timer = setTimeout(tick, 1000);
      };
      timer = setTimeout(tick, 1000);
    },
    cancel: stop,
  });
  return new Response(stream, { status: 200, headers });
}
