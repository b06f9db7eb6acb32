import { beforeEach, describe, expect, it, vi } from "vitest";
import { markPrefetch, PREFETCH_HEADER } from "@/lib/http/prefetch";
import { parseSearchQuery } from "@/lib/search/query";
import {
  askedInitiativeSearch,
  askedUnifiedSearch,
  insightWords,
  isAskedByPerson,
  readMonthInsights,
  recordSearch,
  resultBucket,
  sweepSearchInsights,
} from "@/lib/search/insights";
import { ACSO, CREIL, publicSearchFixture } from "../support/public-search";

// The page's counting runs after its answer (next/server's after) with the request's headers:
// here `after` runs its task at once and the headers are the test's.
const request = { headers: new Headers() };
const afterTasks: Promise<unknown>[] = [];
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => afterTasks.push(task()) }));

const { db, search } = publicSearchFixture();

const NOV = new Date("2026-11-15T12:00:00Z");
const DEC = new Date("2026-12-02T08:00:00Z");

/** A search as /initiatives runs and counts it. */
async function searchAndRecord(params: string, now = NOV) {
  const query = parseSearchQuery(new URLSearchParams(params));
  const result = await search(params);
  await recordSearch(
    db,
    askedInitiativeSearch(
      query,
      result.places.map((p) => p.code),
      result.total,
    ),
    now,
  );
  return result;
}

const rows = () => db.$queryRaw<{ month: Date; query: string; filters: string; bucket: string; count: number }[]>`
  SELECT month, query, filters, bucket::text, count FROM "SearchInsight" ORDER BY month, query, filters, bucket`;

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM "SearchInsight"`;
  request.headers = new Headers();
});

describe("counting the public's searches", () => {
  it("counts each search once per month, words folded, with the size of its answer", async () => {
    expect((await searchAndRecord("q=Zorglub+Introuvable")).total).toBe(0);
    await searchAndRecord("q=zorglub%20INTROUVABLE");
    await searchAndRecord("q=zorglub+introuvable", DEC);
    await searchAndRecord("q=%C3%89galit%C3%A9&page=1&tri=titre");
    expect((await searchAndRecord(`approche=testing&territoire=${ACSO}`)).total).toBeGreaterThan(0);

    expect(await rows()).toEqual([
      { month: new Date("2026-11-01T00:00:00Z"), query: "", filters: `territoire=${ACSO}&approche=testing`, bucket: "FEW", count: 1 },
      { month: new Date("2026-11-01T00:00:00Z"), query: "egalite", filters: "", bucket: "FEW", count: 1 },
      { month: new Date("2026-11-01T00:00:00Z"), query: "zorglub introuvable", filters: "", bucket: "NONE", count: 2 },
      { month: new Date("2026-12-01T00:00:00Z"), query: "zorglub introuvable", filters: "", bucket: "NONE", count: 1 },
    ]);
  });

  it("sizes answers as none, one to five, more; a search asking nothing is not counted", async () => {
    expect([0, 1, 5, 6, 500].map(resultBucket)).toEqual(["NONE", "FEW", "FEW", "MANY", "MANY"]);
    const result = await searchAndRecord("q=discrimination");
    await searchAndRecord("");
    expect(await rows()).toMatchObject([{ query: "discrimination", bucket: resultBucket(result.total), count: 1 }]);
  });

  it("counts places read from the words as asked places, and the month of France", async () => {
    // 23:30 UTC on 30 November is already December in Paris.
    await searchAndRecord("q=discriminations+Creil", new Date("2026-11-30T23:30:00Z"));
    expect(await rows()).toMatchObject([
      { month: new Date("2026-12-01T00:00:00Z"), query: "discriminations creil", filters: `territoire=${CREIL}` },
    ]);
  });

  it("never records an e-mail address or a telephone number, but still counts the places chosen", async () => {
    for (const q of ["jean.dupont@example.org", "appeler 06 12 34 56 78", "+33612345678", "03.20.00.00.00"])
      expect(insightWords(q), q).toBe("");
    expect(insightWords("loi 2014 quartiers")).toBe("loi 2014 quartiers");
    await searchAndRecord("q=marie%40exemple.fr");
    await searchAndRecord(`q=0612345678&territoire=${CREIL}`);
    expect(await rows()).toMatchObject([{ query: "", filters: `territoire=${CREIL}`, count: 1 }]);
  });

  it("cuts long words and stores nothing about the visitor: no address, agent, session or time", async () => {
    await searchAndRecord(`q=${"mot ".repeat(100)}`);
    expect((await rows())[0]!.query.length).toBeLessThanOrEqual(80);
    const columns = await db.$queryRaw<{ column_name: string; data_type: string }[]>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'SearchInsight' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name)).toEqual(["approaches", "bucket", "count", "filters", "month", "query", "territories"]);
    expect(columns.find((c) => c.column_name === "month")?.data_type).toBe("date");
  });

  it("swallows a failing insert: the search page never fails because of its counting", async () => {
    const failing = { $executeRaw: () => Promise.reject(new Error("base indisponible")) } as unknown as typeof db;
    await expect(recordSearch(failing, askedUnifiedSearch("mot", null, "tous", 0))).resolves.toBeUndefined();
  });

  it("skips prefetches and crawlers, counts a person's request after the answer", async () => {
    const { countPublicSearch } = await import("@/lib/public/search-insights");
    const asked = askedUnifiedSearch("Jardins partagés", CREIL, "local", 3);
    const notPeople: Record<string, string>[] = [
      { [PREFETCH_HEADER]: "1" },
      { "sec-purpose": "prefetch;prerender" },
      { purpose: "prefetch" },
      { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" },
    ];
    for (const headers of notPeople) {
      request.headers = new Headers(headers);
      expect(isAskedByPerson(request.headers), JSON.stringify(headers)).toBe(false);
      await countPublicSearch(asked);
    }
    request.headers = new Headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" });
    await countPublicSearch(asked);
    await Promise.all(afterTasks);
    const saved = await rows();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ query: "jardins partages", filters: `territoire=${CREIL}&portee=local`, bucket: "FEW", count: 1 });
  });
});

describe("the proxy's prefetch mark", () => {
  it("is set on the router's prefetches and never taken from the client", () => {
    const marked = (incoming: Record<string, string>) => {
      const outgoing = new Headers(incoming);
      markPrefetch(new Headers(incoming), outgoing);
      return outgoing.get(PREFETCH_HEADER);
    };
    expect(marked({ "next-router-prefetch": "1" })).toBe("1");
    expect(marked({ "next-router-segment-prefetch": "/_tree" })).toBe("1");
    expect(marked({ [PREFETCH_HEADER]: "1" })).toBeNull();
  });
});

describe("the month's figures for staff", () => {
  it("list zero and few result words, places by name and approaches by label, most asked first", async () => {
    await searchAndRecord("q=zorglub");
    await searchAndRecord("q=zorglub");
    await searchAndRecord("q=introuvable");
    await searchAndRecord(`approche=testing&territoire=${CREIL}`);
    await searchAndRecord(`territoire=${CREIL}`);
    const month = await readMonthInsights(db, new Date("2026-11-01T00:00:00Z"));
    expect(month.none).toEqual([
      { query: "zorglub", label: "zorglub", count: 2 },
      { query: "introuvable", label: "introuvable", count: 1 },
    ]);
    expect(month.places).toEqual([{ label: "Creil", count: 2 }]);
    expect(month.approaches).toEqual([{ label: (await db.approach.findUniqueOrThrow({ where: { slug: "testing" } })).label, count: 1 }]);
    expect(month.total).toBe(5);
    expect((await readMonthInsights(db, new Date("2026-10-01T00:00:00Z"))).total).toBe(0);
  });
});

describe("retention", () => {
  it("keeps the last 24 months, the current one included", async () => {
    const asked = askedUnifiedSearch("ancien", null, "tous", 0);
    for (const when of ["2024-11-30T12:00:00Z", "2024-12-01T12:00:00Z", "2026-11-15T12:00:00Z"])
      await recordSearch(db, asked, new Date(when));
    expect(await sweepSearchInsights(db, NOV)).toBe(1);
    expect((await rows()).map((row) => row.month.toISOString().slice(0, 7))).toEqual(["2024-12", "2026-11"]);
  });
});
