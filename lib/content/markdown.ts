import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

// An allowlist, not a blocklist: no script, style, iframe, image or event attribute survives, and
// links keep only http(s) and mailto targets.
const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href"], th: ["scope"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // The page already has its h1/h2: long texts start at h3.
  transformTags: {
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

/** Staff Markdown to safe HTML, for the public pages and the admin preview alike. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return sanitizeHtml(html, { ...policy, allowedAttributes: { ...policy.allowedAttributes, a: ["href", "rel"] } });
}
