/** The one rule for what the public may see: published and not in the trash. */
export const publicWhere = { status: "PUBLISHED", deletedAt: null } as const;
