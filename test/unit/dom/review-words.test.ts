/** A conflict's values in words, as Conflicts to review shows them: never JSON, never "[object Object]". */
import { describe, expect, it } from 'vitest';
import { valueText } from '../../../src/renderer/src/lib/review-words.ts';

const names = new Map([
  ['p1', 'Ada Lovelace'],
  ['p2', 'Bo Berg'],
]);
const name = (id: string) => names.get(id);

describe("a conflict's value in words", () => {
  it('names people, states and empty values', () => {
    expect(valueText(['p1', 'p2'], name)).toBe('Ada Lovelace, Bo Berg');
    expect(valueText('in progress', name)).toBe('🦀 in progress');
    expect(valueText('', name)).toBe('none');
    expect(valueText([], name)).toBe('none');
    expect(valueText(2.5, name)).toBe('2.5');
  });

  it("reads a meeting's attendees and timeboxes", () => {
    const attendees = [
      { personId: 'p1', present: true },
      { personId: 'p2', present: false },
      { personId: 'gone', present: true },
    ];
    expect(valueText(attendees, name)).toBe('Ada Lovelace, Bo Berg (absent), someone');
    expect(valueText({ retrospective: 20, polish: 10, plan: null }, name)).toBe(
      'retrospective 20, polish 10, plan none',
    );
  });
});
