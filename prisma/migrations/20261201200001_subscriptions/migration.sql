-- CreateEnum
CREATE TYPE "SubscriptionList" AS ENUM ('INITIATIVES', 'LESSONS');

-- CreateEnum
CREATE TYPE "SubscriptionTokenPurpose" AS ENUM ('CONFIRM', 'UNSUBSCRIBE');

-- CreateTable
CREATE TABLE "Subscription" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "list" "SubscriptionList" NOT NULL,
    "filter" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "digestedUntil" TIMESTAMP(3),

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionToken" (
    "tokenHash" TEXT NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "purpose" "SubscriptionTokenPurpose" NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "Subscription_email_idx" ON "Subscription"("email");

-- CreateIndex
CREATE INDEX "Subscription_confirmedAt_createdAt_idx" ON "Subscription"("confirmedAt", "createdAt");

-- CreateIndex
CREATE INDEX "SubscriptionToken_subscriptionId_idx" ON "SubscriptionToken"("subscriptionId");

-- AddForeignKey
ALTER TABLE "SubscriptionToken" ADD CONSTRAINT "SubscriptionToken_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
