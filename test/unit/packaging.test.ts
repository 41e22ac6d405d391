/** The packaging configuration: the Electron fuses that must be set, and the installers made. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, never>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('packaging', () => {
  it('flips the fuses: no Node mode, no NODE_OPTIONS, no inspector; encrypted cookies, checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('makes an AppImage and a deb, a dmg and an NSIS installer, with npm run dist', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
    expect(packageJson.scripts.dist).toMatch(/electron-builder/);
    expect(packageJson.devDependencies['electron-builder']).toBeDefined();
  });

  // `*` resolves to whatever major the registry has last; better-sqlite3 has no types of its own
  // and @types/better-sqlite3 trails its majors, so the types are pinned to one known version.
  it('pins every dependency to a version range, the better-sqlite3 types to one version', () => {
    const all = { ...packageJson.dependencies, ...packageJson.devDependencies };
    for (const [name, range] of Object.entries(all)) expect(range, name).toMatch(/^[~^]?\d+(\.\d+){0,2}$/);
    expect(packageJson.devDependencies['@types/better-sqlite3']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('packages the build only', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
  });
});
