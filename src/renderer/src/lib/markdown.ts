/**
 * Markdown typed by users (a goal's impact, "how to help", an initiative's features), rendered
 * for a preview that can't run anything: micromark escapes raw HTML (allowDangerousHtml stays
 * off) and empties links with dangerous protocols; on its output we then keep only http(s) and
 * mailto links, open them outside the app, and show images as links (the CSP loads no remote
 * images). The result is the only string the renderer passes to `{@html}`.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** micromark writes attributes with double quotes and escapes `"` inside them as `&quot;`. */
const ANCHOR = /<a href="([^"]*)"/g;
const IMAGE = /<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? \/>/g;
const TASK_BOX = /<input type="checkbox" disabled=""( checked="")? \/>/g;

/** Markdown → HTML that is safe to insert: no raw HTML, no scripts, links only to the web or mail. */
export function renderMarkdown(source: string): string {
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return (
    html
      .replace(IMAGE, (_, src: string, alt: string) => {
        const text = alt || 'image';
        return SAFE_LINK.test(src) ? `<a href="${src}">🖼 ${text}</a>` : `🖼 ${text}`;
      })
      .replace(ANCHOR, (_, href: string) =>
        SAFE_LINK.test(href) ? `<a href="${href}" target="_blank" rel="noopener noreferrer"` : '<a',
      )
      // A disabled checkbox has no label for assistive technology; a ballot box reads as text.
      .replace(TASK_BOX, (_, checked?: string) => (checked ? '☑' : '☐'))
  );
}
