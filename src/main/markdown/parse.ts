/** The one Markdown reader: CommonMark + GFM into mdast, and the text of a node. */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown, type Extension } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { unbreakLiterals } from './escape.ts';

/**
 * GFM's autolink-literal pass (which runs its regexes on every text node of the tree), run only
 * where a literal can be: under the parents of text holding `://`, `www.` or `@` (every
 * literal — URL, `www.`, e-mail, `mailto:`, `xmpp:` — has one of them). Same tree, a fraction of
 * the cost: most of a roadmap's URLs are link destinations, not text.
 */
function onlyWhereLiteralsMayBe(extension: Extension): Extension {
  const transform = extension.transforms?.[0];
  if (!transform || extension.transforms?.length !== 1) return extension;
  const MAY_BE_LITERAL = /:\/\/|www\.|@/i;
  // Iterative, not recursive: a deeply nested page must not overflow the call stack.
  const candidates = (tree: Root): Parent[] => {
    const out: Parent[] = [];
    const stack: Nodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') continue;
      const parent = node as Parent;
      // The pass covers everything below a candidate: don't collect anything under it again.
      if (parent.children.some((c) => c.type === 'text' && MAY_BE_LITERAL.test(c.value))) out.push(parent);
      else for (let i = parent.children.length - 1; i >= 0; i--) stack.push(parent.children[i]!);
    }
    return out;
  };
  return {
    ...extension,
    transforms: [
      (tree) => {
        for (const parent of candidates(tree)) transform(parent as Root);
      },
    ],
  };
}

// Built once: building the extensions is most of the cost of parsing a short text.
const options = {
  extensions: [gfm()],
  mdastExtensions: gfmFromMarkdown().map(onlyWhereLiteralsMayBe),
};

/** Parses GitHub-flavoured Markdown into an mdast tree (with positions). */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, options);
}

/**
 * The visible text of a node: its text, inline code and the text inside links, concatenated
 * (text the export kept from reading as a URL read back as typed).
 */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return unbreakLiterals(node.value);
  if (node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/**
 * True for a link the GFM autolink-literal rule made from plain text (`https://…`, `www.…`,
 * `a@b.c`) in a hand-written file: its URL is its own text, and it can only ever point where it
 * says.
 */
export function isLiteralAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return [text, `http://${text}`, `mailto:${text}`].includes(node.url);
}
