import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { offerAfterVerdict, type OfferOptions } from '../../src/interview/offers.js';

/** The offers on the virtual screen, with a pretend folder: what they printed, said and saved ends up in `done`. */
function start(options: { files?: string[]; saves?: boolean; failing?: string; endsIt?: boolean } = {}) {
  const files = new Set(options.files ?? []);
  const done: string[] = [];
  const saveAnswers = async (file: string) => {
    if (file === options.failing) return 'no such folder';
    files.add(file);
    done.push(`saved ${file}`);
    return undefined;
  };
  const run = offerAfterVerdict({
    say: (line) => done.push(line),
    ...(options.endsIt === false ? {} : { showScript: async () => void done.push('script') }),
    exists: (file) => files.has(file),
    ...(options.saves === false ? {} : { saveAnswers }),
  } satisfies OfferOptions);
  return { run, done };
}

async function answer(text: string, ...keys: string[]) {
  for (let i = 0; i < 20 && !screen.getScreen().includes(text); i++) await Promise.race([screen.next(), new Promise((r) => setTimeout(r, 200))]);
  expect(screen.getScreen()).toContain(text);
  for (const key of keys) {
    if (key.startsWith('type:')) screen.type(key.slice(5));
    else screen.keypress(key);
  }
}

describe('after a verdict to end it', () => {
  it('shows the words to use on Enter; saving is only on request', async () => {
    const { run, done } = start();
    await answer('Show the words to use when you end it? (Y/n)', 'enter');
    await answer('Save these answers to a file, to score them again later? (y/N)', 'enter');
    await run;
    expect(done).toEqual(['script']);
  });

  it('never replaces a file without a yes: Enter at "Replace it?" asks for another file', async () => {
    const { run, done } = start({ files: ['acme.json'] });
    await answer('Show the words', 'type:n', 'enter');
    await answer('Save these answers', 'type:y', 'enter');
    await answer('? Save them to which file?', 'type:acme.json', 'enter');
    await answer('acme.json already exists. Replace it? (y/N)', 'enter');
    await answer('? Save them to which file?', 'type:acme-2.json', 'enter');
    await run;
    expect(done).toEqual(['saved acme-2.json', 'Answers saved to acme-2.json.']);
  });

  it('replaces an existing file when confirmed; says why a file could not be written, and asks again', async () => {
    const { run, done } = start({ files: ['acme.json'], failing: 'gone/acme.json' });
    await answer('Show the words', 'type:n', 'enter');
    await answer('Save these answers', 'type:y', 'enter');
    await answer('? Save them to which file?', 'type:gone/acme.json', 'enter');
    await answer('? Save them to which file?', 'type:acme.json', 'enter');
    await answer('Replace it?', 'type:y', 'enter');
    await run;
    expect(done).toEqual(['Cannot save to gone/acme.json: no such folder.', 'saved acme.json', 'Answers saved to acme.json.']);
  });

  it('an empty file name saves nothing', async () => {
    const { run, done } = start();
    await answer('Show the words', 'type:n', 'enter');
    await answer('Save these answers', 'type:y', 'enter');
    await answer('? Save them to which file?', 'enter');
    await run;
    expect(done).toEqual([]);
  });

  it('does not offer to save answers that --save-answers saves already', async () => {
    const { run, done } = start({ saves: false });
    await answer('Show the words', 'enter');
    await run;
    expect(done).toEqual(['script']);
  });
});

describe('after a fix', () => {
  it('offers only to save the answers, for the re-check: there is nothing to end, so no words to use', async () => {
    const { run, done } = start({ endsIt: false });
    await answer('Save these answers to a file, to score them again later? (y/N)', 'type:y', 'enter');
    await answer('? Save them to which file?', 'type:acme.json', 'enter');
    await run;
    expect(done).toEqual(['saved acme.json', 'Answers saved to acme.json.']);
    expect(screen.getScreen()).not.toContain('Show the words');
  });
});
