import { describe, expect, it } from 'vitest';
import { isInertUploadedText } from '../../../src/inspect/bodies/uploaded-file.js';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { recordToRawRequest } from '../../../src/eval/record-request.js';

const SCRIPT = '#!/bin/sh\nset -e\nfor f in "$@"; do\n  grep -q "$(basename "$f")" list.txt || echo "$f" >> missing.txt; done\ncat /etc/os-release | head -1\n';
const MIGRATION = "CREATE TABLE users (id serial PRIMARY KEY, name text);\nINSERT INTO users (name) VALUES ('admin');\nSELECT * FROM users WHERE name = 'admin' OR 1=1;\n";

function upload(filename: string, content: string, contentType = 'text/plain') {
  const b = '----WebKitFormBoundaryZ8x7C6v5';
  const body = `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\nmy upload\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n${content}\r\n--${b}--\r\n`;
  return buildInspection(
    recordToRawRequest({ id: 't', source: 't', label: 'benign', category: 't', method: 'POST', path: '/upload', query: '', headers: { Host: 'app.example', 'Content-Type': `multipart/form-data; boundary=${b}` }, body }),
  );
}
const fileRole = (filename: string, content: string) => upload(filename, content).targets.find((t) => t.name === 'file' && t.role !== 'filename')?.role;

describe('isInertUploadedText', () => {
  it('takes source code, scripts, migrations and configuration under inert names for a file', () => {
    expect(isInertUploadedText('deploy.sh', 'text/plain', SCRIPT)).toBe(true);
    expect(isInertUploadedText('001_users.sql', 'application/sql', MIGRATION)).toBe(true);
    expect(isInertUploadedText('settings.xml', 'application/xml', '<?xml version="1.0"?><settings><proxy>http://127.0.0.1:3128</proxy></settings>')).toBe(true);
    expect(isInertUploadedText('main.py', 'text/x-python', 'import os\nprint(os.system)\n')).toBe(true);
  });

  it('refuses a name that runs where it lands or configures the folder, and a server tag in any file', () => {
    for (const name of ['shell.php', 'x.php5', 'a.phtml', 'cmd.jsp', 'c.aspx', 'x.php.txt', 'x.asp;.jpg', 'v.cgi', 'index.shtml', 'page.twig', 'mail.ftl', 'x.vm', '.htaccess', 'web.config', '.user.ini', 'x.xsl', 'app.war', 'invoice.bpmn20.xml', 'rules.dmn', 'job.groovy', 'report.jrxml', 'config', '.git/config', 'hooks/post-receive', '.bashrc', 'authorized_keys', 'page.html', 'x.htm', 'logo.svg', 'a.xhtml', 'x.hta', 'x.mht', '']) {
      expect(isInertUploadedText(name, 'text/plain', 'hello'), name).toBe(false);
    }
    for (const type of ['text/html', 'image/svg+xml', 'application/xhtml+xml']) expect(isInertUploadedText('upload.bin', type, 'hello'), type).toBe(false);
    for (const text of ['GIF89a<?php system($_GET["c"]); ?>', 'x<?=`id`?>', '<? passthru("id"); ?>', '<% Runtime.getRuntime().exec(request.getParameter("c")); %>', '<!--#exec cmd="id" -->', '<jsp:scriptlet>x</jsp:scriptlet>', '<script runat="server">x</script>', '<cfexecute name="cmd.exe">']) {
      expect(isInertUploadedText('avatar.jpg', 'image/jpeg', text), text).toBe(false);
    }
    for (const text of ["push graphic-context\nviewbox 0 0 640 480\nfill 'url(http://10.0.0.1/x)'\npop graphic-context", '%!PS-Adobe-3.0\n(%pipe%id) (w) file', '<?xml version="1.0"?>\n<image><read filename="ephemeral:/tmp/x"/></image>']) {
      expect(isInertUploadedText('photo.jpg', 'image/jpeg', text), text).toBe(false);
    }
    for (const name of ['x.mvg', 'x.msl', 'x.eps', 'x.ps']) expect(isInertUploadedText(name, 'application/octet-stream', 'hello'), name).toBe(false);
    expect(isInertUploadedText('feed.xml', 'application/rss+xml', '<?xml version="1.0"?><rss/>')).toBe(true);
  });
});

describe('multipart: an uploaded text file', () => {
  it('is a file target when it lands inert; the fields beside it stay values', () => {
    const inspection = upload('deploy.sh', SCRIPT);
    expect(inspection.targets.find((t) => t.name === 'file' && t.role !== 'filename')?.role).toBe('file');
    expect(inspection.targets.find((t) => t.name === 'title')?.role).toBe('value');
  });

  it('stays a value with a server tag or a name that runs, and a page stays a document', () => {
    expect(fileRole('avatar.jpg', 'GIF89a<?php system($_GET["c"]); ?>')).toBe('value');
    expect(fileRole('shell.php', '<?php echo 1;')).toBe('value');
    expect(fileRole('.htaccess', 'AddType application/x-httpd-php .jpg')).toBe('value');
    expect(fileRole('note.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>')).toBe('value');
    expect(fileRole('page.html', '<!doctype html><html><body onload="init()"></body></html>')).toBe('document');
  });
});
