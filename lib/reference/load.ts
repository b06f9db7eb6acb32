import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/connect";
import { buildRegionReference, withoutReplacedQpv, type TerritoryReference } from "./territories";
import { synonymGroups } from "./synonyms";
import { Prisma } from "@/lib/db/generated/client";
import { VOCABULARIES, type Vocabulary } from "@/lib/vocabularies/registry";
import { vocabularyTableSql } from "@/lib/vocabularies/sql";
import { approaches, discriminationCriteria, domains, publics, referenceVocabularies, themes, type VocabularyEntry } from "./vocabularies";

export type Progress = (message: string) => void;
type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

const BATCH = 1000;

/**
 * Writes territories and their containment links, keeping aliases that staff added. Everything
 * runs in the caller's transaction, so a failure leaves the previous reference in place.
 */
export async function upsertTerritories(tx: Tx, reference: TerritoryReference, progress: Progress = () => {}) {
  const { territories, links } = reference;
  for (let start = 0; start < territories.length; start += BATCH) {
    const batch = territories.slice(start, start + BATCH);
    await tx.$executeRawUnsafe(
      `INSERT INTO "Territory" (code, kind, name, aliases, official, postcodes, population, "updatedAt")
       SELECT t.code, t.kind, t.name, ARRAY(SELECT json_array_elements_text(t.aliases)), t.official,
              ARRAY(SELECT json_array_elements_text(t.postcodes)), t.population, now()
       FROM unnest($1::text[], $2::"TerritoryKind"[], $3::text[], $4::json[], $5::boolean[], $6::json[], $7::int[])
            AS t(code, kind, name, aliases, official, postcodes, population)
       ON CONFLICT (code) DO UPDATE SET
         kind = EXCLUDED.kind,
         name = EXCLUDED.name,
         official = EXCLUDED.official,
         aliases = ARRAY(SELECT DISTINCT unnest("Territory".aliases || EXCLUDED.aliases) ORDER BY 1),
         postcodes = EXCLUDED.postcodes,
         population = EXCLUDED.population,
         "updatedAt" = now()`,
      batch.map((t) => t.code),
      batch.map((t) => t.kind),
      batch.map((t) => t.name),
      batch.map((t) => JSON.stringify(t.aliases)),
      batch.map((t) => t.official),
      batch.map((t) => JSON.stringify(t.postcodes)),
      batch.map((t) => t.population),
    );
    progress(`territoires : ${Math.min(start + BATCH, territories.length)} / ${territories.length}`);
  }
  for (let start = 0; start < links.length; start += BATCH * 5) {
    const batch = links.slice(start, start + BATCH * 5);
    await tx.$executeRawUnsafe(
      `INSERT INTO "TerritoryParent" ("childCode", "parentCode")
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      batch.map((l) => l.childCode),
      batch.map((l) => l.parentCode),
    );
  }
  // A link the reference no longer has (a commune that changed EPCI, say) goes; links of QPV
  // are left alone, since the official QPV import owns them.
  const referenceChildren = territories.filter((t) => t.kind !== "QPV" && t.kind !== "REGION").map((t) => t.code);
  const removed = await tx.$executeRawUnsafe(
    `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::text[]) AS l(child, parent))
     DELETE FROM "TerritoryParent" p
     WHERE p."childCode" = ANY($1::text[])
       AND (p."childCode", p."parentCode") NOT IN (SELECT child, parent FROM wanted)`,
    referenceChildren,
    links.map((l) => l.childCode),
    links.map((l) => l.parentCode),
  );
  progress(`liens d'appartenance : ${links.length}${removed > 0 ? ` (${removed} retirés)` : ""}`);
}

/**
 * Recomputes the ancestor closure from the direct links (a few thousand rows: well under a
 * second), then the lesson places, which hold every territory a lesson lies in through it.
 */
export async function rebuildTerritoryClosure(tx: Tx) {
  await tx.$executeRawUnsafe(`DELETE FROM "TerritoryAncestor"`);
  const relations = await tx.$executeRawUnsafe(
    `INSERT INTO "TerritoryAncestor" ("descendantCode", "ancestorCode", depth)
     WITH RECURSIVE up(descendant, ancestor, depth) AS (
       SELECT code, code, 0 FROM "Territory"
       UNION ALL
       SELECT up.descendant, p."parentCode", up.depth + 1
       FROM up JOIN "TerritoryParent" p ON p."childCode" = up.ancestor
       WHERE up.depth < 10
     )
     SELECT descendant, ancestor, min(depth) FROM up GROUP BY descendant, ancestor`,
  );
  await tx.$executeRawUnsafe(`SELECT reperes_lesson_places_rebuild()`);
  return relations;
}

async function upsertVocabulary(tx: Tx, vocabulary: Vocabulary, entries: VocabularyEntry[]) {
  // Labels may have been edited in the back office since: an existing slug is left as it is.
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO ${vocabularyTableSql(vocabulary)} (slug, label, position, "updatedAt")
    SELECT slug, label, position, now()
    FROM unnest(${entries.map((e) => e.slug)}::text[], ${entries.map((e) => e.label)}::text[], ${entries.map((_, index) => index)}::int[]) AS v(slug, label, position)
    ON CONFLICT (slug) DO NOTHING`);
}

export async function upsertVocabularies(tx: Tx, progress: Progress = () => {}) {
  for (const vocabulary of VOCABULARIES) await upsertVocabulary(tx, vocabulary, referenceVocabularies[vocabulary.facet]);
  // Texts written by staff are kept: only empty ones get the reference text.
  await tx.$executeRawUnsafe(
    `UPDATE "Approach" a SET description = COALESCE(a.description, v.description),
       "successConditions" = COALESCE(a."successConditions", v.conditions)
     FROM unnest($1::text[], $2::text[], $3::text[]) AS v(slug, description, conditions) WHERE a.slug = v.slug`,
    approaches.map((a) => a.slug),
    approaches.map((a) => a.description),
    approaches.map((a) => a.successConditions),
  );
  await tx.$executeRawUnsafe(
    `UPDATE "DiscriminationCriterion" c SET "legalBasis" = v.basis
     FROM unnest($1::text[], $2::text[]) AS v(slug, basis) WHERE c.slug = v.slug AND c."legalBasis" IS NULL`,
    discriminationCriteria.map((c) => c.slug),
    discriminationCriteria.map((c) => c.legalBasis),
  );
  for (const theme of themes) {
    await tx.$executeRawUnsafe(
      `UPDATE "Theme" t SET description = COALESCE(t.description, $2),
         "parentId" = COALESCE(t."parentId", (SELECT id FROM "Theme" WHERE slug = $3))
       WHERE t.slug = $1`,
      theme.slug,
      theme.description ?? null,
      theme.parent ?? null,
    );
  }
  // Groups edited or trashed by staff since are left as they are, like vocabulary labels.
  await tx.$executeRawUnsafe(
    `INSERT INTO "SearchSynonym" ("refKey", terms, source, "updatedAt")
     SELECT key, ARRAY(SELECT json_array_elements_text(terms)), source, now()
     FROM json_to_recordset($1::json) AS v(key text, terms json, source text)
     ON CONFLICT ("refKey") DO NOTHING`,
    JSON.stringify(synonymGroups),
  );
  progress(
    `vocabulaires : ${approaches.length} approches, ${themes.length} thèmes, ${discriminationCriteria.length} critères, ${domains.length} domaines, ${publics.length} publics, ${synonymGroups.length} groupes de synonymes`,
  );
}

/** Identifies the reference data shipped with this version of the code. */
export function referenceFingerprint(reference: TerritoryReference = buildRegionReference()): string {
  const content = JSON.stringify({ reference, approaches, domains, publics, discriminationCriteria, themes, synonymGroups });
  return createHash("sha256").update(content).digest("hex");
}

/** Whether the database holds the reference data of this version of the code. */
export async function referenceIsCurrent(db: Database, fingerprint = referenceFingerprint()): Promise<boolean> {
  const last = await db.referenceImport.findFirst({ orderBy: { id: "desc" }, select: { fingerprint: true } });
  return last?.fingerprint === fingerprint;
}

/** Idempotent load of every piece of reference data, in one transaction. */
export async function loadReferenceData(db: Database, progress: Progress = () => {}) {
  const reference = buildRegionReference();
  const fingerprint = referenceFingerprint(reference);
  await db.$transaction(
    async (tx) => {
      await upsertVocabularies(tx, progress);
      const officialQpv = await tx.territory.findMany({
        where: { kind: "QPV", official: true },
        select: { name: true, parents: { select: { parentCode: true } } },
      });
      const current = withoutReplacedQpv(
        reference,
        officialQpv.map((q) => ({ name: q.name, communes: q.parents.map((p) => p.parentCode) })),
      );
      await upsertTerritories(tx, current, progress);
      const closure = await rebuildTerritoryClosure(tx);
      progress(`hiérarchie des territoires : ${closure} relations`);
      // Initiatives carry their territories' ancestors in the search rows (ADR 003).
      await tx.$executeRawUnsafe(`SELECT reperes_search_rebuild()`);
      await tx.referenceImport.create({
        data: { fingerprint, territories: reference.territories.length, links: reference.links.length },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { territories: reference.territories.length, links: reference.links.length };
}
