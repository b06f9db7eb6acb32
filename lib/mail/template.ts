/**
 * The one layout of every message: a greeting, a few paragraphs, at most one button-like link,
 * a footer saying why it was sent. Plain text and HTML come from the same content, so that they
 * always say the same thing.
 */
export interface MailContent {
  subject: string;
  paragraphs: string[];
  /** Entries listed after the paragraphs (a digest's initiatives), each with its link. */
  entries?: { label: string; url: string; note?: string }[];
  action?: { label: string; url: string };
  /** Why the recipient gets this message. */
  reason: string;
  /**
   * A message someone subscribed to: the footer's link and the List-Unsubscribe headers of
   * RFC 8058, whose one-click POST unsubscribes without opening a page.
   */
  unsubscribeUrl?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SIGNATURE = "Repères, la base de connaissances de l'IREV – centre de ressources Politique de la ville Hauts-de-France";

export function renderMail(content: MailContent): RenderedMail {
  const text = [
    "Bonjour,",
    ...content.paragraphs,
    ...(content.entries ?? []).map((entry) => `- ${entry.label}${entry.note ? ` (${entry.note})` : ""}\n  ${entry.url}`),
    ...(content.action ? [`${content.action.label} :\n${content.action.url}`] : []),
    `-- \n${SIGNATURE}\n${content.reason}${content.unsubscribeUrl ? `\nSe désabonner : ${content.unsubscribeUrl}` : ""}`,
  ].join("\n\n");
  const entries = content.entries?.length
    ? `<ul>\n${content.entries
        .map(
          (entry) =>
            `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.label)}</a>${entry.note ? ` (${escapeHtml(entry.note)})` : ""}</li>`,
        )
        .join("\n")}\n</ul>`
    : "";
  const unsubscribe = content.unsubscribeUrl ? `<br><a href="${escapeHtml(content.unsubscribeUrl)}">Se désabonner</a>` : "";
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1d4e89;color:#ffffff;text-decoration:underline">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:14px">Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur : ${escapeHtml(content.action.url)}</p>`
    : "";
  const html = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em">
<p>Bonjour,</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${entries}
${action}
<hr>
<p style="font-size:14px;color:#4a4a4a">${escapeHtml(SIGNATURE)}<br>${escapeHtml(content.reason)}${unsubscribe}</p>
</body>
</html>
`;
  const headers = content.unsubscribeUrl
    ? { "List-Unsubscribe": `<${content.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : undefined;
  return { subject: content.subject, text: `${text}\n`, html, ...(headers ? { headers } : {}) };
}
