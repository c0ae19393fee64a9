import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageStore } from './message-store';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The mailbox API tests read:
 *   GET /health, GET /messages[?to=addr][&after=id], GET /messages/:id, GET /messages/:id/raw, DELETE /messages
 */
export function createApiHandler(
  store: MessageStore,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const one = /^\/messages\/([^/]+)(\/raw)?$/.exec(path);

    if (path === '/health' && method === 'GET') {
      sendJson(res, 200, { status: 'ok', messages: store.list().length });
    } else if (path === '/messages' && method === 'GET') {
      const to = url.searchParams.get('to');
      const after = url.searchParams.get('after');
      sendJson(
        res,
        200,
        store.list({ ...(to !== null && { to }), ...(after !== null && { after }) }),
      );
    } else if (path === '/messages' && method === 'DELETE') {
      store.clear().then(
        (deleted) => sendJson(res, 200, { deleted }),
        (error: unknown) => sendJson(res, 500, { error: String(error) }),
      );
    } else if (one && method === 'GET') {
      const id = decodeURIComponent(one[1]);
      const meta = store.get(id);
      if (!meta) {
        sendJson(res, 404, { error: `no message ${id}` });
      } else if (one[2]) {
        const raw = store.raw(id);
        if (!raw) {
          sendJson(res, 404, { error: `no raw file for ${id}` });
          return;
        }
        res.writeHead(200, { 'content-type': 'message/rfc822', 'content-length': raw.length });
        res.end(raw);
      } else {
        sendJson(res, 200, meta);
      }
    } else {
      sendJson(res, 404, { error: `no route ${method} ${path}` });
    }
  };
}
