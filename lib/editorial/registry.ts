import type { EntityType } from "@/lib/db/generated/enums";
import type { EntityDefinition } from "./definition";
import { actorDefinition } from "./entities/actor";
import { initiativeDefinition } from "./entities/initiative";
import { lessonDefinition } from "./entities/lesson";
import { sourceDefinition } from "./entities/source";
import { approachDefinition, criterionDefinition, domainDefinition, publicDefinition, themeDefinition } from "./entities/vocabulary";

/** Every editable kind of record, in the order of the admin menu. */
export const definitions: EntityDefinition<never>[] = [
  initiativeDefinition,
  actorDefinition,
  lessonDefinition,
  sourceDefinition,
  themeDefinition,
  approachDefinition,
  criterionDefinition,
  domainDefinition,
  publicDefinition,
] as unknown as EntityDefinition<never>[];

export function definitionByPath(path: string): EntityDefinition<unknown> | undefined {
  return definitions.find((d) => d.path === path) as EntityDefinition<unknown> | undefined;
}

export function definitionByType(type: EntityType): EntityDefinition<unknown> | undefined {
  return definitions.find((d) => d.type === type) as EntityDefinition<unknown> | undefined;
}
