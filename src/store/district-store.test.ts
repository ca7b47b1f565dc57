import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '../hub/contract.ts';
import { createDistrictStore } from './district-store.ts';

describe('district store', () => {
  it('starts without districts and holds the ones the hub served', () => {
    const store = createDistrictStore();
    expect(store.getState()).toEqual({ districts: null });
    const districts = { contractVersion: CONTRACT_VERSION, datum: 'WGS84', type: 'FeatureCollection', features: [] } as never;
    store.setState({ districts });
    expect(store.getState().districts).toBe(districts);
  });
});
