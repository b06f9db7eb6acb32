import type { z } from "zod";
import type { Database } from "@/lib/db/connect";
import type { EntityType, Prisma, PublicationStatus, UserRole } from "@/lib/db/generated/client";
import type { Vocabulary } from "@/lib/vocabularies/registry";
import type { FieldSpec, FormValues, OptionLists } from "./form-values";

export type Tx = Prisma.TransactionClient;

export interface RecordMeta {
  id: number;
  version: number;
  title: string;
  slug: string;
  status: PublicationStatus | null;
  deletedAt: Date | null;
  createdById: number | null;
  updatedAt: Date;
  lastVerifiedAt: Date | null;
}

/** The Prisma model behind an entity, and the column that names a record. */
export interface ModelInfo {
  model: "initiative" | "actor" | "lesson" | "source" | Vocabulary["model"];
  titleField: "title" | "name" | "label";
  /** Entities with a workflow (status, author) versus controlled vocabularies. */
  workflow: boolean;
  verifiable: boolean;
}

/**
 * One kind of editorial record: its form, its validation schema, and how it is read and written.
 * The generic engine (lib/editorial/engine.ts) adds locking, revisions, workflow and audit.
 */
export interface EntityDefinition<Input = unknown> extends ModelInfo {
  type: EntityType;
  /** URL segment under /admin. */
  path: string;
  label: { one: string; many: string; a: string; new: string };
  /** Lowest role that may create and edit (contributors only their own drafts). */
  editRole: UserRole;
  fields: FieldSpec[];
  schema: z.ZodType<Input>;
  publicPath(slug: string): string | null;
  options(db: Database): Promise<OptionLists>;
  values(db: Database | Tx, id: number): Promise<FormValues | null>;
  /** `userId`: who saves, for what an entity records about the saver (a consent, say). */
  create(tx: Tx, input: Input, slug: string, userId: number): Promise<number>;
  update(tx: Tx, id: number, input: Input, userId: number): Promise<void>;
  /** Extra lines of the record panel in the back office (an actor's recorded consent, say). */
  facts?(db: Database, id: number): Promise<{ label: string; value: string }[]>;
  /** Published records that would lose a link if this one went to the trash. */
  blockingLinks?(db: Database, id: number): Promise<string[]>;
}
