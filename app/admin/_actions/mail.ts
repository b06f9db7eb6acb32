"use server";

import { adminAction } from "@/lib/admin/guarded-action";
import { deadLetterIdSchema, settleDeadLetter } from "@/lib/mail/dead-letters";

const gone = { status: "error", message: "Ce message n'est plus dans la liste (déjà traité ?) : rechargez la page." } as const;

export const resendFailedMail = adminAction({ role: "ADMIN", schema: deadLetterIdSchema }, async ({ user, input, ip, db }) =>
  (await settleDeadLetter(db, input.id, true, { userId: user.id, ip }))
    ? { status: "ok", message: "Message remis dans la file d'envoi." }
    : gone,
);

export const dropFailedMail = adminAction({ role: "ADMIN", schema: deadLetterIdSchema }, async ({ user, input, ip, db }) =>
  (await settleDeadLetter(db, input.id, false, { userId: user.id, ip })) ? { status: "ok", message: "Message retiré de la liste." } : gone,
);
