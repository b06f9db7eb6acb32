/**
 * The one layout of every message: a greeting, a few paragraphs, at most one button-like link,
 * a footer saying why it was sent. Plain text and HTML come from the same content, so that they
 * always say the same thing.
 */
export interface MailContent {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Why the recipient gets this message. */
  reason: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SIGNATURE = "Repères, la base de connaissances de l'IREV – centre de ressources Politique de la ville Hauts-de-France";

export function renderMail(content: MailContent): RenderedMail {
  const text = [
    "Bonjour,",
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label} :\n${content.action.url}`] : []),
    `-- \n${SIGNATURE}\n${content.reason}`,
  ].join("\n\n");
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
${action}
<hr>
<p style="font-size:14px;color:#4a4a4a">${escapeHtml(SIGNATURE)}<br>${escapeHtml(content.reason)}</p>
</body>
</html>
`;
  return { subject: content.subject, text: `${text}\n`, html };
}
