/**
 * Offline stand-in for `prisma migrate` (the native schema engine cannot be downloaded here).
 *
 *   tsx scripts/db-migrate.ts deploy                      apply pending migrations
 *   tsx scripts/db-migrate.ts create --name add_x         write the migration the schema needs
 *   tsx scripts/db-migrate.ts create --name x --empty     write an empty one for hand-written SQL
 *   tsx scripts/db-migrate.ts status                      exit 1 if pending or failed migrations
 *   tsx scripts/db-migrate.ts resolve --rolled-back NAME  mark a failed migration rolled back
 *
 * DATABASE_URL is required (for `create` it only locates the server: the diff runs on a
 * throwaway shadow database). Logic lives in lib/db/migrations.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyMigrations, createMigration, markMigrationRolledBack, MigrationError, migrationStatus } from "../lib/db/migrations/engine";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "Usage: tsx scripts/db-migrate.ts deploy | create --name NAME [--empty] | status | resolve --rolled-back NAME";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) fail("DATABASE_URL is not set (e.g. postgresql://user@127.0.0.1:5432/reperes).");
  try {
    if (!/^postgres(ql)?:$/.test(new URL(url).protocol)) throw new Error();
  } catch {
    fail("DATABASE_URL is not a valid postgresql:// URL.");
  }
  return url;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      empty: { type: "boolean", default: false },
      "rolled-back": { type: "string" },
      schema: { type: "string", default: path.join(root, "prisma/schema.prisma") },
      "migrations-dir": { type: "string", default: path.join(root, "prisma/migrations") },
    },
  });
  const migrationsDir = values["migrations-dir"];
  const [command] = positionals;

  switch (command) {
    case "deploy": {
      const applied = await applyMigrations({ databaseUrl: databaseUrl(), migrationsDir });
      console.log(applied.length ? `Applied:\n${applied.map((n) => `  ${n}`).join("\n")}` : "No pending migrations.");
      return 0;
    }
    case "create": {
      if (!values.name) fail(`--name is required.\n${USAGE}`);
      const created = await createMigration({
        // An empty migration needs no database.
        databaseUrl: values.empty ? (process.env.DATABASE_URL ?? "") : databaseUrl(),
        migrationsDir,
        schemaPath: values.schema,
        name: values.name,
        empty: values.empty,
      });
      console.log(created ? `Created ${path.relative(process.cwd(), created.file)}` : "No changes: the schema matches the migrations.");
      return 0;
    }
    case "status": {
      const s = await migrationStatus({ databaseUrl: databaseUrl(), migrationsDir });
      const list = (title: string, names: string[]) => names.length && console.log(`${title}:\n${names.map((n) => `  ${n}`).join("\n")}`);
      console.log(`${s.local.length} migration(s) in the folder, ${s.applied.length} applied.`);
      list("Pending", s.pending);
      list(
        "Failed",
        s.failed.map((f) => `${f.name}${f.logs ? `: ${f.logs.replace(/\s+/g, " ")}` : ""}`),
      );
      list("Modified after being applied (checksum differs)", s.modified);
      list("Applied but missing from the folder", s.missingLocally);
      if (s.upToDate) console.log("Database schema is up to date.");
      return s.upToDate ? 0 : 1; // pending, failed, edited or missing migrations all need attention
    }
    case "resolve": {
      const name = values["rolled-back"];
      if (!name) fail(`--rolled-back NAME is required.\n${USAGE}`);
      await markMigrationRolledBack({ databaseUrl: databaseUrl(), migrationsDir, name });
      console.log(`Marked ${name} as rolled back.`);
      return 0;
    }
    default:
      fail(USAGE);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Known failures get their message only; anything else is a bug worth its stack.
    if (error instanceof MigrationError) fail(`Error: ${error.message}`);
    if (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") fail(`${error.message}\n${USAGE}`);
    console.error(error);
    process.exit(1);
  },
);
