import { beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/connect";
import { loadDemoContent } from "@/lib/demo/load";
import { loadReferenceData } from "@/lib/reference/load";
import { ImportError, importQpvCsv } from "@/lib/reference/qpv-import";
import { provisionalQpvCode } from "@/lib/reference/territories";

const db = createPrismaClient();

// A small file in the official format, made here (codes invented for the test).
const header = "code_qp;nom_qp;commune_qp";
const fixture = [
  header,
  "QN05901T;Quartier test Roubaix;59512",
  "QN07501T;Quartier hors région;75056",
  '"QN06002T";"Quartier sur deux communes";"60175; 60463"',
].join("\n");

describe("official QPV list import", () => {
  beforeEach(async () => {
    await db.initiativeTerritory.deleteMany({ where: { territoryCode: { startsWith: "QN" } } });
    await db.territory.deleteMany({ where: { code: { startsWith: "QN" } } });
  });

  it("imports the région's QPV, attaches them to their communes and skips the others", async () => {
    const lines: string[] = [];
    const summary = await importQpvCsv(db, fixture, (line) => lines.push(line));
    expect(summary).toMatchObject({ rows: 3, imported: 2, skippedOutsideReference: 1, replacedProvisional: 0 });
    expect(lines.some((line) => line.startsWith("QPV : 2 / 2"))).toBe(true);
    const twoCommunes = await db.territoryParent.findMany({ where: { childCode: "QN06002T" }, select: { parentCode: true } });
    expect(twoCommunes.map((p) => p.parentCode).sort()).toEqual(["60175", "60463"]);
    const inRoubaix = await db.territoryAncestor.findMany({ where: { descendantCode: "QN05901T" }, select: { ancestorCode: true } });
    expect(inRoubaix.map((a) => a.ancestorCode).sort()).toEqual(["200093201", "32", "59", "59512", "QN05901T"]);
  });

  it("replaces a provisional QPV of the same name and commune, moving its links", async () => {
    await loadDemoContent(db);
    const provisional = provisionalQpvCode("60414", "Les Martinets");
    const initiative = await db.initiative.findFirstOrThrow();
    await db.initiativeTerritory.create({ data: { initiativeId: initiative.id, territoryCode: provisional } });

    const summary = await importQpvCsv(db, `${fixture}\nQN06001T;Les Martinets;Montataire`);
    expect(summary.replacedProvisional).toBe(1);
    expect(await db.territory.findUnique({ where: { code: provisional } })).toBeNull();
    expect(
      await db.initiativeTerritory.findUnique({
        where: { initiativeId_territoryCode: { initiativeId: initiative.id, territoryCode: "QN06001T" } },
      }),
    ).not.toBeNull();

    // Reloading the reference does not bring the provisional QPV back.
    await loadReferenceData(db);
    expect(await db.territory.findUnique({ where: { code: provisional } })).toBeNull();
  });

  it("names the line and the field of a bad row, and writes nothing", async () => {
    const bad = [header, "QN06001T;Les Martinets;Montataire", "XX;Sans code;Creil"].join("\n");
    await expect(importQpvCsv(db, bad)).rejects.toThrow(/Ligne 3, champ code_qp/);
    expect(await db.territory.count({ where: { code: { startsWith: "QN" } } })).toBe(0);
  });

  it("refuses a control character in a name with the line and the field, not a database error", async () => {
    const bad = [header, "QN06001T;Les Martinets\u0000;Montataire"].join("\n");
    await expect(importQpvCsv(db, bad)).rejects.toThrow(/Ligne 2, champ nom_qp : le nom contient un caractère invisible/);
    expect(await db.territory.count({ where: { code: { startsWith: "QN" } } })).toBe(0);
  });

  it("refuses a file without the expected columns", async () => {
    await expect(importQpvCsv(db, "code;nom\nQN06001T;X")).rejects.toThrow(ImportError);
    await expect(importQpvCsv(db, "code;nom\nQN06001T;X")).rejects.toThrow(/commune_qp/);
  });

  it("refuses a duplicated code, naming both lines", async () => {
    const duplicated = [header, "QN06001T;A;Creil", "QN06001T;B;Creil"].join("\n");
    await expect(importQpvCsv(db, duplicated)).rejects.toThrow(/Ligne 3.*ligne 2/);
  });

  it("asks for an INSEE code when a commune name is ambiguous", async () => {
    // "Villers-Saint-Paul" is unique; "Saint-Maximin" exists only once in the région too, so
    // make an ambiguity with a name shared by two communes of the région.
    const shared = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM "Territory" WHERE kind = 'COMMUNE' GROUP BY name HAVING count(*) > 1 LIMIT 1`,
    );
    const ambiguous = [header, `QN06009T;Quartier;${shared[0]!.name}`].join("\n");
    await expect(importQpvCsv(db, ambiguous)).rejects.toThrow(/plusieurs communes.*code INSEE/);
  });
});
