-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpPendingSecret" TEXT;

-- The old recovery codes had 40 bits and unsalted hashes, which a copy of the database gives
-- away in seconds: they are withdrawn; their owners generate new ones by setting up the factor again.
UPDATE "User" SET "totpRecoveryCodes" = '{}' WHERE cardinality("totpRecoveryCodes") > 0;
