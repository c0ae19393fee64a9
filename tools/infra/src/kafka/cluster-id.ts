import { randomBytes } from 'node:crypto';

/**
 * A Kafka cluster id as `kafka-storage random-uuid` prints it: 16 random bytes, URL-safe base64
 * without padding (22 characters), never starting with '-' (it would read as a CLI flag).
 */
export function newKafkaClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-') && !/^A{21}[AQgw]$/.test(id)) return id;
  }
}

export function isKafkaClusterId(value: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(value);
}
