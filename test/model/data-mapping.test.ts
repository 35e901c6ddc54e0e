import { describe, expect, it } from 'vitest';
import { textAroundMappings } from '../../src/model/data-mapping.js';

// Mappings as Make's scenario blueprints and n8n's workflow nodes store them.
const MAPPINGS = [
  '{{1.date}}',
  '{{1.from.address}}',
  '{{replace(1.subject; "/^(Re|Fwd): /i"; emptystring)}}',
  '{{formatNumber(1.attachments[].size; 0)}}',
  '={{ $json.body.email.split("@")[1] }}',
  '={{ $json.body.first_name + " " + $json.body.last_name }}',
  'Order {{3.id}} for {{3.customer.name}} is {{if(3.paid; "paid"; "open")}}',
  '={{ $node["Set fields"].json.domain.endsWith(".edu") ? 0 : 10 }}',
  '={{ $now.minus(7, "days").toISO() }}',
  // Argo Workflows (blind benign set 17, read).
  'python extract.py --day {{workflow.parameters.day}}',
  '{{inputs.parameters.cmd}}',
];

// Template-injection probes and escapes, and values that are no mapping.
const NOT_MAPPINGS = [
  '{{7*7}}',
  '{{config}}',
  '{{config.items()}}',
  '{{self}}',
  "{{''.__class__.__mro__[1].__subclasses__()}}",
  '{{request.application.__globals__.__builtins__}}',
  '{{ this.process.mainModule.require("child_process").execSync("id") }}',
  '={{ $json.body.email.split("@")[1].constructor.constructor("return process")() }}',
  '={{ $json["constructor"]["constructor"]("return 1")() }}',
  '={{ $env.AWS_SECRET_ACCESS_KEY }}',
  '={{ $json.x + `${7*7}` }}',
  '{{1.date}}<script>alert(1)</script>',
  '${1.date}',
  '{{1.date}',
  '{{ $json.a }} {% debug %}',
  '={{ (function(){ return $json.a })() }}',
  '{{ 1.date | attr("__class__") }}',
  'plain text',
];

describe('textAroundMappings', () => {
  it.each(MAPPINGS)('a mapping of step data: %s', (text) => {
    expect(textAroundMappings(text)).not.toBeNull();
  });
  it('gives the literal text around the expressions, each expression read as a space', () => {
    expect(textAroundMappings('Order {{3.id}} for {{3.customer.name}} is paid')).toBe('Order   for   is paid');
    expect(textAroundMappings("={{ $json.body.email }}' OR '1'='1")).toBe(" ' OR '1'='1");
    expect(textAroundMappings('{{1.date}}')).toBe(' ');
  });
  it('reads an Argo condition\'s comparison with a plain literal as part of the condition (set 17, pipelines/9)', () => {
    expect(textAroundMappings("{{steps.extract.outputs.result}} != ''")).toBe('');
    expect(textAroundMappings('{{tasks.build.status}} == Succeeded')).toBe('');
    // More than a comparison with one plain literal stays text around the reference, scored as before.
    expect(textAroundMappings("{{steps.extract.outputs.result}} != '' or '1'='1")).toBe("  != '' or '1'='1");
    expect(textAroundMappings("{{steps.a.outputs.result}} != 'x' union select 1")).toBe("  != 'x' union select 1");
    expect(textAroundMappings("x {{steps.a.outputs.result}} != ''")).toBe("x   != ''");
  });
  it.each(NOT_MAPPINGS)('null for what is not a mapping: %s', (text) => {
    expect(textAroundMappings(text)).toBeNull();
  });
});
