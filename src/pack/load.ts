// Reads a rule pack file (YAML or JSON; JSON is parsed as YAML 1.2 so it gets
// the same line/column positions) and validates it. Files are reached through
// the reader the caller passes (see reader.ts): nothing here touches the disk.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Pack } from '../engine/types.js';
import { FireCheckError } from '../errors.js';
import { DEFAULT_PACK_PATH, embeddedDefaultPack } from './default.js';
import { mergePack, overlayPath } from './extends.js';
import { PackOverlaySchema, PackOverlaySchemaI18n } from './schema.js';
import { overlayProblems, type PackTranslation } from './overlay.js';
import { MAX_PACK_BYTES, NO_FILES, type PackReader, type ReadProblem } from './reader.js';
import type { PackProblemCode } from './codes.js';
import { schemaProblems, validatePack, type PackProblem, type PathSegment } from './validate.js';

const PACK_EXTENSION = /\.(ya?ml|json)$/i;
const MAX_ALIASES = 100;
const MAX_DEPTH = 64;
const MAX_SYNTAX_PROBLEMS = 5;

export interface LocatedProblem {
  /** Which check found it: stable, listed in codes.ts and docs/rule-packs.md. */
  code: PackProblemCode;
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export type PackFileResult = { ok: true; pack: Pack } | { ok: false; problems: LocatedProblem[] };

/**
 * Reads and validates one pack file, collecting every problem rather than
 * stopping at the first.
 */
export function checkPackFile(file: string, reader: PackReader): PackFileResult {
  return checkFile(file, reader, []);
}

/** `chain` holds the real paths of the packs that extend this one, to catch cycles. */
function checkFile(file: string, reader: PackReader, chain: string[]): PackFileResult {
  const source = readSource(file, reader);
  if (typeof source !== 'string') return { ok: false, problems: [source] };
  return checkSource(source, file, reader, chain);
}

interface ParsedSource {
  doc: Document.Parsed;
  raw: unknown;
  /** Places a problem about `path` at its line and column. */
  place(problem: PackProblem): LocatedProblem;
}

/** YAML or JSON text to data, with positions kept; the loading limits apply here. */
function parseSource(source: string, file: string): ParsedSource | LocatedProblem[] {
  const lineCounter = new LineCounter();
  const at = (offset: number, code: PackProblemCode, path: string, message: string): LocatedProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { code, file, line, column: col, path, message };
  };
  // A nesting bomb would blow the parser's stack, so refuse it first.
  const depth = nestingDepth(source);
  if (depth.depth > MAX_DEPTH) return [at(0, 'pack/too-deep', '', `nesting is deeper than ${MAX_DEPTH} levels; a rule pack is never this deep`)];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: false });
  } catch (error) {
    return [at(0, 'pack/syntax', '', `cannot parse: ${(error as Error).message}`)];
  }
  const syntax = [...doc.errors, ...doc.warnings].map((e) => {
    const { code, message } = yamlProblem(e.code, e.message);
    return at(e.pos[0], code, '', message);
  });
  // One syntax slip cascades into dozens of follow-on errors; the first few are the useful ones.
  if (syntax.length > MAX_SYNTAX_PROBLEMS) {
    const rest = syntax.length - MAX_SYNTAX_PROBLEMS;
    syntax.splice(MAX_SYNTAX_PROBLEMS, rest, at(source.length, 'pack/syntax', '', `${rest} more syntax problems follow from the ones above; fix those first`));
  }
  if (syntax.length) {
    const hint = commentInFlowHint(source, lineCounter);
    if (hint && syntax[0]) syntax[0] = { ...syntax[0], message: `${syntax[0].message} (${hint})` };
    return syntax;
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    return [/alias/i.test(message) ? at(0, 'pack/alias-limit', '', `too many aliases (more than ${MAX_ALIASES}): refused as a possible alias bomb`) : at(0, 'pack/syntax', '', message)];
  }
  return { doc, raw, place: (p) => at(locate(doc, p.path, p.atKey === true), p.code, formatPath(p.path, raw), p.message) };
}

/** Validates pack text handed over whole; `reader` reaches the packs it extends. */
export function checkPackSource(source: string, file: string, reader: PackReader = NO_FILES): PackFileResult {
  return checkSource(source, file, reader, []);
}

function checkSource(source: string, file: string, reader: PackReader, chain: string[]): PackFileResult {
  const parsed = parseSource(source, file);
  // A base that `extends` names is read only if it says it is a pack: the problems
  // of any other file would quote it (a key, a line) into a terminal or a CI log.
  const isBase = chain.length > 0;
  const notAPack = (): PackFileResult => ({ ok: false, problems: [{ code: 'pack/not-a-pack', file, line: 1, column: 1, path: '', message: 'not a fire-check rule pack (no "format" field at the top); extends takes a rule pack file' }] });
  if (Array.isArray(parsed)) return isBase ? notAPack() : { ok: false, problems: parsed };
  const { raw, place } = parsed;
  if (isBase && (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('format' in raw))) return notAPack();
  if (raw !== null && typeof raw === 'object' && 'extends' in raw) return checkExtending(raw, file, reader, chain, place);
  const result = validatePack(raw);
  return result.ok ? result : { ok: false, problems: result.problems.map(place) };
}

export type TranslationFileResult = { ok: true; translation: PackTranslation } | { ok: false; problems: LocatedProblem[] };

/** Reads and checks a translation overlay against the pack it translates. */
export function checkTranslationFile(file: string, pack: Pack, reader: PackReader): TranslationFileResult {
  const source = readSource(file, reader);
  if (typeof source !== 'string') return { ok: false, problems: [source] };
  const parsed = parseSource(source, file);
  if (Array.isArray(parsed)) return { ok: false, problems: parsed };
  const result = PackOverlaySchemaI18n.safeParse(parsed.raw);
  if (!result.success) return { ok: false, problems: schemaProblems(result.error).map(parsed.place) };
  const translation = result.data as PackTranslation;
  const problems = overlayProblems(pack, translation);
  return problems.length ? { ok: false, problems: problems.map(parsed.place) } : { ok: true, translation };
}

/** Loads a translation or throws a FireCheckError listing every problem. */
export function loadTranslation(file: string, pack: Pack, reader: PackReader): PackTranslation {
  const result = checkTranslationFile(file, pack, reader);
  if (result.ok) return result.translation;
  throw new FireCheckError('pack/invalid-translation', `invalid translation ${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`, {
    details: result.problems.map(formatProblem),
  });
}

/** A pack that extends another: check its own shape, load the base, merge, then validate the whole. */
function checkExtending(raw: object, file: string, reader: PackReader, chain: string[], place: (p: PackProblem) => LocatedProblem): PackFileResult {
  const parsed = PackOverlaySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error).map(place) };
  const overlay = parsed.data;
  const atExtends = (code: PackProblemCode, message: string) => place({ code, path: ['extends'], message });

  let base: Pack;
  if (overlay.extends === 'default') {
    const embedded = embeddedDefaultPack();
    const loaded = embedded ? { ok: true as const, pack: embedded } : checkFile(DEFAULT_PACK_PATH, reader, []);
    if (!loaded.ok) return { ok: false, problems: [...loaded.problems, atExtends('pack/extends-base-invalid', 'the default pack has problems (above)')] };
    base = loaded.pack;
  } else {
    const basePath = reader.resolve(file, overlay.extends);
    if (!PACK_EXTENSION.test(basePath)) {
      return { ok: false, problems: [atExtends('pack/extends-not-a-pack-file', `extends takes a rule pack file (.yaml, .yml or .json), or "default"; "${overlay.extends}" is not one`)] };
    }
    const real = reader.realPath(basePath);
    if (real === undefined) {
      return { ok: false, problems: [atExtends('pack/extends-missing', `cannot find the base pack "${overlay.extends}" (looked for ${basePath}); use "default" or a path relative to this file`)] };
    }
    const here = reader.realPath(file) ?? file;
    if (real === here || chain.includes(real)) {
      const names = [...chain, here, real].map((p) => p.split(/[\\/]/).pop());
      return { ok: false, problems: [atExtends('pack/extends-cycle', `extends cycle: ${names.join(' → ')}`)] };
    }
    const loaded = checkFile(basePath, reader, [...chain, here]);
    if (!loaded.ok) return { ok: false, problems: [...loaded.problems, atExtends('pack/extends-base-invalid', `the base pack ${overlay.extends} has problems (above)`)] };
    base = loaded.pack;
  }

  const { merged, origins, problems } = mergePack(base, overlay);
  if (problems.length) return { ok: false, problems: problems.map(place) };
  const result = validatePack(merged);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((p) => {
      const own = overlayPath(p.path, origins, overlay);
      return own ? place({ ...p, path: own }) : atExtends(p.code, `with the changes in this file, the base pack's ${formatPath(p.path, merged)} ${p.message}`);
    }),
  };
}

/** Loads a pack or throws a FireCheckError listing every problem as file:line:col: message. */
export function loadPack(file: string, reader: PackReader): Pack {
  const result = checkPackFile(file, reader);
  if (result.ok) return result.pack;
  throw new FireCheckError('pack/invalid', `invalid rule pack ${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`, {
    details: result.problems.map(formatProblem),
  });
}

export function formatProblem(p: LocatedProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

function readSource(file: string, reader: PackReader): string | LocatedProblem {
  const source = reader.read(file);
  if (typeof source === 'string') return source;
  const at = source.reason === 'not-utf8' ? { line: source.line, column: source.column } : { line: 1, column: 1 };
  return { ...readProblem(source), file, ...at, path: '' };
}

function readProblem(problem: ReadProblem): { code: PackProblemCode; message: string } {
  switch (problem.reason) {
    case 'missing':
      return { code: 'pack/file-missing', message: 'no such file' };
    case 'not-a-file':
      return { code: 'pack/not-a-file', message: 'not a file' };
    case 'too-large':
      return { code: 'pack/too-large', message: `file is ${problem.bytes} bytes; a rule pack may be at most ${MAX_PACK_BYTES} bytes (1 MiB)` };
    case 'unreadable':
      return { code: 'pack/unreadable', message: `cannot read (${problem.detail})` };
    case 'not-utf8':
      return { code: 'pack/not-utf8', message: 'not UTF-8 text: save the file as UTF-8' };
  }
}

/**
 * `[A§1, C FAQ toxic #7]` is a classic slip: in YAML a space then `#` starts a
 * comment, cutting the list short. Found in one pass over the text (a regular
 * expression for it backtracks, and took seconds on a large broken file).
 */
function commentInFlowHint(source: string, lineCounter: LineCounter): string | undefined {
  let open = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n' || ch === ']' || ch === '"' || ch === "'") open = -1;
    else if (ch === '[') open = i;
    else if (ch === '#' && open >= 0 && i > 0 && /\s/.test(source[i - 1] as string)) {
      const { line } = lineCounter.linePos(open);
      return `line ${line} has " #" inside [...], which YAML reads as a comment; put that value in quotes, e.g. "C FAQ toxic #7"`;
    }
  }
  return undefined;
}

/** One of the YAML parser's errors, as a pack problem: which check, and words for a pack's author. */
function yamlProblem(code: string, message: string): { code: PackProblemCode; message: string } {
  const first = message.split('\n')[0] ?? message;
  if (code === 'TAG_RESOLVE_FAILED' || /Unresolved tag/i.test(first)) return { code: 'pack/custom-tag', message: `${first}: a rule pack is plain data; custom tags are not allowed` };
  if (code === 'DUPLICATE_KEY') return { code: 'pack/duplicate-key', message: 'duplicate key: each key may appear once in a mapping' };
  return { code: 'pack/syntax', message: first.replace(/ at line \d+, column \d+:?$/, '') };
}

/** Source offset of the node a path points at; falls back to the nearest existing parent. */
function locate(doc: Document.Parsed, path: PathSegment[], atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      offset = (last && atKey) || !value ? (key.range?.[0] ?? offset) : (value.range?.[0] ?? offset);
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** `questions[3].weight`, with the item's id added where it has one: `questions[3](pays_late).weight`. */
export function formatPath(path: PathSegment[], raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      node = Array.isArray(node) ? node[segment] : undefined;
      const id = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined;
      if (typeof id === 'string') out += `(${id})`;
    } else {
      out += out ? `.${segment}` : segment;
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

/** Bracket depth of flow collections, ignoring quoted strings; block nesting is bounded by the file size limit. */
function nestingDepth(source: string): { depth: number } {
  let depth = 0;
  let max = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '#') while (i < source.length && source[i] !== '\n') i++;
  }
  return { depth: max };
}

export type { PackProblem };
