import { describe, expect, it } from 'vitest';
import { titleParts } from '../../src/shared/inline-code.ts';

describe('inline code in titles', () => {
  it('reads backtick pairs as code and leaves the rest as text', () => {
    expect(titleParts('Stabilize `async fn` in traits')).toEqual([
      { text: 'Stabilize ', code: false },
      { text: 'async fn', code: true },
      { text: ' in traits', code: false },
    ]);
    expect(titleParts('`Send` bounds and `Sync`')).toEqual([
      { text: 'Send', code: true },
      { text: ' bounds and ', code: false },
      { text: 'Sync', code: true },
    ]);
  });

  it('keeps a lone backtick and a title without code as text', () => {
    expect(titleParts('Plain title')).toEqual([{ text: 'Plain title', code: false }]);
    expect(titleParts('A lone ` backtick')).toEqual([{ text: 'A lone ` backtick', code: false }]);
    expect(titleParts('')).toEqual([]);
  });

  it('takes double backticks around code that holds one, as Markdown does', () => {
    expect(titleParts('Quote `` ` `` right')).toEqual([
      { text: 'Quote ', code: false },
      { text: '`', code: true },
      { text: ' right', code: false },
    ]);
  });
});
