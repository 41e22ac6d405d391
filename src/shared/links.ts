/**
 * The link rules every part of the app agrees on: what counts as a web link (stored, exported,
 * opened), and a polish issue's link — a web link, or the `owner/repo#123` shorthand of a GitHub
 * issue, which opens as that issue and reads as the shorthand.
 */

/** http(s), and nothing that could end the link early in Markdown or HTML: no spaces, controls, < or >. */
const WEB_LINK = /^https?:\/\/[^\s\p{Cc}<>]+$/iu;

/** `owner/repo#123`. */
const ISSUE_SHORTHAND = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;

/** A GitHub issue or pull request URL, which reads as its shorthand. */
const GITHUB_ISSUE =
  /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)\/?(?:[?#]\S*)?$/i;

/** True for an absolute http(s) URL with nothing in it that could end a link early. */
export function isWebUrl(value: string): boolean {
  return WEB_LINK.test(value);
}

/** True for what a polish issue's link may be: a web link or `owner/repo#123`. */
export function isIssueLink(value: string): boolean {
  return isWebUrl(value) || ISSUE_SHORTHAND.test(value);
}

export interface IssueLink {
  /** What is stored: the shorthand or the URL, as given (trimmed). */
  link: string;
  /** How it reads: `owner/repo#123`, or the URL's host and path. */
  label: string;
  /** Where it opens (an http(s) URL). */
  href: string;
  /** True when it was given as `owner/repo#123`. */
  shorthand: boolean;
}

/**
 * How a polish issue's link reads and where it opens; null when `text` is not such a link (none,
 * or blank, included).
 */
export function issueLink(text: string | null | undefined): IssueLink | null {
  const value = text?.trim() ?? '';
  if (value === '') return null;
  const short = ISSUE_SHORTHAND.exec(value);
  if (short) {
    const [, owner, repo, number] = short;
    return {
      link: value,
      label: value,
      href: `https://github.com/${owner}/${repo}/issues/${number}`,
      shorthand: true,
    };
  }
  if (!isWebUrl(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const github = GITHUB_ISSUE.exec(value);
  return {
    link: value,
    label: github
      ? `${github[1]}/${github[2]}#${github[3]}`
      : `${url.host}${url.pathname.replace(/\/$/, '')}`,
    href: url.href,
    shorthand: false,
  };
}

/**
 * Links that leave the app. One the app builds itself (a person's GitHub profile) names this
 * window target; every other link came from content — users' Markdown, an initiative's or an
 * issue's address, shown under a title — and the desktop app asks before opening it, showing
 * the full address. (In browser mode both simply open in a new tab, without an opener.)
 */
export const APP_LINK_TARGET = 'fortnight-app-link';
