import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { tokenSubjectResolver } from './token-subject.resolver';

// Stands in for @medmentor/auth's verifier: same provider name, same `verify` shape.
@Injectable()
class JwtVerifier {
  verify(token: string): Promise<{ subject: string }> {
    return token === 'good'
      ? Promise.resolve({ subject: 'alice' })
      : Promise.reject(new Error('bad token'));
  }
}

@Module({ providers: [JwtVerifier] })
class WithVerifier {}

@Module({})
class WithoutVerifier {}

describe('tokenSubjectResolver', () => {
  it("resolves verified subjects through the app's JwtVerifier", async () => {
    const app = await Test.createTestingModule({ imports: [WithVerifier] }).compile();
    const subjectOf = tokenSubjectResolver(app);
    expect(subjectOf).toBeDefined();
    await expect(subjectOf?.('good')).resolves.toBe('alice');
    await expect(subjectOf?.('forged')).rejects.toThrow('bad token');
    await app.close();
  });

  it('is undefined when the app has no verifier', async () => {
    const app = await Test.createTestingModule({ imports: [WithoutVerifier] }).compile();
    expect(tokenSubjectResolver(app)).toBeUndefined();
    await app.close();
  });
});
