// Loki answers a stored push with 204 and errors with a short text; Facet sends the same
// statuses with problem+json bodies, which Loki clients log as they are.
export function pushFailure(status: number, detail: string, headers: Record<string, string> = {}): Response {
  const title =
    {
      400: "Bad request",
      401: "Unauthorized",
      413: "Payload too large",
      415: "Unsupported media type",
      429: "Too many requests",
      503: "Unavailable",
    }[status] ?? "Error";
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: { "Content-Type": "application/problem+json", ...headers },
  });
}
