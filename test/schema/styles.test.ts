import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaGate, type CompiledSchemaGate } from '../../src/schema/index.js';
import { request, writeSpecFiles } from './fixtures.js';

const spec = `
openapi: 3.0.3
info: { title: styles, version: "1" }
paths:
  /simple/{ids}/{color}/{point}:
    get:
      parameters:
        - { name: ids, in: path, required: true, schema: { type: array, items: { type: integer } } }
        - { name: color, in: path, required: true, schema: { type: object, properties: { R: { type: integer }, G: { type: integer } } } }
        - { name: point, in: path, required: true, explode: true, schema: { type: object, properties: { x: { type: number }, y: { type: number } } } }
      responses: {}
  /label/{ids}/{tags}:
    get:
      parameters:
        - { name: ids, in: path, required: true, style: label, schema: { type: array, items: { type: integer, maximum: 9 } } }
        - { name: tags, in: path, required: true, style: label, explode: true, schema: { type: array, items: { type: string } } }
      responses: {}
  /matrix/{id}/{list}/{obj}:
    get:
      parameters:
        - { name: id, in: path, required: true, style: matrix, schema: { type: integer } }
        - { name: list, in: path, required: true, style: matrix, explode: true, schema: { type: array, items: { type: integer } } }
        - { name: obj, in: path, required: true, style: matrix, explode: true, schema: { type: object, properties: { role: { enum: [admin, user] } } } }
      responses: {}
  /query:
    get:
      parameters:
        - { name: ids, in: query, style: form, explode: false, schema: { type: array, items: { type: integer } } }
        - { name: words, in: query, style: spaceDelimited, explode: false, schema: { type: array, maxItems: 3, items: { type: string } } }
        - { name: pipes, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: integer } } }
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema: { type: object, additionalProperties: false, properties: { status: { enum: [open, closed] }, min: { type: integer } } }
        - name: page
          in: query
          schema: { type: object, properties: { size: { type: integer, maximum: 50 }, cursor: { type: string } } }
        - name: where
          in: query
          content:
            application/json:
              schema: { type: object, required: [field], properties: { field: { type: string } } }
        - { name: flag, in: query, allowEmptyValue: true, schema: { type: boolean } }
        - { name: maybe, in: query, schema: { type: integer, nullable: true } }
      responses: {}
  /headers:
    get:
      parameters:
        - { name: X-Ids, in: header, schema: { type: array, items: { type: integer } } }
        - { name: X-Obj, in: header, explode: true, schema: { type: object, properties: { a: { type: integer } } } }
        - { name: theme, in: cookie, schema: { type: array, items: { enum: [dark, wide] } }, explode: false }
      responses: {}
`;

let gate: CompiledSchemaGate;
beforeAll(async () => {
  gate = await loadSchemaGate({ spec: join(writeSpecFiles({ 'api.yaml': spec }), 'api.yaml') });
});
const v = (url: string, headers?: Record<string, string>) =>
  gate.evaluate(request('GET', url, { headers })).violations.map((x) => `${x.location}: ${x.message}`);

describe('parameter serialization (style / explode)', () => {
  it('path simple: arrays split on commas, objects as k,v pairs or k=v when exploded', () => {
    expect(v('/simple/1,2,3/R,100,G,200/x=1.5,y=2')).toEqual([]);
    expect(v('/simple/1,two/R,100,G,200/x=1,y=2')).toEqual(['path.ids[1]: must be integer']);
    expect(v('/simple/1/R,100,G/x=1,y=2')).toEqual(['path.color: is not a valid simple value']);
    expect(v('/simple/1/R,1,G,2/x=a,y=2')).toEqual(['path.point.x: must be number']);
  });

  it('keeps a percent-encoded comma inside one array item', () => {
    expect(v('/simple/1%2C2/R,1,G,2/x=1,y=2')).toEqual(['path.ids[0]: must be integer']);
  });

  it('path label: leading dot, comma or dot separated', () => {
    expect(v('/label/.1,2,3/.a.b.c')).toEqual([]);
    expect(v('/label/.1,22/.a')).toEqual(['path.ids[1]: must be <= 9']);
    expect(v('/label/1,2/.a')).toEqual(['path.ids: is not a valid label value']);
  });

  it('path matrix: ;name=value, exploded arrays repeat the name, exploded objects use their keys', () => {
    expect(v('/matrix/;id=5/;list=1;list=2/;role=admin')).toEqual([]);
    expect(v('/matrix/;id=x/;list=1/;role=admin')).toEqual(['path.id: must be integer']);
    expect(v('/matrix/;other=5/;list=1/;role=admin')).toEqual(['path.id: is not a valid matrix value']);
    expect(v('/matrix/;id=5/;list=1;list=b/;role=root')).toEqual(['path.list[1]: must be integer', 'path.obj.role: must be one of "admin", "user"']);
  });

  it('query form non-exploded, spaceDelimited and pipeDelimited arrays', () => {
    expect(v('/query?ids=1,2,3&words=a%20b+c&pipes=1|2%7C3')).toEqual([]);
    expect(v('/query?words=a%20b%20c%20d')).toEqual(['query.words: must NOT have more than 3 items']);
    expect(v('/query?pipes=1|x')).toEqual(['query.pipes[1]: must be integer']);
  });

  it('query deepObject: filter[status]=open', () => {
    expect(v('/query?filter[status]=open&filter[min]=3')).toEqual([]);
    expect(v('/query?filter%5Bstatus%5D=closed')).toEqual([]);
    expect(v('/query?filter[status]=lost')).toEqual(['query.filter.status: must be one of "open", "closed"']);
    expect(v('/query?filter[owner]=me')).toEqual(['query.filter.owner: is not allowed']);
  });

  it('query exploded form object: properties are top-level keys', () => {
    expect(v('/query?size=20&cursor=abc')).toEqual([]);
    expect(v('/query?size=80')).toEqual(['query.page.size: must be <= 50']);
  });

  it('query parameter with JSON content', () => {
    expect(v(`/query?where=${encodeURIComponent('{"field":"name"}')}`)).toEqual([]);
    expect(v(`/query?where=${encodeURIComponent('{"f":1}')}`)).toEqual(['query.where.field: is required']);
    expect(v('/query?where={oops')).toEqual(['query.where: must be valid JSON']);
  });

  it('allowEmptyValue accepts ?flag= ; nullable integers accept an empty value as null', () => {
    expect(v('/query?flag=')).toEqual([]);
    expect(v('/query?flag=maybe')).toEqual(['query.flag: must be boolean']);
    expect(v('/query?maybe=')).toEqual([]);
    expect(v('/query?maybe=x')).toEqual(['query.maybe: must be integer,null']);
  });

  it('header simple arrays and exploded objects; cookie form non-exploded arrays', () => {
    expect(v('/headers', { 'X-Ids': '1, 2, 3', 'X-Obj': 'a=1', Cookie: 'theme=dark,wide' })).toEqual([]);
    expect(v('/headers', { 'X-Ids': '1, x' })).toEqual(['header.x-ids[1]: must be integer']);
    expect(v('/headers', { Cookie: 'theme=dark,neon' })).toEqual(['cookie.theme[1]: must be one of "dark", "wide"']);
  });
});
