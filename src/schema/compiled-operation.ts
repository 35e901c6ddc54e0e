import type { ValidateFunction } from 'ajv';
import type { CoercionPlan } from './coercion.js';
import type { SerializedParam } from './param-style.js';

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface CompiledParam extends SerializedParam {
  in: ParamLocation;
  required: boolean;
  /** Lower-cased for headers, as declared otherwise. */
  key: string;
  /** What a violation names: `query.limit`, `header.x-request-id`, `path.petId`. */
  location: string;
  /** Declared with `content` (e.g. `application/json`) instead of `schema`: the text is a JSON document. */
  json: boolean;
  allowEmptyValue: boolean;
  /** Null until the document's validators are compiled (all at once, after the bundle is complete). */
  validate: ValidateFunction | null;
}

/** How a request body is read before validation, chosen from the request's own media type. */
export type BodyParse = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface CompiledMediaType {
  /** Declared media range, lower case, without parameters: `application/json`, `image/*`, `*\/*`. */
  range: string;
  plan: CoercionPlan;
  validate: ValidateFunction | null;
}

export interface CompiledBody {
  required: boolean;
  /** Exact media types, then `type/*`, then `*\/*`. */
  exact: ReadonlyMap<string, CompiledMediaType>;
  wildcards: ReadonlyMap<string, CompiledMediaType>;
  any: CompiledMediaType | null;
}

export interface CompiledOperation {
  /** `GET /pets/{petId}`: the template as written under `paths`. */
  id: string;
  method: string;
  template: string;
  operationId: string | null;
  /** Declared parameters for each template expression, in template order (null: not declared). */
  pathParams: (CompiledParam | null)[];
  queryParams: CompiledParam[];
  headerParams: CompiledParam[];
  cookieParams: CompiledParam[];
  /** Query names that belong to the operation: parameters, exploded object properties, apiKey schemes. */
  knownQueryNames: ReadonlySet<string>;
  /** An exploded form object with open properties takes every query key nothing else claims. */
  absorbsUnknownQuery: boolean;
  body: CompiledBody | null;
}

/** All operations under one path template (after the server base path), by method. */
export interface RouteLeaf {
  operations: Map<string, CompiledOperation>;
}
