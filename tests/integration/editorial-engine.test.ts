import { beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/errors";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import type { EntityDefinition } from "@/lib/editorial/definition";
import { purgeRecord, restoreRevision, saveRecord, transitionRecord, trashRecord, untrashRecord } from "@/lib/editorial/engine";
import { emptyValues, type FormValues } from "@/lib/editorial/form-values";
import { definitionByPath } from "@/lib/editorial/registry";
import { writeBaselineRevisions } from "@/lib/editorial/baseline";
import { makeUser } from "../support/accounts";

const db = createPrismaClient();
const initiatives = definitionByPath("initiatives") as EntityDefinition<unknown>;
const actors = definitionByPath("acteurs") as EntityDefinition<unknown>;
type TestUser = Awaited<ReturnType<typeof makeUser>>;
let editor: TestUser, admin: TestUser, alice: TestUser, bob: TestUser;

const draft = (title: string): FormValues => ({
  ...emptyValues(initiatives.fields),
  title,
  summary: "Un résumé assez long pour passer la validation.",
});

async function create(user: TestUser, title: string) {
  const outcome = await saveRecord(db, initiatives, user, { values: draft(title) });
  if (outcome.kind !== "saved") throw new Error(`not saved: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

beforeAll(async () => {
  await loadDemoContent(db);
  await writeBaselineRevisions(db);
  [editor, admin, alice, bob] = await Promise.all([
    makeUser(db, "EDITOR"),
    makeUser(db, "ADMIN"),
    makeUser(db, "CONTRIBUTOR"),
    makeUser(db, "CONTRIBUTOR"),
  ]);
});

describe("saving with optimistic locking", () => {
  it("lets exactly one of two concurrent saves of the same version win; the other gets what changed", async () => {
    const id = await create(editor, "Initiative disputée");
    const values = (await initiatives.values(db, id))!;
    const [first, second] = await Promise.all([
      saveRecord(db, initiatives, editor, {
        id,
        version: 1,
        values: { ...values, summary: "Version de l'éditeur, enregistrée en parallèle." },
      }),
      saveRecord(db, initiatives, admin, {
        id,
        version: 1,
        values: { ...values, summary: "Version de l'administratrice, en parallèle elle aussi." },
      }),
    ]);
    const kinds = [first.kind, second.kind].sort();
    expect(kinds).toEqual(["conflict", "saved"]);
    const winner =
      first.kind === "saved" ? "Version de l'éditeur, enregistrée en parallèle." : "Version de l'administratrice, en parallèle elle aussi.";
    const loser = first.kind === "conflict" ? first : second;
    expect(loser.kind === "conflict" && loser.changes).toEqual([
      { key: "summary", label: "Résumé", before: values.summary, after: winner },
    ]);
    const row = await db.initiative.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 2, summary: winner });
    expect(await db.revision.count({ where: { entityType: "INITIATIVE", entityId: id } })).toBe(2);
  });

  it("refuses a save over a newer version, and accepts it once based on the current one", async () => {
    const id = await create(editor, "Initiative relue");
    const values = (await initiatives.values(db, id))!;
    expect((await saveRecord(db, initiatives, editor, { id, version: 1, values: { ...values, title: "Premier titre" } })).kind).toBe(
      "saved",
    );
    const stale = await saveRecord(db, initiatives, admin, {
      id,
      version: 1,
      values: { ...values, summary: "Résumé écrit sur une version ancienne." },
    });
    expect(stale).toMatchObject({
      kind: "conflict",
      currentVersion: 2,
      changes: [{ key: "title", before: "Initiative relue", after: "Premier titre" }],
    });
    expect((await db.initiative.findUniqueOrThrow({ where: { id } })).summary).toBe(values.summary);
    expect(
      await saveRecord(db, initiatives, admin, {
        id,
        version: 2,
        values: { ...values, title: "Premier titre", summary: "Résumé écrit sur une version ancienne." },
      }),
    ).toMatchObject({ kind: "saved", version: 3 });
  });

  it("validates on the server with French messages per field and writes nothing", async () => {
    const before = await db.initiative.count();
    const outcome = await saveRecord(db, initiatives, editor, {
      values: { ...draft("x"), website: "javascript:alert(1)", startYear: "2024", endYear: "2020" },
    });
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.fieldErrors.title?.[0]).toContain("au moins 3 caractères");
    expect(outcome.fieldErrors.website?.[0]).toContain("https://");
    expect(outcome.fieldErrors.endYear?.[0]).toContain("ne peut pas précéder");
    expect(await db.initiative.count()).toBe(before);
  });

  it("saves relations and restores an old revision as a new version", async () => {
    const id = await create(editor, "Initiative à restaurer");
    const values = (await initiatives.values(db, id))!;
    const actor = await db.actor.findFirstOrThrow({ where: { slug: { contains: "defenseur" } } });
    await saveRecord(db, initiatives, editor, {
      id,
      version: 1,
      values: {
        ...values,
        actors: [{ actorId: String(actor.id), role: "PARTNER" }],
        territories: ["200068047"],
        summary: "Résumé modifié avec des liens.",
      },
    });
    const stored = await db.initiative.findUniqueOrThrow({ where: { id }, include: { actors: true, territories: true } });
    expect(stored.actors).toMatchObject([{ actorId: actor.id, role: "PARTNER" }]);
    expect(stored.territories).toMatchObject([{ territoryCode: "200068047" }]);

    const first = await db.revision.findUniqueOrThrow({
      where: { entityType_entityId_version: { entityType: "INITIATIVE", entityId: id, version: 1 } },
    });
    expect(await restoreRevision(db, initiatives, editor, id, first.id, 2)).toMatchObject({ kind: "saved", version: 3 });
    const restored = await db.initiative.findUniqueOrThrow({ where: { id }, include: { actors: true, territories: true } });
    expect(restored.summary).toBe(values.summary);
    expect(restored.actors).toEqual([]);
    const latest = await db.revision.findFirstOrThrow({ where: { entityType: "INITIATIVE", entityId: id }, orderBy: { version: "desc" } });
    expect(latest).toMatchObject({ version: 3, comment: "Restauration de la version 1" });
  });
});

describe("ownership and workflow", () => {
  it("lets a contributor edit and submit their own draft, not another contributor's (changing the id gains nothing)", async () => {
    const id = await create(alice, "Brouillon d'Alice");
    const values = (await initiatives.values(db, id))!;
    await expect(
      saveRecord(db, initiatives, bob, { id, version: 1, values: { ...values, title: "Piraté par Bob" } }),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(transitionRecord(db, initiatives, bob, id, "submit", undefined)).rejects.toBeInstanceOf(AccessDenied);
    await expect(trashRecord(db, initiatives, bob, id)).rejects.toBeInstanceOf(AccessDenied);
    expect((await db.initiative.findUniqueOrThrow({ where: { id } })).title).toBe("Brouillon d'Alice");

    expect(
      (await saveRecord(db, initiatives, alice, { id, version: 1, values: { ...values, title: "Brouillon d'Alice, revu" } })).kind,
    ).toBe("saved");
    expect(await transitionRecord(db, initiatives, alice, id, "submit", undefined)).toMatchObject({ ok: true });
    // Once submitted, the contributor can neither edit nor publish it.
    await expect(saveRecord(db, initiatives, alice, { id, version: 2, values })).rejects.toBeInstanceOf(AccessDenied);
    await expect(transitionRecord(db, initiatives, alice, id, "publish", undefined)).rejects.toThrow("Seuls les éditeurs");
    expect(await transitionRecord(db, initiatives, editor, id, "publish", "Relu")).toMatchObject({ ok: true });
    const row = await db.initiative.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.publishedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityType: "INITIATIVE", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.userId])).toEqual([
      ["entity.created", alice.id],
      ["entity.updated", alice.id],
      ["entity.submitted", alice.id],
      ["entity.published", editor.id],
    ]);
  });

  it("contributors cannot edit vocabularies", async () => {
    const themes = definitionByPath("themes") as EntityDefinition<unknown>;
    await expect(
      saveRecord(db, themes, alice, { values: { label: "Nouveau thème", position: "", description: "", parent: "" } }),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe("trash", () => {
  it("refuses to trash an actor linked to a published initiative, listing the links", async () => {
    const actor = await db.actor.findFirstOrThrow({ where: { slug: { contains: "defenseur" } } });
    const outcome = await trashRecord(db, actors, editor, actor.id);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.links?.some((link) => link.startsWith("Initiative publiée : "))).toBe(true);
    expect((await db.actor.findUniqueOrThrow({ where: { id: actor.id } })).deletedAt).toBeNull();
  });

  it("soft-deletes, lets an editor (not a contributor) restore, and only an admin purge", async () => {
    const id = await create(alice, "Brouillon jeté");
    expect(await trashRecord(db, initiatives, alice, id)).toMatchObject({ ok: true });
    expect((await db.initiative.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    await expect(untrashRecord(db, initiatives, alice, id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await untrashRecord(db, initiatives, editor, id)).toMatchObject({ ok: true });
    expect(await trashRecord(db, initiatives, editor, id)).toMatchObject({ ok: true });
    await expect(purgeRecord(db, initiatives, editor, id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await purgeRecord(db, initiatives, admin, id)).toMatchObject({ ok: true });
    expect(await db.initiative.findUnique({ where: { id } })).toBeNull();
    // History survives the purge.
    expect(await db.revision.count({ where: { entityType: "INITIATIVE", entityId: id } })).toBeGreaterThan(0);
  });
});

describe("audit log", () => {
  it("is append-only for the application", async () => {
    await expect(db.auditEvent.updateMany({ data: { action: "falsifié" } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow();
    expect(await db.auditEvent.count()).toBeGreaterThan(0);
  });
});
