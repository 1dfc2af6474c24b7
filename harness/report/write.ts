// Writes a report in every format to <dir>/<runId>/ and mirrors it to <dir>/latest/.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportHtml } from './html.ts';
import { junitXml } from './junit.ts';
import { ConformanceReport } from './schema.ts';
import { summaryMarkdown } from './summary-md.ts';

export async function writeReport(report: ConformanceReport, reportDir: string): Promise<string> {
  const valid = ConformanceReport.parse(report);
  const runDir = join(reportDir, valid.runId);
  await mkdir(runDir, { recursive: true });
  await Promise.all([
    writeFile(join(runDir, 'conformance.json'), `${JSON.stringify(valid, null, 2)}\n`),
    writeFile(join(runDir, 'summary.md'), summaryMarkdown(valid)),
    writeFile(join(runDir, 'junit.xml'), junitXml(valid)),
    writeFile(join(runDir, 'index.html'), reportHtml(valid)),
  ]);
  const latest = join(reportDir, 'latest');
  await rm(latest, { recursive: true, force: true });
  await cp(runDir, latest, { recursive: true });
  return runDir;
}
