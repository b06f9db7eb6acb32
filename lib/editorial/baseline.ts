import type { Database } from "@/lib/db/connect";
import type { EntityDefinition } from "./definition";
import { definitions } from "./registry";

interface Rows {
  findMany(args: Record<string, unknown>): Promise<Array<{ id: number; version: number }>>;
}

/**
 * Records loaded by import (reference vocabularies, demo content) have no revision yet: give each
 * its current state as a first one, so that history and conflict reports have a starting point.
 */
export async function writeBaselineRevisions(db: Database): Promise<number> {
  let written = 0;
  for (const def of definitions as EntityDefinition<unknown>[]) {
    const rows = await (db as unknown as Record<string, Rows>)[def.model]!.findMany({ select: { id: true, version: true } });
    const existing = new Set(
      (await db.revision.findMany({ where: { entityType: def.type }, select: { entityId: true }, distinct: ["entityId"] })).map(
        (r) => r.entityId,
      ),
    );
    for (const row of rows.filter((r) => !existing.has(r.id))) {
      const snapshot = await def.values(db, row.id);
      if (!snapshot) continue;
      await db.revision.create({
        data: { entityType: def.type, entityId: row.id, version: row.version, snapshot, comment: "Version importée" },
      });
      written++;
    }
  }
  return written;
}
