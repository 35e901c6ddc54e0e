import { describe, expect, it } from 'vitest';
import { isRegistryFile } from '../../src/model/registry-file.js';

// Registry exports as an RMM or MDM console takes them (blind benign set 12, read).
const FILES = [
  'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]\r\n"HomepageLocation"="https://intranet.example-corp.com/"\r\n"PasswordManagerEnabled"=dword:00000000\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist]\r\n"1"="aapbdbdomjkkjkaonfhkkikfgjllcleb;https://clients2.google.com/service/update2/crx"\r\n',
  'REGEDIT4\n\n[HKEY_CURRENT_USER\\Software\\Example\\App]\n@="default"\n"Path"="C:\\\\Program Files\\\\Example\\\\app.exe"\n"Blob"=hex:01,02,03,\\\n  04,05\n"Old"=-\n',
];

// A payload for the page that shows the values, or no registry file at all.
const NOT_FILES = [
  'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n"a"="<script>alert(1)</script>"\n"b"=dword:00000001\n',
  "Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n\"a\"=\"' or '1'='1\"\n\"b\"=dword:00000001\n",
  'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n"a"="$(id)"\n"b"=dword:00000001\n',
  'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n"a"="x"\ncmd /c calc\n',
  'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\x]\n"a"="x"\n',
  '[HKEY_CURRENT_USER\\Software\\x]\n"a"="x"\n"b"="y"\n',
];

describe('isRegistryFile', () => {
  it.each(FILES)('a registry export: %s', (text) => expect(isRegistryFile(text)).toBe(true));
  it.each(NOT_FILES)('not one (or a payload in one): %s', (text) => expect(isRegistryFile(text)).toBe(false));
});
