import { describe, expect, it } from 'vitest';
import { checkDesignerPassword, checkOperatorPassword, controlOptionsFromEnv } from './config.ts';

describe('control configuration from the environment', () => {
  it('defaults: operator/onescreen, 8 h and 24 h tokens, a random secret per process', () => {
    const a = controlOptionsFromEnv({});
    expect(a).toMatchObject({ operatorUser: 'operator', operatorPassword: 'onescreen', operatorTokenTtlS: 28_800, displayTokenTtlS: 86_400 });
    expect(a.redisUrl).toBeUndefined();
    expect(a.tokenSecret).not.toBe(controlOptionsFromEnv({}).tokenSecret);
  });

  it('reads the credential, lifetimes, demo mode, walls, socket caps and Redis', () => {
    const o = controlOptionsFromEnv({
      HUB_OPERATOR_USER: 'duty',
      HUB_OPERATOR_PASSWORD: 'pw',
      HUB_TOKEN_SECRET: 'a-shared-secret-of-some-length',
      HUB_OPERATOR_TOKEN_TTL_S: '60',
      HUB_DISPLAY_TOKEN_TTL_S: '120',
      HUB_DEMO: '1',
      HUB_WALLS: 'main, lobby',
      HUB_MAX_SOCKETS_PER_ADDRESS: '10',
      HUB_MAX_SOCKETS_PER_TOKEN: '2',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(o).toMatchObject({ operatorUser: 'duty', operatorPassword: 'pw', operatorTokenTtlS: 60, displayTokenTtlS: 120, redisUrl: 'redis://127.0.0.1:6379' });
    expect(o).toMatchObject({ demo: true, walls: ['main', 'lobby'], maxSocketsPerAddress: 10, maxSocketsPerToken: 2 });
    expect(controlOptionsFromEnv({})).toMatchObject({ demo: false, walls: ['main'] });
  });

  it('refuses a config hub processes could not share, or nonsense numbers', () => {
    expect(() => controlOptionsFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/HUB_TOKEN_SECRET is required/);
    expect(() => controlOptionsFromEnv({ HUB_TOKEN_SECRET: 'short' })).toThrow(/at least 16/);
    expect(() => controlOptionsFromEnv({ HUB_OPERATOR_TOKEN_TTL_S: '-5' })).toThrow(/HUB_OPERATOR_TOKEN_TTL_S/);
    expect(() => controlOptionsFromEnv({ HUB_WALLS: 'Main Hall' })).toThrow(/HUB_WALLS/);
    // The shared display key is gone: anyone who read it could be a display.
    expect(() => controlOptionsFromEnv({ HUB_DISPLAY_KEY: 'k' })).toThrow(/HUB_DISPLAY_KEY is gone/);
  });

  it('outside demo mode the default password stops the hub; a set one or demo mode does not', () => {
    expect(() => checkOperatorPassword(controlOptionsFromEnv({}))).toThrow(/set HUB_OPERATOR_PASSWORD/);
    expect(() => checkOperatorPassword(controlOptionsFromEnv({ HUB_DEMO: '1' }))).not.toThrow();
    expect(() => checkOperatorPassword(controlOptionsFromEnv({ HUB_OPERATOR_PASSWORD: 'a-real-one' }))).not.toThrow();
  });

  it('the designer account: designer/onescreen by default, 8 h tokens; its default password stops a hub outside demo mode too', () => {
    expect(controlOptionsFromEnv({})).toMatchObject({ designerUser: 'designer', designerPassword: 'onescreen', designerTokenTtlS: 28_800 });
    const o = controlOptionsFromEnv({ HUB_DESIGNER_USER: 'studio', HUB_DESIGNER_PASSWORD: 'pw2', HUB_DESIGNER_TOKEN_TTL_S: '90' });
    expect(o).toMatchObject({ designerUser: 'studio', designerPassword: 'pw2', designerTokenTtlS: 90 });
    expect(() => controlOptionsFromEnv({ HUB_DESIGNER_TOKEN_TTL_S: '0' })).toThrow(/HUB_DESIGNER_TOKEN_TTL_S/);
    expect(() => checkDesignerPassword(controlOptionsFromEnv({ HUB_OPERATOR_PASSWORD: 'a-real-one' }))).toThrow(/set HUB_DESIGNER_PASSWORD/);
    expect(() => checkDesignerPassword(controlOptionsFromEnv({ HUB_DEMO: '1' }))).not.toThrow();
    expect(() => checkDesignerPassword(controlOptionsFromEnv({ HUB_DESIGNER_PASSWORD: 'another-real-one' }))).not.toThrow();
  });
});
