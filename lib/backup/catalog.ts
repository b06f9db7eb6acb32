import type pg from "pg";

/**
 * Tables and sequences a backup copies: everything of schema public but the migrations log. The
 * mail queue (schema "pgboss") is left out on purpose: a restore must not send old messages again
 * (ADR 012).
 */
export interface TableSpec {
  name: string;
  /** Stored columns only: generated ones are computed again on restore. */
  columns: string[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Tables ordered so that every foreign key points to a table that comes earlier (a table's own
 * rows may point to each other: COPY checks them at the end of its statement).
 */
export async function tablesInDependencyOrder(client: pg.Client): Promise<TableSpec[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     GROUP BY c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname::text AS child, parent.relname::text AS parent
      FROM pg_constraint k
      JOIN pg_class child ON child.oid = k.conrelid
      JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`);
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set<string>()]));
  for (const edge of edges.rows) parents.get(edge.child)?.add(edge.parent);

  const ordered: TableSpec[] = [];
  const remaining = new Map(tables.rows.map((t) => [t.name, t]));
  while (remaining.size) {
    const ready = [...remaining.keys()].filter((name) => [...parents.get(name)!].every((p) => !remaining.has(p))).sort();
    if (!ready.length) throw new Error(`Cycle de clés étrangères entre les tables : ${[...remaining.keys()].join(", ")}`);
    for (const name of ready) {
      ordered.push(remaining.get(name)!);
      remaining.delete(name);
    }
  }
  return ordered;
}

export async function sequenceNames(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  return result.rows.map((row) => row.name);
}
