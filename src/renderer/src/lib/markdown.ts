/**
 * Markdown typed by users (a goal's impact, "how to help", an initiative's features), rendered
 * for a preview that can't run anything: micromark writes it with raw HTML escaped
 * (allowDangerousHtml stays off), then DOMPurify keeps only the tags and attributes Markdown
 * makes. Links go only to the web or to mail, and open outside the app; images show as links
 * (the CSP loads no remote images). The app's own documents (a sprint summary, the roadmap's
 * preview) are rendered by `MarkdownView` instead: they keep their relative links, and whatever a
 * user typed in them was escaped when they were written. Those are the renderer's two `{@html}`.
 */
import DOMPurify from 'dompurify';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** What GFM writes, and nothing else survives. */
const TAGS = [
  ...['p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'del'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'section'],
  // Replaced below: an image by a link, a task list's box by a ballot box.
  ...['img', 'input'],
];
const ATTRIBUTES = [
  ...['href', 'src', 'alt', 'type', 'checked', 'align', 'class', 'id', 'start'],
  ...['data-footnotes', 'data-footnote-ref', 'data-footnote-backref', 'aria-describedby', 'aria-label'],
];

/** Markdown → HTML that is safe to insert: no raw HTML, no scripts, links only to the web or mail. */
export function renderMarkdown(source: string): string {
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const body = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM: true,
  });
  for (const image of body.querySelectorAll('img')) {
    const src = image.getAttribute('src') ?? '';
    const text = `🖼️ ${image.getAttribute('alt') || 'image'}`;
    if (!SAFE_LINK.test(src)) {
      image.replaceWith(text);
      continue;
    }
    const link = document.createElement('a');
    link.setAttribute('href', src);
    link.textContent = text;
    image.replaceWith(link);
  }
  for (const link of body.querySelectorAll('a')) {
    if (SAFE_LINK.test(link.getAttribute('href') ?? '')) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    } else {
      link.removeAttribute('href');
    }
  }
  // A disabled checkbox has no label for assistive technology; a ballot box reads as text.
  for (const box of body.querySelectorAll('input')) {
    box.replaceWith(box.type === 'checkbox' && box.hasAttribute('checked') ? '☑' : '☐');
  }
  return body.innerHTML;
}
