/**
 * The messages a workflow transition sends, queued in the transition's transaction: they leave
 * only if the transition committed. Nobody is told of their own action.
 */
import { entryPublishedMail, entrySentBackMail, reviewRequestedMail } from "@/lib/mail/messages/editorial";
import { receives } from "@/lib/mail/preferences";
import { enqueueMail } from "@/lib/mail/queue";
import { absoluteUrl, siteUrl } from "@/lib/opendata/site";
import type { EntityDefinition, RecordMeta, Tx } from "./definition";
import type { Actor, TransitionName } from "./permissions";

export async function notifyTransition(
  tx: Tx,
  def: EntityDefinition<unknown>,
  meta: RecordMeta,
  name: TransitionName,
  actor: Actor,
  comment: string | undefined,
): Promise<void> {
  const kind = def.label.one.toLowerCase();
  const adminUrl = absoluteUrl(`/admin/${def.path}/${meta.id}`);
  if (name === "submit") {
    const reviewers = await tx.user.findMany({
      where: { role: { in: ["EDITOR", "ADMIN"] }, disabled: false, id: { not: actor.id }, ...receives("review_requested") },
      select: { email: true },
    });
    const mail = reviewRequestedMail({ kind, title: meta.title, adminUrl });
    for (const reviewer of reviewers) await enqueueMail(tx, reviewer.email, mail, siteUrl());
    return;
  }
  if ((name !== "publish" && name !== "return") || meta.createdById === null || meta.createdById === actor.id) return;
  const author = await tx.user.findFirst({
    where: { id: meta.createdById, disabled: false, ...receives(name === "publish" ? "entry_published" : "entry_sent_back") },
    select: { email: true },
  });
  if (!author) return;
  const publicPath = def.publicPath(meta.slug);
  const mail =
    name === "publish"
      ? entryPublishedMail({ kind, title: meta.title, url: publicPath ? absoluteUrl(publicPath) : adminUrl })
      : entrySentBackMail({ kind, title: meta.title, adminUrl, comment });
  await enqueueMail(tx, author.email, mail, siteUrl());
}
