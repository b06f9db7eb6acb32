"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit" });

function messageFor(code: string): string {
  if (code.startsWith("locked:")) {
    const until = new Date(code.slice("locked:".length));
    return `Trop de tentatives de connexion. Pour protéger les comptes, réessayez après ${timeFormat.format(until)}.`;
  }
  switch (code) {
    case "totp_required":
      return "Saisissez le code à 6 chiffres de votre application d'authentification (ou un code de secours).";
    case "totp_invalid":
      return "Code de vérification incorrect ou déjà utilisé.";
    default:
      // Same words whether the account exists or not.
      return "Adresse e-mail ou mot de passe incorrect.";
  }
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      code: String(data.get("code") ?? ""),
    }).catch(() => ({ ok: false, error: "network" }) as const);
    setPending(false);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const code = result?.error ?? "invalid";
    if (code === "totp_required") setNeedsCode(true);
    setError(code === "network" ? "Connexion au serveur impossible. Vérifiez votre réseau et réessayez." : messageFor(code));
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form className="stack form-narrow" onSubmit={onSubmit} noValidate>
      {error && (
        <p className="error-summary" role="alert" tabIndex={-1} ref={errorRef} id="signin-error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">Adresse e-mail</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-describedby={error ? "signin-error" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">Mot de passe</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {needsCode && (
        <div className="field">
          <label htmlFor="code">Code de vérification</label>
          <p className="hint" id="code-hint">
            6 chiffres affichés par votre application, ou un code de secours.
          </p>
          <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" aria-describedby="code-hint" autoFocus />
        </div>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
