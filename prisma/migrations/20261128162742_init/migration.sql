-- Extensions used by the trigram indexes below and by search (see docs/decisions/002-search-in-postgresql.md).
-- Prisma does not model them: they must exist before the gin_trgm_ops indexes are created.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'EDITOR', 'CONTRIBUTOR');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('INITIATIVE', 'ACTOR', 'LESSON', 'SOURCE', 'THEME', 'APPROACH', 'CRITERION', 'DOMAIN', 'PUBLIC', 'TERRITORY', 'USER');

-- CreateEnum
CREATE TYPE "TerritoryKind" AS ENUM ('REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE', 'QPV');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('STATE_SERVICE', 'LOCAL_AUTHORITY', 'ASSOCIATION', 'RESOURCE_CENTRE', 'INDEPENDENT_AUTHORITY', 'SOCIAL_LANDLORD', 'COMPANY', 'PUBLIC_BODY', 'OTHER');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('LEAD', 'PARTNER', 'FUNDER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('EVENT', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "EvidenceLevel" AS ENUM ('TESTIMONY', 'PRACTICE_FEEDBACK', 'INTERNALLY_EVALUATED', 'EXTERNALLY_EVALUATED');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'CONTRIBUTOR',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "entityId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "comment" TEXT,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" "EntityType",
    "entityId" TEXT,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Territory" (
    "code" TEXT NOT NULL,
    "kind" "TerritoryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "official" BOOLEAN NOT NULL DEFAULT true,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TerritoryParent" (
    "childCode" TEXT NOT NULL,
    "parentCode" TEXT NOT NULL,

    CONSTRAINT "TerritoryParent_pkey" PRIMARY KEY ("childCode","parentCode")
);

-- CreateTable
CREATE TABLE "TerritoryAncestor" (
    "descendantCode" TEXT NOT NULL,
    "ancestorCode" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,

    CONSTRAINT "TerritoryAncestor_pkey" PRIMARY KEY ("ancestorCode","descendantCode")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "parentId" INTEGER,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approach" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Approach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscriminationCriterion" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "legalBasis" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscriminationCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Public" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Public_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "territoryCode" TEXT,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "objectives" TEXT NOT NULL DEFAULT '',
    "means" TEXT NOT NULL DEFAULT '',
    "funding" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "contactName" TEXT,
    "contactRole" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "startYear" INTEGER,
    "endYear" INTEGER,
    "ongoing" BOOLEAN NOT NULL DEFAULT false,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "lastVerifiedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "searchVector" tsvector,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeActor" (
    "initiativeId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" "ActorRole" NOT NULL,

    CONSTRAINT "InitiativeActor_pkey" PRIMARY KEY ("initiativeId","actorId","role")
);

-- CreateTable
CREATE TABLE "InitiativeTerritory" (
    "initiativeId" INTEGER NOT NULL,
    "territoryCode" TEXT NOT NULL,

    CONSTRAINT "InitiativeTerritory_pkey" PRIMARY KEY ("initiativeId","territoryCode")
);

-- CreateTable
CREATE TABLE "InitiativeApproach" (
    "initiativeId" INTEGER NOT NULL,
    "approachId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeApproach_pkey" PRIMARY KEY ("initiativeId","approachId")
);

-- CreateTable
CREATE TABLE "InitiativeTheme" (
    "initiativeId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeTheme_pkey" PRIMARY KEY ("initiativeId","themeId")
);

-- CreateTable
CREATE TABLE "InitiativeCriterion" (
    "initiativeId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeCriterion_pkey" PRIMARY KEY ("initiativeId","criterionId")
);

-- CreateTable
CREATE TABLE "InitiativeDomain" (
    "initiativeId" INTEGER NOT NULL,
    "domainId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeDomain_pkey" PRIMARY KEY ("initiativeId","domainId")
);

-- CreateTable
CREATE TABLE "InitiativePublic" (
    "initiativeId" INTEGER NOT NULL,
    "publicId" INTEGER NOT NULL,

    CONSTRAINT "InitiativePublic_pkey" PRIMARY KEY ("initiativeId","publicId")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "date" DATE,
    "url" TEXT,
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "eventId" INTEGER,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeSource" (
    "initiativeId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,

    CONSTRAINT "InitiativeSource_pkey" PRIMARY KEY ("initiativeId","sourceId")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "evidenceLevel" "EvidenceLevel" NOT NULL,
    "sourceId" INTEGER,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "searchVector" tsvector,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonInitiative" (
    "lessonId" INTEGER NOT NULL,
    "initiativeId" INTEGER NOT NULL,

    CONSTRAINT "LessonInitiative_pkey" PRIMARY KEY ("lessonId","initiativeId")
);

-- CreateTable
CREATE TABLE "LessonTheme" (
    "lessonId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,

    CONSTRAINT "LessonTheme_pkey" PRIMARY KEY ("lessonId","themeId")
);

-- CreateTable
CREATE TABLE "LessonApproach" (
    "lessonId" INTEGER NOT NULL,
    "approachId" INTEGER NOT NULL,

    CONSTRAINT "LessonApproach_pkey" PRIMARY KEY ("lessonId","approachId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Revision_authorId_idx" ON "Revision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entityType_entityId_version_key" ON "Revision"("entityType", "entityId", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Territory_kind_name_idx" ON "Territory"("kind", "name");

-- CreateIndex
CREATE INDEX "Territory_searchText_idx" ON "Territory" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TerritoryParent_parentCode_idx" ON "TerritoryParent"("parentCode");

-- CreateIndex
CREATE INDEX "TerritoryAncestor_descendantCode_idx" ON "TerritoryAncestor"("descendantCode");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_slug_key" ON "Theme"("slug");

-- CreateIndex
CREATE INDEX "Theme_parentId_idx" ON "Theme"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Approach_slug_key" ON "Approach"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "DiscriminationCriterion_slug_key" ON "DiscriminationCriterion"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_slug_key" ON "Domain"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Public_slug_key" ON "Public"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_status_deletedAt_idx" ON "Actor"("status", "deletedAt");

-- CreateIndex
CREATE INDEX "Actor_territoryCode_idx" ON "Actor"("territoryCode");

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_slug_key" ON "Initiative"("slug");

-- CreateIndex
CREATE INDEX "Initiative_status_deletedAt_publishedAt_idx" ON "Initiative"("status", "deletedAt", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Initiative_searchVector_idx" ON "Initiative" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Initiative_title_idx" ON "Initiative" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Initiative_createdById_idx" ON "Initiative"("createdById");

-- CreateIndex
CREATE INDEX "InitiativeActor_actorId_idx" ON "InitiativeActor"("actorId");

-- CreateIndex
CREATE INDEX "InitiativeTerritory_territoryCode_idx" ON "InitiativeTerritory"("territoryCode");

-- CreateIndex
CREATE INDEX "InitiativeApproach_approachId_idx" ON "InitiativeApproach"("approachId");

-- CreateIndex
CREATE INDEX "InitiativeTheme_themeId_idx" ON "InitiativeTheme"("themeId");

-- CreateIndex
CREATE INDEX "InitiativeCriterion_criterionId_idx" ON "InitiativeCriterion"("criterionId");

-- CreateIndex
CREATE INDEX "InitiativeDomain_domainId_idx" ON "InitiativeDomain"("domainId");

-- CreateIndex
CREATE INDEX "InitiativePublic_publicId_idx" ON "InitiativePublic"("publicId");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "Source_eventId_idx" ON "Source"("eventId");

-- CreateIndex
CREATE INDEX "Source_status_deletedAt_idx" ON "Source"("status", "deletedAt");

-- CreateIndex
CREATE INDEX "InitiativeSource_sourceId_idx" ON "InitiativeSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_slug_key" ON "Lesson"("slug");

-- CreateIndex
CREATE INDEX "Lesson_status_deletedAt_publishedAt_idx" ON "Lesson"("status", "deletedAt", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Lesson_sourceId_idx" ON "Lesson"("sourceId");

-- CreateIndex
CREATE INDEX "Lesson_searchVector_idx" ON "Lesson" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "LessonInitiative_initiativeId_idx" ON "LessonInitiative"("initiativeId");

-- CreateIndex
CREATE INDEX "LessonTheme_themeId_idx" ON "LessonTheme"("themeId");

-- CreateIndex
CREATE INDEX "LessonApproach_approachId_idx" ON "LessonApproach"("approachId");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryParent" ADD CONSTRAINT "TerritoryParent_childCode_fkey" FOREIGN KEY ("childCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryParent" ADD CONSTRAINT "TerritoryParent_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryAncestor" ADD CONSTRAINT "TerritoryAncestor_descendantCode_fkey" FOREIGN KEY ("descendantCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryAncestor" ADD CONSTRAINT "TerritoryAncestor_ancestorCode_fkey" FOREIGN KEY ("ancestorCode") REFERENCES "Territory"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeActor" ADD CONSTRAINT "InitiativeActor_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeActor" ADD CONSTRAINT "InitiativeActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTerritory" ADD CONSTRAINT "InitiativeTerritory_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTerritory" ADD CONSTRAINT "InitiativeTerritory_territoryCode_fkey" FOREIGN KEY ("territoryCode") REFERENCES "Territory"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeApproach" ADD CONSTRAINT "InitiativeApproach_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeApproach" ADD CONSTRAINT "InitiativeApproach_approachId_fkey" FOREIGN KEY ("approachId") REFERENCES "Approach"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTheme" ADD CONSTRAINT "InitiativeTheme_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeTheme" ADD CONSTRAINT "InitiativeTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeCriterion" ADD CONSTRAINT "InitiativeCriterion_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeCriterion" ADD CONSTRAINT "InitiativeCriterion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "DiscriminationCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDomain" ADD CONSTRAINT "InitiativeDomain_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDomain" ADD CONSTRAINT "InitiativeDomain_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePublic" ADD CONSTRAINT "InitiativePublic_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativePublic" ADD CONSTRAINT "InitiativePublic_publicId_fkey" FOREIGN KEY ("publicId") REFERENCES "Public"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSource" ADD CONSTRAINT "InitiativeSource_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeSource" ADD CONSTRAINT "InitiativeSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonInitiative" ADD CONSTRAINT "LessonInitiative_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonInitiative" ADD CONSTRAINT "LessonInitiative_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonTheme" ADD CONSTRAINT "LessonTheme_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonTheme" ADD CONSTRAINT "LessonTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonApproach" ADD CONSTRAINT "LessonApproach_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonApproach" ADD CONSTRAINT "LessonApproach_approachId_fkey" FOREIGN KEY ("approachId") REFERENCES "Approach"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
