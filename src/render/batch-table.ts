// Batch output as a ranked table for people (see batch-writers.ts).
import type { Messages } from '../i18n/en.js';
import type { BatchWriter } from './batch-writers.js';
import { joined } from './batch-writers.js';
import { escapeLine } from './escape.js';
import { renderRankedTable, type Ranked } from './table.js';

/**
 * For people: every client, worst first, once all are in, each verdict by its
 * title as the reports give it (`verdictTitle`, escaped by the caller);
 * failures go to stderr as they come.
 */
export function tableWriter(m: Messages, source: string, verdictTitle?: (verdict: string) => string): BatchWriter {
  const ranked: Ranked[] = [];
  return {
    start() {},
    scored(line, a) {
      ranked.push({ line, client: a.client ? escapeLine(a.client) : m.batch.unnamed(line), verdict: a.verdict, score: a.score, confidence: a.confidence, top: escapeLine(a.reasons[0]?.text ?? '') });
    },
    failed: (line, problems) => `${escapeLine(m.batch.atLine(source, line, joined(problems)))}\n`,
    end: (sink) => sink.text(renderRankedTable(ranked, m.batch.table, verdictTitle)),
  };
}

