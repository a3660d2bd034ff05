// Every problem a rule pack or a pack translation can have: a stable code and
// what it means, in one line. The checks name their problems from this table
// (a code that is not here does not type-check); docs/rule-packs.md lists the
// same codes, and tests/pack/codes.spec.ts holds the two together. The messages
// themselves are English, for pack authors, and may be reworded; codes stay.
export const PACK_PROBLEMS = {
  // Reading the file
  'pack/file-missing': 'there is no file at that path',
  'pack/not-a-file': 'the path is a folder, a device or a pipe, not a file',
  'pack/unreadable': 'the system would not let the file be read (permission denied...)',
  'pack/too-large': 'the file is over 1 MiB, more than any rule pack needs',
  'pack/not-utf8': 'the file holds bytes that are not UTF-8 text',
  // Parsing YAML or JSON
  'pack/syntax': 'the text is not valid YAML or JSON',
  'pack/duplicate-key': 'a key appears twice in one mapping',
  'pack/custom-tag': 'a YAML tag such as !!js/function; a pack is plain data',
  'pack/alias-limit': 'more than 100 YAML aliases: refused as a possible alias bomb',
  'pack/too-deep': 'brackets nested more than 64 levels deep',
  // Shape (the schema)
  'pack/format': 'the format field is missing or not the one this version reads (2)',
  'pack/unknown-key': 'a field the schema does not have at that place (often a typo)',
  'pack/missing-field': 'a required field is not there',
  'pack/wrong-type': 'a value of the wrong type (a list where a text goes, say)',
  'pack/not-an-option': 'a value that is not one of the few allowed (a kind, a verdict, a phase)',
  'pack/out-of-range': 'a number below its minimum or above its maximum (a negative weight, say)',
  'pack/empty': 'a text or list that must have something in it is empty',
  'pack/bad-pattern': 'an id or a language code not written as it must be (e.g. lower_snake_case)',
  'pack/invalid-value': 'a value the schema refuses for another reason',
  // Ids and references
  'pack/duplicate-id': 'two items in one list (or two script sections) share an id',
  'pack/id-clash': 'a rule has the id of a question; reasons need distinct ids',
  'pack/unknown-category': 'a question names a category the pack does not have',
  'pack/unknown-question': 'a condition names a question the pack does not have',
  'pack/unknown-placeholder': 'a text uses a {placeholder} that is neither a question id nor client, recheckOn, lastDay',
  // Questions
  'pack/no-signal': 'no question has a weight above 0, so nothing could ever score',
  'pack/number-only-field': 'min, max, bands or unit on a question that is not a number question',
  'pack/min-above-max': "a number question's min is above its max",
  'pack/bands-missing': 'a number question with a weight has no bands to turn numbers into points',
  'pack/band-inverted': "a number band's min is above its max",
  'pack/band-points-above-weight': "a number band gives more points than the question's weight",
  'pack/band-overlap': 'two number bands cover the same numbers',
  'pack/band-gap': 'whole numbers fall between two number bands',
  'pack/band-points-decrease': 'a number band gives fewer points than the band below it',
  'pack/band-coverage': "the number bands do not cover the question's min..max",
  'pack/floor-on-context': 'a floor on a context question (weight 0); only signals take floors',
  'pack/floor-at-best': "a floor that starts at the question's best answer",
  'pack/askif-not-earlier': 'askIf refers to a question that is not asked before this one',
  'pack/askif-on-signal': 'askIf refers to a signal; only context questions may decide what is asked',
  // Conditions
  'pack/condition-head': 'a condition has none, or more than one, of all, any, not, question',
  'pack/operator-misplaced': 'an operator (is, atLeast...) next to all, any or not instead of question',
  'pack/operator-count': 'a question condition without exactly one operator',
  'pack/operator-not-for-kind': 'an operator that does not apply to the kind of question (atLeast on yes/no...)',
  'pack/not-a-value': 'a value the question cannot take, in a condition or a floor',
  'pack/outside-scale': 'a value outside the 1 to 5 of a scale question',
  'pack/rule-signal-in-not': 'a rule looks at a signal inside "not", so it would fire on "Not sure"',
  'pack/rule-fires-on-best': "a rule could fire on a signal's best answer, or reward a better one",
  // Verdict bands (scoring.bands)
  'pack/verdict-band-missing': 'no band for keep, fix or fire',
  'pack/verdict-band-repeated': 'a verdict has more than one band',
  'pack/verdict-band-inverted': 'a verdict band whose from is not below its to',
  'pack/verdict-band-overlap': 'two verdict bands cover the same scores',
  'pack/verdict-band-gap': 'scores fall between two verdict bands',
  'pack/verdict-band-order': 'a higher band gives a milder verdict',
  'pack/verdict-band-coverage': 'the verdict bands do not run from 0 to 100',
  // Extending another pack
  'pack/not-a-pack': 'extends names a file that is not a fire-check rule pack (no format field)',
  'pack/extends-not-a-pack-file': 'extends names something other than a .yaml, .yml or .json file, or "default"',
  'pack/extends-missing': 'the base pack extends names is not there',
  'pack/extends-cycle': 'packs that extend each other in a circle',
  'pack/extends-base-invalid': 'the base pack has problems of its own (listed before this one)',
  'pack/disable-unknown': 'disable names an item the base pack does not have',
  'pack/disabled-and-changed': 'an item is both disabled and changed',
  'pack/listed-twice': 'the extending pack lists the same id twice in one list',
  'pack/disabled-still-used': 'a disabled question is still used by a rule, step or askIf',
  // Translations (my-pack.<lang>.yaml)
  'pack/translation-unknown-id': 'the translation names an item the pack does not have',
  'pack/translation-no-text': 'the translation gives a text the pack does not have (a help it lacks, say)',
  'pack/translation-placeholders': 'a translated text has other {placeholders} than the original',
  'pack/translation-optional-part': 'a translated text drops or adds the optional [[ ... ]] part',
} as const satisfies Record<`pack/${string}`, string>;

export type PackProblemCode = keyof typeof PACK_PROBLEMS;
