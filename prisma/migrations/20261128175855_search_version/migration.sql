-- CreateTable
CREATE TABLE "SearchVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SearchVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written (ADR 004, facet count cache): the single row, and its bump by any change to the
-- search read model, in the changing transaction. Readers see the new version exactly when they
-- can see the change, so a cache keyed by it is never stale.
INSERT INTO "SearchVersion" (id, version) VALUES (1, 0);

CREATE FUNCTION reperes_search_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SearchVersion" SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER initiative_search_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InitiativeSearch"
  FOR EACH STATEMENT EXECUTE FUNCTION reperes_search_version_bump();
