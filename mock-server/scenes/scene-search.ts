import { z } from 'zod';

/** GET /designer/scenes?q=<words>: one `q`, at most 200 characters. */
export const ListQuerySchema = z.object({ q: z.string().max(200).optional() });

/**
 * Whether every word of `q` is in the scene's id, title, English title or description, whatever
 * its case: the designer narrows the list by typing more words. No words: every scene.
 */
export function matchesWords(s: { id: string; title: string; titleEn: string; description: string }, q: string | undefined): boolean {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const text = [s.id, s.title, s.titleEn, s.description].join('\n').toLowerCase();
  return words.every((w) => text.includes(w));
}
