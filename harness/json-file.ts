// The harness's own JSON files (baselines, AWS's departures): read against their schema, with one
// line saying what is wrong, and written with their records in key order, so a diff shows changes only.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/** `path` as `schema` says, or an Error naming the file, what it should be (`what`) and the first problem. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.output<S>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`${path} is not ${what}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** A record with its keys in order. */
export const sortedByKey = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Writes `value` as indented JSON with a final newline, making its folder where needed. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
