/**
 * Polls: a question to stakeholders about a goal or an initiative, with options (or free text),
 * the dates it is open and the stakeholders asked; a response is one stakeholder's answer.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type { Poll, PollResponse } from '../../shared/domain.ts';
import type { PollCount, PollSubject, PollView } from '../../shared/stakeholder-views.ts';
import type { Workspace } from '../db/open.ts';
import { selectSql } from '../store/read.ts';
import { current, decodeRow, insert, remove, stmt, update } from '../store/write.ts';
import { DomainError, notFound } from './errors.ts';
import { requireRow, requireRows } from './rules.ts';
import { pollResponseIdFor } from '../sync/natural-ids.ts';

type Row = Record<string, unknown>;

export function getPoll(ws: Workspace, id: string, field = 'id'): Poll {
  const poll = current(ws, 'poll', id);
  if (!poll) throw notFound(ws, 'Poll', id, field);
  return poll;
}

function subjectOf(ws: Workspace, poll: Poll): PollSubject | null {
  const [kind, id, table] = poll.goalId
    ? (['goal', poll.goalId, 'goals'] as const)
    : poll.initiativeId
      ? (['initiative', poll.initiativeId, 'initiatives'] as const)
      : [null, null, null];
  if (!kind) return null;
  const row = stmt(ws.db, `SELECT title FROM ${table} WHERE id = ?`).get(id) as { title: string } | undefined;
  return row ? { kind, id, title: row.title } : null;
}

export function responsesTo(ws: Workspace, pollId: string): PollView['responses'] {
  const rows = stmt(
    ws.db,
    `SELECT r.*, p.name AS name FROM (${selectSql('pollResponse')} WHERE t.poll_id = ?) r
       JOIN people p ON p.id = r.personId ORDER BY r.answeredAt, r.id`,
  ).all(pollId) as Row[];
  return rows.map((row) => ({ ...decodeRow('pollResponse', row), name: row.name as string }));
}

/** How many chose each option, in the poll's order (none for a free-text poll). */
export function countAnswers(
  poll: Pick<Poll, 'options'>,
  responses: readonly { answer: string }[],
): PollCount[] {
  return poll.options.map((option) => ({
    option,
    count: responses.filter((r) => r.answer === option).length,
  }));
}

export function pollView(ws: Workspace, poll: Poll): PollView {
  const responses = responsesTo(ws, poll.id);
  return { ...poll, subject: subjectOf(ws, poll), responses, counts: countAnswers(poll, responses) };
}

/** The polls, newest first: all, or those about a goal or an initiative. */
export function listPolls(ws: Workspace, { goalId, initiativeId }: ParsedInput<'polls.list'>): PollView[] {
  const where = goalId ? ' WHERE t.goal_id = ?' : initiativeId ? ' WHERE t.initiative_id = ?' : '';
  const params = goalId ? [goalId] : initiativeId ? [initiativeId] : [];
  const rows = stmt(ws.db, `${selectSql('poll')}${where} ORDER BY t.opens_on DESC, t.id DESC`).all(
    ...params,
  ) as Row[];
  return rows.map((row) => pollView(ws, decodeRow('poll', row)));
}

/** Options are told apart regardless of case and spacing: two that read the same are refused. */
const optionKey = (option: string) => option.trim().toLowerCase();

function requireDistinctOptions(options: readonly string[] | undefined): void {
  const seen = new Set<string>();
  options?.forEach((option, i) => {
    if (seen.has(optionKey(option)))
      throw new DomainError('invalid_input', `options.${i}: “${option}” is listed twice`, `options.${i}`);
    seen.add(optionKey(option));
  });
}

type PollFields = Partial<
  Pick<Poll, 'goalId' | 'initiativeId' | 'opensOn' | 'closesOn' | 'askedIds' | 'options'>
>;

function requirePollRules(ws: Workspace, poll: PollFields, creating: boolean): void {
  if (poll.goalId && poll.initiativeId)
    throw new DomainError(
      'invalid_input',
      'initiativeId: a poll is about a goal or an initiative, not both',
      'initiativeId',
    );
  if (creating && !poll.goalId && !poll.initiativeId)
    throw new DomainError(
      'invalid_input',
      'goalId: a poll is about a goal or an initiative: name one',
      'goalId',
    );
  requireRow(ws, 'goals', 'Goal', poll.goalId, 'goalId');
  requireRow(ws, 'initiatives', 'Initiative', poll.initiativeId, 'initiativeId');
  requireRows(ws, 'people', 'Person', poll.askedIds, 'askedIds');
  requireDistinctOptions(poll.options);
  if (poll.opensOn && poll.closesOn && poll.closesOn < poll.opensOn)
    throw new DomainError('invalid_input', 'closesOn: must not be before the day it opens', 'closesOn');
}

export function createPoll(ws: Workspace, input: ParsedInput<'polls.create'>): PollView {
  const values = {
    question: input.question,
    goalId: input.goalId ?? null,
    initiativeId: input.initiativeId ?? null,
    options: input.options ?? [],
    opensOn: input.opensOn,
    closesOn: input.closesOn ?? null,
    askedIds: input.askedIds ?? [],
    createdAt: ws.now().toISOString(),
  };
  requirePollRules(ws, values, true);
  return pollView(ws, getPoll(ws, insert(ws, 'poll', values)));
}

export function updatePoll(ws: Workspace, { id, ...patch }: ParsedInput<'polls.update'>): PollView {
  const poll = getPoll(ws, id);
  const next = { ...poll, ...patch };
  // Moving a poll to a goal leaves its initiative, and the other way round.
  if (patch.goalId) next.initiativeId = null;
  if (patch.initiativeId) next.goalId = null;
  requirePollRules(ws, next, false);
  const responses = responsesTo(ws, id);
  // Answers must stay among the options; a free-text poll (no options) keeps any answer.
  if (patch.options?.length && responses.length) {
    const kept = new Set(patch.options);
    const lost = responses.find((r) => !kept.has(r.answer));
    if (lost)
      throw new DomainError(
        'rule_violation',
        `options: ${lost.name} answered “${lost.answer}”, which the new options leave out. Keep that option, or remove the answer first.`,
        'options',
      );
  }
  update(ws, 'poll', id, { ...patch, goalId: next.goalId, initiativeId: next.initiativeId });
  return pollView(ws, getPoll(ws, id));
}

export function deletePoll(ws: Workspace, id: string): null {
  getPoll(ws, id);
  for (const response of responsesTo(ws, id)) remove(ws, 'pollResponse', response.id);
  remove(ws, 'poll', id);
  return null;
}

/** The option an answer names (its spelling in the poll), or null when it names none. */
export function matchOption(poll: Pick<Poll, 'options'>, answer: string): string | null {
  return poll.options.find((option) => optionKey(option) === optionKey(answer)) ?? null;
}

/** Why `personId` can't answer `poll`, or null when they can. */
export function whyNotAnswer(poll: Poll, personId: string, answer: string): string | null {
  if (!poll.askedIds.includes(personId)) return 'was not asked in this poll';
  if (poll.options.length && !matchOption(poll, answer))
    return `answered “${answer}”, which is not one of the options (${poll.options.join(', ')})`;
  return null;
}

export function responseOf(ws: Workspace, pollId: string, personId: string): PollResponse | undefined {
  const row = stmt(ws.db, `${selectSql('pollResponse')} WHERE t.poll_id = ? AND t.person_id = ?`).get(
    pollId,
    personId,
  ) as Row | undefined;
  return row ? decodeRow('pollResponse', row) : undefined;
}

/** Records a person's answer, replacing their earlier one. Returns whether one was replaced. */
export function recordAnswer(ws: Workspace, poll: Poll, personId: string, answer: string): boolean {
  const value = matchOption(poll, answer) ?? answer;
  const earlier = responseOf(ws, poll.id, personId);
  const answeredAt = ws.now().toISOString();
  if (earlier) update(ws, 'pollResponse', earlier.id, { answer: value, answeredAt });
  else
    insert(
      ws,
      'pollResponse',
      { pollId: poll.id, personId, answer: value, answeredAt },
      pollResponseIdFor(poll.id, personId),
    );
  return earlier !== undefined;
}

export function respondToPoll(ws: Workspace, input: ParsedInput<'polls.respond'>): PollView {
  const poll = getPoll(ws, input.pollId, 'pollId');
  requireRow(ws, 'people', 'Person', input.personId, 'personId');
  if (input.answer === null) {
    const earlier = responseOf(ws, poll.id, input.personId);
    if (earlier) remove(ws, 'pollResponse', earlier.id);
    return pollView(ws, poll);
  }
  const why = whyNotAnswer(poll, input.personId, input.answer);
  if (why) {
    const field = why.startsWith('was not asked') ? 'personId' : 'answer';
    const name = (current(ws, 'person', input.personId)?.name ?? input.personId) as string;
    throw new DomainError('rule_violation', `${name} ${why}`, field);
  }
  recordAnswer(ws, poll, input.personId, input.answer);
  return pollView(ws, poll);
}

/** A person's answers and the polls that ask them go when the person does (all logged). */
export function forgetRespondent(ws: Workspace, personId: string): void {
  const responses = stmt(ws.db, 'SELECT id FROM poll_responses WHERE person_id = ?').all(personId) as {
    id: string;
  }[];
  for (const { id } of responses) remove(ws, 'pollResponse', id);
  const polls = stmt(ws.db, 'SELECT poll_id AS id FROM poll_asked WHERE person_id = ?').all(personId) as {
    id: string;
  }[];
  for (const { id } of polls) {
    update(ws, 'poll', id, { askedIds: getPoll(ws, id).askedIds.filter((p) => p !== personId) });
  }
}
