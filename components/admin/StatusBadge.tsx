import type { PublicationStatus } from "@/lib/db/generated/enums";
import { statusLabels } from "@/lib/format/labels";

export function StatusBadge({ status }: { status: PublicationStatus | null }) {
  if (!status) return null;
  return <span className={`status status--${status.toLowerCase()}`}>{statusLabels[status]}</span>;
}
