import type { Assessment, PlannedStep, Reason } from '../engine/types.js';

/** 2: `score` is evidence points (no longer an average), reasons carry `floor`, and `whatWouldChange` is new. See CHANGELOG.md. */
export const JSON_SCHEMA_VERSION = 2;

/** The documented, stable JSON shape (see README, "JSON output"). Keys are always in this order. */
export function toJsonReport(a: Assessment, verdictTitle?: string) {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    client: a.client,
    verdict: a.verdict,
    ...(verdictTitle === undefined ? {} : { verdictTitle }),
    score: a.score,
    confidence: a.confidence,
    answered: a.answered,
    applicable: a.applicable,
    hardStops: a.hardStops,
    reasons: a.reasons.map(reasonReport),
    steps: a.steps.map(stepReport),
    whatWouldChange: a.whatWouldChange,
    recheckOn: a.recheckOn,
    pack: { id: a.pack.id, version: a.pack.version },
  };
}

/** A reason as the report shows it (the batch encoder writes the same shape). */
export const reasonReport = (r: Reason) => ({ id: r.id, type: r.type, points: r.points, floor: r.floor, text: r.text, sources: r.sources });

/** A step as the report shows it. */
export const stepReport = (s: PlannedStep) => ({ id: s.id, phase: s.phase, text: s.text, sources: s.sources });

export function renderJson(a: Assessment, verdictTitle?: string): string {
  return `${JSON.stringify(toJsonReport(a, verdictTitle), null, 2)}\n`;
}
