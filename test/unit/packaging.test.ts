/** The packaging configuration: the Electron fuses that must be set, and the installers made. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, never>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
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

  it('packages the build only', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
  });
});
