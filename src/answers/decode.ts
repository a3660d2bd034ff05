// Bytes of batch input into text, the one way for NDJSON and CSV alike (issue
// 12). Spreadsheets write UTF-8 with a byte-order mark, UTF-16 ("Unicode
// text") or a Windows code page; a decoder that turns what it cannot read into
// U+FFFD would score "Caff� Societ�" without a word. So: a byte-order mark
// decides, as the WHATWG Encoding standard has it; then --encoding; then UTF-8.
// Every decoder is fatal, and bytes that are not text in the chosen encoding
// stop the run with the line and the encoding they look like.
import { isUtf8 } from 'node:buffer';
import { FireCheckError } from '../errors.js';
import { say } from '../i18n/problems.js';
import type { Messages } from '../i18n/en.js';

export const INPUT_ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252', 'windows-1250', 'latin1'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/**
 * TextDecoder's names. latin1 is read as Windows-1252, as browsers read it:
 * files labelled Latin-1 hold €, curly quotes and dashes in 0x80–0x9F.
 */
const DECODER: Record<InputEncoding, string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  'windows-1250': 'windows-1250',
  latin1: 'windows-1252',
};

/** How the encodings are named to the user. */
const SHOWN: Record<InputEncoding, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  latin1: 'Windows-1252',
};

export interface DecodeOptions {
  /** The file name, or stdin, for messages. */
  source: string;
  m: Messages;
  encoding?: InputEncoding;
}

const EMPTY = new Uint8Array(0);
const LF = 0x0a;

/** The encoding a byte-order mark at the start says, if there is one. */
export function encodingFromBom(bytes: Uint8Array): InputEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return undefined;
}

/**
 * What bytes that are not UTF-8 look like: UTF-16 without its mark when NUL
 * bytes fill every other place (ASCII letters are one byte and a NUL there),
 * else a one-byte Windows code page, the usual CSV from Excel on Windows.
 */
export function guessEncoding(bytes: Uint8Array): 'utf16le' | 'utf16be' | 'code page' {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2) odd += 1;
      else even += 1;
    }
  }
  const pairs = sample.length / 2;
  if (odd > pairs / 4 && odd > even * 4) return 'utf16le';
  if (even > pairs / 4 && even > odd * 4) return 'utf16be';
  return 'code page';
}

/**
 * The input as text, a chunk at a time, whatever way the bytes were written.
 * Bytes that are not text end it with a FireCheckError, after the text of
 * every whole line before them: the lines read so far are not lost.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array | string>, options: DecodeOptions): AsyncGenerator<string> {
  let head: Uint8Array = EMPTY;
  let decoder: Decoder | undefined;
  let first = true;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      // Already text (a stream with an encoding set): only the mark to drop.
      yield first ? chunk.replace(/^\uFEFF/, '') : chunk;
      first = false;
      continue;
    }
    let bytes = chunk;
    if (!decoder) {
      // A mark is up to three bytes, and a chunk can be shorter.
      bytes = head.length ? Buffer.concat([head, chunk]) : chunk;
      if (bytes.length < 3) {
        head = bytes;
        continue;
      }
      head = EMPTY;
      decoder = new Decoder(bytes, options);
    }
    const { text, error } = decoder.decode(bytes, false);
    if (text) yield text;
    if (error) throw error;
  }
  if (!decoder && !head.length) return;
  decoder ??= new Decoder(head, options);
  const { text, error } = decoder.decode(head, true);
  if (text) yield text;
  if (error) throw error;
}

/** One input's decoder, and what it needs to say where bytes went wrong. */
class Decoder {
  private readonly encoding: InputEncoding;
  private readonly decoder: TextDecoder;
  /** UTF-8 by default, not by choice or mark: bytes in another encoding get a hint. */
  private readonly guessing: boolean;
  private readonly options: DecodeOptions;
  private started = false;
  /** UTF-8 only: the line the next bytes are on, and the start of a character cut at the end of the last chunk. */
  private line = 1;
  private carry: Uint8Array = EMPTY;

  constructor(first: Uint8Array, options: DecodeOptions) {
    this.options = options;
    const fromBom = encodingFromBom(first);
    this.encoding = fromBom ?? options.encoding ?? 'utf8';
    this.guessing = !fromBom && !options.encoding;
    try {
      // UTF-8 is decoded a chunk at a time, not streamed: the mark is dropped once, by withoutMark.
      this.decoder = new TextDecoder(DECODER[this.encoding], { fatal: true, ignoreBOM: this.encoding === 'utf8' });
    } catch {
      // A Node built without full ICU has no code pages.
      throw new FireCheckError('input/encoding-unavailable', say(options.m, 'input/encoding-unavailable', SHOWN[this.encoding]));
    }
  }

  decode(bytes: Uint8Array, end: boolean): { text: string; error?: FireCheckError } {
    if (this.encoding === 'utf8') return this.decodeUtf8(bytes, end);
    try {
      return { text: this.decoder.decode(bytes, { stream: !end }) };
    } catch {
      return { text: '', error: new FireCheckError('input/not-encoded', `${this.options.source}: ${say(this.options.m, 'input/not-encoded', SHOWN[this.encoding])}`) };
    }
  }

  /**
   * UTF-8 up to the last whole character of each chunk, not in the decoder's
   * stream mode, so that bytes that fail are here, in this piece, and can be
   * placed on their line (LF is never part of another UTF-8 character).
   */
  private decodeUtf8(bytes: Uint8Array, end: boolean): { text: string; error?: FireCheckError } {
    const all = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
    const cut = end ? all.length : wholeCharacters(all);
    this.carry = all.subarray(cut);
    const piece = all.subarray(0, cut);
    let text: string;
    try {
      text = this.decoder.decode(piece);
    } catch {
      return this.notUtf8(piece);
    }
    // UTF-16 without a mark is valid UTF-8 when it is ASCII: a NUL between letters gives it away.
    if (!this.started && this.guessing && text.includes('\0') && guessEncoding(piece) !== 'code page') return this.notUtf8(piece);
    for (let i = piece.indexOf(LF); i !== -1; i = piece.indexOf(LF, i + 1)) this.line += 1;
    return { text: this.withoutMark(text) };
  }

  /** The text of the whole lines before the bad one, and the error that names it and says what the bytes look like. */
  private notUtf8(lines: Uint8Array): { text: string; error: FireCheckError } {
    const { m, source } = this.options;
    const guess = guessEncoding(lines);
    // Lines mean nothing in UTF-16 read as UTF-8; in a code page, they find the bad name.
    if (guess !== 'code page') return { text: '', error: new FireCheckError('input/utf16-without-bom', `${source}: ${say(m, 'input/utf16-without-bom', SHOWN[guess], guess)}`) };
    const { at, line } = this.firstBadLine(lines);
    return { text: this.withoutMark(this.decoder.decode(lines.subarray(0, at))), error: new FireCheckError('input/code-page', m.batch.atLine(source, line, say(m, 'input/code-page'))) };
  }

  /** The text, without the byte-order mark at the very start of the input. */
  private withoutMark(text: string): string {
    if (this.started || !text) return text;
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** Where the first line that is not UTF-8 starts in `lines` (which may start inside a line), and its number. */
  private firstBadLine(lines: Uint8Array): { at: number; line: number } {
    let at = 0;
    let line = this.line;
    for (let end = lines.indexOf(LF); end !== -1; end = lines.indexOf(LF, at)) {
      if (!isUtf8(lines.subarray(at, end))) break;
      line += 1;
      at = end + 1;
    }
    return { at, line };
  }
}

/** How many bytes of `bytes` hold whole UTF-8 characters: all but a character cut at the end. */
export function wholeCharacters(bytes: Uint8Array): number {
  let start = bytes.length - 1;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (start > 0 && bytes.length - start < 4 && ((bytes[start] as number) & 0xc0) === 0x80) start -= 1;
  const lead = bytes[start] ?? 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - start < size ? start : bytes.length;
}
