/** The checks a designer's typed names get before anything is sent: the id (permanent) and titles. */
import { SceneIdSchema } from '../hub/contract.ts';

export function checkNewId(id: string, taken: Iterable<string>): string | null {
  if (!id) return '请输入场景标识 Enter the scene id';
  if (!SceneIdSchema.safeParse(id).success) return '标识：小写字母、数字和连字符，字母开头，至多 40 个 Id: lower-case letters, digits and dashes, starting with a letter (at most 40)';
  for (const t of taken) if (t === id) return `标识“${id}”已存在 Id "${id}" already exists`;
  return null;
}

export function checkTitles(title: string, titleEn: string): string | null {
  if (!title.trim() || title.trim().length > 20) return '中文标题 1–20 字 Title: 1 to 20 characters';
  if (!titleEn.trim() || titleEn.trim().length > 60) return '英文标题 1–60 字 English title: 1 to 60 characters';
  return null;
}
