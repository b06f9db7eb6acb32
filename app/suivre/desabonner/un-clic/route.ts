import { z } from "zod";
import { INVALID_UNSUBSCRIBE_LINK, unsubscribe } from "@/lib/subscriptions/subscriptions";
import { ONE_CLICK_FIELD, UNSUBSCRIBE_PATH } from "@/lib/subscriptions/one-click";

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

/**
 * POST /suivre/desabonner?jeton=… (routed here by the proxy): a mail client's one-click, or the
 * page's button. Open to anyone: the link's secret is the authorisation. RFC 8058 forbids a
 * redirect in answer to a mail client; the page's button is sent back to a page.
 */
export async function POST(request: Request) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("jeton"));
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get(ONE_CLICK_FIELD) === "page";
  const done = token.success && (await unsubscribe(token.data));
  if (fromPage) return seeOther(done ? `${UNSUBSCRIBE_PATH}?etat=fait` : UNSUBSCRIBE_PATH);
  if (!token.success) return text(400, INVALID_UNSUBSCRIBE_LINK);
  return done
    ? text(200, "Désabonnement effectué : votre abonnement et votre adresse ont été supprimés.")
    : text(404, INVALID_UNSUBSCRIBE_LINK);
}
