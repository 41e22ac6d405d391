/**
 * `node bench/readme-table.ts [RESULTS]` prints a run's results (`.bench/results.json` by
 * default) as the README's table: each row's figures, its ratio to the same run's baseline and
 * its target, then the machine, its load before and after, and the date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { table, summary, type Row } from './measure.ts';

interface Results {
  date: string;
  machine: { cpus: number; cpu: string; node: string; loadBefore: number[]; loadAfter: number[] };
  rows: Row[];
}

const file = process.argv[2] ?? join(import.meta.dirname, '..', '.bench', 'results.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
const { machine } = results;
const load = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
console.log(table(results.rows, { columns: 'readme' }));
console.log(`\n${summary(results.rows).split('\n')[0]}`);
console.log(
  `\n${machine.cpus} × ${machine.cpu}, Node ${machine.node}, load ${load(machine.loadBefore)} before and ` +
    `${load(machine.loadAfter)} after, ${results.date}`,
);
