import type { InfraConfig } from '../core/infra-config';
import { exportLines, seconds, type Output } from '../core/output';
import { startSecureKafka } from '../kafka/secure-kafka';

/**
 * `secure-kafka`: the secured test broker in the foreground, for trying the services' TLS
 * and SASL settings by hand. Prints the service variables for the SASL_SSL listener (and the
 * client certificate for the mTLS one); stops on Ctrl-C or SIGTERM.
 */
export async function runSecureKafka(config: InfraConfig, out: Output): Promise<void> {
  const controller = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      controller.abort();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const kafka = await startSecureKafka(config, {
    log: (line) => out.info(line),
    signal: controller.signal,
  });
  const { tlsMs, formatMs, startMs } = kafka.timings;
  out.info(
    `secure Kafka up in ${seconds(kafka.startupMs)} (PKI ${seconds(tlsMs)}, format ${seconds(formatMs)}, start ${seconds(startMs)}): ` +
      `SASL_SSL ${kafka.saslSslBrokers}, mTLS ${kafka.mtlsBrokers}`,
  );
  out.info(
    `client certificate for ${kafka.mtlsBrokers}: ${kafka.tls.clientCert} and ${kafka.tls.clientKey}`,
  );
  exportLines({
    KAFKA_BROKERS: kafka.saslSslBrokers,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: kafka.tls.caCert,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: kafka.username,
    KAFKA_SASL_PASSWORD: kafka.password,
  }).forEach((line) => out.data(line));
  await stopped;
  await kafka.stop();
  out.info('secure Kafka stopped');
}
