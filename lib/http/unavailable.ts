/**
 * The answer while the database is unreachable: 503, a French page (or JSON for the API) giving
 * the request id to quote, and Retry-After so that crawlers and clients come back.
 */
export function serviceUnavailable(options: { pathname: string; requestId: string }): Response {
  const headers = { "Retry-After": "30", "Cache-Control": "no-store" };
  if (options.pathname.startsWith("/api/")) {
    return Response.json(
      { erreur: "Service momentanément indisponible : réessayez dans quelques instants.", reference: options.requestId },
      { status: 503, headers },
    );
  }
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Service momentanément indisponible – Repères</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.6rem;line-height:1.25;overflow-wrap:break-word}code{font-size:1.1em;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>Service momentanément indisponible</h1>
<p>Repères ne peut pas afficher cette page pour l'instant : sa base de données ne répond pas. Le service reprendra de lui-même ; réessayez dans quelques minutes.</p>
<p>Si le problème persiste, contactez l'IREV en indiquant la référence <code>${options.requestId.replace(/[^0-9a-z]/gi, "")}</code>.</p>
</main>
</body>
</html>`;
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
