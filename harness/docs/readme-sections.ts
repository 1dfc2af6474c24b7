// The README's rule list and fault list, generated from spec/ and the emulator's catalog so they
// are never written twice. `npm run docs` rewrites them; a test fails when they are stale.
import { createEmulator } from '../../emulator/index.ts';
import { catalog, SERVICES } from '../../spec/index.ts';
import { servicesWithProperties } from '../services.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rulesSection(): string {
  const lines: string[] = [];
  for (const service of SERVICES) {
    const rules = catalog.filter((r) => r.service === service);
    if (!rules.length) {
      if (!servicesWithProperties.includes(service)) lines.push(`### ${service}`, '', '_Not covered yet._', '');
      continue;
    }
    lines.push(`### ${service} (${rules.length} rules)`, '', '| Rule | Operation | Needs | What is checked | The document says |', '| --- | --- | --- | --- | --- |');
    for (const rule of rules) {
      const quote = rule.source.includes('#') ? `API model \`${rule.source.split('#')[1]}\`` : `“${cell(rule.quote)}”`;
      const note = rule.contradiction ? ` **Contradiction:** ${cell(rule.contradiction.note)} ${cell(rule.contradiction.reading)}` : '';
      lines.push(`| \`${rule.id}\` | ${rule.operation} | ${rule.needs?.join(', ') ?? ''} | ${cell(rule.statement)}${note} | ${quote} |`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

export function faultsSection(): string {
  const faults = createEmulator().control.faults.catalog();
  return ['| Fault | Service | What it breaks |', '| --- | --- | --- |', ...faults.map((f) => `| \`${f.id}\` | ${f.service} | ${cell(f.description)} |`)].join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

export function generatedReadme(readme: string): string {
  return replaceSection(replaceSection(readme, 'rules', rulesSection()), 'faults', faultsSection());
}
