import "server-only";
import { createGunzip, createInflate } from "node:zlib";
import { readBoundedBody } from "@/lib/core/read-bounded-body";

/** Past this much output, a body inflating more than MAX_RATIO:1 is refused as a bomb. */
const RATIO_FLOOR = 1024 * 1024;
const MAX_RATIO = 200;
const SLICE = 16 * 1024;

/** The body is larger than allowed, before or after decompression (413). */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds ${limit} bytes (after decompression).`);
  }
}

/** An encoding Facet does not decompress (415). */
export class UnsupportedEncoding extends Error {}

/** The compressed stream is corrupt (400). */
export class CorruptBody extends Error {}

/**
 * Reads at most `limit` bytes of the raw body within the body deadline (TransportError 413 /
 * 408 otherwise), then inflates it as a stream that stops as soon
 * as the output passes `limit`, or grows more than MAX_RATIO times the input fed so far (real
 * OTLP compresses far less): a gzip bomb costs about a megabyte of inflation, never its size.
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (!["identity", "gzip", "x-gzip", "deflate"].includes(encoding))
    throw new UnsupportedEncoding(`Content-Encoding '${encoding}' is not supported; use gzip or none.`);
  const raw = await readBoundedBody(request, { limit });
  if (encoding === "identity") return raw;
  return inflateCapped(raw, encoding, limit);
}

function inflateCapped(raw: Buffer, encoding: string, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = encoding === "deflate" ? createInflate() : createGunzip();
    const out: Buffer[] = [];
    let size = 0;
    let fed = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(error);
    };
    z.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit || (size > RATIO_FLOOR && size > MAX_RATIO * fed)) return fail(new BodyTooLarge(limit));
      out.push(chunk);
    });
    z.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(out, size));
    });
    z.on("error", () => fail(new CorruptBody(`The ${encoding} body could not be decompressed.`)));
    // Fed in slices, so the ratio is judged against what the inflater has been given so far.
    const feed = (from: number) => {
      for (let i = from; i < raw.length; i += SLICE) {
        if (settled) return;
        fed = Math.min(raw.length, i + SLICE);
        if (!z.write(raw.subarray(i, fed))) {
          z.once("drain", () => feed(i + SLICE));
          return;
        }
      }
      if (!settled) z.end();
    };
    feed(0);
  });
}
