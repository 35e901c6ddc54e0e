import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's libnginx-mod-http-modsecurity and modsecurity-crs put things (bench/setup-anchor.sh). */
const MODULE = '/usr/lib/nginx/modules/ngx_http_modsecurity_module.so';
const NDK_MODULE = '/usr/lib/nginx/modules/ndk_http_module.so';
const CRS_RULES = '/usr/share/modsecurity-crs/rules';
const CRS_SETUP = '/etc/modsecurity/crs/crs-setup.conf';
const CRS_BEFORE = '/etc/modsecurity/crs/REQUEST-900-EXCLUSION-RULES-BEFORE-CRS.conf';
const CRS_AFTER = '/etc/modsecurity/crs/RESPONSE-999-EXCLUSION-RULES-AFTER-CRS.conf';
const RECOMMENDED = '/etc/modsecurity/modsecurity.conf-recommended';
const UNICODE_MAP = '/etc/modsecurity/unicode.mapping';

export interface ModSecurityInstall {
  module: string;
  crsRules: string;
  crsVersion: string;
  /** Path of the recommended base config used, or 'built-in' when the file is not installed. */
  base: string;
}

/** The installed anchor, or why it is not there (the bench then runs without it and says so). */
export function findModSecurity(): ModSecurityInstall | { missing: string } {
  if (!existsSync(MODULE)) return { missing: `${MODULE} not found (run bench/setup-anchor.sh)` };
  for (const needed of [CRS_RULES, CRS_SETUP]) if (!existsSync(needed)) return { missing: `${needed} not found (run bench/setup-anchor.sh)` };
  return { module: MODULE, crsRules: CRS_RULES, crsVersion: crsVersion(), base: existsSync(RECOMMENDED) ? RECOMMENDED : 'built-in' };
}

function crsVersion(): string {
  try {
    const text = readFileSync(CRS_SETUP, 'utf8');
    return /setvar:tx\.crs_setup_version=(\d+)/.exec(text)?.[1]?.replace(/^(\d)(\d)(\d)$/, '$1.$2.$3') ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The engine settings of ModSecurity's recommended configuration that matter for a request-side
 * comparison: blocking mode, request bodies inspected (JSON and XML processors switched on by
 * Content-Type), body parse errors refused, response bodies not inspected. Used when the
 * recommended file (shipped with the Apache module, not the NGINX one) is not installed.
 */
function builtInBase(dir: string): string {
  return `SecRuleEngine On
SecRequestBodyAccess On
SecRule REQUEST_HEADERS:Content-Type "^(?:application(?:/soap\\+|/)|text/)xml" "id:200000,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"
SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
SecRequestBodyLimit 13107200
SecRequestBodyNoFilesLimit 131072
SecRequestBodyLimitAction Reject
SecRule REQBODY_ERROR "!@eq 0" "id:200002,phase:2,t:none,log,deny,status:400,msg:'Failed to parse request body.'"
SecRule MULTIPART_STRICT_ERROR "!@eq 0" "id:200003,phase:2,t:none,log,deny,status:400,msg:'Multipart request body failed strict validation'"
SecPcreMatchLimit 1000
SecPcreMatchLimitRecursion 1000
SecResponseBodyAccess Off
SecTmpDir ${dir}/tmp
SecDataDir ${dir}/data
SecAuditEngine RelevantOnly
SecAuditLogRelevantStatus "^(?:5|4(?!04))"
SecAuditLogParts ABIJDEFHZ
SecAuditLogType Serial
SecAuditLog ${dir}/logs/modsec_audit.log
SecArgumentSeparator &
SecCookieFormat 0
SecStatusEngine Off
`;
}

/** The recommended file with blocking on and every path it writes moved into the bench's temp dir. */
function recommendedBase(dir: string): string {
  return readFileSync(RECOMMENDED, 'utf8')
    .replace(/^\s*SecRuleEngine\s+\S+/m, 'SecRuleEngine On')
    .replace(/^\s*SecAuditLog\s+\S+/m, `SecAuditLog ${dir}/logs/modsec_audit.log`)
    .replace(/^\s*SecTmpDir\s+\S+/m, `SecTmpDir ${dir}/tmp`)
    .replace(/^\s*SecDataDir\s+\S+/m, `SecDataDir ${dir}/data`)
    .replace(/^\s*SecUnicodeMapFile\s+unicode\.mapping/m, existsSync(UNICODE_MAP) ? `SecUnicodeMapFile ${UNICODE_MAP}` : '# SecUnicodeMapFile: not installed');
}

/**
 * Writes `<dir>/modsec/main.conf`: base engine config, paranoia level 1, then CRS in the order of
 * Debian's owasp-crs.load. That file itself cannot be included: libmodsecurity 3 has no IncludeOptional.
 * Returns the NGINX directives that load the module and switch it on.
 */
export function writeModSecurityConfig(install: ModSecurityInstall, dir: string): { main: string; http: string } {
  const own = join(dir, 'modsec');
  for (const sub of ['tmp', 'data', 'logs']) {
    mkdirSync(join(own, sub), { recursive: true });
    // NGINX workers run as an unprivileged user and write audit log and temp files here.
    chmodSync(join(own, sub), 0o777);
  }
  const base = install.base === 'built-in' ? builtInBase(own) : recommendedBase(own);
  const main = `${base}
# Paranoia level 1 (the CRS default, set explicitly so the comparison is stated, not assumed).
SecAction "id:10001,phase:1,pass,nolog,t:none,setvar:tx.paranoia_level=1"
Include ${CRS_SETUP}
${existsSync(CRS_BEFORE) ? `Include ${CRS_BEFORE}` : ''}
Include ${install.crsRules}/*.conf
${existsSync(CRS_AFTER) ? `Include ${CRS_AFTER}` : ''}
`;
  writeFileSync(join(own, 'main.conf'), main);
  const ndk = existsSync(NDK_MODULE) ? `load_module ${NDK_MODULE};\n` : '';
  return {
    main: `${ndk}load_module ${install.module};`,
    http: `modsecurity on;\n  modsecurity_rules_file ${join(own, 'main.conf')};`,
  };
}
