import { renderMarkdown } from "@/lib/content/markdown";

/** Long text written by staff, in Markdown, rendered through the sanitiser (lib/content/markdown.ts). */
export function RichText({ text }: { text: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
