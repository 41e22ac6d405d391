/**
 * Settings → Sync reads the place set when it opens: until that answer is in, its choices wait,
 * so a choice made meanwhile can't be undone by it (a folder picked and typed, then thrown away
 * by "Nowhere" arriving late).
 */
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SyncSection from '../../../src/renderer/src/components/SyncSection.svelte';
import { must, tempDir } from '../helpers.ts';
import { bridge } from './workspace.ts';

afterEach(() => document.body.replaceChildren());

const choice = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name });

describe('Settings → Sync', () => {
  it('offers its choices once the place set is read, showing that place', async () => {
    const workspace = await bridge();
    const folder = tempDir();
    must(workspace.core, 'sync.setPlace', { kind: 'folder', folder });
    const place = workspace.hold('sync.place');
    render(SyncSection);

    const held = await place;
    for (const name of ['Nowhere: only this computer', 'A shared folder', 'A git remote']) {
      expect(choice(name).disabled).toBe(true);
    }
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);

    await held.release();
    expect(choice('A shared folder').disabled).toBe(false);
    expect(choice('A shared folder').checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Folder' }).value).toBe(folder);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(false);
  });
});
