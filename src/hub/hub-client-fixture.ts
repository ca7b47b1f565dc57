// Tests only: a HubClient with fresh stores that never contacts a hub (start() is not called), so
// a test can feed its topic feed directly (client.feed.receive, then client.feed.flush).
import { checkScene } from '../modules/scene-validation.ts';
import { createCityStore } from '../store/city-store.ts';
import { createConnectionStore } from '../store/connection-store.ts';
import { createDiagnosticsStore } from '../store/diagnostics-store.ts';
import { createDistrictStore } from '../store/district-store.ts';
import { createTopicStore } from '../store/topic-store.ts';
import { HubClient, type HubClientDeps } from './hub-client.ts';

export function offlineHubClient(overrides: Partial<HubClientDeps> = {}) {
  const stores = {
    connection: createConnectionStore(),
    diagnostics: createDiagnosticsStore(),
    districts: createDistrictStore(),
    topics: createTopicStore(),
    city: createCityStore(),
  };
  const client = new HubClient({
    hubUrl: 'http://127.0.0.1:9',
    auth: { role: 'display', wall: 'main', display: '0' },
    ...stores,
    checkScene,
    onScenes: () => {},
    ...overrides,
  });
  return { client, ...stores };
}
