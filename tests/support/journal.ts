import type { Database } from "@/lib/db/connect";

/**
 * Makes the journal refuse one action, as a failing write half-way through a step would: a
 * trigger raises on its insert. Dropped afterwards (each test file has its own database).
 */
export async function withJournalRefusing<T>(db: Database, action: string, work: () => Promise<T>): Promise<T> {
  await db.$executeRawUnsafe(
    `CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'journal indisponible'; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = '${action}') EXECUTE FUNCTION test_refuse_audit()`,
  );
  try {
    return await work();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit ON "AuditEvent"`);
    await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_audit()`);
  }
}
