"use client";

import Link from "next/link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container">
      <h1>Une erreur est survenue</h1>
      <p>La page n&apos;a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, contactez l&apos;IREV.</p>
      {error.digest ? (
        // The digest is in the server's log line of this error, beside the request id (instrumentation.ts).
        <p>
          Référence à communiquer : <code>{error.digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" onClick={reset}>
          Réessayer
        </button>{" "}
        <Link href="/">Revenir à l&apos;accueil</Link>
      </p>
    </div>
  );
}
