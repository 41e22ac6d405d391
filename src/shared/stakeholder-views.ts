/**
 * What the stakeholder screens and the monthly update read: a poll with its results, the
 * stakeholders' overview, a CSV import's preview, and when the monthly update is due.
 */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Person, Poll, PollResponse, State } from './domain.ts';

/** A stakeholder: someone outside the group (the stakeholder role, not a goal owner). */
export const isStakeholder = (person: Pick<Person, 'roles'>): boolean =>
  person.roles.includes('stakeholder') && !person.roles.includes('goal owner');

/** What a poll asks about. */
export interface PollSubject {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
}

/** How many chose an option (a choice poll). */
export interface PollCount {
  option: string;
  count: number;
}

export interface PollView extends Poll {
  subject: PollSubject | null;
  /** Oldest first, each with the respondent's name. */
  responses: (PollResponse & { name: string })[];
  /** Per option, in the poll's order; empty for a free-text poll. */
  counts: PollCount[];
}

/** Whether a poll takes answers on `today` (`yyyy-MM-dd`): not yet, open, or closed. */
export function pollStatus(
  poll: Pick<Poll, 'opensOn' | 'closesOn'>,
  today: string,
): 'upcoming' | 'open' | 'closed' {
  if (today < poll.opensOn) return 'upcoming';
  return poll.closesOn !== null && today > poll.closesOn ? 'closed' : 'open';
}

/** An open initiative (not done) no stakeholder follows, directly or through its goal. */
export interface UnfollowedInitiative {
  id: string;
  title: string;
  state: State;
  goalId: string;
  goalTitle: string;
}

export interface StakeholdersOverview {
  /** People with the stakeholder role, by name. */
  stakeholders: Person[];
  /** "Identify 5–10" when there are fewer than five or more than ten; else null. */
  identify: string | null;
  unfollowed: UnfollowedInitiative[];
}

/** A month's update as the workspace would write it now. */
export interface UpdateDraft {
  month: string;
  title: string;
  body: string;
  authors: string[];
}

/** Which columns of a CSV hold the respondent and the answer. */
export interface CsvMapping {
  respondent: string;
  answer: string;
}

/** A row of an import's preview: its line in the file, what it says, and why it is skipped. */
export interface CsvPreviewRow {
  line: number;
  respondent: string;
  answer: string;
  /** The stakeholder it matched, when it did. */
  personId: string | null;
  problem: string | null;
  /** This stakeholder had answered already: the file's answer replaces it. */
  replaces: boolean;
}

export interface CsvPreview {
  columns: string[];
  mapping: CsvMapping;
  rows: CsvPreviewRow[];
  /** Rows to import (those without a problem). */
  valid: number;
  skipped: number;
}

export interface CsvImported {
  created: number;
  replaced: number;
  /** The rows skipped, each with its line and why. */
  problems: { line: number; message: string }[];
}

/**
 * When the monthly update for the month of a meeting on `meetingDay` is due: at the last
 * meeting before the month ends. Meetings come every `everyDays` days (a sprint), so this one is
 * the last when the next falls in another month.
 */
export function updateDue(
  meetingDay: string,
  everyDays = 14,
): { month: string; dueNow: boolean; dueOn: string } {
  const month = meetingDay.slice(0, 7);
  let last = parseISO(meetingDay);
  while (format(addDays(last, everyDays), 'yyyy-MM') === month) last = addDays(last, everyDays);
  const dueOn = format(last, 'yyyy-MM-dd');
  return { month, dueNow: dueOn === meetingDay, dueOn };
}
