import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverContext, PrepareResult } from '../core/component-driver';
import { hashFiles, readMarker } from '../core/file-hash';
import { runChecked } from '../core/run-command';

export const KAFKA_VERSION = '3.9.1';

export function kafkaPom(repoRoot: string): string {
  return join(repoRoot, 'tools', 'infra', 'kafka', 'pom.xml');
}

export function kafkaLibsDir(cacheDir: string): string {
  return join(cacheDir, 'kafka', 'libs');
}

/** Written after a complete copy; holds the pom's hash so a changed pom re-resolves. */
function markerFile(cacheDir: string): string {
  return join(cacheDir, 'kafka', 'libs.complete');
}

/**
 * Copies Kafka's runtime classpath from Maven Central into the cache, once.
 * A missing or stale marker (interrupted download, edited pom) starts over from an empty folder.
 */
export async function ensureKafkaLibs(ctx: DriverContext): Promise<PrepareResult> {
  const started = Date.now();
  const pom = kafkaPom(ctx.config.repoRoot);
  const libs = kafkaLibsDir(ctx.config.cacheDir);
  const marker = markerFile(ctx.config.cacheDir);
  const wanted = hashFiles([pom]);
  if (readMarker(marker) === wanted && existsSync(join(libs, `kafka_2.13-${KAFKA_VERSION}.jar`))) {
    return { cached: true, ms: Date.now() - started };
  }
  ctx.log(`resolving Kafka ${KAFKA_VERSION} jars with Maven into ${libs} (first run only)`);
  rmSync(marker, { force: true });
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  await runChecked(
    'mvn',
    ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libs}`],
    { cwd: ctx.config.repoRoot, signal: ctx.signal, timeoutMs: 15 * 60_000 },
  );
  const jars = readdirSync(libs).filter((f) => f.endsWith('.jar'));
  if (!jars.includes(`kafka_2.13-${KAFKA_VERSION}.jar`) || !jars.some((j) => j.startsWith('slf4j-reload4j'))) {
    throw new Error(`Maven finished but ${libs} lacks the Kafka or slf4j-reload4j jar (${jars.length} jars)`);
  }
  writeFileSync(marker, `${wanted}\n`);
  return { cached: false, ms: Date.now() - started };
}
