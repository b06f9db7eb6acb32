import type { Database } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/client";
import type { ActorKind, ActorRole, EvidenceLevel, PublicationStatus, SourceKind } from "@/lib/db/generated/enums";

// Test data built by each test file for what it asserts, rather than read from the demo content.
// A user with a role: makeUser in ./accounts.ts.

/** Where an entry stands: published (now, by default), a draft, or published then put in the trash. */
export interface Publication {
  status?: PublicationStatus;
  /** Defaults to now for a published entry, null otherwise. */
  publishedAt?: Date | null;
  /** In the trash since now. */
  trashed?: boolean;
}

function publication({ status = "PUBLISHED", publishedAt, trashed }: Publication) {
  return {
    status,
    publishedAt: publishedAt !== undefined ? publishedAt : status === "PUBLISHED" ? new Date() : null,
    deletedAt: trashed ? new Date() : undefined,
  };
}

/** The ids of reference vocabulary entries by slug; a slug that does not exist is a mistake in the test. */
function bySlug(kind: string, rows: { id: number; slug: string }[], slugs: string[]): number[] {
  const missing = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
  if (missing.length > 0) throw new Error(`unknown ${kind} in a test: ${missing.join(", ")}`);
  return rows.map((row) => row.id);
}

async function approachIds(db: Database, slugs: string[]): Promise<{ approachId: number }[]> {
  const rows = await db.approach.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return bySlug("approach", rows, slugs).map((approachId) => ({ approachId }));
}

async function themeIds(db: Database, slugs: string[]): Promise<{ themeId: number }[]> {
  const rows = await db.theme.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return bySlug("theme", rows, slugs).map((themeId) => ({ themeId }));
}

export interface InitiativeSpec extends Publication {
  slug: string;
  title?: string;
  summary?: string;
  /** Territory codes. */
  places?: string[];
  /** Approach slugs (of the reference data). */
  approaches?: string[];
  /** Theme slugs (of the reference data). */
  themes?: string[];
  actors?: { actorId: number; role: ActorRole }[];
  /** Any other column (years, contact, description...). */
  data?: Omit<Prisma.InitiativeUncheckedCreateInput, "slug" | "title" | "summary" | "status" | "publishedAt" | "deletedAt">;
}

export async function makeInitiative(db: Database, spec: InitiativeSpec) {
  return db.initiative.create({
    data: {
      slug: spec.slug,
      title: spec.title ?? `Initiative ${spec.slug}`,
      summary: spec.summary ?? "Une initiative de test.",
      ...publication(spec),
      ...spec.data,
      territories: { create: (spec.places ?? []).map((territoryCode) => ({ territoryCode })) },
      approaches: { create: await approachIds(db, spec.approaches ?? []) },
      themes: { create: await themeIds(db, spec.themes ?? []) },
      actors: { create: spec.actors ?? [] },
    },
  });
}

export interface ActorSpec extends Publication {
  slug: string;
  name?: string;
  kind?: ActorKind;
  /** Where the actor is based (a territory code). */
  place?: string;
  data?: Omit<Prisma.ActorUncheckedCreateInput, "slug" | "name" | "kind" | "status" | "publishedAt" | "deletedAt" | "territoryCode">;
}

export async function makeActor(db: Database, spec: ActorSpec) {
  return db.actor.create({
    data: {
      slug: spec.slug,
      name: spec.name ?? `Acteur ${spec.slug}`,
      kind: spec.kind ?? "ASSOCIATION",
      territoryCode: spec.place,
      ...publication(spec),
      ...spec.data,
    },
  });
}

export interface LessonSpec extends Publication {
  slug: string;
  title?: string;
  body?: string;
  evidenceLevel?: EvidenceLevel;
  sourceId?: number;
  /** Initiatives the lesson comes from: its places follow theirs (a trigger keeps them). */
  initiatives?: number[];
  approaches?: string[];
}

export async function makeLesson(db: Database, spec: LessonSpec) {
  return db.lesson.create({
    data: {
      slug: spec.slug,
      title: spec.title ?? `Leçon ${spec.slug}`,
      body: spec.body ?? "Un enseignement de test.",
      evidenceLevel: spec.evidenceLevel ?? "TESTIMONY",
      sourceId: spec.sourceId,
      ...publication(spec),
      initiatives: { create: (spec.initiatives ?? []).map((initiativeId) => ({ initiativeId })) },
      approaches: { create: await approachIds(db, spec.approaches ?? []) },
    },
  });
}

export interface SourceSpec extends Publication {
  slug: string;
  title?: string;
  kind?: SourceKind;
}

export async function makeSource(db: Database, spec: SourceSpec) {
  return db.source.create({
    data: { slug: spec.slug, title: spec.title ?? `Source ${spec.slug}`, kind: spec.kind ?? "DOCUMENT", ...publication(spec) },
  });
}
