import "server-only";
import { Readable } from "node:stream";
import type { PoolConnection } from "mysql2/promise";
import { getPool } from "@/lib/db/client";
import { joinSql, sqlIdentifier, sqlText } from "@/lib/db/sql-text";

/** The queue holds as many rows as it may; the caller answers 429 with Retry-After. */
export class QueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The telemetry write queue is full.");
  }
}

/** One accepted request's rows, already encoded as load-file lines (see tsv.ts). */
export interface Job<E> {
  lines: string[];
  extra?: E;
}

interface Pending<E> extends Job<E> {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A column of the load file; `hex` ones arrive as hex and are stored as binary. */
export interface Column {
  name: string;
  hex?: boolean;
}

export interface TableQueueOptions<E> {
  table: (typeof TABLES)[number];
  columns: Column[];
  /** What a row with the key of a stored one does: replace it (metric points) or give way (spans). */
  duplicates?: "replace" | "ignore";
  /** Rows per transaction; requests are coalesced up to this. */
  batchRows: number;
  /** Rows held (queued + being written) before new requests are refused. */
  maxHeldRows: number;
  /** Concurrent writing transactions. */
  writers: number;
  /** Runs in the same transaction after the rows are loaded (rollups). */
  afterLoad?: (conn: PoolConnection, extras: E[]) => Promise<void>;
}

const CHUNK_BYTES = 1024 * 1024;
const RETRY = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);

const TABLES = ["telemetry_spans", "telemetry_logs", "telemetry_metric_points"] as const;

function loadStatement(o: TableQueueOptions<unknown>): string {
  const names = o.columns.map((c) => c.name);
  const column = (c: Column) => sqlIdentifier(c.name, names);
  const variable = (c: Column) =>
    sqlIdentifier(
      `h_${c.name}`,
      names.map((n) => `h_${n}`),
    );
  const targets = joinSql(
    o.columns.map((c) => (c.hex ? sqlText`@${variable(c)}` : column(c))),
    ", ",
  );
  const hex = o.columns.filter((c) => c.hex);
  const sets = hex.length
    ? sqlText` SET ${joinSql(
        hex.map((c) => sqlText`${column(c)} = UNHEX(@${variable(c)})`),
        ", ",
      )}`
    : sqlText``;
  const duplicates =
    o.duplicates === "replace" ? sqlText`REPLACE ` : o.duplicates === "ignore" ? sqlText`IGNORE ` : sqlText``;
  return sqlText`LOAD DATA LOCAL INFILE 'facet-telemetry' ${duplicates}INTO TABLE ${sqlIdentifier(o.table, TABLES)} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${targets})${sets}`
    .text;
}

/** The batch's lines as a stream of ~1 MiB buffers (each goes out as one protocol packet). */
function* chunks(batch: Pending<unknown>[]): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const job of batch) {
    for (const line of job.lines) {
      parts.push(line);
      size += line.length;
      if (size >= CHUNK_BYTES) {
        yield Buffer.from(parts.join(""));
        parts = [];
        size = 0;
      }
    }
  }
  if (parts.length) yield Buffer.from(parts.join(""));
}

/**
 * Coalesces accepted requests into LOAD DATA transactions. A request's promise settles once
 * the transaction holding all its rows has committed, so a 2xx means stored.
 */
export class TableQueue<E = never> {
  private queue: Pending<E>[] = [];
  private held = 0;
  private writing = 0;
  private readonly sql: string;

  constructor(private readonly options: TableQueueOptions<E>) {
    this.sql = loadStatement(options as TableQueueOptions<unknown>);
  }

  get heldRows(): number {
    return this.held;
  }

  configure(changes: Partial<Pick<TableQueueOptions<E>, "batchRows" | "maxHeldRows" | "writers">>): void {
    Object.assign(this.options, changes);
  }

  enqueue(job: Job<E>): Promise<void> {
    const rows = job.lines.length;
    if (rows === 0 && job.extra === undefined) return Promise.resolve();
    // An empty queue takes any single request, so one large batch is never refused forever.
    if (this.held > 0 && this.held + rows > this.options.maxHeldRows) throw new QueueFull(1);
    this.held += rows;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.queue.length || this.writing) await new Promise((r) => setTimeout(r, 5));
  }

  private kick(): void {
    while (this.writing < this.options.writers && this.queue.length) {
      const batch: Pending<E>[] = [];
      let rows = 0;
      while (this.queue.length && (batch.length === 0 || rows + this.queue[0].lines.length <= this.options.batchRows)) {
        const next = this.queue.shift()!;
        rows += next.lines.length;
        batch.push(next);
      }
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        this.held -= rows;
        this.kick();
      });
    }
  }

  private async write(batch: Pending<E>[]): Promise<void> {
    try {
      await this.transaction(batch);
      for (const job of batch) job.resolve();
    } catch (error) {
      for (const job of batch) job.reject(error);
    }
  }

  private async transaction(batch: Pending<E>[], attempt = 1): Promise<void> {
    const conn = await getPool().getConnection();
    try {
      await conn.query("START TRANSACTION");
      if (batch.some((j) => j.lines.length))
        await conn.query({
          sql: this.sql,
          infileStreamFactory: () => Readable.from(chunks(batch as Pending<unknown>[])),
        });
      const extras = batch.flatMap((j) => (j.extra === undefined ? [] : [j.extra]));
      if (this.options.afterLoad && extras.length) await this.options.afterLoad(conn, extras);
      await conn.query("COMMIT");
    } catch (error) {
      await conn.query("ROLLBACK").catch(() => undefined);
      if (attempt < 4 && RETRY.has((error as { code?: string }).code ?? ""))
        return this.transaction(batch, attempt + 1);
      throw error;
    } finally {
      conn.release();
    }
  }
}
