// `npm run demo`: brings up the four services on the local infrastructure (run inside
// `tools/infra ... with`, as `npm start` is), plays a program cycle of a health system and a
// specialty society over the real HTTP APIs and Kafka, prints a report and writes an HTML one,
// then stays up with its URLs until Ctrl-C (or stops at once with --exit).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { kafkaBrokers } from '@medmentor/testing';
import { afterMatch, Mailbox } from './after-match';
import { DemoContext } from './demo-context';
import { parseDemoArgs } from './demo-args';
import { htmlReport, terminalReport, type DemoReport } from './demo-report';
import { DemoStack } from './demo-stack';
import { healthSystem } from './health-system';
import { EventWatch } from './kafka-watch';
import { society } from './society';

const root = join(__dirname, '../..');

const sentEmails = async (notificationsUrl: string): Promise<number> => {
  const text = await (await fetch(`${notificationsUrl}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith('medmentor_notifications_sent_total{') && l.includes('channel="email"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
};

const main = async (): Promise<void> => {
  const args = parseDemoArgs(process.argv.slice(2));
  const smtpApi = process.env.SMTP_API_URL;
  if (!smtpApi || !process.env.KAFKA_BROKERS || !process.env.MONGODB_URI)
    throw new Error(
      'run the demo with `npm run demo` (it needs the infrastructure of tools/infra: KAFKA_BROKERS, MONGODB_URI, SMTP_API_URL)',
    );
  const runTag = Date.now().toString(36);
  const dir = join(root, '.cache/demo');
  mkdirSync(dir, { recursive: true });
  const clockFile = join(dir, `scheduling-clock-${runTag}`);
  writeFileSync(clockFile, '0');
  if (!args.noBuild)
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });

  const stack = await DemoStack.create(args.portOffset, clockFile);
  const watch = new EventWatch();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nstopping services...\n');
    await watch.stop().catch(() => undefined);
    const clean = await stack.stop();
    process.exit(clean ? code : 1);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const started = new Date();
  try {
    process.stderr.write('starting the four services...\n');
    await stack.start();
    // The services create the topics at boot; the watch subscribes once they exist.
    await watch.start();
    const ctx = new DemoContext(stack, watch, args.seed, args.scale, runTag);
    const mailbox = new Mailbox(smtpApi);
    const northlake = await healthSystem(ctx);
    ctx.programs.push(northlake.facts);
    const ascp = await society(ctx);
    ctx.programs.push(ascp.facts);
    const after = await afterMatch(ctx, [northlake, ascp], mailbox, clockFile);
    const report: DemoReport = {
      scale: args.scale,
      seed: args.seed,
      startedAt: started.toISOString(),
      totalSeconds: (Date.now() - started.getTime()) / 1000,
      phases: ctx.phases,
      programs: ctx.programs,
      after,
      emails: {
        mailbox: await mailbox.count(),
        sentByService: await sentEmails(stack.services.notifications.url),
      },
    };
    const htmlPath = resolve(args.out ?? join(dir, `report-${runTag}.html`));
    mkdirSync(dirname(htmlPath), { recursive: true });
    writeFileSync(htmlPath, htmlReport(report));
    writeFileSync(
      htmlPath.replace(/\.html$/, '') + '.json',
      JSON.stringify(
        {
          ...report,
          programs: report.programs.map((p) => ({
            ...p,
            activated: p.activated.size,
            pairs: p.pairs.length,
          })),
        },
        null,
        2,
      ),
    );
    process.stdout.write(terminalReport(report, htmlPath));
  } catch (error) {
    process.stderr.write(
      `\nthe demo stopped: ${(error as Error).stack ?? String(error)}\nservice logs: ${join(dir, 'logs')}\n`,
    );
    await stop(1);
    return;
  }

  process.stdout.write('\nThe stack is up:\n');
  for (const service of Object.values(stack.services))
    process.stdout.write(
      `  ${service.options.name.padEnd(14)} ${service.url}   Swagger UI ${service.url}/docs   log ${service.logFile}\n`,
    );
  process.stdout.write(
    `  mailbox        ${smtpApi}/messages   (npx tsx tools/infra/src/cli.ts smtp messages)\n`,
  );
  process.stdout.write(`  kafka          ${kafkaBrokers().join(',')}\n`);
  process.stdout.write(
    `  a token: npx tsx tools/auth/mint-token.ts --tenant <tenant id above> --roles org-admin\n`,
  );
  if (args.exit) {
    await stop(0);
    return;
  }
  process.stdout.write('\nPress Ctrl-C to stop everything.\n');
};

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
