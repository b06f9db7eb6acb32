import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/opendata/sitemap";

export const dynamic = "force-dynamic";

export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries();
}
