/**
 * The weekly digest of every confirmed subscription (ADR 017), run by a pg-boss schedule
 * (lib/jobs/scheduled.ts). « New or updated » is an entry of the followed list, public now, whose
 * publication or last change falls after the end of the previous digest's window: it is selected
 * by the list's own search (matchingInitiativeIdsSql, lessonMatchSql), never a second query
 * language. Nothing is sent when nothing is new; the window moves on either way.
 */
import "server-only";
import type { Database } from "@/lib/db/connect";
import { Prisma } from "@/lib/db/generated/client";
import { digestMail, type DigestEntry } from "@/lib/mail/messages/subscriptions";
import { enqueueMail } from "@/lib/mail/queue";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";
import { lessonMatchSql, parseLessonQuery } from "@/lib/public/lessons";
import { matchingInitiativeIdsSql } from "@/lib/search/filters-sql";
import { parseSearchQuery } from "@/lib/search/query";
import { interpretQuery } from "@/lib/search/service";
import { withWordTree } from "@/lib/search/tsquery";
import { selectionLabel, selectionPath, type Selection } from "./selection";
import { issueSubscriptionToken, unsubscribeUrl } from "./subscriptions";

/** Entries listed in one message; the others are counted, and the list's link shows them all. */
export const DIGEST_MAX_ENTRIES = 20;

type Row = { slug: string; title: string; fresh: boolean; total: number };

/** When an entry last became visible or changed. */
const changedAt = (alias: string) => Prisma.raw(`GREATEST(${alias}."publishedAt", ${alias}."updatedAt")`);

async function changedEntries(db: Database, selection: Selection, since: Date, until: Date): Promise<Row[]> {
  const window = (alias: string) => Prisma.sql`${changedAt(alias)} > ${since} AND ${changedAt(alias)} <= ${until}`;
  if (selection.list === "LESSONS") {
    const query = parseLessonQuery(Object.fromEntries(new URLSearchParams(selection.filter)));
    return db.$queryRaw<Row[]>(Prisma.sql`
      SELECT '/enseignements/' || l.slug AS slug, l.title, l."publishedAt" > ${since} AS fresh, (count(*) OVER ())::int AS total
      FROM "Lesson" l WHERE ${lessonMatchSql(query)} AND ${window("l")}
      ORDER BY ${changedAt("l")} DESC, l.id LIMIT ${DIGEST_MAX_ENTRIES}`);
  }
  // As the list reads it: place words taken as places, synonyms of the words (lib/search/service.ts).
  const { query } = await interpretQuery(db, parseSearchQuery(new URLSearchParams(selection.filter)));
  const text = query.q ? await withWordTree(db, { q: query.q }) : undefined;
  return db.$queryRaw<Row[]>(Prisma.sql`
    SELECT '/initiatives/' || i.slug AS slug, i.title, i."publishedAt" > ${since} AS fresh, (count(*) OVER ())::int AS total
    FROM "Initiative" i WHERE i.id IN (${matchingInitiativeIdsSql(query, { text })}) AND ${window("i")}
    ORDER BY ${changedAt("i")} DESC, i.id LIMIT ${DIGEST_MAX_ENTRIES}`);
}

/**
 * Sends the digest of every confirmed subscription with something new up to `now`; returns how
 * many were sent. Each subscription moves its window and queues its message in one transaction,
 * under a condition on the window it read: a job run twice (a retry, two instances) sends once.
 */
export async function sendDigests(db: Database, now = new Date()): Promise<number> {
  const subscriptions = await db.subscription.findMany({
    where: { confirmedAt: { not: null }, digestedUntil: { lt: now } },
    select: { id: true, email: true, list: true, filter: true, digestedUntil: true },
    orderBy: { id: "asc" },
  });
  let sent = 0;
  for (const subscription of subscriptions) {
    const since = subscription.digestedUntil!;
    const rows = await changedEntries(db, subscription, since, now);
    const done = await db.$transaction(async (tx) => {
      const moved = await tx.subscription.updateMany({
        where: { id: subscription.id, digestedUntil: since },
        data: { digestedUntil: now },
      });
      if (moved.count === 0 || rows.length === 0) return false;
      const entries: DigestEntry[] = rows.map((row) => ({ title: row.title, url: absoluteUrl(row.slug), fresh: row.fresh }));
      const mail = digestMail({
        selection: await selectionLabel(subscription, tx),
        since,
        entries,
        more: rows[0]!.total - rows.length,
        listUrl: absoluteUrl(selectionPath(subscription)),
        unsubscribeUrl: unsubscribeUrl(await issueSubscriptionToken(tx, subscription.id, "UNSUBSCRIBE", now)),
      });
      await enqueueMail(tx, subscription.email, mail, siteUrl());
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
