import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { RichText } from "@/components/content/RichText";
import { renderMarkdown } from "@/lib/content/markdown";
import { cleanFileName } from "@/lib/uploads/store";

/** Payloads from the usual XSS cheat sheets, in Markdown and raw HTML. */
export const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "<iframe src=javascript:alert(1)></iframe>",
  '<a href="javascript:alert(1)">clic</a>',
  '<a href="jav&#x09;ascript:alert(1)">clic</a>',
  '<a href=" javascript:alert(1)">clic</a>',
  "[clic](javascript:alert(1))",
  "[clic](JaVaScRiPt:alert(1))",
  "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[clic](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<p onclick=alert(1)>x</p>",
  "<body onload=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<form action=javascript:alert(1)><button>x</button></form>",
  "<object data=javascript:alert(1)></object>",
  "<embed src=javascript:alert(1)>",
  "<base href=javascript:alert(1)//>",
  '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
  "<details open ontoggle=alert(1)>",
  '<a href="https://exemple.fr" onmouseover="alert(1)">ok</a>',
  "`<script>alert(1)</script>`",
  "```\n<script>alert(1)</script>\n```",
  "<<script>script>alert(1)<</script>/script>",
  "<scr<script>ipt>alert(1)</script>",
];

function assertInert(html: string) {
  expect(html).not.toMatch(/<\s*(script|iframe|object|embed|svg|math|style|base|meta|form|img|body|details)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src|action|data)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
  expect(html).not.toMatch(/style\s*=/i);
}

describe("stored XSS: what staff type in long texts", () => {
  it.each(XSS_CORPUS)("renders %s inert", (payload) => {
    assertInert(renderMarkdown(payload));
    assertInert(renderToStaticMarkup(createElement(RichText, { text: `Texte **normal**.\n\n${payload}` })));
  });

  it("keeps ordinary Markdown: emphasis, lists, safe links with rel", () => {
    const html = renderMarkdown("# Titre\n\nUn **gras**, un *italique*.\n\n- un\n- deux\n\n[IREV](https://www.irev.fr)");
    expect(html).toContain("<h3>Titre</h3>");
    expect(html).toContain("<strong>gras</strong>");
    expect(html).toContain("<li>un</li>");
    expect(html).toContain('<a href="https://www.irev.fr" rel="noopener noreferrer nofollow">IREV</a>');
  });

  it("plain-text fields are escaped by React wherever they are shown", () => {
    const html = renderToStaticMarkup(createElement("h1", null, "<img src=x onerror=alert(1)>"));
    expect(html).toBe("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>");
  });
});

describe("stored XSS: uploaded file names", () => {
  it.each([
    ["<script>alert(1)</script>.pdf", "script.pdf"],
    ["../../etc/passwd", "passwd"],
    ["rapport\u0000\u001f final.pdf", "rapport final.pdf"],
    ['a"b<c>.docx', "abc.docx"],
    ["", "document"],
  ])("cleans %j to %j", (name, expected) => {
    expect(cleanFileName(name)).toBe(expected);
  });
});
