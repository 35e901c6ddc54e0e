/**
 * A theme's page layout saved whole (Shopify's theme.liquid, issue 14's `tag-snippets` family) loses only its
 * skeleton — doctype, html/head/body, meta, title, links, plain template outputs — before scoring.
 */
import { describe, expect, it } from 'vitest';
import { textOutsidePageLayout } from '../../src/model/page-layout.js';

const LIQUID = `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n<head>\n  <meta charset="utf-8">\n  <meta name="viewport" content="width=device-width,initial-scale=1">\n  <title>{{ page_title }}</title>\n  {{ content_for_header }}\n  {{ 'base.css' | asset_url | stylesheet_tag }}\n</head>\n<body class="template-{{ template.name }}">\n  {% section 'header' %}\n  {{ content_for_layout }}\n</body>\n</html>`;

describe('textOutsidePageLayout', () => {
  it("takes out a Liquid, Twig, Blade or ERB layout's skeleton", () => {
    expect(textOutsidePageLayout(LIQUID)?.trim()).toBe('');
    expect(textOutsidePageLayout("<!DOCTYPE html>\n<html>\n<head><title>{% block title %}Welcome{% endblock %}</title></head>\n<body>{% block body %}{% endblock %}</body>\n</html>")?.trim()).toBe('');
    expect(textOutsidePageLayout("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n@vite('resources/js/app.js')\n<title>{{ $title }}</title>\n</head>\n<body>@yield('content')</body>\n</html>")?.trim()).toBe('');
    expect(textOutsidePageLayout('<!DOCTYPE html>\n<html>\n<head>\n<%= csrf_meta_tags %>\n<%= stylesheet_link_tag "application", "data-turbo-track": "reload" %>\n</head>\n<body>\n<%= yield %>\n</body>\n</html>')?.trim()).toBe('');
  });

  it('is null for anything that is no page', () => {
    expect(textOutsidePageLayout('<head><title>x</title></head>')).toBeNull();
    expect(textOutsidePageLayout('<html><body>x</body></html> trailing')).toBeNull();
  });

  it('leaves what runs, calls or reads secrets: handlers, scripts, expressions, exposing names', () => {
    expect(textOutsidePageLayout(LIQUID.replace('<body class="template-{{ template.name }}">', '<body onload="alert(1)">'))).toContain('onload');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '<script>alert(document.cookie)</script>'))).toContain('<script>');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{{7*7}}'))).toContain('{{7*7}}');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', "{{ ''.__class__.__mro__ }}"))).toContain('__class__');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{{ a__class__ }}'))).toContain('a__class__');
    expect(textOutsidePageLayout(LIQUID.replace('{{ page_title }}', '</title><script>x</script>'))).toContain('<script>');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', "<%= system('id') %>"))).toContain('system');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{{ config }}'))).toBeNull();
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{{craft.app.config.general.securityKey}}'))).toBeNull();
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{% include "../settings.py" %}'))).toContain('settings.py');
    expect(textOutsidePageLayout(LIQUID.replace('<meta charset="utf-8">', '<meta http-equiv="Set-Cookie" content="sid=fixed1234">'))).toContain('Set-Cookie');
    expect(textOutsidePageLayout(LIQUID.replace('<meta charset="utf-8">', '<link rel="attachment" href="file:///etc/passwd">'))).toContain('file:');
    expect(textOutsidePageLayout(LIQUID.replace('<meta charset="utf-8">', '<link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/">'))).toContain('169.254');
    expect(textOutsidePageLayout(LIQUID.replace('{{ content_for_layout }}', '{{ _self.env }}'))).toBeNull();
    expect(textOutsidePageLayout(LIQUID.replace('<meta charset="utf-8">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'))).toContain('javascript:');
  });

  it('costs little on a long text that is no page', () => {
    const prose = 'The quarterly report covers revenue, churn and the new {{ placeholders }} in templates. '.repeat(200);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) textOutsidePageLayout(`${prose}</html>`);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
