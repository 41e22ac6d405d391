/**
 * Edits waiting to go out are counted up to this many (shown as "1,000+"): before the first sync
 * of years of history, counting them all would walk the whole change log at every status read.
 */
export const WAITING_COUNTED = 1_000;
