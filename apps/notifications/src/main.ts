import 'reflect-metadata';
import { runService } from '@medmentor/runtime';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { NotificationsModule } from './notifications.module';

void runService({
  name: 'notifications',
  defaultPort: 3004,
  title: 'MedMentor notifications',
  description:
    'Email, in-app inbox and webhooks from domain events, with preferences, quiet hours and digests.',
  version: '1',
  features: [DiagnosticsModule, NotificationsModule],
});
