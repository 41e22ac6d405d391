/**
 * The contract's methods for stakeholders, polls and the monthly update (see `contract.ts`).
 */
import { z } from 'zod';
import type { MonthlyUpdate } from './domain.ts';
import * as entities from './entities/index.ts';
import * as fields from './entities/fields.ts';
import { id } from './entities/fields.ts';
import { read, write } from './contract-methods.ts';
import type {
  CsvImported,
  CsvPreview,
  PollView,
  StakeholdersOverview,
  UpdateDraft,
} from './stakeholder-views.ts';

const text = fields.text;
const empty = z.strictObject({});
const byId = z.strictObject({ id });
const update = <S extends z.ZodObject>(shape: S) => shape.partial().extend({ id });

const pollFields = entities.poll.schema.pick({
  question: true,
  goalId: true,
  initiativeId: true,
  options: true,
  opensOn: true,
  closesOn: true,
  askedIds: true,
});
const updateFields = entities.monthlyUpdate.schema.pick({
  title: true,
  authors: true,
  body: true,
  status: true,
});
/** A month (`yyyy-MM`), read in `timeZone` (else the meeting's zone). */
const monthInput = z.strictObject({
  month: entities.monthlyUpdate.schema.shape.month,
  timeZone: fields.timeZone.optional(),
});

/** A poll's responses in a CSV file's text, and (after the preview's guess) which columns hold what. */
const pollImportInput = z.strictObject({
  pollId: id,
  csv: text(2_000_000),
  mapping: z.strictObject({ respondent: text(500), answer: text(500) }).optional(),
});

export const stakeholderMethods = {
  /** The stakeholders, whether to identify more (or fewer), and open initiatives none follows. */
  'stakeholders.overview': read<StakeholdersOverview>()(empty),

  /** Polls, newest first: all, or those about one goal or one initiative. */
  'polls.list': read<PollView[]>()(z.strictObject({ goalId: id.optional(), initiativeId: id.optional() })),
  'polls.get': read<PollView>()(byId),
  /** About a goal or an initiative (one of the two); no options makes a free-text question. */
  'polls.create': write<PollView>()(pollFields.partial().required({ question: true, opensOn: true })),
  'polls.update': write<PollView>()(update(pollFields)),
  'polls.delete': write<null>()(byId),
  /** Records (or with `answer: null` removes) one asked stakeholder's answer. */
  'polls.respond': write<PollView>()(
    z.strictObject({
      pollId: id,
      personId: id,
      answer: entities.pollResponse.schema.shape.answer.nullable(),
    }),
  ),
  /** What importing responses from a CSV would do, row by row (and the columns guessed); writes nothing. */
  'polls.previewImport': read<CsvPreview>()(pollImportInput),
  /** Imports a CSV's good rows in one transaction; bad rows are reported by line and skipped. */
  'polls.importResponses': write<CsvImported>()(pollImportInput),
  /** A poll as Markdown to post; `today` (yyyy-MM-dd, the user's) says whether it is still open. */
  'polls.export': read<{ fileName: string; content: string }>()(
    z.strictObject({ id, today: fields.isoDate.optional() }),
  ),

  /** The monthly updates, newest month first. */
  'updates.list': read<MonthlyUpdate[]>()(empty),
  'updates.get': read<MonthlyUpdate>()(byId),
  /** The month's draft as the workspace would write it now; stores nothing. */
  'updates.draft': read<UpdateDraft>()(monthInput),
  /** Starts the month's update from its draft (read in `timeZone`, else the meeting's zone). */
  'updates.create': write<MonthlyUpdate>()(monthInput),
  /** Edits it; `status: 'published'` records today (in `timeZone`) as its date. */
  'updates.update': write<MonthlyUpdate>()(
    update(updateFields).extend({ timeZone: fields.timeZone.optional() }),
  ),
  'updates.delete': write<null>()(byId),
  /** The month's update (the stored one, else its draft) as a blog post, or as a slide deck. */
  'updates.export': read<{ fileName: string; content: string }>()(
    monthInput.extend({ slides: z.boolean().optional() }),
  ),
} as const;
