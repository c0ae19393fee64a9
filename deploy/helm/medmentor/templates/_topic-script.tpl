{{/*
The topic Job's program (node -e, in /app of a service image). Reads TOPIC_SETTINGS
(JSON: brokers, clientId, names, partitions, replicationFactor, topicConfig, dlqConfig)
and the services' KAFKA_SSL* / KAFKA_SASL* variables.
*/}}
{{- define "medmentor.topicScript" -}}
const { Kafka, logLevel } = require('kafkajs');
const s = JSON.parse(process.env.TOPIC_SETTINGS);
let catalog = [];
try {
  catalog = require('./dist/libs/contracts/src/topics.js').allTopics();
} catch (error) {
  console.log(JSON.stringify({ level: 'warn', msg: 'no topic catalog in this image: ' + error.message }));
}
const names = [...new Set([...s.names, ...catalog])];
const entries = (config) => Object.entries(config || {}).map(([name, value]) => ({ name, value: String(value) }));
const wanted = names.flatMap((name) => [
  { topic: name, configEntries: entries(s.topicConfig) },
  { topic: name + '.dlq', configEntries: entries(s.dlqConfig) },
]);
const env = process.env;
const read = (file) => require('fs').readFileSync(file, 'utf8');
const ssl = env.KAFKA_SSL === 'true'
  ? {
      rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED !== 'false',
      ...(env.KAFKA_SSL_CA_FILE ? { ca: read(env.KAFKA_SSL_CA_FILE) } : {}),
      ...(env.KAFKA_SSL_CERT_FILE ? { cert: read(env.KAFKA_SSL_CERT_FILE), key: read(env.KAFKA_SSL_KEY_FILE) } : {}),
    }
  : undefined;
const sasl = env.KAFKA_SASL_MECHANISM
  ? { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: read(env.KAFKA_SASL_PASSWORD_FILE).replace(/\r?\n$/, '') }
  : undefined;
const kafka = new Kafka({ clientId: s.clientId, brokers: s.brokers, ssl, sasl, logLevel: logLevel.WARN, retry: { retries: 8 } });
const admin = kafka.admin();
(async () => {
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
        configEntries: t.configEntries,
      })),
    });
  }
  console.log(JSON.stringify({ level: 'info', msg: 'topics ready', created: missing.map((t) => t.topic), existing: wanted.filter((t) => existing.has(t.topic)).map((t) => t.topic) }));
  await admin.disconnect();
})().catch((error) => {
  console.error(JSON.stringify({ level: 'error', msg: 'topic creation failed', error: String((error && error.stack) || error) }));
  process.exit(1);
});
{{- end -}}
