import { Prisma } from "@/lib/db/generated/client";

/** The one rule for what the public may see: published and not in the trash. */
export const publicWhere = { status: "PUBLISHED", deletedAt: null } as const;

/** The same rule in SQL, over a table alias (`a` for `"Actor" a`). */
export function publicSql(alias: string): Prisma.Sql {
  return Prisma.raw(`${alias}.status = 'PUBLISHED' AND ${alias}."deletedAt" IS NULL`);
}

/** A linked entry (a lesson's source, say) is shown only when it is itself public. */
export function ifPublic<T extends { status: string; deletedAt: Date | null }>(entry: T | null | undefined): T | null {
  return entry && entry.status === publicWhere.status && entry.deletedAt === null ? entry : null;
}

/** The same rule applied to the `source` of each lesson of a list. */
export function withPublicSources<L extends { source: { status: string; deletedAt: Date | null } | null }>(lessons: L[]): L[] {
  return lessons.map((lesson) => ({ ...lesson, source: ifPublic(lesson.source) }));
}
