import type { ComponentDriver } from '../core/component-driver';
import type { ComponentName } from '../core/component-names';
import { kafkaDriver } from '../kafka/kafka-driver';
import { mongoDriver } from '../mongo/mongo-driver';
import { smtpDriver } from '../smtp/smtp-driver';

export const DRIVERS: Record<ComponentName, ComponentDriver> = {
  kafka: kafkaDriver,
  mongo: mongoDriver,
  smtp: smtpDriver,
};

export const DRIVER_LIST: readonly ComponentDriver[] = [kafkaDriver, mongoDriver, smtpDriver];
