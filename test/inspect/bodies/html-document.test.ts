import { describe, expect, it } from 'vitest';
import { isHtmlDocumentUpload } from '../../../src/inspect/bodies/html-document.js';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { recordToRawRequest } from '../../../src/eval/record-request.js';

const PAGE = '<!doctype html><html><head><script src="/app.js"></script></head><body onload="init()"><h1>Hi</h1></body></html>';

function upload(filename: string, contentType: string, content: string, title = 'Spring sale') {
  const b = '----WebKitFormBoundaryQ1w2E3r4';
  const body = `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n${content}\r\n--${b}--\r\n`;
  return buildInspection(
    recordToRawRequest({ id: 't', source: 't', label: 'benign', category: 't', method: 'POST', path: '/upload', query: '', headers: { Host: 'shop.example', 'Content-Type': `multipart/form-data; boundary=${b}` }, body }),
  );
}

describe('isHtmlDocumentUpload', () => {
  it('takes a whole HTML page declared by its name or type for a document', () => {
    expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE)).toBe(true);
    expect(isHtmlDocumentUpload('page.htm', 'application/octet-stream', `\uFEFF\n  ${PAGE}`)).toBe(true);
    expect(isHtmlDocumentUpload('upload', 'text/html', '<html lang="en"><body>x</body></html>')).toBe(true);
  });

  it('refuses a fragment, another type, a server-side extension and server-side syntax', () => {
    expect(isHtmlDocumentUpload('page.html', 'text/html', '<script>alert(1)</script>')).toBe(false);
    expect(isHtmlDocumentUpload('notes.txt', 'text/plain', PAGE)).toBe(false);
    expect(isHtmlDocumentUpload('shell.php.html', 'text/html', PAGE)).toBe(false);
    expect(isHtmlDocumentUpload('x.shtml', 'text/html', PAGE)).toBe(false);
    expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE.replace('<h1>Hi</h1>', '<?php system($_GET["c"]); ?>'))).toBe(false);
    expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE.replace('<h1>Hi</h1>', '<!--#exec cmd="id" -->'))).toBe(false);
    expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE.replace('<h1>Hi</h1>', '<% out.println(1); %>'))).toBe(false);
    expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE.replace('<h1>Hi</h1>', '${jndi:ldap://x/a}'))).toBe(false);
    for (const template of ["{{ ''.__class__.__mro__[1].__subclasses__() }}", '{% for k in config %}{{ k }}{% endfor %}', '{$smarty.version}', '<#assign x="freemarker.template.utility.Execute"?new()>', '#set($x=1)', '@(1+2)', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>']) {
      expect(isHtmlDocumentUpload('page.html', 'text/html', PAGE.replace('<h1>Hi</h1>', template)), template).toBe(false);
    }
  });
});

describe('multipart: an uploaded HTML page', () => {
  it('is a document target; the form fields beside it stay values', () => {
    const inspection = upload('page.html', 'text/html', PAGE, '<script>alert(document.cookie)</script>');
    const file = inspection.targets.find((t) => t.name === 'file' && t.role !== 'filename');
    const title = inspection.targets.find((t) => t.name === 'title');
    expect(file?.role).toBe('document');
    expect(title?.role).toBe('value');
  });

  it('stays a value when it is not a whole page or its name says a server runs it', () => {
    expect(upload('page.html', 'text/html', '<script>alert(1)</script>').targets.find((t) => t.name === 'file' && t.role !== 'filename')?.role).toBe('value');
    expect(upload('page.php.html', 'text/html', PAGE).targets.find((t) => t.name === 'file' && t.role !== 'filename')?.role).toBe('value');
  });
});
