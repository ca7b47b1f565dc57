import { describe, expect, it } from 'vitest';
import { controlOptionsFromEnv } from './config.ts';

describe('control configuration from the environment', () => {
  it('defaults: operator/onescreen, 8 h and 24 h tokens, a random secret per process', () => {
    const a = controlOptionsFromEnv({});
    expect(a).toMatchObject({ operatorUser: 'operator', operatorPassword: 'onescreen', operatorTokenTtlS: 28_800, displayTokenTtlS: 86_400 });
    expect(a.redisUrl).toBeUndefined();
    expect(a.tokenSecret).not.toBe(controlOptionsFromEnv({}).tokenSecret);
  });

  it('reads the credential, lifetimes, display key and Redis', () => {
    const o = controlOptionsFromEnv({
      HUB_OPERATOR_USER: 'duty',
      HUB_OPERATOR_PASSWORD: 'pw',
      HUB_TOKEN_SECRET: 'a-shared-secret-of-some-length',
      HUB_OPERATOR_TOKEN_TTL_S: '60',
      HUB_DISPLAY_TOKEN_TTL_S: '120',
      HUB_DISPLAY_KEY: 'k',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(o).toMatchObject({ operatorUser: 'duty', operatorPassword: 'pw', operatorTokenTtlS: 60, displayTokenTtlS: 120, displayKey: 'k', redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('refuses a config hub processes could not share, or nonsense numbers', () => {
    expect(() => controlOptionsFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/HUB_TOKEN_SECRET is required/);
    expect(() => controlOptionsFromEnv({ HUB_TOKEN_SECRET: 'short' })).toThrow(/at least 16/);
    expect(() => controlOptionsFromEnv({ HUB_OPERATOR_TOKEN_TTL_S: '-5' })).toThrow(/HUB_OPERATOR_TOKEN_TTL_S/);
  });
});
