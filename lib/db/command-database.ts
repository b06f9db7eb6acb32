import path from "node:path";
import type { Env } from "@/lib/config/env";
import { createPrismaClient, type Database } from "./connect";
import { EmbeddedDatabaseError, startEmbeddedDatabase } from "./embedded";
import { assertDatabaseReachable } from "./reachability";

/**
 * Runs a command-line task on the configured database: DATABASE_URL, or else the embedded one
 * that `npm start` uses (which must then be stopped, since it is started here).
 */
export async function withCommandDatabase<T>(env: Env, task: (db: Database, url: string) => Promise<T>): Promise<T> {
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (url) {
    await assertDatabaseReachable(url);
  } else {
    const embedded = await startEmbeddedDatabase({
      dataDir: path.join(path.resolve(env.REPERES_DATA_DIR), "postgres"),
      port: env.EMBEDDED_POSTGRES_PORT,
      database: "reperes",
    }).catch((error: unknown) => {
      if (error instanceof EmbeddedDatabaseError && error.message.includes("déjà utilisé")) {
        throw new EmbeddedDatabaseError(
          "La base embarquée est déjà ouverte par Repères : arrêtez l'application (Ctrl-C) avant de lancer cette commande, ou définissez DATABASE_URL.",
        );
      }
      throw error;
    });
    url = embedded.url;
    stop = embedded.stop;
  }
  const db = createPrismaClient(url);
  try {
    return await task(db, url);
  } finally {
    await db.$disconnect();
    await stop();
  }
}
