/**
 * A poll as Markdown, to post wherever the group talks: its question, what it is about, its
 * dates, the options, the results so far (counts with a bar, or the free-text answers), and
 * who was asked. Whatever users typed goes through `escape.ts`.
 */
import type { PollView } from '../../shared/stakeholder-views.ts';
import { slug } from './slug.ts';
import { inline, title } from './escape.ts';
import { pollLine, pollResults } from './monthly-update.ts';

export function pollMarkdown(poll: PollView, askedNames: readonly string[], today: string): string {
  const blocks = [`# ${title(poll.question)}`, pollLine(poll, today)];
  if (poll.options.length) {
    blocks.push('## Options');
    blocks.push(poll.options.map((o) => `- ${title(o)}`).join('\n'));
  } else blocks.push('Answer in your own words.');
  blocks.push('## Results so far');
  blocks.push(pollResults(poll));
  blocks.push('## Asked');
  blocks.push(askedNames.length ? askedNames.map((n) => `- ${inline(n)}`).join('\n') : 'Nobody yet.');
  return `${blocks.join('\n\n')}\n`;
}

export const pollFileName = (poll: Pick<PollView, 'question'>): string =>
  `poll-${slug(poll.question, 'question')}.md`;
