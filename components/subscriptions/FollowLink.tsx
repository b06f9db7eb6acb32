import type { ListParam } from "@/lib/subscriptions/selection";

/** The way from a filtered list to « Suivre cette sélection » (/suivre), with the list's filters. */
export function FollowLink({ list, filter }: { list: ListParam; filter: string }) {
  const params = new URLSearchParams(filter);
  params.delete("page");
  return (
    <p className="follow-link">
      <a href={`/suivre?${new URLSearchParams([["liste", list], ...params])}`}>Suivre cette sélection par e-mail</a>
    </p>
  );
}
