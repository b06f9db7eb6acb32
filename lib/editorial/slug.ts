import { slugify as baseSlugify } from "@/lib/format/fold";

/** URL slug of a new record: at most 80 characters, never empty. */
export function slugify(text: string): string {
  return baseSlugify(text).slice(0, 80).replace(/-+$/g, "") || "sans-titre";
}
