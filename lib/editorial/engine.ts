/**
 * Saves, workflow transitions and trash of every editorial table. The engine writes the records,
 * their revisions and the audit only: the search read model ("InitiativeSearch", "SearchPosting",
 * the search version) and the places of lessons and sources are kept by SQL triggers in the same
 * transaction (ADR 004; what they run today: prisma/functions-and-triggers.sql), so no save
 * here refreshes search, and an edit is searchable as soon as it commits.
 */
import { recordAudit } from "@/lib/audit/log";
import { AccessDenied, FORBIDDEN_MESSAGE } from "@/lib/auth/errors";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { fieldErrorsOf, INVALID_FORM_MESSAGE, type FieldErrors } from "@/lib/validation/form-errors";
import type { EntityDefinition, RecordMeta, Tx } from "./definition";
import { diffValues, type FieldChange, type Labeller } from "./diff";
import { emptyValues, type FieldSpec, type FormValues } from "./form-values";
import { notifyTransition } from "./notifications";
import { canEdit, canTransition, canTrash, transitions, type Actor, type TransitionName } from "./permissions";
import { slugify } from "./slug";

/** The few generic calls the engine makes on any editorial table. */
interface Delegate {
  findUnique(args: { where: { id: number }; select: Record<string, boolean> }): Promise<Record<string, unknown> | null>;
  findFirst(args: { where: Record<string, unknown>; select: Record<string, boolean> }): Promise<Record<string, unknown> | null>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  delete(args: { where: { id: number } }): Promise<unknown>;
}

const table = (db: Database | Tx, def: EntityDefinition<unknown>) => (db as unknown as Record<string, Delegate>)[def.model]!;

export async function recordMeta(db: Database | Tx, def: EntityDefinition<unknown>, id: number): Promise<RecordMeta | null> {
  const select: Record<string, boolean> = { id: true, version: true, slug: true, deletedAt: true, updatedAt: true, [def.titleField]: true };
  if (def.workflow) Object.assign(select, { status: true, createdById: true });
  if (def.verifiable) select.lastVerifiedAt = true;
  const row = await table(db, def).findUnique({ where: { id }, select });
  if (!row) return null;
  return {
    id: row.id as number,
    version: row.version as number,
    title: row[def.titleField] as string,
    slug: row.slug as string,
    status: (row.status as RecordMeta["status"]) ?? null,
    deletedAt: (row.deletedAt as Date | null) ?? null,
    createdById: (row.createdById as number | null) ?? null,
    updatedAt: row.updatedAt as Date,
    lastVerifiedAt: (row.lastVerifiedAt as Date | null) ?? null,
  };
}

export type SaveOutcome =
  | { kind: "saved"; id: number; version: number }
  | { kind: "invalid"; message: string; fieldErrors: FieldErrors }
  | { kind: "conflict"; currentVersion: number; changes: FieldChange[]; changedBy: string | null }
  | { kind: "gone"; message: string };

function relationError(error: unknown): SaveOutcome | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2025")) {
    return {
      kind: "invalid",
      message: "Un élément lié n'existe plus (supprimé entre-temps ?) : vérifiez les liens puis enregistrez à nouveau.",
      fieldErrors: {},
    };
  }
  return null;
}

async function uniqueSlug(tx: Tx, def: EntityDefinition<unknown>, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await table(tx, def).findFirst({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Labels for ids and codes in diffs: the options the form uses, plus territory names. */
export async function labellerFor(db: Database, def: EntityDefinition<unknown>, snapshots: FormValues[]): Promise<Labeller> {
  const options = await def.options(db);
  const codes = new Set<string>();
  for (const field of def.fields.filter((f) => f.kind === "territories")) {
    for (const snapshot of snapshots) for (const code of (snapshot[field.key] as string[] | undefined) ?? []) codes.add(code);
  }
  const territories = codes.size
    ? new Map(
        (await db.territory.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } })).map((t) => [
          t.code,
          `${t.name} (${t.code})`,
        ]),
      )
    : new Map<string, string>();
  return (field: FieldSpec, value: string) => {
    if (field.kind === "territories") return territories.get(value) ?? value;
    const list = field.options ? options[field.options] : undefined;
    return list?.find((option) => option.value === value)?.label ?? (field.options ? `n° ${value} (supprimé)` : value);
  };
}

/** What changed between the version a form was loaded with and the current one. */
async function conflictOutcome(
  db: Database,
  def: EntityDefinition<unknown>,
  id: number,
  loadedVersion: number,
  submitted: FormValues,
): Promise<SaveOutcome> {
  const meta = await recordMeta(db, def, id);
  if (!meta || meta.deletedAt)
    return {
      kind: "gone",
      message: `Cet élément a été supprimé entre-temps : votre saisie est conservée ci-dessous, copiez-la si besoin.`,
    };
  const [base, current, lastRevision] = await Promise.all([
    db.revision.findUnique({ where: { entityType_entityId_version: { entityType: def.type, entityId: id, version: loadedVersion } } }),
    def.values(db, id),
    db.revision.findFirst({
      where: { entityType: def.type, entityId: id },
      orderBy: { version: "desc" },
      include: { author: { select: { name: true } } },
    }),
  ]);
  const before = (base?.snapshot as FormValues | undefined) ?? submitted;
  const after = current ?? emptyValues(def.fields);
  const changes = diffValues(def.fields, before, after, await labellerFor(db, def, [before, after]));
  return { kind: "conflict", currentVersion: meta.version, changes, changedBy: lastRevision?.author?.name ?? null };
}

/**
 * A creation inside the caller's transaction: the record, its first revision and its journal
 * event. saveRecord runs one per transaction; the spreadsheet import (lib/import) runs a whole
 * file in one, so that a failing line leaves nothing written.
 */
export async function createRecordIn<Input>(
  tx: Tx,
  def: EntityDefinition<Input>,
  user: Actor,
  input: Input,
  request: Pick<SaveRequest, "values" | "comment">,
  ip?: string,
): Promise<number> {
  const generic = def as EntityDefinition<unknown>;
  const slug = await uniqueSlug(tx, generic, String(request.values[def.titleField] ?? ""));
  const id = await def.create(tx, input, slug, user.id);
  await table(tx, generic).updateMany({ where: { id }, data: def.workflow ? { createdById: user.id, updatedById: user.id } : {} });
  const snapshot = (await def.values(tx, id))!;
  await tx.revision.create({
    data: { entityType: def.type, entityId: id, version: 1, snapshot, comment: request.comment || "Création", authorId: user.id },
  });
  await recordAudit(tx, { userId: user.id, action: "entity.created", entityType: def.type, entityId: id, ip });
  return id;
}

/**
 * An update inside the caller's transaction, only when the row is still at `loadedVersion`: the
 * new version, or null when someone saved in between (or the caller may no longer edit it).
 */
export async function updateRecordIn<Input>(
  tx: Tx,
  def: EntityDefinition<Input>,
  user: Actor,
  id: number,
  loadedVersion: number,
  input: Input,
  request: Pick<SaveRequest, "comment" | "action">,
  ip?: string,
): Promise<number | null> {
  const ownDraftOnly = !hasRole(user.role, "EDITOR") ? { createdById: user.id, status: "DRAFT" } : {};
  // The row lock taken here serialises concurrent saves; the loser re-reads the new version
  // and matches nothing.
  const bumped = await table(tx, def as EntityDefinition<unknown>).updateMany({
    where: { id, version: loadedVersion, deletedAt: null, ...ownDraftOnly },
    data: { version: { increment: 1 }, ...(def.workflow ? { updatedById: user.id } : {}) },
  });
  if (bumped.count === 0) return null;
  await def.update(tx, id, input, user.id);
  const snapshot = (await def.values(tx, id))!;
  await tx.revision.create({
    data: { entityType: def.type, entityId: id, version: loadedVersion + 1, snapshot, comment: request.comment || null, authorId: user.id },
  });
  await recordAudit(tx, {
    userId: user.id,
    action: request.action ?? "entity.updated",
    entityType: def.type,
    entityId: id,
    details: { version: loadedVersion + 1 },
    ip,
  });
  return loadedVersion + 1;
}

export interface SaveRequest {
  /** Absent for a creation. */
  id?: number;
  /** The version the form was loaded with. */
  version?: number;
  values: FormValues;
  comment?: string;
  /** Audit action; "entity.restored_revision" for a restore. */
  action?: string;
  /**
   * Runs inside a creation's transaction, after the record and its revision: what else must
   * commit with it or not at all (a proposal marked accepted with its draft). Throwing rolls
   * both back.
   */
  afterCreate?: (tx: Tx, id: number) => Promise<void>;
}

/**
 * Creates or updates a record with optimistic locking: the update only happens when the row is
 * still at the version the form was loaded with (checked under the row lock), otherwise the
 * caller gets what changed meanwhile. Every save writes a revision and an audit event.
 */
export async function saveRecord(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  request: SaveRequest,
  ip?: string,
): Promise<SaveOutcome> {
  if (!hasRole(user.role, def.editRole)) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
  const parsed = def.schema.safeParse(request.values);
  if (!parsed.success) return { kind: "invalid", message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;

  try {
    if (request.id === undefined) {
      const id = await db.$transaction(async (tx) => {
        const id = await createRecordIn(tx, def, user, input, request, ip);
        await request.afterCreate?.(tx, id);
        return id;
      });
      return { kind: "saved", id, version: 1 };
    }

    const id = request.id;
    const loadedVersion = request.version ?? 0;
    const meta = await recordMeta(db, def, id);
    if (!meta || meta.deletedAt)
      return { kind: "gone", message: "Cet élément n'existe plus ou est à la corbeille : votre saisie est conservée ci-dessous." };
    if (!canEdit(user, def, meta))
      throw new AccessDenied(
        403,
        "Vous ne pouvez pas modifier cet élément (seuls ses auteurs, tant qu'il est en brouillon, et les éditeurs le peuvent).",
      );

    const saved = await db.$transaction((tx) => updateRecordIn(tx, def, user, id, loadedVersion, input, request, ip));
    if (saved === null) {
      const now = await recordMeta(db, def, id);
      if (now && !now.deletedAt && !canEdit(user, def, now))
        throw new AccessDenied(
          403,
          "Cet élément n'est plus un brouillon : seul un éditeur peut maintenant le modifier. Votre saisie est conservée ci-dessous.",
        );
      return conflictOutcome(db, def, id, loadedVersion, request.values);
    }
    return { kind: "saved", id, version: saved };
  } catch (error) {
    const outcome = relationError(error);
    if (outcome) return outcome;
    throw error;
  }
}

/** Restores an old revision's content as a new version (status and trash state are untouched). */
export async function restoreRevision(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  revisionId: number,
  loadedVersion: number,
  ip?: string,
): Promise<SaveOutcome> {
  const revision = await db.revision.findUnique({ where: { id: revisionId } });
  if (!revision || revision.entityType !== def.type || revision.entityId !== id)
    return { kind: "gone", message: "Cette version n'existe pas." };
  const values = { ...emptyValues(def.fields), ...(revision.snapshot as FormValues) };
  return saveRecord(
    db,
    def,
    user,
    { id, version: loadedVersion, values, comment: `Restauration de la version ${revision.version}`, action: "entity.restored_revision" },
    ip,
  );
}

export type ActionOutcome = { ok: true; message: string } | { ok: false; message: string; links?: string[] };

export async function transitionRecord(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  name: TransitionName,
  comment: string | undefined,
  ip?: string,
): Promise<ActionOutcome> {
  if (!def.workflow) return { ok: false, message: "Cet élément n'a pas de circuit de publication." };
  const meta = await recordMeta(db, def, id);
  if (!meta || meta.deletedAt) return { ok: false, message: "Cet élément n'existe plus ou est à la corbeille." };
  const transition = transitions[name];
  if (!canTransition(user, meta, name)) {
    if (
      !hasRole(user.role, transition.role) ||
      (transition.role === "CONTRIBUTOR" && meta.createdById !== user.id && !hasRole(user.role, "EDITOR"))
    ) {
      throw new AccessDenied(403, name === "publish" ? "Seuls les éditeurs et administrateurs peuvent publier." : FORBIDDEN_MESSAGE);
    }
    return { ok: false, message: "Cette action n'est pas possible dans l'état actuel (rechargez la page)." };
  }
  const done = await db.$transaction(async (tx) => {
    const changed = await table(tx, def).updateMany({
      where: { id, status: { in: transition.from }, deletedAt: null },
      data: {
        status: transition.to,
        updatedById: user.id,
        ...(transition.to === "PUBLISHED" ? { publishedAt: new Date() } : {}),
      },
    });
    if (changed.count === 0) return false;
    await recordAudit(tx, {
      userId: user.id,
      action: transition.audit,
      entityType: def.type,
      entityId: id,
      details: { from: meta.status, to: transition.to, comment: comment || undefined },
      ip,
    });
    await notifyTransition(tx, def, meta, name, user, comment || undefined);
    return true;
  });
  return done
    ? { ok: true, message: `Fait : ${transition.label.toLowerCase()}.` }
    : { ok: false, message: "L'état a changé entre-temps : rechargez la page." };
}

export async function markVerified(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  ip?: string,
): Promise<ActionOutcome> {
  if (!hasRole(user.role, "EDITOR")) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
  if (!def.verifiable) return { ok: false, message: "Cet élément ne se vérifie pas." };
  const changed = await table(db, def).updateMany({ where: { id, deletedAt: null }, data: { lastVerifiedAt: new Date() } });
  if (changed.count === 0) return { ok: false, message: "Cet élément n'existe plus." };
  await recordAudit(db, { userId: user.id, action: "entity.verified", entityType: def.type, entityId: id, ip });
  return { ok: true, message: "Marqué comme vérifié aujourd'hui." };
}

export async function trashRecord(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  ip?: string,
): Promise<ActionOutcome> {
  const meta = await recordMeta(db, def, id);
  if (!meta || meta.deletedAt) return { ok: false, message: "Cet élément est déjà à la corbeille ou n'existe plus." };
  if (!canTrash(user, def, meta)) throw new AccessDenied(403, FORBIDDEN_MESSAGE);
  const links = (await def.blockingLinks?.(db, id)) ?? [];
  if (links.length > 0) {
    return {
      ok: false,
      message: `Impossible de mettre « ${meta.title} » à la corbeille : il est encore lié à des contenus publiés. Retirez d'abord ces liens.`,
      links,
    };
  }
  await db.$transaction(async (tx) => {
    await table(tx, def).updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    await recordAudit(tx, {
      userId: user.id,
      action: "entity.trashed",
      entityType: def.type,
      entityId: id,
      details: { title: meta.title },
      ip,
    });
  });
  return { ok: true, message: `« ${meta.title} » est dans la corbeille.` };
}

export async function untrashRecord(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  ip?: string,
): Promise<ActionOutcome> {
  if (!hasRole(user.role, "EDITOR"))
    throw new AccessDenied(403, "Seuls les éditeurs et administrateurs peuvent restaurer depuis la corbeille.");
  const meta = await recordMeta(db, def, id);
  if (!meta?.deletedAt) return { ok: false, message: "Cet élément n'est pas dans la corbeille." };
  await db.$transaction(async (tx) => {
    await table(tx, def).updateMany({ where: { id }, data: { deletedAt: null } });
    await recordAudit(tx, {
      userId: user.id,
      action: "entity.untrashed",
      entityType: def.type,
      entityId: id,
      details: { title: meta.title },
      ip,
    });
  });
  return { ok: true, message: `« ${meta.title} » est restauré.` };
}

/** Permanent deletion, admins only, of something already in the trash. Its revisions stay. */
export async function purgeRecord(
  db: Database,
  def: EntityDefinition<unknown>,
  user: Actor,
  id: number,
  ip?: string,
): Promise<ActionOutcome> {
  if (!hasRole(user.role, "ADMIN")) throw new AccessDenied(403, "Seuls les administrateurs peuvent supprimer définitivement.");
  const meta = await recordMeta(db, def, id);
  if (!meta?.deletedAt) return { ok: false, message: "Seul un élément de la corbeille peut être supprimé définitivement." };
  try {
    // A source's uploaded document goes with it, in this transaction (trigger on "Source").
    await db.$transaction(async (tx) => {
      await table(tx, def).delete({ where: { id } });
      await recordAudit(tx, {
        userId: user.id,
        action: "entity.purged",
        entityType: def.type,
        entityId: id,
        details: { title: meta.title },
        ip,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      return {
        ok: false,
        message: `« ${meta.title} » est encore lié à d'autres contenus (brouillons compris) : retirez ces liens avant de le supprimer définitivement.`,
      };
    }
    throw error;
  }
  return { ok: true, message: `« ${meta.title} » est supprimé définitivement.` };
}
