/**
 * A French page answered by the proxy itself, without React or the database (503 while the
 * database is down, 400 for an unreadable address): self-contained, readable at 320 px, giving
 * the request id to quote to the IREV.
 */
export function plainPage(options: {
  status: number;
  title: string;
  paragraphs: string[];
  requestId: string;
  headers?: Record<string, string>;
}): Response {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title} – Repères</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.6rem;line-height:1.25;overflow-wrap:break-word}code{font-size:1.1em;overflow-wrap:anywhere}a{color:#0b4f9c}</style>
</head>
<body>
<main>
<h1>${options.title}</h1>
${options.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}
<p>Si le problème persiste, contactez l'IREV en indiquant la référence <code>${options.requestId.replace(/[^0-9a-z]/gi, "")}</code>.</p>
</main>
</body>
</html>`;
  return new Response(html, {
    status: options.status,
    headers: { "Cache-Control": "no-store", ...options.headers, "Content-Type": "text/html; charset=utf-8" },
  });
}
