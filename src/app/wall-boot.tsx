import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { RuntimeConfig } from './runtime-config.ts';
import { readFlags, withSlot } from './runtime-config.ts';
import { createWallRuntime } from './wall-runtime.ts';
import { showWall } from './show-wall.tsx';
import { DisplayEnrolment, hintFromFlags, notEnrolledReloadDelay, type PairingView, type StoredDevice } from './enrolment/enrol-client.ts';
import { PairingCard } from './enrolment/PairingCard.tsx';

/** A quick approval (demo mode) shows no card at all: it is drawn only after this, or on news. */
const CARD_GRACE_MS = 600;

/** localStorage may be switched off (it then throws on access): a page without it pairs on every load. */
function pageStorage(name: 'localStorage' | 'sessionStorage'): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    const storage = window[name];
    if (storage) return storage;
  } catch {
    // fall through
  }
  const held = new Map<string, string>();
  return { getItem: (k) => held.get(k) ?? null, setItem: (k, v) => void held.set(k, v), removeItem: (k) => void held.delete(k) };
}

/**
 * The wall: enrolment first (src/hub/enrolment.ts), then its runtime (hub client, stores) and
 * screen, in the slot the operator approved. Nothing of the wall (twin, stores, socket) exists
 * before approval. A chunk of its own, so /console does not load it.
 */
export function bootWall(root: Root, config: RuntimeConfig) {
  const urlFlags = readFlags();
  // The designer's preview is the wall's screen but not a display: it never enrols.
  if (urlFlags.preview) return void import('./preview/boot-preview.ts').then((m) => m.bootPreview(root));
  let started = false;
  let latest: PairingView | null = null;
  const showCard = () => {
    if (!started && latest)
      root.render(
        <StrictMode>
          <PairingCard view={latest} />
        </StrictMode>,
      );
  };
  const enrolment = new DisplayEnrolment({
    hubUrl: config.hubUrl,
    hint: hintFromFlags(urlFlags),
    fetch: (input, init) => fetch(input, init),
    storage: pageStorage('localStorage'),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    onView: (view) => {
      latest = view;
      if (view.code || view.error || view.notice) showCard();
    },
    onProblem: (message) => console.warn(message),
  });

  const start = (device: StoredDevice) => {
    started = true;
    let leaving = false;
    const runtime = createWallRuntime(config.hubUrl, withSlot(urlFlags, device.slot), {
      credential: device.credential,
      // Revoked, or the slot went to another screen: this one must show a pairing card again. A
      // reload is the surest way to drop every part of the running wall; held back if the last one
      // was moments ago, so a confused hub cannot make a display reload in a tight loop.
      onNotEnrolled: () => {
        if (leaving) return;
        leaving = true;
        enrolment.forget();
        const delay = notEnrolledReloadDelay(pageStorage('sessionStorage'), Date.now());
        console.warn(`display ${device.device} is not enrolled any more: pairing again${delay ? ` in ${delay / 1000} s` : ''}`);
        setTimeout(() => location.reload(), delay);
      },
    });
    showWall(root, runtime);
  };

  const stored = enrolment.stored();
  if (stored) return start(stored);
  setTimeout(showCard, CARD_GRACE_MS);
  enrolment.obtain().then(start, (err: unknown) => {
    // The flow retries everything it expects; anything else is a bug: start over rather than sit dark.
    console.error('enrolment failed', err);
    setTimeout(() => location.reload(), 10_000);
  });
}
