import type { Problem } from './editor/index.ts';

/**
 * Why Publish is off, or null when the saved head can be published. Publish sends the saved head,
 * so a draft with unsaved edits would publish something other than what the designer sees.
 */
export function publishBlock(o: { dirty: boolean; problems: readonly Problem[] }): string | null {
  if (o.dirty) return '有未保存的编辑：先保存 Unsaved edits: save first';
  const n = o.problems.length;
  if (n) return `草稿有 ${n} 个问题 ${n} problem${n > 1 ? 's' : ''} to fix first: ${o.problems[0].path ? `${o.problems[0].path}: ` : ''}${o.problems[0].message}`;
  return null;
}

/** What publishing the head would do, said beside the enabled button. */
export function publishNote(head: number, published: number | null): string {
  if (published === head) return `v${head} 已是大屏显示的版本 Version ${head} is already what walls show`;
  return published === null ? `v${head} 将首次发布 Version ${head} goes to walls for the first time` : `大屏将从 v${published} 切换到 v${head} Walls switch from version ${published} to ${head}`;
}
