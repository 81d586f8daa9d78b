/**
 * The route a path was served by, its dynamic segments named: `/api/v1/tenants/{tenant}`.
 * Params are matched right to left, so a value that equals an earlier static segment (a
 * tenant called "api") names the right one, and never next to another param: in Facet's
 * routes each dynamic segment follows a static one. Catch-all params become `{...name}`.
 */
export function routeTemplate(
  pathname: string,
  params: Record<string, string | string[] | undefined> | undefined,
): string {
  const segments = pathname.split("/");
  let end = segments.length;
  for (const [name, value] of Object.entries(params ?? {}).reverse()) {
    if (Array.isArray(value)) {
      if (!value.length) continue;
      const start = end - value.length;
      if (start > 0 && value.every((v, i) => decode(segments[start + i]) === v)) {
        segments.splice(start, value.length, `{...${name}}`);
        end = start;
      }
      continue;
    }
    if (value === undefined) continue;
    for (let i = end - 1; i > 0; i--) {
      if (i === end - 1 && end < segments.length && segments[end].startsWith("{")) continue;
      if (decode(segments[i]) === value) {
        segments[i] = `{${name}}`;
        end = i;
        break;
      }
    }
  }
  return segments.join("/");
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
