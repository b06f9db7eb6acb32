-- CreateTable
CREATE TABLE "ApiRateBucket" (
    "client" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ApiRateBucket_pkey" PRIMARY KEY ("client")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "key" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ApiRateBucket_at_idx" ON "ApiRateBucket"("at");

-- Hand-written: state that several app instances on one database must share (ADR 010).

-- Rate-limit buckets are worth nothing after a crash (every client starts full again): no WAL.
ALTER TABLE "ApiRateBucket" SET UNLOGGED;

-- Documents are already compressed (PDF, images, zipped office files): stored out of line without
-- compression, so that reading a slice with substring() fetches only the chunks it needs and a
-- download streams in bounded memory.
ALTER TABLE "StoredFile" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;

-- A source's document goes when another replaces it and when the source is purged, in the same
-- transaction: a rolled back purge keeps it, and no path (editor, script, SQL) leaves an orphan.
CREATE FUNCTION reperes_stored_file_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "StoredFile" WHERE key = OLD."fileKey";
  RETURN NULL;
END $$;

CREATE TRIGGER source_file_replaced AFTER UPDATE OF "fileKey" ON "Source"
  FOR EACH ROW WHEN (OLD."fileKey" IS NOT NULL AND OLD."fileKey" IS DISTINCT FROM NEW."fileKey")
  EXECUTE FUNCTION reperes_stored_file_release();

CREATE TRIGGER source_file_purged AFTER DELETE ON "Source"
  FOR EACH ROW WHEN (OLD."fileKey" IS NOT NULL)
  EXECUTE FUNCTION reperes_stored_file_release();
