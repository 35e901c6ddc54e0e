import type { InspectOptions } from '../inspect-options.js';
import type { TargetLocation } from '../types.js';
import type { TargetCollector } from '../target-collector.js';
import type { Steps } from '../work-clock.js';

/** What a body parser gets besides the bytes. */
export interface BodyContext {
  collector: TargetCollector;
  options: InspectOptions;
  /** Prefix for target names: '' for the request body, `<field>.` inside a multipart part. */
  namePrefix: string;
  /** Only a prefix of the body is here: running out of input is expected, not malformed. */
  truncated: boolean;
  /** The media type's parameters (boundary, charset), keys lower case. */
  mediaParameters: ReadonlyMap<string, string>;
  /** Current multipart nesting level (0 = request body). */
  multipartLevel: number;
  /** The body being parsed as latin1, when the caller already made that string (saves a copy); only valid for this body, never for a part. */
  latin1?: string;
  /** The request's body as received, when this body or part lies in it: binary stretches are marked by their place there (binary-regions.ts). */
  requestBody?: Buffer;
  /** Parts read so far across all multipart levels (shared counter). */
  partsRead: { count: number };
  /**
   * Set for a JSON document that is a query or form field's value (`payload={"filters":{…}}`): its
   * targets sit where the field does, and none of their text is the request's bytes as sent.
   */
  field?: { location: TargetLocation };
}

/**
 * A body parser adds targets for what it understands. It returns false when the body is not
 * well-formed (after reporting why); the caller then also inspects the body as plain text so nothing
 * the backend might read escapes inspection.
 */
export type BodyParser = (body: Buffer, context: BodyContext) => boolean;

/** A parser whose walk can pause between fields (bodies that may hold tens of thousands of them). */
export type SteppedBodyParser = (body: Buffer, context: BodyContext) => Steps<boolean>;
