import { readFileSync } from "node:fs";
import type pg from "pg";
import { slugify } from "@/lib/format/fold";
import { Random, Zipf } from "./random";
import { RARE_WORD_RATE, RARE_WORDS, TextWriter } from "./vocabulary";

/**
 * Seeded generator of benchmark content: initiatives spread over the real territories and
 * vocabularies of the reference data, with actors (1 per 10 initiatives), lessons (3 per 20),
 * sources and every relation, in batched INSERTs through the tables.
 *
 * The search read model (docs/decisions/004-search-and-facets.md) is kept by triggers that
 * refresh an initiative on every inserted link row: right for editing, far too slow for a bulk
 * load (minutes for 5,000 initiatives). As that ADR prescribes for bulk loaders, the loading
 * session runs with `SET reperes.search_sync = 'off'`, and `reperes_search_rebuild()` builds
 * the read model once at the end, set-based.
 */
export interface GenerateOptions {
  initiatives: number;
  seed?: number;
  progress?: (message: string) => void;
}

export interface GenerateSummary {
  initiatives: number;
  actors: number;
  lessons: number;
  sources: number;
  relations: number;
  seconds: number;
  phases: GenerationPhase[];
}

/**
 * One step of the generation. On a shared machine wall seconds follow the load; the CPU seconds
 * of this process and of the PostgreSQL backend (null when the server is not local: its /proc
 * entry is unreadable) say where the work went. Parallel index-build workers are not counted.
 */
export interface GenerationPhase {
  name: string;
  seconds: number;
  nodeCpuSeconds: number;
  databaseCpuSeconds: number | null;
}

/**
 * user + system CPU seconds of a local PostgreSQL backend, from /proc (fields 14 and 15, in clock
 * ticks); null when no local postgres process has that id (a remote server).
 */
function backendCpuSeconds(pid: number): number | null {
  try {
    const [command, rest] = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ");
    if (!command!.endsWith("(postgres")) return null;
    const fields = rest!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

class Phases {
  readonly done: GenerationPhase[] = [];
  private backendPid = 0;

  constructor(private readonly progress: (message: string) => void) {}

  async attach(client: pg.ClientBase) {
    this.backendPid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  }

  async run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const end = this.begin(name);
    const result = await work();
    end();
    return result;
  }

  /** Starts a phase; the returned function ends it (for steps spread over a long function). */
  begin(name: string): () => void {
    const started = performance.now();
    const node = process.cpuUsage();
    const database = backendCpuSeconds(this.backendPid);
    return () => {
      const nodeCpu = process.cpuUsage(node);
      const databaseNow = backendCpuSeconds(this.backendPid);
      const phase = {
        name,
        seconds: (performance.now() - started) / 1000,
        nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
        databaseCpuSeconds: database === null || databaseNow === null ? null : databaseNow - database,
      };
      this.done.push(phase);
      this.progress(
        `${name} : ${phase.seconds.toFixed(1)} s (CPU Node ${phase.nodeCpuSeconds.toFixed(1)} s` +
          `${phase.databaseCpuSeconds === null ? "" : `, PostgreSQL ${phase.databaseCpuSeconds.toFixed(1)} s`})`,
      );
    };
  }
}

export const DEFAULT_SEED = 20261128;
const BATCH = 2000;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const PUBLISHED_FROM = Date.UTC(2016, 0, 1);

type Kind = "REGION" | "DEPARTEMENT" | "EPCI" | "COMMUNE" | "QPV";
interface Place {
  code: string;
  kind: Kind;
  name: string;
}

interface Reference {
  byKind: Record<Kind, Place[]>;
  vocabularies: Record<"Approach" | "Theme" | "DiscriminationCriterion" | "Domain" | "Public", number[]>;
}

async function readReference(pool: pg.ClientBase): Promise<Reference> {
  const territories = await pool.query<Place>(`SELECT code, kind::text AS kind, name FROM "Territory" ORDER BY code`);
  const byKind: Record<Kind, Place[]> = { REGION: [], DEPARTEMENT: [], EPCI: [], COMMUNE: [], QPV: [] };
  for (const row of territories.rows) byKind[row.kind].push(row);
  if (byKind.COMMUNE.length === 0) throw new Error("Aucun territoire : chargez d'abord les données de référence.");
  const vocabularies = {} as Reference["vocabularies"];
  for (const table of ["Approach", "Theme", "DiscriminationCriterion", "Domain", "Public"] as const) {
    const rows = await pool.query<{ id: number }>(`SELECT id FROM "${table}" WHERE "deletedAt" IS NULL ORDER BY slug`);
    vocabularies[table] = rows.rows.map((row) => row.id);
  }
  return { byKind, vocabularies };
}

/** A seeded shuffle, so that "popular" communes or approaches are not the alphabetical first. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/** Draws from a list with Zipf weights over a seeded order. */
class Popular<T> {
  private readonly order: T[];
  private readonly zipf: Zipf;

  constructor(
    items: readonly T[],
    private readonly random: Random,
    exponent: number,
  ) {
    this.order = shuffled(items, random);
    this.zipf = new Zipf(this.order.length, exponent);
  }

  draw(): T {
    return this.order[this.zipf.draw(this.random)]!;
  }

  some(min: number, max: number): T[] {
    return this.random.distinct(this.random.int(min, max), () => this.draw());
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Distinct, scattered publication dates: id -> a permutation of 0..n-1 spread over 9 years. */
function publicationDates(count: number) {
  let multiplier = 7919;
  while (gcd(multiplier, count) !== 1) multiplier += 2;
  const step = (9 * YEAR_MS) / count;
  return (id: number) => new Date(PUBLISHED_FROM + Math.floor(((id * multiplier) % count) * step));
}

function status(random: Random): string {
  const draw = random.next();
  return draw < 0.92 ? "PUBLISHED" : draw < 0.96 ? "DRAFT" : draw < 0.98 ? "IN_REVIEW" : "ARCHIVED";
}

async function insertRows(pool: pg.ClientBase, sql: string, columns: unknown[][]) {
  if (columns[0]!.length > 0) await pool.query(sql, columns);
}

/** Accumulates (initiativeId, otherId) pairs of one join table. */
class Links {
  readonly left: number[] = [];
  readonly right: (number | string)[] = [];
  readonly extra: string[] = [];

  add(left: number, right: number | string, extra = "") {
    this.left.push(left);
    this.right.push(right);
    this.extra.push(extra);
  }

  get size() {
    return this.left.length;
  }
}

const JOIN_TABLES = {
  territories: [`"InitiativeTerritory"`, `"initiativeId", "territoryCode"`, "text"],
  approaches: [`"InitiativeApproach"`, `"initiativeId", "approachId"`, "int"],
  themes: [`"InitiativeTheme"`, `"initiativeId", "themeId"`, "int"],
  criteria: [`"InitiativeCriterion"`, `"initiativeId", "criterionId"`, "int"],
  domains: [`"InitiativeDomain"`, `"initiativeId", "domainId"`, "int"],
  publics: [`"InitiativePublic"`, `"initiativeId", "publicId"`, "int"],
  sources: [`"InitiativeSource"`, `"initiativeId", "sourceId"`, "int"],
} as const;

/** The tables the generator fills, whose secondary indexes are rebuilt after the load. */
const LOADED_TABLES = [
  "Source",
  "Actor",
  "Initiative",
  "Lesson",
  "InitiativeActor",
  "LessonInitiative",
  "LessonTheme",
  "LessonApproach",
  ...Object.values(JOIN_TABLES).map(([table]) => table.slice(1, -1)),
];

export async function generateBenchData(pool: pg.Pool, options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const phases = new Phases(progress);
  const client = await pool.connect();
  try {
    await phases.attach(client);
    // One transaction: a failed load leaves the previous data and every index as they were.
    await client.query("BEGIN");
    await client.query(`SET LOCAL reperes.search_sync = 'off'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const loaded = LOADED_TABLES.map((table) => `"${table}"`);
    // PostgreSQL's advice for bulk loads ("Populating a Database"): one sorted build per index
    // after the load costs far less than 200,000 insertions into each GIN and B-tree index.
    // Unique indexes stay: foreign keys and ON CONFLICT need them.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT x.indexrelid::regclass::text AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x WHERE x.indrelid = ANY($1::text[]::regclass[]) AND NOT x.indisunique`,
      [loaded],
    );
    // Same advice for foreign keys: added back after the load, each is checked by one join,
    // where every inserted row (2,400,000 link rows at 200,000 initiatives) ran a lookup per key.
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::text[]::regclass[])`,
      [loaded],
    );
    // The row triggers fired after an insert keep the search read model and the places of
    // lessons and sources: with reperes.search_sync off they return at once (all of it is rebuilt
    // below), but each call still cost about 14 µs per link row. They are disabled for the load;
    // BEFORE triggers (the text vectors) and statement triggers (the version bumps) stay.
    const { rows: rowTriggers } = await client.query<{ table: string; name: string }>(
      `SELECT tgrelid::regclass::text AS table, quote_ident(tgname) AS name FROM pg_trigger
       WHERE tgrelid = ANY($1::text[]::regclass[]) AND NOT tgisinternal AND tgenabled = 'O'
         AND tgtype & 1 = 1 AND tgtype & (2 | 64) = 0`,
      [loaded],
    );
    // Before the keys go: CASCADE empties the tables that reference these through them.
    await phases.run("vidage", () =>
      client.query(`TRUNCATE "Initiative", "Actor", "Lesson", "Source", "Revision" RESTART IDENTITY CASCADE`),
    );
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
    for (const trigger of rowTriggers) await client.query(`ALTER TABLE ${trigger.table} DISABLE TRIGGER ${trigger.name}`);
    const summary = await loadContent(client, options, phases);
    await phases.run(`index des tables (${indexes.length})`, async () => {
      for (const index of indexes) await client.query(index.definition);
    });
    // Statistics of the fresh rows, for the plans of the key checks and the rebuild's large joins.
    // The schema's tables only: a database-wide ANALYZE also analyses the server's shared
    // catalogues (pg_database, pg_authid…) and, in a transaction, keeps their locks until COMMIT,
    // so that loads into two databases of one server wait for each other.
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT oid::regclass::text AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')`,
    );
    const schemaTables = tables.map((table) => table.name).join(", ");
    await phases.run("ANALYZE", () => client.query(`ANALYZE ${schemaTables}`));
    await phases.run(`clés étrangères (${foreignKeys.length})`, async () => {
      for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
    });
    for (const trigger of rowTriggers) await client.query(`ALTER TABLE ${trigger.table} ENABLE TRIGGER ${trigger.name}`);
    await phases.run("index de recherche", () => client.query(`SELECT reperes_search_rebuild()`));
    await phases.run("lieux des enseignements et des sources", async () => {
      await client.query(`SELECT reperes_lesson_places_rebuild()`);
      await client.query(`SELECT reperes_source_places_rebuild()`);
    });
    await phases.run("COMMIT", () => client.query("COMMIT"));
    // Without a vacuum, index-only scans go to the heap until the visibility map is set (the first
    // benchmark after a load was 3 times slower).
    await phases.run("VACUUM (ANALYZE)", () => client.query(`VACUUM (ANALYZE) ${schemaTables}`));
    return { ...summary, seconds: (performance.now() - started) / 1000, phases: phases.done };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function loadContent(
  pool: pg.ClientBase,
  options: GenerateOptions,
  phases: Phases,
): Promise<Omit<GenerateSummary, "seconds" | "phases">> {
  const progress = options.progress ?? (() => {});
  let end = phases.begin("sources et acteurs");
  const random = new Random(options.seed ?? DEFAULT_SEED);
  const text = new TextWriter(random);
  const reference = await readReference(pool);
  const count = options.initiatives;
  const actorCount = Math.max(20, Math.round(count / 10));
  const lessonCount = Math.max(10, Math.round((count * 3) / 20));
  const sourceCount = Math.max(5, Math.round(count / 400));
  let relations = 0;

  const communes = new Popular(reference.byKind.COMMUNE, random, 0.9);
  const epcis = new Popular(reference.byKind.EPCI, random, 0.7);
  const departements = reference.byKind.DEPARTEMENT;
  const regions = reference.byKind.REGION;
  const qpvs = reference.byKind.QPV;
  const place = (): Place => {
    const draw = random.next();
    if (draw < 0.8 || (draw < 0.82 && qpvs.length === 0)) return communes.draw();
    if (draw < 0.82) return random.pick(qpvs);
    if (draw < 0.92) return epcis.draw();
    if (draw < 0.98) return random.pick(departements);
    return random.pick(regions);
  };
  const now = new Date();

  // Sources: qualification days and the documents that came out of them.
  {
    const ids: number[] = [];
    const kinds: string[] = [];
    const titles: string[] = [];
    const dates: Date[] = [];
    for (let id = 1; id <= sourceCount; id++) {
      ids.push(id);
      kinds.push(id % 3 === 0 ? "DOCUMENT" : "EVENT");
      titles.push(`${id % 3 === 0 ? "Synthèse" : "Journée de qualification"} : ${text.phrase(4).toLowerCase()}`);
      dates.push(new Date(PUBLISHED_FROM + random.next() * 9 * YEAR_MS));
    }
    await insertRows(
      pool,
      `INSERT INTO "Source" (id, slug, kind, title, date, status, "publishedAt", "updatedAt")
       SELECT id, 'source-' || id, kind::"SourceKind", title, date::date, 'PUBLISHED', date, now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[]) AS s(id, kind, title, date)`,
      [ids, kinds, titles, dates],
    );
  }

  // Actors: associations, town halls, services... each placed in a commune.
  const actorKinds = new Popular(
    [
      "ASSOCIATION",
      "LOCAL_AUTHORITY",
      "STATE_SERVICE",
      "SOCIAL_LANDLORD",
      "PUBLIC_BODY",
      "COMPANY",
      "RESOURCE_CENTRE",
      "INDEPENDENT_AUTHORITY",
      "OTHER",
    ],
    new Random((options.seed ?? DEFAULT_SEED) + 1),
    1.2,
  );
  const actorPrefix: Record<string, string> = {
    ASSOCIATION: "Association",
    LOCAL_AUTHORITY: "Ville de",
    STATE_SERVICE: "Délégation",
    SOCIAL_LANDLORD: "Habitat",
    PUBLIC_BODY: "Centre social",
    COMPANY: "Entreprise",
    RESOURCE_CENTRE: "Centre de ressources",
    INDEPENDENT_AUTHORITY: "Délégué du Défenseur des droits",
    OTHER: "Collectif",
  };
  for (let first = 1; first <= actorCount; first += BATCH) {
    const columns: unknown[][] = [[], [], [], [], [], [], []];
    for (let id = first; id < Math.min(first + BATCH, actorCount + 1); id++) {
      const kind = actorKinds.draw();
      const home = communes.draw();
      const name =
        kind === "LOCAL_AUTHORITY" ? `Ville de ${home.name}` : `${actorPrefix[kind]} ${text.phrase(2).toLowerCase()} ${home.name}`;
      const actorStatus = random.chance(0.95) ? "PUBLISHED" : "DRAFT";
      columns[0]!.push(id);
      columns[1]!.push(`${slugify(name).slice(0, 80)}-${id}`);
      columns[2]!.push(name);
      columns[3]!.push(kind);
      columns[4]!.push(text.phrase(12));
      columns[5]!.push(home.code);
      columns[6]!.push(actorStatus);
    }
    await insertRows(
      pool,
      `INSERT INTO "Actor" (id, slug, name, kind, description, "territoryCode", status, "publishedAt", "updatedAt")
       SELECT id, slug, name, kind::"ActorKind", description, territory, status::"PublicationStatus",
              CASE WHEN status = 'PUBLISHED' THEN now() END, now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS a(id, slug, name, kind, description, territory, status)`,
      columns,
    );
  }
  progress(`acteurs : ${actorCount}`);

  const actorIds = Array.from({ length: actorCount }, (_, index) => index + 1);
  const actors = new Popular(actorIds, random, 0.8);
  const vocab = {
    approaches: new Popular(reference.vocabularies.Approach, random, 0.8),
    themes: new Popular(reference.vocabularies.Theme, random, 0.8),
    criteria: new Popular(reference.vocabularies.DiscriminationCriterion, random, 1.1),
    domains: new Popular(reference.vocabularies.Domain, random, 0.9),
    publics: new Popular(reference.vocabularies.Public, random, 0.9),
  };
  const publishedAt = publicationDates(count);
  end();
  end = phases.begin("initiatives et liens");
  const started = performance.now();

  // While PostgreSQL inserts one batch (and its trigger computes the tsvectors), the next is
  // drawn here, so that the two cores work at once; the statements still go one at a time.
  let inserting: Promise<unknown> = Promise.resolve();
  for (let first = 1; first <= count; first += BATCH) {
    const last = Math.min(first + BATCH - 1, count);
    const rows: unknown[][] = Array.from({ length: 16 }, () => []);
    const links = Object.fromEntries(Object.keys(JOIN_TABLES).map((key) => [key, new Links()])) as Record<keyof typeof JOIN_TABLES, Links>;
    const actorLinks = new Links();
    for (let id = first; id <= last; id++) {
      const places = random.distinct(random.chance(0.7) ? 1 : random.int(2, 3), place);
      const title = text.title(places[0]!.name);
      let description = text.paragraph(random.int(3, 6), [6, 14]);
      if (random.chance(RARE_WORD_RATE)) description += ` ${text.phrase(3)} ${random.pick(RARE_WORDS)}.`;
      const startYear = random.int(2008, 2025);
      const ongoing = random.chance(0.35);
      const state = status(random);
      const values = [
        id,
        `${slugify(title).slice(0, 80)}-${id}`,
        title,
        text.paragraph(2, [8, 14]),
        description,
        text.phrase(random.int(6, 12)),
        text.phrase(random.int(4, 10)),
        random.chance(0.5) ? text.phrase(random.int(3, 6)) : "",
        text.phrase(random.int(4, 10)),
        startYear,
        ongoing ? null : Math.min(2025, startYear + random.int(0, 4)),
        ongoing,
        state,
        state === "PUBLISHED" || state === "ARCHIVED" ? publishedAt(id) : null,
        random.chance(0.01) ? now : null,
        random.chance(0.6) ? new Date(Date.UTC(2024, 0, 1) + random.next() * 2 * YEAR_MS) : null,
      ];
      values.forEach((value, index) => rows[index]!.push(value));
      for (const where of places) links.territories.add(id, where.code);
      for (const approach of vocab.approaches.some(1, 3)) links.approaches.add(id, approach);
      for (const theme of vocab.themes.some(1, 2)) links.themes.add(id, theme);
      for (const criterion of vocab.criteria.some(0, 3)) links.criteria.add(id, criterion);
      for (const domain of vocab.domains.some(1, 2)) links.domains.add(id, domain);
      for (const audience of vocab.publics.some(1, 3)) links.publics.add(id, audience);
      if (random.chance(0.2)) links.sources.add(id, random.int(1, sourceCount));
      actors
        .some(1, 3)
        .forEach((actor, index) => actorLinks.add(id, actor, index === 0 ? "LEAD" : random.chance(0.7) ? "PARTNER" : "FUNDER"));
    }
    const statements: [string, unknown[][]][] = [];
    statements.push([
      `INSERT INTO "Initiative" (id, slug, title, summary, description, objectives, means, funding, results,
         "startYear", "endYear", ongoing, status, "publishedAt", "deletedAt", "lastVerifiedAt", "createdAt", "updatedAt")
       SELECT id, slug, title, summary, description, objectives, means, funding, results, start_year, end_year,
              ongoing, status::"PublicationStatus", published_at, deleted_at, verified_at,
              coalesce(published_at, now()), coalesce(published_at, now())
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::int[], $11::int[], $12::boolean[], $13::text[], $14::timestamptz[],
                   $15::timestamptz[], $16::timestamptz[])
         AS i(id, slug, title, summary, description, objectives, means, funding, results, start_year, end_year,
              ongoing, status, published_at, deleted_at, verified_at)`,
      rows,
    ]);
    for (const [key, [table, columns, type]] of Object.entries(JOIN_TABLES)) {
      const pairs = links[key as keyof typeof JOIN_TABLES];
      statements.push([`INSERT INTO ${table} (${columns}) SELECT * FROM unnest($1::int[], $2::${type}[])`, [pairs.left, pairs.right]]);
      relations += pairs.size;
    }
    statements.push([
      `INSERT INTO "InitiativeActor" ("initiativeId", "actorId", role) SELECT i, a, r::"ActorRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS l(i, a, r)`,
      [actorLinks.left, actorLinks.right, actorLinks.extra],
    ]);
    relations += actorLinks.size;
    await inserting;
    inserting = (async () => {
      for (const [sql, columns] of statements) await insertRows(pool, sql, columns);
      progress(`initiatives : ${last} / ${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    })();
    // Awaited before the next batch is sent, or below; a failure must not surface as unhandled meanwhile.
    inserting.catch(() => {});
  }
  await inserting;
  end();

  end = phases.begin("enseignements et liens");
  const evidence = ["TESTIMONY", "PRACTICE_FEEDBACK", "INTERNALLY_EVALUATED", "EXTERNALLY_EVALUATED"];
  for (let first = 1; first <= lessonCount; first += BATCH) {
    const last = Math.min(first + BATCH - 1, lessonCount);
    const rows: unknown[][] = Array.from({ length: 7 }, () => []);
    const toInitiatives = new Links();
    const toThemes = new Links();
    const toApproaches = new Links();
    for (let id = first; id <= last; id++) {
      const title = text.phrase(random.int(5, 9));
      const state = random.chance(0.93) ? "PUBLISHED" : "DRAFT";
      [
        id,
        `${slugify(title).slice(0, 80)}-${id}`,
        title,
        text.paragraph(random.int(2, 4), [8, 14]),
        random.pick(evidence),
        random.chance(0.7) ? random.int(1, sourceCount) : null,
        state,
      ].forEach((value, index) => rows[index]!.push(value));
      for (const initiative of random.distinct(random.int(1, 3), () => random.int(1, count))) toInitiatives.add(id, initiative);
      toThemes.add(id, vocab.themes.draw());
      toApproaches.add(id, vocab.approaches.draw());
    }
    await insertRows(
      pool,
      `INSERT INTO "Lesson" (id, slug, title, body, "evidenceLevel", "sourceId", status, "publishedAt", "updatedAt")
       SELECT id, slug, title, body, evidence::"EvidenceLevel", source, status::"PublicationStatus",
              CASE WHEN status = 'PUBLISHED' THEN now() END, now()
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
         AS l(id, slug, title, body, evidence, source, status)`,
      rows,
    );
    await insertRows(pool, `INSERT INTO "LessonInitiative" ("lessonId", "initiativeId") SELECT * FROM unnest($1::int[], $2::int[])`, [
      toInitiatives.left,
      toInitiatives.right,
    ]);
    await insertRows(pool, `INSERT INTO "LessonTheme" ("lessonId", "themeId") SELECT * FROM unnest($1::int[], $2::int[])`, [
      toThemes.left,
      toThemes.right,
    ]);
    await insertRows(pool, `INSERT INTO "LessonApproach" ("lessonId", "approachId") SELECT * FROM unnest($1::int[], $2::int[])`, [
      toApproaches.left,
      toApproaches.right,
    ]);
    relations += toInitiatives.size + toThemes.size + toApproaches.size;
  }
  progress(`enseignements : ${lessonCount}`);

  for (const table of ["Initiative", "Actor", "Lesson", "Source"]) {
    await pool.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
  }
  end();
  return { initiatives: count, actors: actorCount, lessons: lessonCount, sources: sourceCount, relations };
}
