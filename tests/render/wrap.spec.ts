import { describe, expect, it } from 'vitest';
import { wrapper } from '../../src/render/text.js';
import { displayWidth, truncateToWidth, wrapWords } from '../../src/render/wrap.js';
import { wrapProblems } from '../helpers/words.js';

const ENGLISH =
  'Your time 1/1 · How often do they treat your time as theirs? ("finish it by tonight", constant small emergencies, late-night calls, expecting you around the clock)';
// Thai writes no spaces between words: only a dictionary knows where a line may break.
const THAI = [
  'เวลาของคุณ 1/1 · ลูกค้าทำเหมือนเวลาของคุณเป็นของเขาบ่อยแค่ไหน? ("ทำให้เสร็จภายในคืนนี้" เรื่องด่วนเล็ก ๆ ไม่หยุด โทรมาดึก ๆ คาดหวังให้คุณว่างตลอด 24 ชั่วโมง)',
  'สถานการณ์ 2/5 · ตอนนี้มีงานที่กำลังทำให้ลูกค้ารายนี้อยู่หรือไม่? ลูกค้าจ่ายน้อยกว่าลูกค้ารายอื่นของคุณอย่างชัดเจน และปฏิเสธการขึ้นราคาทุกรูปแบบ',
];

describe('wrapWords', () => {
  it.each([50, 30, 20])('English at %i columns: lines fit, and break only between words', (width) => {
    const lines = wrapWords(ENGLISH, width, 'en');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(wrapProblems(lines, ENGLISH, 'en')).toEqual([]);
  });

  it('fills each line: the next word would not have fitted', () => {
    const lines = wrapWords(ENGLISH, 50, 'en');
    for (let i = 0; i + 1 < lines.length; i++) {
      const nextWord = (lines[i + 1] as string).split(' ')[0] as string;
      expect(displayWidth(`${lines[i]} ${nextWord}`)).toBeGreaterThan(50);
    }
  });

  it.each(THAI.flatMap((text) => [50, 40, 25].map((width) => [width, text] as const)))('Thai at %i columns: lines fit, and break only at word boundaries', (width, text) => {
    const lines = wrapWords(text, width, 'th');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(wrapProblems(lines, text, 'th')).toEqual([]);
  });

  it.each([20, 22, 26, 30, 34, 40])('never breaks at a no-break space: an amount stays whole (%i columns)', (width) => {
    const amount = new Intl.NumberFormat('hu', { style: 'currency', currency: 'EUR' }).format(1234567); // 1\u00a0234\u00a0567,00\u00a0EUR
    const text = `Szedd be a lejárt összeget (${amount}) mielőtt befejezed`;
    const lines = wrapWords(text, width, 'hu');
    expect(lines.some((line) => line.includes(`(${amount})`)), lines.join(' | ')).toBe(true);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    // With colour codes, as --color writes them, the same.
    expect(wrapWords(`\u001b[1m${text}\u001b[22m`, width, 'hu').some((line) => line.includes(`(${amount})`))).toBe(true);
  });

  it('breaks Thai between words where there is no space, which a space-only wrapper cannot', () => {
    const text = 'ลูกค้าไม่จ่ายเงินเลยสำหรับงานที่คุณส่งมอบไปแล้วหรือไม่';
    const lines = wrapWords(text, 20, 'th');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    expect(wrapProblems(lines, text, 'th')).toEqual([]);
  });

  // Words joined to punctuation (ใหญ่-เล็ก, ฟิลด์=คอลัมน์, ผม/ครับ) and the re-check line of history: at a narrow
  // width such a group may not fit a line, and is broken between its words, never inside one.
  const NARROW_THAI = [
    'ครั้งก่อน (22 ตุลาคม 2569): "แก้ไข" คะแนน 19 ตอนนี้: "ยุติ" คะแนน 44 แย่ลง: จ่ายเงินล่าช้า บ่อย → ทุกครั้ง; ยังไม่บรรลุเป้าหมายที่ตั้งไว้ครั้งก่อน',
    'ชื่อลูกค้า (ไม่สนใจตัวพิมพ์ใหญ่-เล็ก ช่องว่าง และเครื่องหมายเน้นเสียง)',
    'ให้เขียนเป็นคู่ ฟิลด์=คอลัมน์ คั่นด้วยจุลภาค',
    'ค่าที่ใช้ได้: (สรรพนามและคำลงท้ายในจดหมายภาษาไทย: ผม/ครับ, ดิฉัน/ค่ะ หรือไม่ระบุเพศ)',
  ];
  it.each(NARROW_THAI.flatMap((text) => [6, 8, 10, 12, 16, 20].map((width) => [width, text] as const)))('Thai at %i columns: every break falls where Intl.Segmenter puts a word boundary, unless a word alone is wider (%s)', (width, text) => {
    const lines = wrapWords(text, width, 'th');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(wrapProblems(lines, text, 'th', width)).toEqual([]);
  });

  it('with colour codes in it, Thai still breaks only between words, and the codes are kept, taking no width', () => {
    const red = (t: string) => `\u001b[31m${t}\u001b[39m`;
    const plain = 'ยุติ   ถึงเวลายุติความสัมพันธ์ และยุติอย่างดี ยังไม่บรรลุเป้าหมายที่ตั้งไว้ครั้งก่อน';
    const coloured = `${red(' ยุติ ')}  ถึงเวลายุติความสัมพันธ์ และยุติอย่างดี ยังไม่บรรลุเป้าหมายที่ตั้งไว้ครั้งก่อน`;
    const strip = (t: string) => t.replace(/\u001b\[\d+m/g, '');
    for (const width of [12, 16, 24, 30]) {
      const lines = wrapWords(coloured, width, 'th');
      expect(lines.join('\n').match(/\u001b\[\d+m/g)).toEqual(['\u001b[31m', '\u001b[39m']);
      for (const line of lines) expect(displayWidth(strip(line)), line).toBeLessThanOrEqual(width);
      expect(wrapProblems(lines.map(strip), plain.trimStart(), 'th', width)).toEqual([]);
      // The report's wrapper, which indents: the same breaks.
      expect(wrapper(width + 4)(coloured, 2, 4).split('\n').map((l) => strip(l).trim())).toEqual(lines.map(strip));
    }
  });

  it('starts no line with punctuation or with ๆ, which belong to the word before', () => {
    for (const width of [10, 12, 14, 16, 18]) {
      for (const line of wrapWords('Does it pay late? Often (e.g. weeks). เรื่องด่วนเล็ก ๆ ไม่หยุด โทรมาดึก ๆ', width, 'th').slice(1)) {
        expect(line, `at ${width}`).not.toMatch(/^[?).,ๆ]/);
      }
    }
  });

  it('keeps the line breaks of the text, and cuts a word that no line can hold', () => {
    expect(wrapWords('one two\nthree', 80, 'en')).toEqual(['one two', 'three']);
    expect(wrapWords('abcdefghij', 4, 'en')).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('leaves the text alone without a width (not a terminal)', () => {
    expect(wrapWords(ENGLISH, Infinity, 'en')).toEqual([ENGLISH]);
  });
});

describe('displayWidth and truncateToWidth', () => {
  it('counts the columns a terminal gives Thai: marks above and below none, SARA AM one', () => {
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('กำลัง')).toBe(4);
  });

  it('cuts to the width with an ellipsis, and leaves what fits alone', () => {
    expect(truncateToWidth('Scope and agreements · Refuses to sign a contract', 30)).toBe('Scope and agreements · Refuse…');
    expect(truncateToWidth('Money · Pays late', 30)).toBe('Money · Pays late');
    const thai = truncateToWidth('ขอบเขตงานและข้อตกลง · ไม่ทำตามเงื่อนไขที่ตกลงกันไว้', 30);
    expect(displayWidth(thai)).toBeLessThanOrEqual(30);
    expect(thai.endsWith('…')).toBe(true);
  });
});
