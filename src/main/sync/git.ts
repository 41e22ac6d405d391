/**
 * The git transport: the segment layout of the folder transport, committed in a repository.
 * Fortnight keeps a clone of the remote next to the workspace file (`sync/`), and a sync is:
 * fetch and merge the remote's branch `fortnight`, exchange with the working tree as with a
 * folder, commit this installation's new segments, push; when someone pushed first, fetch, merge,
 * apply what they brought and push again. Every installation writes different files, so a merge
 * never has a conflict.
 *
 * It runs the user's own `git` (their credentials, their helpers: Fortnight handles no
 * password), always with an argument list (never a shell), and never waits for a password prompt.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SyncSummary } from '../../shared/contract.ts';
import { gitRemoteProblem } from '../../shared/sync-places.ts';
import type { Workspace } from '../db/open.ts';
import { DomainError } from '../services/errors.ts';
import { openExchange, receiveSegments } from './exchange.ts';
import { sendAfterReceiving } from './folder.ts';
import { workspacesIn } from './segment-files.ts';

const BRANCH = 'fortnight';
const REMOTE_BRANCH = `refs/remotes/origin/${BRANCH}`;
/** Pushes tried when others keep pushing first. */
const PUSH_ATTEMPTS = 6;
/** The longest a git command may take (a slow network, a big first fetch). */
const GIT_TIMEOUT_MS = 5 * 60 * 1000;

export const gitTarget = (remote: string) => `git:${remote}`;

interface Ran {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git with `args` in `cwd`; never through a shell, never prompting for a password. */
function git(cwd: string, args: string[]): Ran {
  try {
    const stdout = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: GIT_TIMEOUT_MS,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
    });
    return { ok: true, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code?: string; stdout?: string; stderr?: string };
    if (failed.code === 'ENOENT') throw noGit();
    return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

const noGit = () =>
  new DomainError(
    'unavailable',
    'Syncing through a git remote needs git, and there is no git on this machine (none on the PATH): install git, or sync through a folder or a file.',
  );

/** git's own words, the first line of them, cut short. */
const firstLine = (text: string) =>
  (text.split('\n').find((line) => line.trim() !== '') ?? 'no reason given').trim().slice(0, 300);

const hasRef = (dir: string, ref: string) => git(dir, ['rev-parse', '--verify', '--quiet', ref]).ok;

/** Where Fortnight keeps its clone of `remote`: beside the workspace file, one per remote. */
export function cloneFolder(ws: Workspace, remote: string): string {
  const hash = createHash('sha256').update(remote).digest('hex').slice(0, 16);
  return join(dirname(ws.file), 'sync', `${basename(ws.file)}.git-${hash}`);
}

/** A clone of `remote` in `dir`, made on the first sync (an empty repository, configured for it). */
function prepareClone(dir: string, remote: string): boolean {
  if (existsSync(join(dir, '.git'))) {
    if (git(dir, ['config', '--get', 'remote.origin.url']).stdout.trim() !== remote) {
      git(dir, ['remote', 'set-url', 'origin', remote]);
    }
    return false;
  }
  mkdirSync(dir, { recursive: true });
  const steps = [
    ['init', '--quiet'],
    ['config', 'user.name', 'Fortnight'],
    ['config', 'user.email', 'fortnight@localhost'],
    ['config', 'commit.gpgsign', 'false'],
    ['remote', 'add', 'origin', remote],
  ];
  for (const step of steps) {
    const ran = git(dir, step);
    if (!ran.ok)
      throw new DomainError(
        'unavailable',
        `git could not prepare a clone in ${dir}: ${firstLine(ran.stderr)}`,
      );
  }
  return true;
}

/** Fetches the remote and merges its branch into the clone. */
function fetchAndMerge(dir: string, remote: string): void {
  const fetched = git(dir, ['fetch', '--quiet', 'origin']);
  if (!fetched.ok) {
    throw new DomainError('unavailable', `git could not fetch from ${remote}: ${firstLine(fetched.stderr)}`);
  }
  if (!hasRef(dir, REMOTE_BRANCH)) return; // an empty remote: the first push makes the branch
  const merged = hasRef(dir, 'HEAD')
    ? git(dir, ['merge', '--quiet', '--no-edit', '--no-verify', REMOTE_BRANCH])
    : git(dir, ['checkout', '--quiet', '-B', BRANCH, REMOTE_BRANCH]);
  if (!merged.ok) {
    throw new DomainError(
      'unavailable',
      `git could not merge what ${remote} holds into ${dir}: ${firstLine(merged.stderr)}`,
    );
  }
}

/** Commits this installation's new segments, if it wrote any. */
function commitOwn(dir: string, path: string, sent: number): void {
  if (!existsSync(join(dir, path))) return;
  git(dir, ['add', '--all', '--', path]);
  if (git(dir, ['diff', '--cached', '--quiet']).ok) return; // nothing staged
  const committed = git(dir, [
    'commit',
    '--quiet',
    '--no-verify',
    '-m',
    `Fortnight: ${sent} changes from ${basename(path)}`,
  ]);
  if (!committed.ok)
    throw new DomainError('unavailable', `git could not commit in ${dir}: ${firstLine(committed.stderr)}`);
}

/** Whether the clone has commits the remote lacks. */
function ahead(dir: string): boolean {
  if (!hasRef(dir, 'HEAD')) return false;
  if (!hasRef(dir, REMOTE_BRANCH)) return true;
  return git(dir, ['rev-list', '--count', `${REMOTE_BRANCH}..HEAD`]).stdout.trim() !== '0';
}

/** Waits a little, longer on each attempt, with jitter so two installations don't keep colliding. */
function pause(attempt: number): void {
  const ms = 100 * attempt + Math.floor(Math.random() * 200);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Fetches `remote`'s branch into a new clone in `dir` (an empty folder the caller removes), to
 * read what it holds without syncing: true when the remote has the branch, false when it holds
 * no Fortnight workspace yet.
 */
export function cloneToRead(dir: string, remote: string): boolean {
  git(dir, ['--version']); // a missing git is said before anything is made
  prepareClone(dir, remote);
  fetchAndMerge(dir, remote);
  return hasRef(dir, REMOTE_BRANCH);
}

/** `sync.git`: the exchange through a git remote (a URL git can push to, or a repository's path). */
export function syncGit(ws: Workspace, remote: string): SyncSummary {
  const problem = gitRemoteProblem(remote);
  if (problem) throw new DomainError('invalid_input', `remote: ${problem}`, 'remote');
  if (ws.file === ':memory:')
    throw new DomainError('unsupported', 'An in-memory workspace has no folder for a git clone');
  git(tmpCwd(ws), ['--version']); // a missing git is said before anything is made
  const dir = cloneFolder(ws, remote);
  const created = prepareClone(dir, remote);
  try {
    fetchAndMerge(dir, remote);
  } catch (error) {
    if (created) rmSync(dir, { recursive: true, force: true }); // a remote that never answered leaves nothing
    throw error;
  }
  const exchange = openExchange(ws, dir, workspacesIn(dir), gitTarget(remote), remote);
  const { summary } = exchange;
  receiveSegments(exchange);
  sendAfterReceiving(exchange);
  commitOwn(dir, join(summary.workspaceId, ws.replicaId), summary.sent);
  for (let attempt = 1; ahead(dir); attempt++) {
    const pushed = git(dir, ['push', '--quiet', '--no-verify', 'origin', `HEAD:refs/heads/${BRANCH}`]);
    if (pushed.ok) break;
    if (attempt === PUSH_ATTEMPTS) {
      const kept =
        summary.received > 0
          ? ` (the ${summary.received} changes received are kept; sync again to send yours)`
          : '';
      throw new DomainError(
        'unavailable',
        `The remote ${remote} refused the push: ${firstLine(pushed.stderr)}${kept}`,
      );
    }
    // Someone pushed first (or holds the remote's lock): take theirs, then push again.
    pause(attempt);
    fetchAndMerge(dir, remote);
    receiveSegments(exchange);
  }
  return summary;
}

/** A folder to run `git --version` in: the workspace's, which exists. */
const tmpCwd = (ws: Workspace) => dirname(ws.file);
