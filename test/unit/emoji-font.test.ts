/**
 * Every emoji the app shows is drawn, even where no installed font has it: the stylesheet's
 * 'Fortnight Emoji' faces cover each one, from the Noto Emoji file that holds it. The face is last
 * in the font lists, and first where emoji start runs of text (rendered Markdown, state badges:
 * last, Chromium gives such an emoji the text font's empty box). An emoji is a character shown as
 * one by default, or written with U+FE0F; text symbols (↗ ☑) stay with the text font.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FONT_PACKAGE = 'node_modules/@fontsource/noto-emoji';
/**
 * Where the text the app shows is written: its screens, the words they share, and the main
 * process (the Markdown the app renders, the example workspace, what a sync says arrived).
 */
const SOURCES = ['src/renderer/src', 'src/shared', 'src/main'];
/** The import's readers: the other markers a hand-written roadmap may use, never shown as written. */
const NOT_SHOWN = join('src', 'main', 'markdown', 'read');

interface Face {
  file: string;
  subset: string;
  range: string;
}

/** The stylesheet's emoji faces: their file, its subset's number and their unicode-range. */
function emojiFaces(): Face[] {
  const css = readFileSync('src/renderer/src/app.css', 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.includes("'Fortnight Emoji'"))
    .map((body) => {
      const file = /url\('@fontsource\/noto-emoji\/(files\/noto-emoji-(\d+)-400-normal\.woff2)'\)/.exec(body);
      const range = /unicode-range:\s*([^;]+);/.exec(body);
      if (!file?.[1] || !file[2] || !range?.[1])
        throw new Error(`An emoji face without a file or a range: ${body}`);
      return { file: file[1], subset: file[2], range: range[1] };
    });
}

/** Whether `codePoint` is in a CSS unicode-range list ("U+2705, U+1F4A4-1F4A5"). */
function inRange(codePoint: number, range: string): boolean {
  return range.split(',').some((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    const low = parseInt(from, 16);
    return to === undefined ? codePoint === low : codePoint >= low && codePoint <= parseInt(to, 16);
  });
}

/** The emoji in the app's sources (`SOURCES`), with a file using each. */
function emojiInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== NOT_SHOWN) visit(path);
      } else if (/\.(ts|svelte|css)$/.test(entry.name))
        for (const [, emoji = '', asEmoji] of readFileSync(path, 'utf8').matchAll(
          /(\p{Extended_Pictographic})(\uFE0F)?/gu,
        ))
          if ((asEmoji || /\p{Emoji_Presentation}/u.test(emoji)) && !found.has(emoji)) found.set(emoji, path);
    }
  };
  SOURCES.forEach(visit);
  return found;
}

describe('the emoji font', () => {
  const faces = emojiFaces();
  const subsets = JSON.parse(readFileSync(join(FONT_PACKAGE, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;

  it('names files that ship with the font package, for characters those files hold', () => {
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(existsSync(join(FONT_PACKAGE, face.file)), face.file).toBe(true);
      const held = subsets[`[${face.subset}]`] ?? '';
      for (const part of face.range.split(',')) {
        const codePoint = parseInt(part.trim().replace(/^U\+/i, ''), 16);
        expect(inRange(codePoint, held), `U+${codePoint.toString(16)} in ${face.file}`).toBe(true);
      }
    }
  });

  it('is last in the text and the code font lists, and first where emoji start runs of text', () => {
    const css = readFileSync('src/renderer/src/app.css', 'utf8');
    for (const list of ['--font-ui', '--font-mono'])
      expect(new RegExp(`${list}:[^;]*,\\s*'Fortnight Emoji';`).test(css), list).toBe(true);
    expect(css).toMatch(
      /\.markdown,\s*\.state,\s*\.emoji \{\s*font-family: 'Fortnight Emoji', var\(--font-ui\);/,
    );
  });

  it('covers every emoji the app shows', () => {
    const emoji = emojiInSources();
    expect(emoji.has('⛔')).toBe(true);
    const uncovered = [...emoji]
      .filter(([character]) => !faces.some((face) => inRange(character.codePointAt(0) ?? 0, face.range)))
      .map(
        ([character, file]) => `${character} (U+${(character.codePointAt(0) ?? 0).toString(16)}, in ${file})`,
      );
    expect(uncovered).toEqual([]);
  });
});
