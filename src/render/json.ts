import type { Assessment } from '../engine/types.js';

export const JSON_SCHEMA_VERSION = 1;

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
    reasons: a.reasons.map((r) => ({ id: r.id, type: r.type, points: r.points, hardStop: r.hardStop, text: r.text, sources: r.sources })),
    steps: a.steps.map((s) => ({ id: s.id, phase: s.phase, text: s.text, sources: s.sources })),
    recheckOn: a.recheckOn,
    pack: { id: a.pack.id, version: a.pack.version },
  };
}

export function renderJson(a: Assessment, verdictTitle?: string): string {
  return `${JSON.stringify(toJsonReport(a, verdictTitle), null, 2)}\n`;
}

// Batch scoring writes this object for every record, and most of it (the steps
// with their texts and sources, most reasons) repeats from record to record. The
// JSON of such parts is cached, so a record costs a few string joins rather than
// a full JSON.stringify. The result is byte for byte what JSON.stringify gives
// (a property test checks it).
// Keyed by the pack's own objects and strings (ids, and texts that often are the
// pack's very string), which hash once: building a combined key string for every
// record would cost more than the JSON it saves.
const stepFragments = new WeakMap<readonly string[], Map<string, Map<string, string>>>();
const reasonFragments = new WeakMap<readonly string[], Map<string, { points: number; hardStop: boolean; json: string }>>();
const MAX_CACHED = 256;

function stepJson(s: Assessment['steps'][number]): string {
  let byId = stepFragments.get(s.sources);
  if (!byId) stepFragments.set(s.sources, (byId = new Map()));
  let byText = byId.get(s.id);
  if (!byText) byId.set(s.id, (byText = new Map()));
  let json = byText.get(s.text);
  if (json === undefined) {
    json = JSON.stringify({ id: s.id, phase: s.phase, text: s.text, sources: s.sources });
    // Texts with numbers in them (an amount owed) vary without end: cache only so many.
    if (byText.size < MAX_CACHED) byText.set(s.text, json);
  }
  return json;
}

function reasonJson(r: Assessment['reasons'][number]): string {
  let byText = reasonFragments.get(r.sources);
  if (!byText) reasonFragments.set(r.sources, (byText = new Map()));
  const hit = byText.get(r.text);
  if (hit && hit.points === r.points && hit.hardStop === r.hardStop) return hit.json;
  const json = JSON.stringify({ id: r.id, type: r.type, points: r.points, hardStop: r.hardStop, text: r.text, sources: r.sources });
  if (byText.size < MAX_CACHED) byText.set(r.text, { points: r.points, hardStop: r.hardStop, json });
  return json;
}

/** One NDJSON line: `{"line": n, ...toJsonReport(a)}` compactly, with a trailing newline. */
export function jsonLine(line: number, a: Assessment): string {
  let reasons = '';
  for (const r of a.reasons) reasons += (reasons ? ',' : '') + reasonJson(r);
  let steps = '';
  for (const s of a.steps) steps += (steps ? ',' : '') + stepJson(s);
  return (
    `{"line":${line},"schemaVersion":${JSON_SCHEMA_VERSION},"client":${JSON.stringify(a.client)},"verdict":"${a.verdict}",` +
    `"score":${a.score},"confidence":${a.confidence},"answered":${a.answered},"applicable":${a.applicable},` +
    `"hardStops":${a.hardStops.length ? JSON.stringify(a.hardStops) : '[]'},"reasons":[${reasons}],"steps":[${steps}],` +
    `"recheckOn":${a.recheckOn === null ? 'null' : JSON.stringify(a.recheckOn)},"pack":${JSON.stringify(a.pack)}}\n`
  );
}
