import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/integer";
import { requireUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import type { PublicationStatus } from "@/lib/db/generated/enums";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { diffValues, type FieldChange } from "@/lib/editorial/diff";
import { labellerFor, recordMeta } from "@/lib/editorial/engine";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import { canEdit, canTransition, canTrash, transitions, type TransitionName } from "@/lib/editorial/permissions";
import { definitions } from "@/lib/editorial/registry";

export const ADMIN_PAGE_SIZE = 25;

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  statut: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED", ""]).catch(""),
  auteur: z
    .string()
    .regex(/^\d{1,9}$/)
    .or(z.literal(""))
    .catch(""),
  tri: z.enum(["recent", "titre", "ancien"]).catch("recent"),
  page: pageNumber().catch(1),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export function parseListQuery(raw: Record<string, string | string[] | undefined>): ListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
  return listQuerySchema.parse({
    q: first(raw.q),
    statut: first(raw.statut),
    auteur: first(raw.auteur),
    tri: first(raw.tri),
    page: first(raw.page) || "1",
  });
}

export interface ListRow {
  id: number;
  title: string;
  status: PublicationStatus | null;
  updatedAt: Date;
  author: string | null;
}

interface ListDelegate {
  findMany(args: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  count(args: Record<string, unknown>): Promise<number>;
}

/** Staff list of one kind of record: search in the title, filters, sort, pages. Trash excluded. */
export async function listRecords(def: EntityDefinition<unknown>, query: ListQuery) {
  await requireUser("CONTRIBUTOR");
  const table = (prisma as unknown as Record<string, ListDelegate>)[def.model]!;
  const where: Record<string, unknown> = { deletedAt: null };
  if (query.q) where[def.titleField] = { contains: query.q, mode: "insensitive" };
  if (def.workflow && query.statut) where.status = query.statut;
  if (def.workflow && query.auteur) where.createdById = Number(query.auteur);
  const orderBy =
    query.tri === "titre"
      ? [{ [def.titleField]: "asc" }]
      : query.tri === "ancien"
        ? [{ updatedAt: "asc" }]
        : [{ updatedAt: "desc" }, { id: "desc" }];
  const select: Record<string, unknown> = { id: true, [def.titleField]: true, updatedAt: true };
  if (def.workflow) Object.assign(select, { status: true, createdBy: { select: { name: true } } });
  const [rows, total, authors] = await Promise.all([
    table.findMany({ where, orderBy, select, skip: (query.page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE }),
    table.count({ where }),
    def.workflow ? prisma.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const items: ListRow[] = rows.map((row) => ({
    id: row.id as number,
    title: row[def.titleField] as string,
    status: (row.status as PublicationStatus | undefined) ?? null,
    updatedAt: row.updatedAt as Date,
    author: (row.createdBy as { name: string } | null | undefined)?.name ?? null,
  }));
  return { items, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)), authors };
}

/** Everything the edit page needs, or null when the record does not exist. */
export async function recordForEdit(def: EntityDefinition<unknown>, id: number) {
  const user = await requireUser("CONTRIBUTOR");
  const meta = await recordMeta(prisma, def, id);
  if (!meta) return null;
  const [values, options, history, author, facts] = await Promise.all([
    def.values(prisma, id),
    def.options(prisma),
    prisma.auditEvent.findMany({
      where: {
        entityType: def.type,
        entityId: String(id),
        action: { in: ["entity.created", "entity.submitted", "entity.published", "entity.returned", "entity.archived", "entity.verified"] },
      },
      orderBy: { at: "desc" },
      take: 10,
      include: { user: { select: { name: true } } },
    }),
    meta.createdById ? prisma.user.findUnique({ where: { id: meta.createdById }, select: { name: true } }) : null,
    def.facts ? def.facts(prisma, id) : [],
  ]);
  const territoryCodes = def.fields.filter((f) => f.kind === "territories").flatMap((f) => (values?.[f.key] as string[]) ?? []);
  const territories = territoryCodes.length
    ? await prisma.territory.findMany({ where: { code: { in: territoryCodes } }, select: { code: true, name: true, kind: true } })
    : [];
  const file =
    def.model === "source"
      ? await prisma.source.findUnique({ where: { id }, select: { fileKey: true, fileName: true, fileType: true, fileSize: true } })
      : null;
  const allowed = (Object.keys(transitions) as TransitionName[]).filter((name) => def.workflow && canTransition(user, meta, name));
  return {
    user,
    meta,
    values: values ?? emptyValues(def.fields),
    options,
    territoryLabels: Object.fromEntries(territories.map((t) => [t.code, `${t.name} (${t.code})`])),
    history,
    author: author?.name ?? null,
    facts,
    file: file?.fileKey ? file : null,
    can: {
      edit: canEdit(user, def, meta),
      trash: canTrash(user, def, meta),
      verify: def.verifiable && hasRole(user.role, "EDITOR") && !meta.deletedAt,
      transitions: allowed,
    },
  };
}

export async function formOptions(def: EntityDefinition<unknown>) {
  await requireUser(def.editRole);
  return def.options(prisma);
}

export async function revisionsOf(def: EntityDefinition<unknown>, id: number) {
  const user = await requireUser("CONTRIBUTOR");
  const meta = await recordMeta(prisma, def, id);
  if (!meta) return null;
  const revisions = await prisma.revision.findMany({
    where: { entityType: def.type, entityId: id },
    orderBy: { version: "desc" },
    select: { id: true, version: true, comment: true, createdAt: true, author: { select: { name: true } } },
  });
  return { meta, revisions, canRestore: canEdit(user, def, meta) };
}

/** Field-by-field differences between two revisions of the same record. */
export async function compareRevisions(
  def: EntityDefinition<unknown>,
  id: number,
  fromId: number,
  toId: number,
): Promise<{ from: number; to: number; changes: FieldChange[] } | null> {
  await requireUser("CONTRIBUTOR");
  const [from, to] = await Promise.all([
    prisma.revision.findUnique({ where: { id: fromId } }),
    prisma.revision.findUnique({ where: { id: toId } }),
  ]);
  if (!from || !to || [from, to].some((r) => r.entityType !== def.type || r.entityId !== id)) return null;
  const before = { ...emptyValues(def.fields), ...(from.snapshot as FormValues) };
  const after = { ...emptyValues(def.fields), ...(to.snapshot as FormValues) };
  const changes = diffValues(def.fields, before, after, await labellerFor(prisma, def, [before, after]));
  return { from: from.version, to: to.version, changes };
}

interface TrashDelegate {
  findMany(args: Record<string, unknown>): Promise<Array<{ id: number; deletedAt: Date } & Record<string, unknown>>>;
}

export async function trashContents() {
  const user = await requireUser("CONTRIBUTOR");
  const groups = await Promise.all(
    definitions.map(async (def) => {
      const rows = await (prisma as unknown as Record<string, TrashDelegate>)[def.model]!.findMany({
        where: { deletedAt: { not: null } },
        orderBy: { deletedAt: "desc" },
        select: { id: true, deletedAt: true, [def.titleField]: true },
      });
      return {
        def: def as EntityDefinition<unknown>,
        rows: rows.map((row) => ({ id: row.id, deletedAt: row.deletedAt, title: row[def.titleField] as string })),
      };
    }),
  );
  return { user, groups: groups.filter((group) => group.rows.length > 0) };
}

interface QueueDelegate {
  findMany(args: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
}

/** Drafts submitted for review, oldest first, across the entities with a workflow. */
export async function reviewQueue() {
  await requireUser("EDITOR");
  const workflow = definitions.filter((def) => def.workflow) as EntityDefinition<unknown>[];
  const groups = await Promise.all(
    workflow.map(async (def) => ({
      def,
      rows: (
        await (prisma as unknown as Record<string, QueueDelegate>)[def.model]!.findMany({
          where: { status: "IN_REVIEW", deletedAt: null },
          orderBy: { updatedAt: "asc" },
          select: { id: true, updatedAt: true, [def.titleField]: true, createdBy: { select: { name: true } } },
        })
      ).map((row) => ({
        id: row.id as number,
        title: row[def.titleField] as string,
        updatedAt: row.updatedAt as Date,
        author: (row.createdBy as { name: string } | null)?.name ?? null,
      })),
    })),
  );
  return groups;
}

/** The staff home: review queue size, recent changes, entries not checked for a year. */
export async function dashboard() {
  const user = await requireUser("CONTRIBUTOR");
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600_000);
  const staleWhere = { deletedAt: null, status: "PUBLISHED" as const, OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lt: yearAgo } }] };
  const [inReview, myDrafts, recent, staleInitiatives, staleActors] = await Promise.all([
    Promise.all([
      prisma.initiative.count({ where: { status: "IN_REVIEW", deletedAt: null } }),
      prisma.actor.count({ where: { status: "IN_REVIEW", deletedAt: null } }),
      prisma.lesson.count({ where: { status: "IN_REVIEW", deletedAt: null } }),
      prisma.source.count({ where: { status: "IN_REVIEW", deletedAt: null } }),
    ]).then((counts) => counts.reduce((a, b) => a + b, 0)),
    prisma.initiative.findMany({
      where: { createdById: user.id, status: "DRAFT", deletedAt: null },
      select: { id: true, title: true },
      orderBy: { updatedAt: "desc" },
      take: 10,
    }),
    prisma.revision.findMany({ orderBy: { createdAt: "desc" }, take: 10, include: { author: { select: { name: true } } } }),
    prisma.initiative.findMany({
      where: { ...staleWhere, publishedAt: { lt: yearAgo } },
      select: { id: true, title: true, lastVerifiedAt: true },
      orderBy: { publishedAt: "asc" },
      take: 20,
    }),
    prisma.actor.findMany({
      where: { ...staleWhere, publishedAt: { lt: yearAgo } },
      select: { id: true, name: true, lastVerifiedAt: true },
      orderBy: { publishedAt: "asc" },
      take: 20,
    }),
  ]);
  const titles = await Promise.all(
    recent.map(async (revision) => {
      const def = definitions.find((d) => d.type === revision.entityType) as EntityDefinition<unknown> | undefined;
      const meta = def ? await recordMeta(prisma, def, revision.entityId) : null;
      return { revision, def, title: meta?.title ?? `n° ${revision.entityId} (supprimé)`, gone: !meta || !!meta.deletedAt };
    }),
  );
  return { user, inReview, myDrafts, recent: titles, staleInitiatives, staleActors };
}
