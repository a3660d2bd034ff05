import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { rulePackJsonSchema } from '../../src/cli/rules.js';
import { root } from '../helpers/packs.js';

it('the shipped JSON Schema is the one generated from the zod schema', () => {
  const shipped = JSON.parse(readFileSync(`${root}schema/rule-pack.schema.json`, 'utf8'));
  // Regenerate with: npx fire-check rules schema > schema/rule-pack.schema.json
  expect(shipped).toEqual(rulePackJsonSchema());
});

it('the schema knows the fields a pack author types', () => {
  const text = JSON.stringify(rulePackJsonSchema());
  for (const field of ['questions', 'askIf', 'floors', 'floor', 'extends', 'disable', 'recheckDays', 'atLeast']) expect(text).toContain(`"${field}"`);
});
