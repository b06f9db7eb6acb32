import pg from "pg";
import { UserFacingError } from "@/lib/cli/run";

function describe(url: string) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}/${parsed.pathname.slice(1)}`;
}

/** Connects once to say plainly why a configured database cannot be used. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError(
      `Impossible de joindre la base PostgreSQL ${describe(url)} : ${reason}.\n` +
        "Vérifiez DATABASE_URL (hôte, port, nom de la base, identifiants), ou retirez-la pour utiliser la base embarquée.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}
