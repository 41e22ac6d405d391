/**
 * The files of a roadmap folder: each parsed once (CommonMark + GFM), looked up by path
 * ignoring case, and the links between them resolved to files and anchors.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { isWebUrl } from '../escape.ts';
import { tooCostly } from '../page-limits.ts';
import { parseMarkdown } from '../parse.ts';

export interface Doc {
  path: string;
  index: number;
  content: string;
  tree: Root;
  /** Offsets where each line starts. */
  lines: number[];
}

/** A path made `/`-separated and relative, with `.` and `..` resolved. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const dirOf = (p: string): string => p.split('/').slice(0, -1).join('/');

export class Files {
  private readonly byPath = new Map<string, { index: number; content: string }>();
  private readonly docs = new Map<string, Doc>();
  /** Pages refused before parsing (too costly to parse): read as empty, each with its line. */
  readonly refused: { file: string; line: number; message: string }[] = [];
  constructor(files: readonly { path: string; content: string }[]) {
    files.forEach((f, index) => {
      const path = normalizePath(f.path);
      if (!this.byPath.has(path.toLowerCase()))
        this.byPath.set(path.toLowerCase(), { index, content: f.content });
    });
  }
  paths(): string[] {
    return [...this.byPath.keys()];
  }
  has(path: string): boolean {
    return this.byPath.has(path.toLowerCase());
  }
  doc(path: string): Doc | null {
    const key = path.toLowerCase();
    const cached = this.docs.get(key);
    if (cached) return cached;
    const file = this.byPath.get(key);
    if (!file) return null;
    const content = file.content.replace(/^\uFEFF/, '');
    const lines = [0];
    for (let i = 0; i < content.length; i++) if (content[i] === '\n') lines.push(i + 1);
    const refusal = tooCostly(content);
    if (refusal) this.refused.push({ file: path, ...refusal });
    const tree = parseMarkdown(refusal ? '' : content);
    const doc: Doc = { path, index: file.index, content, tree, lines };
    this.docs.set(key, doc);
    return doc;
  }
  /** Every definition of every file read so far (the first of a label wins), for labels a file uses but doesn't define. */
  globalDefinition(label: string): string | undefined {
    const id = normalizeLabel(label);
    for (const doc of this.docs.values()) {
      for (const node of doc.tree.children) {
        if (node.type === 'definition' && normalizeLabel(node.label ?? node.identifier) === id)
          return node.url;
      }
    }
    return undefined;
  }
}

export const normalizeLabel = (raw: string): string =>
  raw
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();

export const lineOf = (node: Nodes | undefined): number => node?.position?.start.line ?? 1;

/** The source of consecutive top-level nodes: whole lines, trailing whitespace removed. */
export function sourceOf(doc: Doc, nodes: readonly RootContent[]): string {
  if (!nodes.length) return '';
  const first = nodes[0]!.position!.start.line;
  const last = nodes.at(-1)!.position!.end.line;
  const start = doc.lines[first - 1] ?? 0;
  const end = last < doc.lines.length ? doc.lines[last]! - 1 : doc.content.length;
  return doc.content.slice(start, end).replace(/\r\n?/g, '\n').trimEnd();
}

/** Where a link goes: a file (relative to the linking file) and/or an anchor, or outside. */
export function resolveHref(
  doc: Doc,
  href: string,
): { file: string | null; anchor: string | null; external: boolean } {
  if (isWebUrl(href)) return { file: null, anchor: null, external: true };
  const [pathPart = '', ...fragment] = href.split('#');
  const anchor = fragment.length ? fragment.join('#') : null;
  if (!pathPart) return { file: doc.path, anchor, external: false };
  if (/^[a-z][a-z0-9+.-]*:/i.test(pathPart)) return { file: null, anchor: null, external: true };
  let decoded = pathPart.split('?')[0]!;
  try {
    decoded = decodeURI(decoded);
  } catch {
    // keep as written
  }
  return { file: normalizePath(`${dirOf(doc.path)}/${decoded}`), anchor, external: false };
}

/** A page's body: everything after its first `#` heading (its title). */
export function pageBody(doc: Doc): RootContent[] {
  const children = doc.tree.children;
  const title = children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  return title >= 0 ? children.slice(title + 1) : children;
}

/**
 * The file a link points to, if it's among the files: relative links (`.md`, or `.html` of the
 * rendered book, or without extension), or an absolute link into the rendered book whose
 * path ends like one of the files.
 */
export function pageOf(files: Files, doc: Doc, href: string): string | null {
  const target = resolveHref(doc, href);
  return findPage(files, doc, href, target);
}

export function findPage(
  files: Files,
  doc: Doc,
  href: string,
  target: { file: string | null; external: boolean },
  allowSelf = false,
): string | null {
  const tryPath = (p: string): string | null => {
    for (const candidate of [
      p,
      p.replace(/\.html?$/i, '.md'),
      `${p}.md`,
      `${p}/index.md`,
      `${p}/README.md`,
    ]) {
      if (files.has(candidate) && (allowSelf || candidate.toLowerCase() !== doc.path.toLowerCase()))
        return files.doc(candidate)?.path ?? null;
    }
    return null;
  };
  if (!target.external && target.file) return tryPath(target.file.replace(/\/$/, ''));
  if (isWebUrl(href)) {
    let pathname: string;
    try {
      pathname = decodeURI(new URL(href).pathname);
    } catch {
      return null;
    }
    if (!/\.html?$/i.test(pathname)) return null;
    const parts = pathname
      .replace(/\.html?$/i, '.md')
      .split('/')
      .filter(Boolean);
    for (let n = Math.min(parts.length, 3); n >= 2; n--) {
      const suffix = parts.slice(-n).join('/').toLowerCase();
      const found = files.paths().find((p) => p === suffix || p.endsWith(`/${suffix}`));
      if (found) return files.doc(found)?.path ?? null;
    }
  }
  return null;
}
