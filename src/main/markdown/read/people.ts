/** The people a cell names: profile links, teams, names in italics, `@handles`, plain names. */
import type { PhrasingContent } from 'mdast';
import { oneLine } from '../escape.ts';
import { textOf } from '../parse.ts';
import { linkOf, PLACEHOLDER, stripSpace, type CellLink, type Context } from './cells.ts';
import type { Doc } from './files.ts';
import type { PersonRef, Where } from './items.ts';

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The handle of a GitHub profile link (`https://github.com/<handle>`, a trailing `/` allowed). */
function profileHandle(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?github\.com\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(url.trim());
  return m && HANDLE.test(m[1]!) ? m[1]! : null;
}

function personFromLink(link: CellLink, at: Where): PersonRef {
  const handle = profileHandle(link.url);
  const text = oneLine(link.text);
  // `[@handle](https://github.com/handle)`: the handle, not a name.
  const name = handle && text.toLowerCase() === `@${handle.toLowerCase()}` ? handle : text;
  return { handle, name: name || handle || link.url, plain: false, at };
}

/**
 * The people of an owners or participants cell: profile links (by handle, the link text as
 * name), other links (a team: the link text as name), names in italics, and plain text split
 * at commas — `@handle` read as a handle, `[label]` looked up in every file's definitions,
 * placeholders (`tbd`, `-`) ignored.
 */
export function readPeople(
  ctx: Context,
  doc: Doc,
  nodes: readonly PhrasingContent[],
  at: Where,
): PersonRef[] {
  const out: PersonRef[] = [];
  const fromText = (text: string) => {
    const cleaned = text.replace(/\([^)]*\)/g, ' ');
    for (const raw of cleaned.split(/[,;]|\s+(?:and|&)\s+|\s\/\s|\s\+\s/)) {
      const piece = stripSpace(raw);
      if (!piece || PLACEHOLDER.test(piece) || !/[\p{L}\p{N}]/u.test(piece)) continue;
      const bracket = /^\[([^\]]+)\]$/.exec(piece);
      if (bracket) {
        const label = bracket[1]!;
        const url = ctx.files.globalDefinition(label);
        if (url) {
          out.push(personFromLink({ url, text: label }, at));
          continue;
        }
        ctx.problems.push({ ...at, message: `No link is defined for [${label}]: read as a name` });
        const handle = HANDLE.test(label) ? label : null;
        out.push({ handle, name: label, plain: handle === null, at });
        continue;
      }
      const mention = /^@([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(piece);
      if (mention) out.push({ handle: mention[1]!, name: mention[1]!, plain: false, at });
      else out.push({ handle: null, name: oneLine(piece), plain: true, at });
    }
  };
  let pending = '';
  const flush = () => {
    if (pending) fromText(pending);
    pending = '';
  };
  for (const node of nodes) {
    const link = linkOf(ctx, doc, node);
    if (link) {
      flush();
      out.push(personFromLink(link, at));
    } else if (node.type === 'link') {
      // An autolink literal: a profile URL, or a name.
      flush();
      out.push(personFromLink({ url: node.url, text: profileHandle(node.url) ?? textOf(node) }, at));
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      flush();
      const inner = node.children.map((c) => linkOf(ctx, doc, c)).filter((l) => l !== null);
      if (inner.length) inner.forEach((l) => out.push(personFromLink(l, at)));
      else {
        const name = oneLine(textOf(node));
        if (name) out.push({ handle: null, name, plain: false, at });
      }
    } else {
      pending += textOf(node);
    }
  }
  flush();
  ctx.people.push(...out);
  return out;
}
