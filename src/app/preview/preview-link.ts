import { FromPreviewSchema, ToPreviewSchema, type FromPreview, type ToPreview } from '../../core/preview-protocol.ts';
import type { TokenSource } from '../../hub/display-token.ts';

/**
 * The preview's side of the designer's messages (src/core/preview-protocol.ts): only the parent
 * page of the same origin is heard; anything else, or anything malformed, is ignored.
 */
export function listenToDesigner(onMessage: (m: ToPreview) => void, win: Window = window): () => void {
  const listener = (e: MessageEvent) => {
    if (e.origin !== win.location.origin || e.source !== win.parent) return;
    const parsed = ToPreviewSchema.safeParse(e.data);
    if (parsed.success) onMessage(parsed.data);
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}

export function tellDesigner(message: FromPreview, win: Window = window) {
  // Checked on the way out too: a message the designer would drop is a bug here.
  win.parent.postMessage(FromPreviewSchema.parse(message), win.location.origin);
}

/**
 * The designer's token, handed over by message: the preview never signs in itself. A refused
 * token waits for the next one the designer sends (it renews its own before expiry).
 */
export class PreviewToken implements TokenSource {
  private waiting: ((token: string) => void)[] = [];
  private stale = false;

  constructor(private token: string) {}

  set(token: string) {
    this.token = token;
    this.stale = false;
    for (const resolve of this.waiting.splice(0)) resolve(token);
  }

  refused() {
    this.stale = true;
  }

  current(): Promise<string> {
    if (!this.stale) return Promise.resolve(this.token);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
