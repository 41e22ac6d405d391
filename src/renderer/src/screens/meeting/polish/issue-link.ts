/**
 * Polish issues are often links to an issue tracker: `owner/repo#123`, or a URL. Pasting one is
 * recognised (a GitHub issue or pull request URL reads as `owner/repo#123`), and the link is kept
 * as pasted.
 */

export interface IssueLink {
  /** What is stored: the shorthand or the URL, as pasted (trimmed). */
  link: string;
  /** How it reads: `owner/repo#123`, or the URL's host and path. */
  label: string;
  /** Where it opens (an http(s) URL). */
  href: string;
}

const SHORTHAND = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;
const GITHUB =
  /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)\/?(?:[?#]\S*)?$/i;

/** The link in `text`, or null when it is not one (just a title). */
export function recognise(text: string): IssueLink | null {
  const value = text.trim();
  const short = SHORTHAND.exec(value);
  if (short) {
    const [, owner, repo, number] = short;
    return { link: value, label: value, href: `https://github.com/${owner}/${repo}/issues/${number}` };
  }
  if (!/^https?:\/\/\S+$/i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const github = GITHUB.exec(value);
  const label = github
    ? `${github[1]}/${github[2]}#${github[3]}`
    : `${url.host}${url.pathname.replace(/\/$/, '')}`;
  return { link: value, label, href: url.href };
}
