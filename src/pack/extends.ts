// Merging a pack that says `extends: …` onto its base. Pure: data in, data out.
// Items are matched by id: a known id changes only the fields it lists, a new
// id adds an item. `disable` removes items. The result is validated as a whole
// pack afterwards; `origins` lets problems found then point back into the file.
import { questionRefs } from '../engine/pack-facts.js';
import { PACK_FORMAT, type Condition, type Pack } from '../engine/types.js';
import { didYouMean } from '../errors.js';
import type { PackOverlay } from './schema.js';
import type { PackProblem, PathSegment } from './validate.js';

const LISTS = ['categories', 'questions', 'rules', 'steps'] as const;
type ListName = (typeof LISTS)[number];
const DISABLABLE = ['questions', 'rules', 'steps'] as const;

export interface MergeResult {
  merged: Record<string, unknown>;
  /** For each list, merged index → index of the item in the extending file that set it. */
  origins: Record<ListName, Map<number, number>>;
  problems: PackProblem[];
}

type Item = { id: string } & Record<string, unknown>;

export function mergePack(base: Pack, overlay: PackOverlay): MergeResult {
  const problems: PackProblem[] = [];
  const origins = Object.fromEntries(LISTS.map((l) => [l, new Map<number, number>()])) as MergeResult['origins'];
  const lists = Object.fromEntries(LISTS.map((l) => [l, structuredClone(base[l]) as unknown as Item[]])) as Record<ListName, Item[]>;

  // Disable first, so that an override of a disabled item is caught as unknown below.
  const disabled = new Set<string>();
  for (const list of DISABLABLE) {
    (overlay.disable?.[list] ?? []).forEach((id, j) => {
      const at = lists[list].findIndex((item) => item.id === id);
      if (at < 0) {
        problems.push({ code: 'pack/disable-unknown', path: ['disable', list, j], message: `cannot disable "${id}": the base pack has no such ${list.slice(0, -1)}${didYouMean(id, lists[list].map((i) => i.id))}` });
        return;
      }
      lists[list].splice(at, 1);
      if (list === 'questions') disabled.add(id);
    });
  }

  for (const list of LISTS) {
    const overridden = new Set<string>();
    (overlay[list] as Item[] | undefined)?.forEach((item, oi) => {
      if (list !== 'categories' && (overlay.disable?.[list as (typeof DISABLABLE)[number]] ?? []).includes(item.id)) {
        problems.push({ code: 'pack/disabled-and-changed', path: [list, oi, 'id'], message: `"${item.id}" is both disabled and changed; do one or the other` });
        return;
      }
      if (overridden.has(item.id)) {
        problems.push({ code: 'pack/listed-twice', path: [list, oi, 'id'], message: `"${item.id}" is listed twice in this pack; merge the two entries` });
        return;
      }
      overridden.add(item.id);
      const at = lists[list].findIndex((existing) => existing.id === item.id);
      if (at >= 0) {
        lists[list][at] = { ...lists[list][at], ...item } as Item;
        origins[list].set(at, oi);
      } else {
        origins[list].set(lists[list].push({ ...item }) - 1, oi);
      }
    });
  }

  if (disabled.size) problems.push(...stillUsed(lists, disabled, overlay));

  const merged: Record<string, unknown> = {
    format: PACK_FORMAT,
    id: overlay.id,
    version: overlay.version,
    name: overlay.name ?? base.name,
    ...(overlay.description ?? base.description ? { description: overlay.description ?? base.description } : {}),
    ...lists,
    scoring: { ...base.scoring, ...stripUndefined(overlay.scoring ?? {}) },
    ...(overlay.script ?? base.script ? { script: overlay.script ?? base.script } : {}),
    tone: { avoid: [...base.tone.avoid, ...(overlay.tone?.avoid ?? []).filter((w) => !base.tone.avoid.includes(w))] },
    ...(overlay.evidence ?? base.evidence ? { evidence: { ...base.evidence, ...stripUndefined(overlay.evidence ?? {}) } } : {}),
    verdicts: Object.fromEntries(
      (Object.keys(base.verdicts) as (keyof Pack['verdicts'])[]).map((v) => [v, { ...base.verdicts[v], ...stripUndefined(overlay.verdicts?.[v] ?? {}) }]),
    ),
  };
  return { merged, origins, problems };
}

/** A disabled question that a remaining rule, step or askIf still uses would break them: say which. */
function stillUsed(lists: Record<ListName, Item[]>, disabled: Set<string>, overlay: PackOverlay): PackProblem[] {
  const users = new Map<string, string[]>();
  const note = (condition: unknown, who: string) => {
    if (!condition) return;
    for (const ref of questionRefs(condition as Condition)) {
      if (disabled.has(ref.id)) users.set(ref.id, [...(users.get(ref.id) ?? []), who]);
    }
  };
  for (const q of lists.questions) note(q.askIf, `question ${q.id}`);
  for (const r of lists.rules) note(r.when, `rule ${r.id}`);
  for (const s of lists.steps) note(s.when, `step ${s.id}`);
  return [...users].map(([id, who]) => ({
    code: 'pack/disabled-still-used' as const,
    path: ['disable', 'questions', (overlay.disable?.questions ?? []).indexOf(id)],
    message: `"${id}" is still used by ${[...new Set(who)].join(', ')}; disable or change those too`,
  }));
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Where a problem in the merged pack stands in the extending file: the same
 * path for an item or section the file set, or undefined when it comes from the
 * base pack unchanged.
 */
export function overlayPath(path: PathSegment[], origins: MergeResult['origins'], overlay: PackOverlay): PathSegment[] | undefined {
  const [head, index, ...rest] = path;
  if ((LISTS as readonly PathSegment[]).includes(head as PathSegment) && typeof index === 'number') {
    const oi = origins[head as ListName].get(index);
    return oi === undefined ? undefined : [head as string, oi, ...rest];
  }
  if (head === 'scoring' || head === 'verdicts' || head === 'script' || head === 'tone' || head === 'evidence' || head === 'id' || head === 'version' || head === 'name' || head === 'description') {
    return head in overlay ? path : undefined;
  }
  if ((LISTS as readonly PathSegment[]).includes(head as PathSegment)) return head as string in overlay ? path : undefined;
  return undefined;
}
