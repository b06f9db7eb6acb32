import { describe, expect, it } from "vitest";
import { badRequest } from "@/lib/http/bad-request";
import { urlDefect } from "@/lib/http/url-defect";

describe("urlDefect: the addresses the proxy refuses", () => {
  it("accepts ordinary addresses, encoded accents and what search boxes send", () => {
    expect(urlDefect("/initiatives", "")).toBeNull();
    expect(urlDefect("/territoires/59512", "?q=discriminations+Roubaix&page=2")).toBeNull();
    expect(urlDefect("/initiatives", "?q=%C3%A9galit%C3%A9%20%E2%80%AE%F0%9F%98%80")).toBeNull();
    expect(urlDefect("/initiatives", "?q=100%25&a[b]=c&x=%3Cscript%3E")).toBeNull();
    // A tab pasted into a search box; line breaks from a GET form's textarea.
    expect(urlDefect("/initiatives", "?q=a%09b%0D%0Ac")).toBeNull();
  });

  it("refuses percent-encoding that does not decode to UTF-8, in the path or the query", () => {
    for (const bad of ["%", "%zz", "%ff", "%c0%af", "%ed%a0%80", "%e2%82"]) {
      expect(urlDefect(`/initiatives/${bad}`, ""), `path ${bad}`).toBe("encoding");
      expect(urlDefect("/initiatives", `?q=${bad}`), `query ${bad}`).toBe("encoding");
    }
  });

  it("refuses control characters: every C0 and DEL in the path, all but the blanks in the query", () => {
    for (const code of [0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1f, 0x7f]) {
      const escaped = `%${code.toString(16).padStart(2, "0")}`;
      expect(urlDefect(`/initiatives/a${escaped}b`, ""), `path ${escaped}`).toBe("control");
    }
    for (const escaped of ["%00", "%01", "%08", "%0B", "%0c", "%1F", "%7F"]) {
      expect(urlDefect("/initiatives", `?q=a${escaped}b`), `query ${escaped}`).toBe("control");
      expect(urlDefect("/initiatives", `?${escaped}=x`), `parameter name ${escaped}`).toBe("control");
    }
  });
});

describe("badRequest: the answer", () => {
  it("is a French page giving the reference for a page", async () => {
    const response = badRequest({ pathname: "/initiatives", requestId: "abc123<x>", defect: "control" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Adresse invalide");
    expect(html).toContain("<code>abc123x</code>");
  });

  it("is a problem+json for the API", async () => {
    const response = badRequest({ pathname: "/api/v1/initiatives", requestId: "abc123", defect: "encoding" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(await response.json()).toMatchObject({ status: 400, title: "Requête invalide", detail: expect.stringContaining("abc123") });
  });
});
