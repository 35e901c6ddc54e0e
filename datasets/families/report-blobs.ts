/**
 * Reports and manifests that carry machine values whole: crash reporters listing the Windows modules a process
 * loaded (`C:\Windows\System32\ntdll.dll`: the JavaScript-escape decoder reads `\n` of `\ntdll` as a line break),
 * backup and endpoint agents naming Windows folders (`D:\backups\nightly`, `C:\temp\reports`), and streaming and
 * DRM traffic carrying padded base64 of binary data — SCTE-35 splices in a DASH `<Binary>`, PSSH boxes, key ids,
 * DER signatures (`/DAgAAAAAAAAAP/wDwU…==`: `/`, `//`, `+` and `=` read as a path, a comment or an assignment) —
 * and monitoring item keys naming the files they read (Zabbix `vfs.file.contents[/proc/sys/net/ipv4/ip_forward]`).
 * Issue 14, session 30 (bb30): blind benign set 13's crash/9 (0.9989) and streaming/2 (0.9812), set 9's network/15 (0.999), read.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser, pickServerUa } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { withBody, type WireRequest } from '../lib/wire.js';

/** Windows folders and files whose segments start with a letter JavaScript escapes (`\n`, `\t`, `\r`, `\b`, `\f`, `\v`). */
const MODULES = [
  'C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\\normaliz.dll', 'C:\\Windows\\System32\\netapi32.dll', 'C:\\Windows\\System32\\twinapi.appcore.dll',
  'C:\\Windows\\System32\\rpcrt4.dll', 'C:\\Windows\\System32\\bcrypt.dll', 'C:\\Windows\\System32\\fwpuclnt.dll', 'C:\\Windows\\System32\\version.dll',
  'C:\\Windows\\System32\\nvapi64.dll', 'C:\\Windows\\System32\\ucrtbase.dll', 'C:\\Windows\\System32\\textinputframework.dll', 'C:\\Windows\\System32\\wbem\\fastprox.dll',
  'C:\\Windows\\SysWOW64\\tapi32.dll', 'C:\\Program Files\\Common Files\\microsoft shared\\ink\\tiptsf.dll',
];
const FOLDERS = [
  'D:\\backups\\nightly', 'C:\\temp\\reports', 'C:\\Users\\{user}\\AppData\\Local\\Temp\\tmp{n}.tmp', 'E:\\video\\raw\\{n}', '\\\\nas01\\finance\\reports',
  'C:\\ProgramData\\{app}\\retention', 'D:\\builds\\{app}\\bin\\release', 'C:\\Users\\{user}\\Documents\\notes', 'F:\\vm\\templates',
];
const APPS = ['ExampleNotes', 'ShopDesk', 'Tallyman', 'NorthPos', 'MeshViewer', 'Clipworks'];
const USERS = ['jdoe', 'a.kowalski', 'mnguyen', 'r.okafor', 'tbrown', 'ebauer'];

function fill(rng: Rng, text: string): string {
  return text.replace('{user}', rng.pick(USERS)).replace('{app}', rng.pick(APPS)).replace(/\{n\}/g, () => String(rng.int(1000, 99999)));
}

/** Padded base64 of random bytes: a length that is no multiple of three, so `=` ends it. */
function paddedBlob(rng: Rng, min: number, max: number): string {
  let n = rng.int(min, max);
  if (n % 3 === 0) n++;
  return rng.base64(n);
}

function bytesOf(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(0, 255));
}

/**
 * A SCTE-35 splice_info_section as encoders write it: table id 0xFC, mostly zero header fields, a splice_insert or
 * time_signal command with an event id and a break duration, and a CRC — runs of `A` (zero bytes) between `/`, `+`.
 */
function scte35(rng: Rng): string {
  const insert = rng.chance(0.6);
  const command = insert
    ? [0x05, ...bytesOf(rng, 4), 0x7f, 0xef, 0xfe, ...bytesOf(rng, 5), 0x00, 0x00, 0x00, 0x00]
    : [0x06, 0xfe, ...bytesOf(rng, 4)];
  const body = [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xf0, command.length, ...command, 0x00, 0x00];
  const bytes = [0xfc, 0x30, body.length + 4, ...body, ...bytesOf(rng, 4)];
  if (bytes.length % 3 === 0) bytes.push(0x00);
  return Buffer.from(bytes).toString('base64');
}

/** A Widevine PSSH box: size, `pssh`, version and flags, the system id, the data length, a protobuf of key ids. */
function psshBox(rng: Rng): string {
  const data = [0x08, 0x01, 0x12, 0x10, ...bytesOf(rng, 16), 0x22, 0x08, ...bytesOf(rng, 8)];
  const systemId = [0xed, 0xef, 0x8b, 0xa9, 0x79, 0xd6, 0x4a, 0xce, 0xa3, 0xc8, 0x27, 0xdc, 0xd5, 0x1d, 0x21, 0xed];
  const size = 32 + data.length;
  const bytes = [0x00, 0x00, 0x00, size, 0x70, 0x73, 0x73, 0x68, 0x00, 0x00, 0x00, 0x00, ...systemId, 0x00, 0x00, 0x00, data.length, ...data];
  if (bytes.length % 3 === 0) bytes.push(0x00);
  return Buffer.from(bytes).toString('base64');
}

function crashReport(rng: Rng): WireRequest {
  const app = rng.pick(APPS);
  const modules = Array.from({ length: rng.int(2, 6) }, () => rng.pick(MODULES));
  const body = {
    product: app,
    ver: `${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 99)}`,
    platform: 'win32',
    process_type: rng.pick(['browser', 'renderer', 'gpu-process', 'utility']),
    guid: rng.uuid(),
    exe: `C:\\Users\\${rng.pick(USERS)}\\AppData\\Local\\Programs\\${app}\\${app}.exe`,
    modules,
    crash_reason: rng.pick(['EXCEPTION_ACCESS_VIOLATION_READ', 'EXCEPTION_ACCESS_VIOLATION_WRITE', 'EXCEPTION_STACK_OVERFLOW', 'EXCEPTION_ILLEGAL_INSTRUCTION']),
    crash_address: `0x${rng.hex(16).toLowerCase()}`,
    faulting_module: rng.pick(modules),
  };
  return withBody({ method: 'POST', path: rng.pick(['/report', '/api/v1/crashes', '/crash-reports/upload']), query: '', headers: { Host: `crash.${rng.pick(['example-desktop.com', 'example.io', 'notes.example'])}`, 'User-Agent': `${app}/${body.ver} crashReporter`, Accept: '*/*' } }, 'application/json', JSON.stringify(body));
}

function backupAgent(rng: Rng): WireRequest {
  const b = pickBrowser(rng, rng.pick(['en-US', 'de-DE', 'en-GB']));
  const host = `backup.${rng.pick(['example.com', 'corp.example', 'example.net'])}`;
  const sources = Array.from({ length: rng.int(1, 4) }, () => fill(rng, rng.pick(FOLDERS)));
  const body = { job: `${rng.pick(['Nightly', 'Weekly', 'Finance', 'Workstations'])} ${rng.int(1, 40)}`, agent_id: rng.uuid(), source_folders: sources, exclude: ['*.tmp', '~$*'], destination: fill(rng, rng.pick(FOLDERS)), schedule: rng.pick(['daily 02:00', 'weekly sun 03:30', 'hourly']), retention_days: rng.pick([7, 14, 30, 90]) };
  return withBody({ method: rng.pick(['POST', 'PUT']), path: `/api/v2/jobs/${rng.int(1, 999)}`, query: '', headers: browserHeaders(rng, b, host, 'xhr', { site: 'same-origin', referer: `https://${host}/jobs` }) }, 'application/json', JSON.stringify(body));
}

function dashManifest(rng: Rng): WireRequest {
  const channel = `channel-${rng.int(1, 40)}`;
  const scte = scte35(rng);
  const pssh = psshBox(rng);
  const mpd = `<?xml version="1.0" encoding="UTF-8"?>\n<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" type="dynamic" profiles="urn:mpeg:dash:profile:isoff-live:2011" minimumUpdatePeriod="PT4S" minBufferTime="PT2S">\n  <Period id="p${rng.int(0, 9)}" start="PT0S">\n    <EventStream schemeIdUri="urn:scte:scte35:2014:xml+bin" timescale="90000"><Event presentationTime="${rng.int(1000000, 9999999)}" duration="${rng.pick([2700000, 5400000])}" id="${rng.int(1, 99)}"><Signal xmlns="http://www.scte.org/schemas/35/2016"><Binary>${scte}</Binary></Signal></Event></EventStream>\n    <AdaptationSet mimeType="video/mp4" segmentAlignment="true">\n      <ContentProtection schemeIdUri="urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed"><cenc:pssh>${pssh}</cenc:pssh></ContentProtection>\n      <Representation id="1080" bandwidth="6000000" width="1920" height="1080" codecs="avc1.640028"/>\n    </AdaptationSet>\n  </Period>\n</MPD>\n`;
  return withBody({ method: 'PUT', path: `/live/${channel}/manifest.mpd`, query: '', headers: { Host: `ingest.${rng.pick(['example-cdn.com', 'media.example', 'example.tv'])}`, 'User-Agent': rng.pick(['Elemental Live/2.26.1', 'MediaLive/1.0', 'ffmpeg/7.1']), Accept: '*/*' } }, 'application/dash+xml', mpd);
}

function drmJson(rng: Rng): WireRequest {
  const body = rng.pick([
    () => ({ content_id: `movie-${rng.int(1000, 9999)}`, pssh: psshBox(rng), key_ids: [paddedBlob(rng, 16, 16)], provider: 'example' }),
    () => ({ splice: { type: 'splice_insert', event_id: rng.int(1, 99999), binary: scte35(rng) }, channel: `channel-${rng.int(1, 40)}` }),
    () => ({ payload: rng.uuid(), signature: paddedBlob(rng, 70, 72), alg: 'ES256', cert_serial: rng.hex(16) }),
  ])();
  return withBody({ method: 'POST', path: rng.pick(['/api/drm/keys', '/api/scte35/insert', '/api/v1/licenses/verify']), query: '', headers: { Host: `drm.${rng.pick(['example-license.com', 'media.example'])}`, 'User-Agent': pickServerUa(rng), Accept: 'application/json' } }, 'application/json', JSON.stringify(body));
}

/** Zabbix agent item keys naming the files, file systems and interfaces they read, saved through the API. */
const ITEM_KEYS = [
  'vfs.file.contents[/proc/sys/net/ipv4/ip_forward]', 'vfs.file.contents[/sys/class/thermal/thermal_zone0/temp]', 'vfs.fs.size[/,pfree]', 'vfs.fs.size[/var/lib/docker,used]',
  'log[/var/log/nginx/error.log,error]', 'logrt[/var/log/app/app.log,ERROR,,100]', 'vfs.file.exists[/var/run/nginx.pid]', 'vfs.dir.size[/var/log]',
  'net.if.in[eth0]', 'net.if.out[ens192,bytes]', 'proc.num[,,,nginx]', 'vfs.file.cksum[/etc/nginx/nginx.conf]', 'vfs.file.time[/var/backups/db.sql.gz,modify]',
];

function monitoringItem(rng: Rng): WireRequest {
  const key = rng.pick(ITEM_KEYS);
  const body = { jsonrpc: '2.0', method: rng.pick(['item.create', 'item.update']), params: { name: key.split('[')[0].replace(/\./g, ' '), key_: key, hostid: String(rng.int(10000, 10999)), type: 0, value_type: rng.pick([0, 3, 4]), delay: rng.pick(['30s', '1m', '5m']), interfaceid: String(rng.int(1, 40)) }, id: rng.int(1, 99) };
  return withBody({ method: 'POST', path: '/api_jsonrpc.php', query: '', headers: { Host: `zabbix.${rng.pick(['example.com', 'corp.example', 'lan'])}`, 'User-Agent': pickServerUa(rng), Accept: 'application/json', Authorization: `Bearer ${rng.hex(64).toLowerCase()}` } }, 'application/json-rpc', JSON.stringify(body));
}

export const reportBlobs: Family = {
  name: 'report-blobs',
  summary: 'Crash reports listing loaded Windows modules (`C:\\Windows\\System32\\ntdll.dll`), backup agents naming Windows folders (`D:\\backups\\nightly`), DASH manifests and DRM/SCTE-35 JSON carrying padded base64 of binary data (PSSH boxes, splices, key ids, DER signatures), and Zabbix item keys naming the files they read.',
  perScale: 400,
  make(ctx): WireRequest {
    const { rng } = ctx;
    switch (rng.int(0, 4)) {
      case 0: return crashReport(rng);
      case 1: return backupAgent(rng);
      case 2: return dashManifest(rng);
      case 3: return drmJson(rng);
      default: return monitoringItem(rng);
    }
  },
};
