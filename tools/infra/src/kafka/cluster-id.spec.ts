import { isKafkaClusterId, newKafkaClusterId } from './cluster-id';

describe('newKafkaClusterId', () => {
  it('makes 22-character URL-safe base64 ids like kafka-storage random-uuid', () => {
    for (let i = 0; i < 200; i++) {
      const id = newKafkaClusterId();
      expect(id).toHaveLength(22);
      expect(isKafkaClusterId(id)).toBe(true);
      expect(id.startsWith('-')).toBe(false);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });

  it('draws again for ids that start with "-" or are reserved', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0), Buffer.from('00112233445566778899aabbccddeeff', 'hex')];
    const id = newKafkaClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.from('00112233445566778899aabbccddeeff', 'hex').toString('base64url'));
    expect(draws).toHaveLength(0);
  });

  it('recognises ids', () => {
    expect(isKafkaClusterId('MkU3OEVBNTcwNTJENDM2Qk')).toBe(true);
    expect(isKafkaClusterId('short')).toBe(false);
  });
});
