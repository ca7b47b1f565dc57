import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { createTokenService, memoryRevocations, sameSecret } from './auth.ts';

const SECRET = 'unit-test-secret-0123456789abcdef';

function service(clock: { t: number }) {
  return createTokenService({ secret: SECRET, operatorTtlS: 3600, displayTtlS: 86_400, revocations: memoryRevocations(() => clock.t), now: () => clock.t });
}

describe('tokens', () => {
  it('issues operator and display tokens with their claims and lifetimes', async () => {
    const clock = { t: 1_800_000_000_000 };
    const tokens = service(clock);
    const op = await tokens.issueOperator('alice');
    expect(op).toMatchObject({ role: 'operator', expiresAt: clock.t + 3600_000 });
    const claims = decodeJwt(op.token);
    expect(claims).toMatchObject({ role: 'operator', sub: 'alice', iss: 'onescreen-hub' });
    expect(typeof claims.jti).toBe('string');
    const display = await tokens.issueDisplay({ id: 'dev-0123456789abcdef', wall: 'main', display: 'd0' });
    expect(display.expiresAt).toBe(clock.t + 86_400_000);
    expect(await tokens.verify(display.token)).toMatchObject({
      ok: true,
      claims: { role: 'display', wall: 'main', display: 'd0', sub: 'main/d0', dev: 'dev-0123456789abcdef' },
    });
    // Every token is its own: revoking one leaves the next alone.
    expect(decodeJwt((await tokens.issueOperator('alice')).token).jti).not.toBe(claims.jti);
  });

  it('issues designer tokens with their own lifetime (the operator\'s unless set), revocable like the others', async () => {
    const clock = { t: 1_800_000_000_000 };
    const tokens = createTokenService({ secret: SECRET, operatorTtlS: 3600, displayTtlS: 86_400, designerTtlS: 7200, revocations: memoryRevocations(() => clock.t), now: () => clock.t });
    const designer = await tokens.issueDesigner('studio');
    expect(designer).toMatchObject({ role: 'designer', expiresAt: clock.t + 7200_000 });
    expect(await tokens.verify(designer.token)).toMatchObject({ ok: true, claims: { role: 'designer', sub: 'studio' } });
    expect((await service(clock).issueDesigner('studio')).expiresAt).toBe(clock.t + 3600_000);
    // A hub whose designers get an hour refuses a token living longer, whoever signed it with the key.
    expect(await service(clock).verify(designer.token)).toMatchObject({ ok: false, message: 'token lifetime out of bounds' });
    await tokens.revoke(designer.token);
    expect(await tokens.verify(designer.token)).toMatchObject({ ok: false, message: 'token revoked' });
  });

  it('an expired token says so; a forged or mangled one is unauthorised', async () => {
    const clock = { t: 1_800_000_000_000 };
    const tokens = service(clock);
    const { token } = await tokens.issueOperator('alice');
    clock.t += 3600_000 - 1000;
    expect((await tokens.verify(token)).ok).toBe(true);
    clock.t += 2000;
    expect(await tokens.verify(token)).toMatchObject({ ok: false, error: 'token-expired' });
    const forger = createTokenService({ secret: 'another-secret-0123456789abcdef', operatorTtlS: 3600, displayTtlS: 60, revocations: memoryRevocations() });
    expect(await tokens.verify((await forger.issueOperator('mallory')).token)).toMatchObject({ ok: false, error: 'unauthorised' });
    for (const bad of [undefined, '', 42, token.slice(0, -3) + 'abc', token.replace(/\.[^.]+\./, '.e30.')])
      expect(await tokens.verify(bad)).toMatchObject({ ok: false, error: 'unauthorised' });
  });

  it('a revoked token stays refused until it would have expired, then the list forgets it', async () => {
    const clock = { t: 1_800_000_000_000 };
    const revocations = memoryRevocations(() => clock.t);
    const tokens = createTokenService({ secret: SECRET, operatorTtlS: 60, displayTtlS: 60, revocations, now: () => clock.t });
    const { token } = await tokens.issueOperator('alice');
    expect((await tokens.revoke(token)).ok).toBe(true);
    expect(await tokens.verify(token)).toMatchObject({ ok: false, error: 'unauthorised', message: 'token revoked' });
    const jti = decodeJwt(token).jti!;
    expect(await revocations.isRevoked(jti)).toBe(true);
    clock.t += 61_000;
    expect(await revocations.isRevoked(jti)).toBe(false);
    expect(await tokens.verify(token)).toMatchObject({ ok: false, error: 'token-expired' });
  });

  it('revoking a device refuses every token issued to it, for as long as one could verify', async () => {
    const clock = { t: 1_800_000_000_000 };
    const tokens = service(clock);
    const device = { id: 'dev-aaaaaaaaaaaaaaaa', wall: 'main', display: 'd0' };
    const [a, b] = [await tokens.issueDisplay(device), await tokens.issueDisplay(device)];
    const other = await tokens.issueDisplay({ ...device, id: 'dev-bbbbbbbbbbbbbbbb', display: 'd1' });
    await tokens.revokeDevice(device.id);
    for (const t of [a, b]) expect(await tokens.verify(t.token)).toMatchObject({ ok: false, message: 'display revoked' });
    expect((await tokens.verify(other.token)).ok).toBe(true);
    clock.t += 86_000_000;
    expect(await tokens.verify(a.token)).toMatchObject({ ok: false, message: 'display revoked' });
  });

  it('a correctly signed token that lives longer than the hub issues, or was issued in the future, is refused', async () => {
    const clock = { t: 1_800_000_000_000 };
    const tokens = service(clock);
    // The same key with other lifetimes (a hub started with other settings, or a leaked key).
    const lax = createTokenService({ secret: SECRET, operatorTtlS: 365 * 86_400, displayTtlS: 86_400, revocations: memoryRevocations(), now: () => clock.t });
    expect(await tokens.verify((await lax.issueOperator('alice')).token)).toMatchObject({ ok: false, message: 'token lifetime out of bounds' });
    const ahead = createTokenService({ secret: SECRET, operatorTtlS: 3600, displayTtlS: 86_400, revocations: memoryRevocations(), now: () => clock.t + 3600_000 });
    expect(await tokens.verify((await ahead.issueOperator('alice')).token)).toMatchObject({ ok: false, message: 'token lifetime out of bounds' });
  });

  it('never forgets a live revocation, however many come after it', async () => {
    const clock = { t: 1_800_000_000_000 };
    const revocations = memoryRevocations(() => clock.t);
    const tokens = createTokenService({ secret: SECRET, operatorTtlS: 3600, displayTtlS: 3600, revocations, now: () => clock.t });
    const { token } = await tokens.issueOperator('alice');
    await tokens.revoke(token);
    for (let i = 0; i < 150_000; i++) await revocations.revoke(`jti-${i}`, clock.t + 60_000);
    expect(await tokens.verify(token)).toMatchObject({ ok: false, message: 'token revoked' });
  });

  it('never accepts random strings as tokens', async () => {
    const tokens = service({ t: Date.now() });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        expect((await tokens.verify(s)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sameSecret', () => {
  it('is true exactly for equal strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sameSecret(a, b)).toBe(a === b);
        expect(sameSecret(a, a)).toBe(true);
      }),
    );
  });
});
