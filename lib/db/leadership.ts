import "server-only";
import { createHash } from "node:crypto";
import mysql from "mysql2/promise";
import { processSingleton } from "@/lib/cache";
import { databaseUrl } from "@/lib/env";
import { logger } from "@/lib/observability/logger";

/** What a leader runs: started when this process wins the lock, stopped when it loses it. */
export interface LeaderRole {
  start(): void;
  stop(): void;
}

export interface Leadership {
  readonly name: string;
  isLeader(): boolean;
  /** Stops the role if held, releases the lock and stops trying (tests, shutdown). */
  resign(): Promise<void>;
}

const RETRY_MS = Number(process.env.FACET_LEADER_RETRY_MS ?? 2_000);
const PING_MS = 5_000;

const registry = () => processSingleton("leadership.registry", () => new Map<string, Leadership>());

/** The database's name in the lock, since GET_LOCK names are server-wide; hashed to fit 64. */
function lockName(name: string): string {
  const database = new URL(databaseUrl()).pathname.slice(1);
  return `facet:${createHash("sha256").update(`${database}\u0000${name}`).digest("hex").slice(0, 40)}`;
}

/**
 * Runs `role` in exactly one process of all those on this database: the one holding the
 * MariaDB user lock `name` on a dedicated connection. The lock dies with that connection, so
 * when the leader's process dies another takes over on its next try (every RETRY_MS). Once per
 * process and name; later calls return the first.
 */
export function leadWhileHeld(name: string, role: LeaderRole): Leadership {
  const existing = registry().get(name);
  if (existing) return existing;
  let connection: mysql.Connection | null = null;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const lose = (error?: unknown) => {
    if (leader) {
      leader = false;
      if (error) logger.warn({ err: error, leadership: name }, "leadership lost");
      role.stop();
    }
    connection?.destroy();
    connection = null;
  };

  const attempt = async () => {
    try {
      if (!connection) {
        const opened = await mysql.createConnection({ uri: databaseUrl(), connectTimeout: 5_000 });
        opened.on("error", (error) => connection === opened && lose(error));
        connection = opened;
      }
      if (leader) {
        await connection.query("SELECT 1"); // still connected, so still holding the lock
      } else {
        const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT GET_LOCK(?, 0) AS got", [lockName(name)]);
        if (stopped) return;
        if (rows[0]?.got === 1) {
          leader = true;
          logger.info({ leadership: name }, "leadership taken");
          role.start();
        }
      }
    } catch (error) {
      lose(error);
    }
    if (!stopped) timer = setTimeout(() => void attempt(), leader ? PING_MS : RETRY_MS).unref();
  };

  const leadership: Leadership = {
    name,
    isLeader: () => leader,
    resign: async () => {
      stopped = true;
      clearTimeout(timer);
      registry().delete(name);
      if (leader) {
        leader = false;
        role.stop();
      }
      await connection?.end().catch(() => connection?.destroy());
      connection = null;
    },
  };
  registry().set(name, leadership);
  void attempt();
  return leadership;
}

/** The leaderships this process runs loops for, by name: held or not. */
export function leaderships(): Leadership[] {
  return [...registry().values()];
}
