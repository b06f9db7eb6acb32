import pg from "pg";
import type { Env } from "@/lib/config/env";
import { withCommandDatabase } from "@/lib/db/command-database";

/** URL of the embedded database that `npm start` serves (lib/db/embedded.ts). */
function embeddedUrl(env: Env): string {
  return `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/reperes`;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database a backup reads: DATABASE_URL; else the embedded one, used as it is when the app
 * is running (a backup is online), or started for the command when it is not.
 */
export async function withBackupSource<T>(env: Env, task: (url: string) => Promise<T>): Promise<T> {
  if (!env.DATABASE_URL && (await answers(embeddedUrl(env)))) return task(embeddedUrl(env));
  return withCommandDatabase(env, (_db, url) => task(url));
}
