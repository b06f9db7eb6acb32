/** Sessions end after 8 hours without a request... */
export const SESSION_IDLE_SECONDS = 8 * 3600;
/** ...and 7 days after sign-in however active they are, so that a stolen session does not live forever. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 3600;
