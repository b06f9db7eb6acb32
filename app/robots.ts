import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/opendata/site";

export const dynamic = "force-dynamic";

/** Public pages are open to indexing; the staff area, the API and the downloads are not pages to index. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/initiatives/export.csv", "/initiatives/export.json"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
