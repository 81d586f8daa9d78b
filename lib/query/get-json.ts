// Safe to import from client components: the fetch behind every react-query read of /api/v1.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: "application/json" } });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ detail: res.statusText }));
    throw new HttpError(res.status, problem.detail ?? res.statusText);
  }
  return res.json() as Promise<T>;
}
