// Child process of today.bench.mjs: a bare node:http server answering every request with the same
// (gzip) bytes and headers the app sends for GET /today: the upper bound for serving that response.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const { body, etag } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const bytes = Buffer.from(body, 'base64');
const server = createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-encoding': 'gzip',
    vary: 'Accept-Encoding',
    etag,
    'cache-control': 'no-cache',
    'content-length': bytes.length,
  });
  res.end(bytes);
});
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }) + '\n'),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
