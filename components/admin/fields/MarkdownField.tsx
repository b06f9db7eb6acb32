"use client";

import { useState, useTransition } from "react";
import { previewMarkdown } from "@/app/admin/_actions/editorial";
import { idleState } from "@/lib/admin/form-state";

/** A Markdown textarea with a preview rendered by the server's sanitiser (what the public will see). */
export function MarkdownField({
  id,
  name,
  defaultValue,
  describedBy,
  invalid,
  required,
}: {
  id: string;
  name: string;
  defaultValue: string;
  describedBy?: string;
  invalid: boolean;
  required?: boolean;
}) {
  const [text, setText] = useState(defaultValue);
  const [preview, setPreview] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function togglePreview() {
    if (preview !== null) {
      setPreview(null);
      return;
    }
    startTransition(async () => {
      const data = new FormData();
      data.set("text", text);
      const result = await previewMarkdown(idleState, data);
      if (result.status === "ok") {
        setPreview(result.html ?? "");
        setMessage(null);
      } else setMessage(result.message ?? "Aperçu indisponible.");
    });
  }

  return (
    <div className="markdown-field">
      <textarea
        id={id}
        name={name}
        rows={8}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        required={required}
        hidden={preview !== null}
      />
      {preview !== null && (
        <div
          className="markdown-preview prose"
          aria-label="Aperçu"
          role="region"
          dangerouslySetInnerHTML={{ __html: preview || "<p><em>(vide)</em></p>" }}
        />
      )}
      <button
        type="button"
        className="button--secondary button--small"
        onClick={togglePreview}
        aria-pressed={preview !== null}
        disabled={pending}
      >
        {preview !== null ? "Revenir à l'édition" : "Aperçu"}
      </button>
      {message && <p role="alert">{message}</p>}
    </div>
  );
}
