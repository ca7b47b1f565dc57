import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const a = (type: string): string =>
  ({ number: 'a number', boolean: 'on or off', string: 'text', array: 'a list', object: 'a group of fields', tuple: 'a list' })[type] ?? `a ${type}`;

const bound = (n: number | bigint): string => String(n);

/** What is wrong with a value, in plain words (no zod jargon): "must be at most 1". */
export function issueWords(issue: Issue): string {
  switch (issue.code) {
    case 'too_big': {
      const { origin, maximum, inclusive } = issue;
      if (origin === 'string') return `must be at most ${bound(maximum)} characters`;
      if (origin === 'array' || origin === 'set') return `may hold at most ${bound(maximum)} items`;
      return inclusive === false ? `must be less than ${bound(maximum)}` : `must be at most ${bound(maximum)}`;
    }
    case 'too_small': {
      const { origin, minimum, inclusive } = issue;
      if (origin === 'string') return Number(minimum) === 1 ? 'must not be empty' : `must be at least ${bound(minimum)} characters`;
      if (origin === 'array' || origin === 'set') return Number(minimum) === 1 ? 'must hold at least one item' : `must hold at least ${bound(minimum)} items`;
      return inclusive === false ? `must be more than ${bound(minimum)}` : `must be at least ${bound(minimum)}`;
    }
    case 'invalid_type':
      return `must be ${a(issue.expected)}`;
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string' && issue.pattern.includes('#')) {
        return 'must be a colour like #3fd0ff';
      }
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'is not in the expected form';
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has no field ${issue.keys.map((k) => `“${k}”`).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${bound(issue.divisor)}`;
    case 'invalid_union':
      return 'must be text, a number, on/off or a list of numbers';
    default:
      return issue.message;
  }
}
