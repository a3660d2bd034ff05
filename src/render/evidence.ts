// The facts from an invoice export, for people: one block a client, the figures
// as an accountant reads them and the answers they imply. Pure.
import type { AnswerValue, Question } from '../engine/types.js';
import type { Evidence } from '../evidence/index.js';
import { AGING_BUCKETS, TOOL_NAMES } from '../evidence/index.js';
import { en, type Messages } from '../i18n/en.js';
import type { LocalFormats } from '../i18n/format.js';
import { displayAnswer } from './answers.js';
import { plainStyle, type Style } from './style.js';

export interface EvidenceRenderOptions {
  messages?: Messages;
  formats?: LocalFormats;
  style?: Style;
  /** The pack's questions, to word the implied answers as a report does ("Pays late: often"); ids without them. */
  questions?: ReadonlyMap<string, Question>;
}

export function renderEvidenceText(evidence: Evidence, options: EvidenceRenderOptions = {}): string {
  const m = options.messages ?? en;
  const e = m.evidence;
  const style = options.style ?? plainStyle;
  const f = options.formats;
  const count = (n: number) => (f ? f.decimal(n, 0) : String(n));
  // With no currency known, the amount as the language groups it; with no formats (a unit test), as it is.
  const money = (amount: number, currency: string) => (f && currency ? f.money(amount, currency.toUpperCase()) : `${f ? f.amount(amount) : amount}${currency ? ` ${currency.toUpperCase()}` : ''}`);
  const date = (iso: string) => (f ? f.date(iso) : iso);
  const { source } = evidence;
  // The tool as it names itself; an export read by --columns, in the language's words.
  const from = source.format === 'columns' ? e.ownColumns : e.exportOf(TOOL_NAMES[source.format]);
  const lines = [style.bold(e.title(from, count(source.rows), count(source.invoices))), e.asOf(date(evidence.asOf))];
  if (source.skippedTotal) lines.push(style.dim(e.skipped(count(source.skippedTotal))));
  if (!evidence.clients.length) return `${[...lines, '', e.noClients].join('\n')}\n`;
  for (const c of evidence.clients) {
    lines.push('', style.bold(`${c.client}${c.currency ? ` (${c.currency.toUpperCase()})` : ''}`));
    const decided = c.paid - c.paidWithoutDate;
    const late = [e.paidLate(c.paidLate, decided), ...(c.averageDaysLate === null ? [] : [e.averageLate(f ? f.decimal(c.averageDaysLate, 1) : String(c.averageDaysLate))])];
    lines.push(`  ${e.invoices}: ${count(c.invoices)}; ${late.join(', ')}`);
    lines.push(`  ${e.open}: ${count(c.open.count)}, ${money(c.open.amount, c.currency)}`);
    if (c.overdue.count) {
      const buckets = AGING_BUCKETS.filter((b) => c.overdue.buckets[b]).map((b) => `${b}: ${money(c.overdue.buckets[b], c.currency)}`);
      lines.push(`  ${e.overdue}: ${count(c.overdue.count)}, ${money(c.overdue.amount, c.currency)} (${e.buckets} ${buckets.join('; ')})`);
    }
    if (c.incomeShare !== null) lines.push(`  ${e.share}: ${f ? f.decimal(c.incomeShare, 1) : c.incomeShare}%`);
    const answers = Object.entries(c.answers).filter(([, value]) => value !== undefined);
    if (!answers.length) lines.push(`  ${e.implies}: ${e.none}`);
    // One a line: a label or an amount ("1,200") may hold the comma a list would be split at.
    else lines.push(`  ${e.implies}:`, ...answers.map(([id, value]) => `    ${answerLine(id, value, options, m, style, (amount) => money(amount, c.currency))}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * "Pays late: often", as a report's answers say it; an amount ("Amount owed")
 * as the figures above it write amounts, in the client's currency when known;
 * a question the pack does not have, by its id.
 */
function answerLine(id: string, value: AnswerValue, options: EvidenceRenderOptions, m: Messages, style: Style, money: (amount: number) => string): string {
  const q = options.questions?.get(id);
  if (!q) return `${id}: ${style.cyan(String(value))}`;
  return `${q.label}: ${style.cyan(q.money && typeof value === 'number' ? money(value) : displayAnswer(q, value, m, options.formats))}`;
}
