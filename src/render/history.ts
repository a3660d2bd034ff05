// A client's history for people: the list of clients, one client over time,
// the re-checks due, and the line that compares an assessment with last time. Pure.
import { kindOf } from '../engine/kinds/index.js';
import type { AnswerValue, Question } from '../engine/types.js';
import { en, type Messages } from '../i18n/en.js';
import type { LocalFormats } from '../i18n/format.js';
import type { ClientHistoryJson, DueJson, HistoryListJson, PreviousJson } from '../history/views.js';
import { alignColumns } from './table.js';

export interface HistoryRenderOptions {
  messages?: Messages;
  formats?: LocalFormats;
  questions?: ReadonlyMap<string, Question>;
  /** A verdict as the reports name it (the pack's title, in the run's language); the id without it. */
  verdictTitle?: (verdict: string) => string;
}

const dateOf = (o: HistoryRenderOptions) => (iso: string) => (o.formats ? o.formats.date(iso) : iso);
const titleOf = (o: HistoryRenderOptions) => o.verdictTitle ?? ((verdict: string) => verdict);

/** An answer as the report says it; "not sure" for none. */
function shown(value: AnswerValue, q: Question | undefined, m: Messages): string {
  if (value === null) return m.report.notSure;
  return q ? kindOf(q).display(q, value, m.words) : String(value);
}

/** "Last time, 22 Oct 2026: fix, 19. Now: fire, 44, worse: pays late often → always" */
export function previousLine(previous: PreviousJson, now: { verdict: string; score: number }, options: HistoryRenderOptions & { verdictTitle: (v: string) => string }): string {
  const m = options.messages ?? en;
  const h = m.history;
  const changes = previous.changes.map((c) => {
    const q = options.questions?.get(c.id);
    return `${q?.label ?? c.id} ${shown(c.from, q, m)} → ${shown(c.to, q, m)}`;
  });
  const targets = previous.targets ? `; ${h.targets[previous.targets.status]}` : '';
  return `${h.lastTime(dateOf(options)(previous.assessedOn), options.verdictTitle(previous.verdict), previous.score)} ${h.now(options.verdictTitle(now.verdict), now.score, h.trends[previous.trend])}${changes.length ? `: ${changes.join('; ')}` : ''}${targets}`;
}

export function renderHistoryList(view: HistoryListJson, options: HistoryRenderOptions = {}): string {
  const m = options.messages ?? en;
  if (!view.clients.length) return `${m.history.none}\n`;
  const date = dateOf(options);
  const title = titleOf(options);
  const rows = view.clients.map((c) => [c.client, title(c.latest.verdict), String(c.latest.score), date(c.latest.assessedOn), m.history.trends[c.trend], c.latest.recheckOn ? date(c.latest.recheckOn) : '']);
  return alignColumns([m.history.heading, ...rows]);
}

export function renderClientHistory(view: ClientHistoryJson, options: HistoryRenderOptions = {}): string {
  const m = options.messages ?? en;
  const date = dateOf(options);
  const title = titleOf(options);
  const lines = [view.client, ''];
  lines.push(alignColumns([m.history.heading.filter((_, i) => i !== 0 && i !== 4), ...view.assessments.map((a) => [title(a.verdict), String(a.score), date(a.assessedOn), a.recheckOn ? date(a.recheckOn) : ''])]).trimEnd());
  if (view.assessments.length > 1) {
    lines.push('', `${m.history.changes} (${m.history.trends[view.trend]}):`);
    if (!view.changes.length) lines.push(`  ${m.history.noChanges}`);
    for (const c of view.changes) {
      const q = options.questions?.get(c.id);
      lines.push(`  ${q?.label ?? c.id}: ${shown(c.from, q, m)} → ${shown(c.to, q, m)}`);
    }
    if (view.targets) lines.push(`  ${m.history.targets[view.targets.status]}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderDue(view: DueJson, options: HistoryRenderOptions = {}): string {
  const m = options.messages ?? en;
  const date = dateOf(options);
  if (!view.due.length) return `${m.history.dueNone(date(view.today))}\n`;
  return `${[m.history.dueHeading(date(view.today)), ...view.due.map((d) => `  ${m.history.dueLine(d.client, date(d.recheckOn))}`)].join('\n')}\n`;
}
