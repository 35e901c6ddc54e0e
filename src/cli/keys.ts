import { existsSync } from 'node:fs';
import { type Document, isMap, isSeq, stringify, type YAMLMap } from 'yaml';
import { generateApiKey, hashApiKey } from '../access/api-keys.js';
import type { ApiKeyEntry } from '../access/config.js';
import { keysCommandInvalid } from '../access/errors.js';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';
import { adminToken, postAdmin } from './admin-client.js';
import { editConfigDocument, readConfigDocument } from '../config/config-edit.js';

const HELP = `Usage: warden keys add --id ID [--scopes a,b] [--config warden.yaml] [--print] [--admin HOST:PORT]
       warden keys list [--config warden.yaml]
       warden keys disable --id ID [--config warden.yaml] [--admin HOST:PORT]

API keys of access.apiKeys. Warden stores only a key's SHA-256 hash; the key itself is shown once.
  add       generates a key (wk_ + 256 random bits), prints it once on stdout, and writes
            { id, hash, scopes } into access.apiKeys.keys of the config (comments and layout kept);
            with --print, writes nothing and prints the YAML entry to paste instead
  list      the key ids, their scopes and whether they are disabled (never a hash)
  disable   marks a key disabled: requests with it get 401 (api_key_disabled) after the next reload
--admin makes a running Warden reload (POST /reload, with WARDEN_ADMIN_TOKEN or the config's
admin.token), so a new or disabled key takes effect without a restart. Rotation: add a new key,
move the client over, disable the old one.`;

export const KEYS_FLAGS: CommandSpec = {
  name: 'keys',
  maxPositionals: 1,
  flags: {
    id: { kind: 'string' },
    scopes: { kind: 'string' },
    config: { kind: 'string' },
    print: { kind: 'boolean' },
    admin: { kind: 'hostPort' },
  },
};

const ID = /^[A-Za-z0-9._:@-]{1,64}$/;

function keysOf(doc: Document): ApiKeyEntry[] {
  return ((doc.toJS() as { access?: { apiKeys?: { keys?: ApiKeyEntry[] } | null } }).access?.apiKeys?.keys ?? []) as ApiKeyEntry[];
}

/** The `access.apiKeys.keys` sequence of the document, created (block style) when absent. */
function keysNode(doc: Document): ReturnType<Document['createNode']> & { add(v: unknown): void; items: unknown[] } {
  const ensureMap = (parent: YAMLMap, key: string, init: object): YAMLMap => {
    let node = parent.get(key, true);
    if (node === undefined || node === null) {
      parent.set(key, doc.createNode(init));
      node = parent.get(key, true);
    }
    if (!isMap(node)) throw keysCommandInvalid(`${key} in the config is not a mapping`);
    node.flow = false;
    return node;
  };
  const access = ensureMap(doc.contents as YAMLMap, 'access', {});
  const apiKeys = ensureMap(access, 'apiKeys', { header: 'X-API-Key' });
  if (!isSeq(apiKeys.get('keys', true))) apiKeys.set('keys', doc.createNode([]));
  const list = apiKeys.get('keys', true);
  if (!isSeq(list)) throw keysCommandInvalid('access.apiKeys.keys in the config is not a list');
  list.flow = false;
  return list as never;
}

async function reloadIfAsked(admin: string | undefined, configFile: string, io: CliIo): Promise<number> {
  if (admin === undefined) {
    io.err('a running Warden picks this up on its next reload (SIGHUP, POST /reload, or pass --admin HOST:PORT)');
    return 0;
  }
  const res = await postAdmin(admin, '/reload', await adminToken(configFile));
  if (res.body.ok !== true) {
    io.err(`keys: the running Warden kept its previous keys: ${String(res.body.message ?? res.status)}`);
    return 1;
  }
  io.err(`reloaded ${admin}`);
  return 0;
}

export async function runKeysCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, KEYS_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const [sub] = args.positionals;
  const configFile = stringFlag(args, 'config') ?? 'warden.yaml';
  const id = stringFlag(args, 'id');
  const needId = (): string => {
    if (id === undefined) throw cliUsage(`keys ${sub}`, 'give the key id: --id ID');
    if (!ID.test(id)) throw cliUsage(`keys ${sub}`, `--id must be 1-64 of A-Z a-z 0-9 . _ : @ -, got "${id}"`);
    return id;
  };
  switch (sub) {
    case 'add': {
      const keyId = needId();
      const scopes = (stringFlag(args, 'scopes') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
      const key = generateApiKey();
      const entry: ApiKeyEntry = { id: keyId, hash: hashApiKey(key), ...(scopes.length > 0 ? { scopes } : {}) };
      if (args.flags.has('print')) {
        io.out(`key: ${key}`);
        io.out(`# paste under access.apiKeys.keys:\n${stringify([entry]).trimEnd()}`);
        return 0;
      }
      // The editors' one path (config-edit.ts): YAML refused, the result validated, saved against the version read.
      await editConfigDocument(configFile, (doc) => {
        if (keysOf(doc).some((k) => k.id === keyId)) throw keysCommandInvalid(`key id "${keyId}" is already in ${configFile} (disable it, or pick another id)`);
        const node = doc.createNode(entry);
        (node as { flow?: boolean }).flow = true;
        keysNode(doc).add(node);
      });
      // The key goes to stdout alone, so `warden keys add ... > ci.key` captures just the key.
      io.out(key);
      io.err(`${configFile}: key "${keyId}" added (hash only); the key above is shown once, store it now`);
      return reloadIfAsked(stringFlag(args, 'admin'), configFile, io);
    }
    case 'list': {
      if (!existsSync(configFile)) throw keysCommandInvalid(`${configFile} does not exist`);
      const keys = keysOf((await readConfigDocument(configFile)).doc);
      if (keys.length === 0) io.err(`${configFile}: no API keys`);
      for (const k of keys) io.out(`${k.id}\t${(k.scopes ?? []).join(',') || '-'}\t${k.disabled === true ? 'disabled' : 'active'}`);
      return 0;
    }
    case 'disable': {
      const keyId = needId();
      if (!existsSync(configFile)) throw keysCommandInvalid(`${configFile} does not exist`);
      await editConfigDocument(configFile, (doc) => {
        const index = keysOf(doc).findIndex((k) => k.id === keyId);
        if (index < 0) throw keysCommandInvalid(`no key "${keyId}" in ${configFile} (warden keys list shows the ids)`);
        doc.setIn(['access', 'apiKeys', 'keys', index, 'disabled'], true);
      });
      io.err(`${configFile}: key "${keyId}" disabled`);
      return reloadIfAsked(stringFlag(args, 'admin'), configFile, io);
    }
    default:
      throw cliUsage('keys', sub === undefined ? 'missing subcommand: add, list or disable' : `unknown subcommand "${sub}" (add, list, disable)`);
  }
}
