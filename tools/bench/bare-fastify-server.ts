/**
 * The baseline of the profiles read benchmark: a bare Fastify server (no auth, no logging, no
 * database) answering `GET /physicians/:id` with the JSON document given in BENCH_DOCUMENT.
 * Run by profiles-read.bench.ts as its own process: node --import tsx bare-fastify-server.ts <port>
 */
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const document = JSON.parse(process.env['BENCH_DOCUMENT'] ?? '{}') as Record<string, unknown>;
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/physicians/:id', async (request) => ({
  ...document,
  id: request.params.id,
}));
app.listen({ port, host: '127.0.0.1' }).then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
