/**
 * Per-request cost of the normalizer (buildInspection) on three typical requests.
 * Run: npx tsx bench/normalizer.ts   (figures in µs; median and p99 of per-call latency)
 */
import { Bench } from 'tinybench';
import { buildInspection } from '../src/inspect/build-inspection.js';
import type { RawRequest } from '../src/inspect/types.js';

const source = { ip: '198.51.100.20', port: 51234, peerIp: '198.51.100.20' };

const browserHeaders = [
  'Host', 'shop.example.com',
  'User-Agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'Accept-Language', 'en-GB,en;q=0.9',
  'Accept-Encoding', 'gzip, deflate, br',
  'Referer', 'https://shop.example.com/catalog?category=shoes',
  'Cookie', 'session=7d3f9a2c41be4e0f8a6b2d1c9e0f7a3b; cart=3; consent=analytics%3Dno',
  'Connection', 'keep-alive',
];

function request(method: string, url: string, headers: string[], body = Buffer.alloc(0)): RawRequest {
  return { method, url, httpVersion: '1.1', rawHeaders: headers, body, bodyTruncated: false, source };
}

const getWithQuery = request(
  'GET',
  '/catalog/search?q=running+shoes&category=men&size=42&color=blue&brand=acme&min=20&max=120&sort=price_asc&page=2&utm_source=newsletter',
  browserHeaders,
);

const jsonBody = Buffer.from(
  JSON.stringify({
    order: {
      customer: { id: 48213, name: 'Ann Lee', email: 'ann.lee@example.com', phone: '+44 20 7946 0958' },
      shipping: { street: '221B Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
      items: [
        { sku: 'RUN-42-BLU', qty: 1, price: 89.99, gift: false },
        { sku: 'SOCK-M-3PK', qty: 2, price: 9.5, gift: true, note: 'Happy birthday!' },
      ],
      coupon: 'SPRING24',
      comment: 'Please leave the parcel with the neighbour at number 223 if nobody is home.',
    },
  }).padEnd(1024, ' '),
);
const jsonPost = request('POST', '/api/v1/orders', [
  'Host', 'api.example.com',
  'Content-Type', 'application/json',
  'Content-Length', String(jsonBody.length),
  'Authorization', 'Bearer 2f6c1b0e9a8d4c7f',
  'User-Agent', 'okhttp/4.12.0',
], jsonBody);

const boundary = '----WebKitFormBoundaryx8F2kQp1ZrTq0aLd';
const png = Buffer.alloc(16 * 1024);
for (let i = 0; i < png.length; i++) png[i] = (i * 7919) & 0xff;
const multipartBody = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nMy holiday\r\n`),
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nSunset over the harbour, taken from the ferry.\r\n`),
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_2024.png"\r\nContent-Type: image/png\r\n\r\n`),
  png,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const multipartUpload = request('POST', '/gallery/upload', [
  ...browserHeaders,
  'Content-Type', `multipart/form-data; boundary=${boundary}`,
  'Content-Length', String(multipartBody.length),
], multipartBody);

const options = {};
const bench = new Bench({ time: 1500, warmup: true });
bench
  .add('GET, 10 query params, browser headers', () => void buildInspection(getWithQuery, options))
  .add('POST 1 KB JSON', () => void buildInspection(jsonPost, options))
  .add('POST multipart: 2 fields + 16 KB binary file', () => void buildInspection(multipartUpload, options));

await bench.run();

const rows = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== 'completed') return { task: task.name, state: result.state };
  const { latency } = result;
  return {
    task: task.name,
    'median µs': Number((latency.p50 * 1000).toFixed(1)),
    'p99 µs': Number((latency.p99 * 1000).toFixed(1)),
    'mean µs': Number((latency.mean * 1000).toFixed(1)),
    samples: latency.samplesCount,
  };
});
console.table(rows);
