/** Sessions end after 8 hours without a request. */
export const SESSION_IDLE_SECONDS = 8 * 3600;
