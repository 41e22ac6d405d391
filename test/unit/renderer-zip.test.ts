import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/renderer/src/screens/publish/zip.ts';

describe('the roadmap folder as a .zip', () => {
  it('holds every file at its path with its text, names and text in UTF-8', () => {
    const files = [
      { path: 'roadmap.md', content: '# Roadmap\n' },
      { path: 'roadmap/café_and_naïve.md', content: 'Ünïcödé ✅ 🔻\n'.repeat(200) },
      { path: 'roadmap/empty.md', content: '' },
    ];
    const entries = unzipSync(zipFiles(files));
    expect(Object.keys(entries)).toEqual(files.map((f) => f.path));
    for (const file of files) expect(strFromU8(entries[file.path]!)).toBe(file.content);
  });

  it('compresses repetitive Markdown', () => {
    const content = '| Deliverable | State | Progress |\n'.repeat(1000);
    expect(zipFiles([{ path: 'roadmap.md', content }]).length).toBeLessThan(content.length / 10);
  });
});
