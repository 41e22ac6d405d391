/** The numbered migrations, in order. Migration N brings a database to `user_version` N. */
import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial.ts';
import * as m002 from './002-read-indexes.ts';
import * as m003 from './003-milestone-progress.ts';
import * as m004 from './004-meeting-actions.ts';
import * as m005 from './005-sync.ts';
import * as m006 from './006-sync-sources.ts';
import * as m007 from './007-stakeholders.ts';
import * as m008 from './008-workspace-name.ts';
import * as m009 from './009-leaner-change-log.ts';

export interface Migration {
  version: number;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
  { version: 4, up: m004.up },
  { version: 5, up: m005.up },
  { version: 6, up: m006.up },
  { version: 7, up: m007.up },
  { version: 8, up: m008.up },
  { version: 9, up: m009.up },
];
export const SCHEMA_VERSION = MIGRATIONS.length;
