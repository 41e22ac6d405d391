/**
 * Rendered Markdown inside a page: its `#` headings become `h{level}` (its `##` one more…), so
 * the page's outline stays right (users' Markdown on a goal's page, a sprint summary under the
 * page's own heading).
 */
export function shiftHeadings(html: string, level: number): string {
  if (level === 1) return html;
  return html.replace(
    /<(\/?)h([1-6])(?=[\s>])/g,
    (_, slash: string, from: string) => `<${slash}h${Math.min(6, Number(from) + level - 1)}`,
  );
}
