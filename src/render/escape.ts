// Text from data (a client's name, a pack's texts, an answer id, a file name)
// made harmless for the terminal and the Markdown it lands in (issue 12).
//
// A terminal acts on some characters instead of showing them: ESC starts the
// sequences that set the clipboard (OSC 52) or clear the screen (CSI 2J), BEL
// ends some of them, CR goes back over what was printed, 0x9b is a one-byte
// CSI, the bidi controls reorder whatever follows, and U+2028/U+2029 break
// lines in some terminals and editors. Each one
// that comes from data is shown instead as its code, the way JSON writes it:
// ESC as the six characters `\u001b`.
//
// Where it happens: once, where data enters text output, never in a renderer.
// The cli hands text renderers, the interview and the listings a copy of
// their data with every string escaped (escapeData), and escapes every line it
// writes to stderr as a whole (errors are never coloured). So our own colour
// codes, which the renderers add afterwards, still work, and a new renderer
// gets safe data without doing anything. Sanitising the finished text instead,
// in the writer, could not tell our colour codes from the same bytes in a
// client's name. JSON output is exact: JSON.stringify escapes what it must.

/**
 * Every character a terminal or a reader may act on: C0 controls, DEL, C1
 * controls, every bidi control (Unicode's Bidi_Control: the embeddings,
 * overrides and isolates, and the marks U+200E, U+200F and U+061C, which
 * reorder neutral text around them), and the line and paragraph separators
 * U+2028 and U+2029, which some terminals and editors break lines at.
 */
const CONTROLS = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
/** The same but line feed and tab, which text that runs over lines may use for its layout. */
const CONTROLS_BUT_LAYOUT = /(?![\n\t])[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A one-line piece of data (a name, an id, a table cell, an error line): every control shown as its code, line feeds and tabs too. */
export function escapeLine(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** Data that may run over lines (a pack's text): every control shown as its code but line feeds and tabs. */
export function escapeText(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, visible);
}

/**
 * A copy of `value` with every string in it escaped by escapeText, through
 * arrays, plain objects and Maps (values only: keys are ids, which a pack's
 * schema keeps to letters, digits, - and _). For handing data to text output
 * whole, so that no field can be forgotten.
 */
export function escapeData<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T;
  if (Array.isArray(value)) return value.map(escapeData) as T;
  if (value instanceof Map) return new Map([...value].map(([key, v]) => [key, escapeData(v)])) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, escapeData(v)])) as T;
  }
  return value;
}

/**
 * Escapes text from data so it cannot break a Markdown document's structure
 * or act on a terminal showing it. Line breaks become spaces (CR alone ends a
 * line in Markdown too), so only the text's own start can start a line: a
 * list marker (`-`, `+`, `1.`, `1)`), `=` (a heading's underline) or
 * indentation there are escaped or dropped, and everywhere the characters that start
 * emphasis, code, links, tables, HTML, headings, quotes and strikethrough.
 * A backslash is escaped only where Markdown would read it as one: before
 * punctuation, or at the end, where ours follows. So the code of a control
 * (`\u001b`, shown as codes last, or by escapeData before) reads the same in
 * the source and in the rendered document.
 */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/\r\n?|\n|\t/g, ' ')
    .trimStart()
    .replace(/\\(?=[!-/:-@[-`{-~]|$)|[`*_[\]|<>#~]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return escapeLine(line);
}
