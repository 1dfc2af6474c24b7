// `conformance diff BASE NEW` and `conformance merge OUT_DIR REPORT...`.
import { describeComparison } from '../report/baseline.ts';
import { diffReports, mergeReports, readReport } from '../report/merge.ts';
import { summaryLine } from '../report/text.ts';
import { writeReport } from '../report/write.ts';
import { UsageError } from './args.ts';

export const REPORT_USAGE = `usage: conformance diff BASE.json NEW.json     what regressed (exit 1) or was fixed since BASE
       conformance merge OUT_DIR A.json B.json ...   merge shard reports into OUT_DIR/<run>/ and OUT_DIR/latest/`;

export async function diffCommand(args: string[]): Promise<0 | 1> {
  if (args.length !== 2) throw new UsageError(`diff takes two reports\n${REPORT_USAGE}`);
  const [base, next] = await Promise.all(args.map(readReport));
  const comparison = diffReports(base, next);
  const lines = describeComparison(comparison);
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'no difference in divergences\n');
  return comparison.appeared.length ? 1 : 0;
}

export async function mergeCommand(args: string[]): Promise<0> {
  const [outDir, ...paths] = args;
  if (!outDir || paths.length === 0) throw new UsageError(`merge takes an output directory and at least one report\n${REPORT_USAGE}`);
  const merged = mergeReports(await Promise.all(paths.map(readReport)));
  const dir = await writeReport(merged, outDir);
  process.stdout.write(`${summaryLine(merged.summary)} · merged report: ${dir}\n`);
  return 0;
}
