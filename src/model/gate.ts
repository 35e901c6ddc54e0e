import type { Inspection, Target } from '../inspect/types.js';
import type { SignatureResult } from '../signatures/types.js';
import type { SliceClock } from '../inspect/work-clock.js';
import { fieldJson } from '../inspect/urlencoded-fields.js';
import { INJECTION_WORDS, mayCarryAttack, proseEvidenceBlocks } from './screen.js';
import { evidenceSpans, MAX_CLUSTERS, type EvidenceSpanOptions } from './evidence-spans.js';
import { isLspDocumentUri, isPathMention, isWindowsPathMisreadAsEscapes } from './path-mention.js';
import { isCellGridRow } from './cell-grid.js';
import { bodySavesFile, isFileWriteRoute, mayBeSaveLocation, namesBodySaveLocation } from './file-save.js';
import { isFrameSourceLine } from './stack-frames.js';
import { isErrorMessage } from './error-messages.js';
import { isForgePath, isRepositoryPage } from './forge-paths.js';
import { isWildcardPath } from './wildcard-paths.js';
import { urlValueParts } from './url-values.js';
import { fieldIntentOfName, isLabelSelector, isMessageProse, isSearchFieldName, isSearchProse, isUnifiedDiff, passwordMayCarryAttack, type FieldIntent } from './field-intent.js';
import { isWholeSqlStatement, maskQuotedCode, type MaskedCode } from './quoted-code.js';
import { isLogSearch } from './log-search.js';
import { isCodeSearch, isRelativeImportPath } from './code-search.js';
import { isSpreadsheetFormula } from './spreadsheet-formula.js';
import { textAroundJmeterRefs } from './jmeter-functions.js';
import { textAroundPlaceholders } from './property-placeholders.js';
import { traversalLiterals } from './graph-query.js';
import { fixFieldsText } from './fix-messages.js';
import { textAroundMappings } from './data-mapping.js';
import { textAroundFormatFields } from './format-fields.js';
import { textBeforeEnumeration } from './enumeration.js';
import { isSiteCodeSetting, textAroundTagSnippets } from './tag-snippets.js';
import { namedHostRefererParts, sameOriginRefererParts } from './referer-origin.js';
import { isDetectionRuleText, isRuleDocumentElementName, isRuleEditorRequest } from './detection-rules.js';
import { bodyHasSchedule, isCrontabFile, isScheduledCommand } from './scheduled-commands.js';
import { isQuotedProgram } from './quoted-program.js';
import { isStaticImportLines } from './import-lines.js';
import { isIniSettings } from './ini-settings.js';
import { isDialplan } from './dialplan.js';
import { isInstructionList } from './instruction-list.js';
import { isSqlCondition } from './sql-condition.js';
import { isLdapFilter } from './value-shapes.js';
import { isSystemQueryOptionKey } from './query-options.js';
import { csvText } from './csv-text.js';
import { isRegistryFile } from './registry-file.js';
import { isMeshFile } from './mesh-file.js';
import { routingQueries } from './apache-directives.js';
import { foldedSiblingScored, hasPercentEscape, plainFormExists } from './scored-forms.js';
import { isProductList, isUserAgentHeaderName } from './product-tokens.js';
import { isPlainRegex } from './regex-value.js';
import { isServiceProxySegment } from './service-proxy.js';
import { remainderOutsideShape } from './shape-remainder.js';
import { isCellTakenWhole, joinedCellTarget, mayBeCellLineName, notebookCellLines } from './notebook-cells.js';
import type { ModelGate, ModelResult, PayloadModel, TargetScore } from './types.js';

export interface ModelGateOptions {
  /** Forms scored per target: raw plus this many decoded forms at most (default 4). */
  maxFormsPerTarget?: number;
  /** Targets scored per request at most; gate-1 hits go first (default 128). */
  maxTargets?: number;
  /** Window length for long forms; defaults to the model's own `maxChars` or 512. */
  windowChars?: number;
  /** Windows per long form at most: those holding attack evidence, and the last one when the evidence does not reach it (default 16). */
  maxWindows?: number;
  /** How much of a decoded form the result quotes in `form` (default 80 chars). */
  formQuoteChars?: number;
  /** The lexical screen; defaults to `mayCarryAttack`. */
  screen?: (text: string) => boolean;
  /**
   * Where a long form holds attack evidence, per block of half a window (see `proseEvidenceBlocks`, the
   * default): a window is scored when one of its two blocks is flagged.
   */
  windowEvidence?: (text: string, stride: number) => Uint8Array;
  /**
   * How far into a long form the evidence is looked for (default 32,768 chars): windows come from that
   * prefix, and the last window is scored when the form is longer. One pass over a 1 MiB value costs ~10 ms at
   * once; decoded forms are cut at 16 KiB by the inspector, so this reaches past them.
   */
  maxEvidenceChars?: number;
  /**
   * Scores of short forms remembered across requests (default 8192 entries, 0 = off). Browser headers
   * (User-Agent, Accept, sec-ch-ua...) repeat on every request; the model is deterministic, so their
   * score is computed once. The map is cleared when full: bounded memory, no per-hit bookkeeping. A short form's
   * evidence-anchored windows (`evidenceSpans`) are remembered the same way, in a map of their own.
   */
  cacheSize?: number;
  /**
   * How an uploaded whole HTML page (role `document`, src/inspect/bodies/html-document.ts) is judged:
   * `document` (the default) scores it only on a gate-1 hit that is not an XSS rule's; `inspect` scores it
   * as any uploaded text (config `model.htmlUploads`: for applications that serve uploads inline).
   */
  htmlUploads?: 'document' | 'inspect';
  /**
   * A form scored whole (up to `windowChars`) is also scored at its clusters of attack evidence, each on its own
   * (evidence-spans.ts): prose around a payload no longer dilutes it. `false` turns it off (default on).
   */
  evidenceSpans?: EvidenceSpanOptions | false;
}

/** Whitespace as the normalizer's whitespace decoder folds it (ASCII and Unicode spaces, line breaks). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True when `a` and `b` differ only in how their whitespace runs are spelled: the whitespace decoder's
 * form of a multi-line text. For a long text that form adds nothing the raw windows do not show (the
 * tokenizer reads a line break as a separator, char n-grams fold whitespace) and would double the
 * windows scored; short forms keep it, where `UNION\nSELECT` → `UNION SELECT` matters.
 */
export function sameButWhitespace(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const n = a.length;
  const m = b.length;
  while (i < n && j < m) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    // Printable ASCII is never whitespace: the common case, without isSpace's comparisons.
    if (ca === cb && ca > 32 && ca < 127) {
      i++;
      j++;
      continue;
    }
    const sa = isSpace(ca);
    const sb = isSpace(cb);
    if (sa && sb) {
      while (i < n && isSpace(a.charCodeAt(i))) i++;
      while (j < m && isSpace(b.charCodeAt(j))) j++;
      continue;
    }
    if (sa || sb || ca !== cb) return false;
    i++;
    j++;
  }
  while (i < n && isSpace(a.charCodeAt(i))) i++;
  while (j < m && isSpace(b.charCodeAt(j))) j++;
  return i === n && j === m;
}

/** Whether `text` is the whitespace-folded twin of a long form already sent (or that form of it). */
function isWhitespaceTwin(sent: readonly string[], text: string): boolean {
  for (const prev of sent) if (sameButWhitespace(prev, text)) return true;
  return false;
}

/** Forms longer than this are never cached: long values rarely repeat and would pin memory. */
const CACHE_MAX_CHARS = 256;
/** A form's evidence-anchored windows when it has none (most forms): one array for all of them in the span cache. */
const NO_SPANS: readonly number[] = Object.freeze([]);

interface ModelWithWindow {
  maxChars?: number;
}

function hasEvidence(blocks: Uint8Array, first: number, last: number): boolean {
  for (let b = first; b <= last; b++) if (blocks[b] === 1) return true;
  return false;
}

/**
 * Splits a long text into overlapping windows (half-window stride) and keeps those that hold attack
 * evidence (`evidence`: one flag per half-window block of the prefix it was looked for in, null =
 * every window), up to `maxWindows` in all; the last window is kept whenever the evidence does not
 * reach it (a text longer than the prefix looked at). An attack anywhere in a long value (a payload
 * padded past the first windows) is still scored, because every string of up to half a window lies
 * whole inside some window that holds its start; a window with nothing attack-shaped beyond prose
 * punctuation is not scored, and prose is not scored at all.
 */
function windowsOf(text: string, size: number, maxWindows: number, evidence: Uint8Array | null, out: string[], seen: Set<string> | null): number {
  if (text.length <= size) {
    out.push(text);
    return 1;
  }
  const before = out.length;
  const stride = size >> 1;
  const last = Math.max(0, text.length - size);
  const lastBlock = ((text.length - 1) / stride) | 0;
  const lastHeld = evidence === null || lastBlock >= evidence.length || hasEvidence(evidence, (last / stride) | 0, lastBlock);
  // Room for the last window, when it is kept, beside the others.
  const most = lastHeld ? maxWindows - 1 : maxWindows;
  let n = 0;
  for (let s = 0, k = 0; s < last && n < most; s += stride, k++) {
    if (evidence === null || hasEvidence(evidence, k, ((s + size - 1) / stride) | 0)) {
      pushNew(text.slice(s, s + size), out, seen);
      n++;
    }
  }
  if (lastHeld) pushNew(text.slice(last), out, seen);
  return out.length - before;
}

/**
 * A window the target's other forms already produced is not scored again: the same text has the same
 * score, and the earlier form keeps the credit, as it would on a tie. (A decoded form that differs from
 * the raw one in a few characters shares most of its windows with it.)
 */
function pushNew(window: string, out: string[], seen: Set<string> | null): void {
  if (seen !== null) {
    if (seen.has(window)) return;
    seen.add(window);
  }
  out.push(window);
}

/** The hit and blocked sets of a request with no signature hit: never added to. */
const NO_TARGETS: Set<number> = new Set<number>();
/** A body that is no notebook: no cell lines. */
const NO_CELLS: Map<number, readonly number[]> = new Map();

/** A cross-site-scripting rule, by its message (`WARDEN XSS …`, ET's `… XSS …`, `Cross Site Scripting`). */
const MARKUP_RULE = /\bXSS\b|cross[- ]site[- ]scripting/i;

/**
 * A rule for an injection that works with text around it (SQL quote breakouts, markup, template expressions, shell
 * commands, code, JNDI lookups, CRLF), by its message: its hit on a form scored whole sends the form's clusters of
 * evidence to the model on their own too (evidence-spans.ts). A file, path, address or protocol rule's hit does not:
 * a path or address with prose before it is another path or address, and prose quotes them (`/etc/passwd` in a log
 * search).
 */
const INJECTION_IN_TEXT_RULE = /\b(?:SQLI|XSS|SSTI|CMDI|CODEI|JNDI|CRLF|SHELLSHOCK|NOSQLI|LOG|PHP)\b|cross[- ]site[- ]scripting|sql injection|command injection|template injection/i;

/** What a field's name says its value is (field-intent.ts); only a body or query value's name says anything. */
function fieldIntent(target: Target): FieldIntent {
  if (target.role !== 'value' || target.location === 'header' || target.location === 'path') return 'none';
  return fieldIntentOfName(target.name);
}

/** A JSON body's first 64 KB as text (a schedule's numeric fields make no target: scheduled-commands.ts), else ''. */
function jsonBodyText(inspection: Inspection): string {
  const type: string | undefined = inspection.contentType;
  return type !== undefined && type.includes('json') && inspection.body !== undefined ? inspection.body.toString('latin1', 0, 65_536) : '';
}

/**
 * Whether form `f` of a target (0 = raw) is only a spelling of a text `whole` takes: one of the first `maxDecoded` decoded
 * forms is made from it by URL or base64 decoding steps alone (`url`, `url>base64`) and is taken whole.
 */
function spellsWholeText(target: Target, f: number, maxDecoded: number, whole: (text: string) => boolean): boolean {
  const via = target.decodedVia!;
  const prefix = f === 0 ? '' : `${via[f - 1]}>`;
  if (f > 0 && via[f - 1] === undefined) return false;
  const n = Math.min(via.length, maxDecoded);
  for (let k = f; k < n; k++) {
    const v = via[k];
    if (!v.startsWith(prefix)) continue;
    const steps = v.slice(prefix.length).split('>');
    if (steps.every((s) => s === 'url' || s === 'base64') && whole(target.decoded[k])) return true;
  }
  return false;
}

/** A same-origin or named other site's Referer's texts to score, each named '' in `names` (referer-origin.ts); null for any other header or Referer. */
function refererTexts(target: Target, text: string, host: string, names: string[]): string[] | null {
  if (target.name.length !== 7 || target.name.toLowerCase() !== 'referer') return null;
  const parts = sameOriginRefererParts(text, host) ?? namedHostRefererParts(text);
  if (parts !== null) {
    names.length = 0;
    for (let k = 0; k < parts.length; k++) names.push('');
  }
  return parts;
}

/** The whole request path, when it names files rather than opens one (forge-paths.ts, wildcard-paths.ts). */
function isNamingRequestPath(target: Target): boolean {
  return target.location === 'path' && target.name === 'path' && (isForgePath(target.raw) || isWildcardPath(target.raw));
}

/**
 * Gate 2's payload half: picks the targets worth scoring (gate-1 hits, plus every form the lexical
 * screen lets through, but no declared script or path mention without a hit; see scored-forms.ts for why escaped forms
 * with a plain sibling are skipped),
 * scores all their raw and decoded forms in one batch, and reports per target
 * the highest score and the form that produced it, highest first — the explainable part of a verdict.
 */
export function createModelGate(model: PayloadModel, options: ModelGateOptions = {}): ModelGate {
  const maxForms = 1 + (options.maxFormsPerTarget ?? 4);
  const maxTargets = options.maxTargets ?? 128;
  const windowChars = options.windowChars ?? (model as ModelWithWindow).maxChars ?? 512;
  const maxWindows = options.maxWindows ?? 16;
  const quote = options.formQuoteChars ?? 80;
  const screen = options.screen ?? mayCarryAttack;
  const windowEvidence = options.windowEvidence ?? proseEvidenceBlocks;
  const maxEvidenceChars = options.maxEvidenceChars ?? 32_768;
  const cacheSize = options.cacheSize ?? 8192;
  const pagesAreDocuments = (options.htmlUploads ?? 'document') === 'document';
  const spanOptions = options.evidenceSpans ?? {};
  // A long form's clusters: as many as its windows would hold, to a bound (each costs a scan to the next mark).
  const longSpanOptions = spanOptions === false ? null : { ...spanOptions, maxClusters: Math.min(512, (spanOptions.maxClusters ?? MAX_CLUSTERS) * Math.ceil(maxEvidenceChars / windowChars)), records: true };
  const cache = new Map<string, number>();
  // A short form's evidence-anchored windows (evidence-spans.ts), by its text: a pure function of it, as its score is,
  // and ~10-25 µs a form in the proxy (two thirds of the gate's time on the bench's attack mix, session 35) for the
  // same payloads sent again and again. Bounded and cleared as the score cache is.
  const spanCache = new Map<string, readonly number[]>();
  const maskFound: MaskedCode = { multiLine: false }; // reused: what maskQuotedCode took out of the form at hand

  const cachedSpans = (text: string, shortOptions: EvidenceSpanOptions): readonly number[] => {
    if (cacheSize <= 0 || text.length > CACHE_MAX_CHARS) return evidenceSpans(text, shortOptions);
    let spans = spanCache.get(text);
    if (spans === undefined) {
      spans = evidenceSpans(text, shortOptions);
      if (spanCache.size >= cacheSize) spanCache.clear();
      spanCache.set(text, spans.length === 0 ? NO_SPANS : spans);
    }
    return spans;
  };

  return {
    async evaluate(inspection: Inspection, signatures: SignatureResult, clock?: SliceClock): Promise<ModelResult> {
      const targets = inspection.targets;
      const hit = signatures.hits.length === 0 ? NO_TARGETS : new Set<number>();
      const partNames: string[] = []; // the parameter name of each part of a URL value (urlValueParts)
      // A rule tune saw match benign traffic (an IDS rule that fires on `.cnf` in a forge's file path)
      // is no reason to score what the model skips (a path mention, a declared script) or what the screen
      // lets pass: its hit counts as its capped weight in the decision, and the field is judged as if
      // no rule had pointed at it.
      const blocked = signatures.hits.length === 0 ? NO_TARGETS : new Set<number>(); // targets a blocking rule hit: the verdict is the rule's whatever the model says
      const injectionHit = signatures.hits.length === 0 ? NO_TARGETS : new Set<number>(); // targets an INJECTION_IN_TEXT_RULE hit
      for (const h of signatures.hits) {
        if (h.targetIndex < 0 || h.targetIndex >= targets.length) continue;
        if (h.effect === 'block') blocked.add(h.targetIndex);
        if (h.firesOnBenign === true) continue;
        // An uploaded HTML page (role `document`) holds script elements and event handlers by nature: an XSS
        // rule's hit on it says what it is, and sends it nowhere; any other rule's hit does.
        if (pagesAreDocuments && targets[h.targetIndex].role === 'document' && MARKUP_RULE.test(h.msg)) continue;
        hit.add(h.targetIndex);
        if (spanOptions !== false && INJECTION_IN_TEXT_RULE.test(h.msg)) injectionHit.add(h.targetIndex);
      }

      // Gate-1 hits first, so the target cap never drops the fields the signatures pointed at.
      // With no hit (most requests) that is the targets' own order: no list is made.
      const order: number[] | null = hit.size === 0 ? null : [...hit];
      if (order !== null) for (let i = 0; i < targets.length; i++) if (!hit.has(i)) order.push(i);

      // A value past the inspector's maxDecodedLength had only its prefix decoded (target-collector.ts).
      const decodedPrefixOnly = inspection.limits?.reached.includes('maxDecodedLength') === true;
      const texts: string[] = [];
      const owner: number[] = []; // per text: index into `entries`
      const formOf: number[] = []; // per text: 0 = raw, k = decoded[k-1]
      const entries: number[] = []; // target indices that reached the model
      let visited = 0;
      let repositoryPage: boolean | undefined; // a forge's repository page (forge-paths.ts), asked once a form passed the screen
      let savesFile: boolean | undefined; // the body saves a file's text (file-save.ts), asked once a save location's form passed the screen
      let schedules: boolean | undefined; // the body holds a schedule's field (scheduled-commands.ts), asked once a command's form passed the screen
      let ruleBody: boolean | undefined; // the body is detection rules (detection-rules.ts), asked once a rule element's form passed the screen
      let ruleRoute: boolean | undefined; // the route is a rule editor's (detection-rules.ts): rule texts are taken only there
      let cellLines: Map<number, readonly number[]> | undefined; // a notebook's cell lines (notebook-cells.ts), asked once a body target is named like one
      let cellsTaken: Map<readonly number[], boolean> | undefined; // whether a shape takes a notebook cell whole, per cell
      for (let k = 0; k < targets.length; k++) {
        const t = order === null ? k : order[k];
        if (entries.length >= maxTargets) break;
        // A big request screens up to ~17,000 targets (several ms): on the proxy it waits for its turn now and then.
        if (clock !== undefined && (++visited & 255) === 0 && clock.dueNow()) await clock.turn();
        const target = targets[t];
        const forced = hit.has(t);
        // A declared shell script (exec-form `sh -c`, see TargetRole) is shell by construction: its
        // syntax is no evidence, so only a gate-1 hit on it sends it to the model.
        if (target.role === 'script' && !forced) continue;
        // An uploaded HTML page is a document (src/inspect/bodies/html-document.ts): its scripts are its content.
        if (pagesAreDocuments && target.role === 'document' && !forced) continue;
        // An uploaded text file that lands inert (src/inspect/bodies/uploaded-file.ts) holds code and markup by nature.
        if (target.role === 'file' && !forced) continue;
        // An archive's entry names are a packager's paths (`org/x/exec/Builder$1.class`), not a user's input:
        // only a gate-1 hit (a traversal out of the extraction directory) sends one to the model.
        if (target.unescaped === 'archive' && !forced) continue;
        // A stack frame's quoted source line is code by the report's own declaration (stack-frames.ts).
        if (!forced && target.location === 'body' && isFrameSourceLine(target.name)) continue;
        // The Kubernetes API server's service proxy names a service in its path's grammar (`https:grafana:3000`; service-proxy.ts).
        if (!forced && isServiceProxySegment(target, inspection.rawPath)) continue;
        // A User-Agent in the product and comment grammar names a client, it carries nothing (product-tokens.ts).
        if (!forced && target.location === 'header' && isUserAgentHeaderName(target.name) && isProductList(target.raw)) continue;
        // A query language's system option as a query key (`$where` beside `$select`: Socrata's SoQL; OData) whose value is
        // inert or a WHERE condition of columns against literals names a clause, not an operator (query-options.ts).
        if (!forced && target.role === 'key' && target.location === 'query' && isSystemQueryOptionKey(target, targets, (v) => !screen(v) || isSqlCondition(v, INJECTION_WORDS))) continue;
        // A form or query field holding a JSON document with no text in it — plain keys, numbers, booleans, nulls and empty
        // strings (Jenkins posts `json={"mainScript":""}` beside a form's fields: blind benign set 17's pipelines/3, read,
        // 0.91) — is only the document's own quotes and braces, which the model reads as string breaks. A document with any
        // text is scored whole as before: its context carries evidence its strings alone do not (an exploit's
        // `{"body":{"file":"http://10.0.0.1/admin"}}`); a rule's hit on the field still sends it.
        if (!forced && target.role === 'value' && (target.location === 'query' || (target.location === 'body' && inspection.bodyKind === 'form')) && isTextlessJson(fieldJson(target.raw))) continue;
        // A notebook cell's lines (notebook-cells.ts): a cell a shape takes whole (a program, a %%sql statement, …) is not
        // scored; any other cell's lines are scored one by one, as any field is.
        const forms = Math.min(maxForms, 1 + target.decoded.length);
        if (!forced && target.location === 'body' && mayBeCellLineName(target.name)) {
          cellLines ??= notebookCellLines(inspection) ?? NO_CELLS;
          const cell = cellLines.get(t);
          if (cell !== undefined) {
            let whole = cellsTaken?.get(cell);
            if (whole === undefined) (cellsTaken ??= new Map()).set(cell, (whole = isCellTakenWhole(joinedCellTarget(cell.map((c) => targets[c])), screen)));
            if (whole) continue;
          }
        }
        const plain = plainFormExists(target.raw, target.decoded, forms - 1);
        let sent = false;
        // The long forms of this target already sent, and their windows.
        let longSent: string[] | null = null;
        let windowsSent: Set<string> | null = null;
        let spansSent: Set<string> | null = null; // evidence-anchored windows of this target's forms, each scored once
        let rawSentLong = false;
        let intent: FieldIntent | null = null; // asked once a form has passed the screen
        let quotedLinesSeen = false; // a form of this target was, or held in a code span, a quotation read by its lines (a program, a printed trace)
        for (let f = 0; f < forms; f++) {
          let text = f === 0 ? target.raw : target.decoded[f - 1];
          // A Windows path's separators read as JavaScript escapes (`\\tapi32.dll`, `\\raw\\11281`) make a form that is no
          // path and no text anyone sent (path-mention.ts): the raw path is judged, in whatever field, not that form. So is a
          // puzzle grid row's split clue cell (`X\16` of a Kakuro row, cell-grid.ts), whose `\16` is no octal escape.
          if (f > 0 && !forced && target.decodedVia?.[f - 1]?.startsWith('js-escapes') === true && (isWindowsPathMisreadAsEscapes(target.raw) || isCellGridRow(target.raw))) continue;
          // The whitespace decoder's form of a long raw value already sent is its twin by construction
          // (each whitespace run folded to one space) unless the decoder saw only a prefix of it, so a
          // long one is skipped as isWhitespaceTwin would skip it, without comparing them char by char
          // (~40 µs on the bench's 4 KB note) or screening it.
          if (f > 0 && rawSentLong && text.length > windowChars && target.decodedVia?.[f - 1] === 'whitespace' && !decodedPrefixOnly) continue;
          if (text === '' || (plain && hasPercentEscape(text)) || !(forced || screen(text))) continue;
          // A body value's spelling (as sent, or a decoded form) whose URL or base64 decoding is a whole rule text on a rule
          // editor's route, or a whole cron table: a rule quoting an encoded pattern (`content:"%252e%252e"`) leaves an
          // escape in every decoded form, and a cron file is saved as base64 (pfSense, Portainer), so the spelling was
          // scored; it is the same text encoded. The decoded forms are judged each as usual.
          if (!blocked.has(t) && target.location === 'body' && target.decodedVia !== undefined && spellsWholeText(target, f, forms - 1, (d) => isCrontabFile(d) || ((ruleRoute ??= isRuleEditorRequest(inspection)) && isDetectionRuleText(d)))) continue;
          if (foldedSiblingScored(target.decodedVia, f, forms - 1)) continue;
          // A password's punctuation, a search term's words and a diff's code are no evidence on their own (field-intent.ts);
          // asked only once a form has passed the screen, so other targets pay nothing.
          if (!forced) {
            intent ??= fieldIntent(target);
            if (intent === 'password' && !passwordMayCarryAttack(text)) continue;
            if (intent === 'search' && (isSearchProse(text) || isCodeSearch(text) || isRelativeImportPath(text))) continue;
            if (intent === 'message' && isMessageProse(text)) continue;
            if (intent === 'selector' && isLabelSelector(text)) continue;
            if (intent === 'diff' && isUnifiedDiff(text)) continue;
            if (intent === 'formula' && isSpreadsheetFormula(text)) continue;
            // A regex's `\b` is no backspace: its escape decoder's form is judged by the raw value (regex-value.ts).
            if (intent === 'regex' && (isPlainRegex(text, INJECTION_WORDS) || (f > 0 && target.decodedVia?.[f - 1]?.endsWith('js-escapes') === true && [target.raw, ...target.decoded.slice(0, f - 1)].some((d) => isPlainRegex(d, INJECTION_WORDS))))) continue;
          }
          // A whole SQL statement is a quotation, not a break out of one (quoted-code.ts), and a WHERE condition of columns
          // against literals is a filter a setting holds (sql-condition.ts): not scored, unless a
          // blocking rule hit the field (then the rule decides anyway); an alert's hit (a catalog name) does not
          // make it an injection. Code spans of prose holding one are taken out, and the rest is scored.
          // A whole Gremlin traversal of plain steps sent to a graph endpoint (graph-query.ts) and a low-code tool's
          // `{{ … }}` mapping that reads step data (data-mapping.ts) are a query and references to data, but what
          // they quote is a user's: only the traversal's literals, or the text around the mapping, are scored; so are a
          // load-test plan's `${__Random(1,5)}` function and `${term}` variable references (jmeter-functions.ts), and so
          // are a build file's or an upload policy's property references `${jackson.version}` and a log pipeline's grok
          // patterns `%{date("…"):ts}` (property-placeholders.ts).
          // A format field with a spec (`{boot.mean():.3f}` of a Python f-string) formats a value (format-fields.ts): the
          // text around it is scored.
          // A FIX message is scored with its SOH separators written as `|` (fix-messages.ts).
          // A clue's or label's closing enumeration (`Top ___ (best) (3)`) is no call: the text before it is scored (enumeration.ts).
          // A vendor's tag snippet (GTM, gtag, Meta Pixel, Matomo, …) is what a head-scripts setting is for: only the text
          // around its skeleton is scored (tag-snippets.ts), on an admin route or in a field named for page code only.
          // A log search in a search field (log-search.ts) is a search for what it quotes, not a file read: an
          // alert's hit on the path it looks for (`|= "/etc/passwd"`) does not make it one either.
          // A whole LDAP filter of plain items (value-shapes.ts, isLdapFilter) is a directory search's own filter: an alert's
          // hit on its `*)(` (9001303) does not make it a break out of one (blind benign set 17's directory/1, read).
          // A whole statement over several lines makes its whitespace twin one too: folded onto one line, a comment line
          // above it (`-- customers who never ordered`) would swallow the statement (set 17's judge/3, read).
          if (!blocked.has(t)) {
            if (isWholeSqlStatement(text) || isSqlCondition(text, INJECTION_WORDS)) {
              if (text.includes('\n')) quotedLinesSeen = true;
              continue;
            }
            if (text.charCodeAt(0) === 40 && isLdapFilter(text)) continue;
            const quoted = traversalLiterals(text) ?? textAroundMappings(text) ?? textAroundJmeterRefs(text) ?? textAroundPlaceholders(text) ?? textAroundFormatFields(text) ?? fixFieldsText(text) ?? (isSiteCodeSetting(inspection.rawPath, target.name) ? textAroundTagSnippets(text) : null) ?? textBeforeEnumeration(text, INJECTION_WORDS);
            if (quoted !== null) {
              if (quoted.trim() === '' || !screen(quoted)) continue;
              text = quoted;
            }
            if ((intent ??= fieldIntent(target)) === 'search' && isLogSearch(text)) continue;
            // A language server's document identifier names the document its message carries (path-mention.ts): an
            // alert's hit on its `file:` scheme does not make it a fetch.
            if (target.location === 'body' && isLspDocumentUri(target.name, text)) continue;
            // A program pasted whole into a body field (quoted-program.ts): statements on several lines, no sink called;
            // or a configuration file of plain settings (ini-settings.ts; a registry export, registry-file.ts; a dialplan, dialplan.ts; a PLC instruction list, instruction-list.ts;
            // detection rules quoting what attacks send, on a rule editor's route only, detection-rules.ts; a scheduler's job command beside its schedule,
            // scheduled-commands.ts), a text mesh
            // (mesh-file.ts) or routing rules (apache-directives.ts); its whitespace decoder's twin (one line, the same
            // statements) with it.
            if (target.location === 'body') {
              if (isQuotedProgram(text) || isStaticImportLines(text) || isIniSettings(text) || isRegistryFile(text) || isMeshFile(text) || isDialplan(text) || isInstructionList(text, INJECTION_WORDS) || ((ruleRoute ??= isRuleEditorRequest(inspection)) && isDetectionRuleText(text)) || isCrontabFile(text) || ((schedules ??= bodyHasSchedule(targets, jsonBodyText(inspection))) && isScheduledCommand(text))) {
                quotedLinesSeen = true;
                continue;
              }
              // A CSV file is scored without its own quoting (`""` for a quote in a field; csv-text.ts).
              const rows = csvText(text);
              if (rows !== null) {
                quotedLinesSeen = true;
                if (!screen(rows)) continue;
                text = rows;
              }
              // Of an .htaccess of routing rules, only the queries its targets pass on are scored (apache-directives.ts).
              const queries = routingQueries(text);
              if (queries !== null) {
                quotedLinesSeen = true;
                if (queries === '' || !screen(queries)) continue;
                text = queries;
              }
              if (quotedLinesSeen && f > 0 && target.decodedVia?.[f - 1]?.endsWith('whitespace') === true) continue;
            }
            maskFound.multiLine = false;
            const masked = maskQuotedCode(text, maskFound);
            if (maskFound.multiLine) quotedLinesSeen = true;
            if (masked !== text) {
              if (!(forced || screen(masked))) continue;
              text = masked;
            }
          }
          if (text.length > windowChars) {
            if (longSent !== null && isWhitespaceTwin(longSent, text)) continue;
            if (f === 0) rawSentLong = true;
            (longSent ??= []).push(text);
            windowsSent ??= new Set();
          }
          const before = texts.length;
          // A web address with a query in a parameter is scored as its parts (url-values.ts): only those the
          // screen lets through. A Referer stays whole: scored whole it measured fewer false positives (a search
          // engine's `q=select+union` referrer) and as many attacks.
          // A Referer naming a page of the request's own host is scored as its query values only, one naming another
          // site's page by host name as its path and plain values (referer-origin.ts).
          let parts = text.length > windowChars || blocked.has(t) ? null : target.location === 'header' ? refererTexts(target, text, inspection.host, partNames) : urlValueParts(text, partNames);
          // A rule's alert on the address (a catalog name, UNION SELECT) sends it whole, unless one of its parameters is a
          // whole SQL statement (a BI page's `?query=SELECT … FROM information_schema.tables`, recorded by an analytics
          // event), where the alert's words are: then the address is scored as its parts, as without the alert.
          if (forced && parts !== null && !parts.some(isWholeSqlStatement)) parts = null;
          let n = 0;
          if (parts !== null) {
            // A search parameter of the address (`?term=echo+sheet`) is a search term as it would be on its own.
            // A whole SQL statement as a parameter of the address (a BI page's `?query=SELECT …`) is one as it would be on its own.
            for (let k = 0; k < parts.length; k++) if (screen(parts[k]) && !(isSearchFieldName(partNames[k]) && isSearchProse(parts[k])) && !isWholeSqlStatement(parts[k])) texts.push(parts[k]);
            n = texts.length - before;
          } else {
            // A gate-1 hit may rest on something the screen does not look for: all its windows are scored.
            // A long form's evidence (the windows' and its clusters') is looked for in its first maxEvidenceChars.
            const evidenceText = text.length > maxEvidenceChars ? text.slice(0, maxEvidenceChars) : text;
            const evidence = forced || text.length <= windowChars ? null : windowEvidence(evidenceText, windowChars >> 1);
            n = windowsOf(text, windowChars, maxWindows, evidence, texts, windowsSent);
            // What a SQL condition or a tag vendor's snippet leaves beside itself, scored beside the whole (shape-remainder.ts):
            // the shape's weight pulled an appended payload under the block point. Only adds a text: nothing scores lower.
            if (n > 0 && text.length <= 4 * windowChars) {
              const rest = remainderOutsideShape(text);
              if (rest !== null && screen(rest)) n += windowsOf(rest, windowChars, 4, null, texts, windowsSent);
            }
            // Prose around a payload dilutes a form scored whole: where an injection rule's hit points at the field, its
            // clusters of evidence are scored on their own too.
            // Not elsewhere: cut out of its text, a fragment of benign technical text looks like an attack to the model
            // (`Civ. P. 12(b)(6)` 0.92, `"SELECT ... GROUP BY"` 0.90; evidence-spans.ts `island`, measured, not used).
            // The whitespace decoder's one-line twin is skipped: its line breaks folded, a code block's fences no longer
            // stand on lines of their own, and the form it came from shows the same clusters.
            // A long form's windows are diluted the same way (a payload after a page of prose shares its window with ~460
            // chars of it): its clusters are found over the prefix the windows' evidence is looked for in.
            if (spanOptions !== false && injectionHit.has(t) && !(f > 0 && target.decodedVia?.[f - 1]?.endsWith('whitespace') === true)) {
              const spans = text.length > windowChars ? evidenceSpans(evidenceText, longSpanOptions ?? spanOptions) : cachedSpans(text, spanOptions);
              for (let k = 0; k < spans.length; k += 2) {
                const span = text.slice(spans[k], spans[k + 1]);
                if (span === text || (spansSent ??= new Set()).has(span)) continue;
                spansSent.add(span);
                texts.push(span);
                n++;
              }
            }
          }
          // A long form with no window worth scoring (prose) does not reach the model.
          if (n === 0) continue;
          if (!sent) {
            // A bare path in a field that names it (a log-path setting, a search, a file list, a forge
            // page's `path` parameter) is a mention, not an inclusion (path-mention.ts); so is a request
            // path that names files — a forge's view of a repository file, an index pattern (forge-paths.ts,
            // wildcard-paths.ts) — and an exception's message in an error report (error-messages.ts). Like a
            // declared script, only a gate-1 hit sends them. Checked here, once a form has passed the
            // screen, so other targets pay nothing.
            // A file editor's save names the file it writes beside the file's text (file-save.ts).
            // So does a write's query field naming the same file as the body's location field, and Ajenti's write route.
            const savedFile = !forced && (mayBeSaveLocation(target) || namesBodySaveLocation(target, targets, inspection.method)) && (savesFile ??= bodySavesFile(targets));
            // An element of a Wazuh rule file saved whole is a rule's pattern (detection-rules.ts).
            // An alert rule's hit on it (9000404 on the `/etc/passwd` a `<url>` pattern names) is what the pattern quotes, as for
            // a whole rule text (above); a blocking rule's hit still decides.
            const rulePattern = !blocked.has(t) && target.location === 'body' && isRuleDocumentElementName(target.name) && (ruleBody ??= inspection.body !== undefined && (ruleRoute ??= isRuleEditorRequest(inspection)) && isDetectionRuleText(inspection.body.toString('utf8', 0, 65_536)));
            if (rulePattern || (!forced && (isPathMention(target, forms - 1, (repositoryPage ??= isRepositoryPage(inspection.rawPath)), savedFile) || isNamingRequestPath(target) || isFileWriteRoute(target, inspection) || isErrorMessage(target)))) {
              texts.length = before;
              break;
            }
            entries.push(t);
            sent = true;
          }
          for (let k = 0; k < n; k++) {
            owner.push(entries.length - 1);
            formOf.push(f);
          }
        }
      }

      if (texts.length === 0) return { scores: [], maxScore: 0, screened: 0, total: targets.length, modelVersion: model.version };
      const raw = new Float32Array(texts.length);
      const pending: string[] = [];
      const pendingAt: number[] = [];
      for (let i = 0; i < texts.length; i++) {
        // Long texts are never cached: do not hash them for a lookup that cannot hit.
        const hitScore = cacheSize > 0 && texts[i].length <= CACHE_MAX_CHARS ? cache.get(texts[i]) : undefined;
        if (hitScore !== undefined) raw[i] = hitScore;
        else {
          pending.push(texts[i]);
          pendingAt.push(i);
        }
      }
      if (pending.length > 0) {
        // The shipped model scores synchronously: no await then, so the gate does not yield to other
        // requests' work in the middle of its own (that wait would count as gate time).
        const scored = model.score(pending);
        const fresh = scored instanceof Float32Array ? scored : await scored;
        for (let k = 0; k < pending.length; k++) {
          raw[pendingAt[k]] = fresh[k];
          if (cacheSize > 0 && pending[k].length <= CACHE_MAX_CHARS) {
            if (cache.size >= cacheSize) cache.clear();
            cache.set(pending[k], fresh[k]);
          }
        }
      }

      const best = new Float32Array(entries.length).fill(-1);
      const bestForm = new Int32Array(entries.length);
      for (let i = 0; i < texts.length; i++) {
        const e = owner[i];
        if (raw[i] > best[e]) {
          best[e] = raw[i];
          bestForm[e] = formOf[i];
        }
      }
      const scores: TargetScore[] = entries.map((t, e) => ({
        targetIndex: t,
        score: best[e],
        form: bestForm[e] === 0 ? 'raw' : targets[t].decoded[bestForm[e] - 1].slice(0, quote),
      }));
      scores.sort((a, b) => b.score - a.score);
      return { scores, maxScore: scores[0].score, screened: entries.length, total: targets.length, modelVersion: model.version };
    },
  };
}

/** Keys a textless document may have: names, not text (no space, quote, markup or operator). */
const PLAIN_KEY = /^[A-Za-z_][\w.-]{0,63}$/;

/** Whether a field's JSON document (`fieldJson`, or null) holds no text: every string empty, every key a plain name. */
function isTextlessJson(document: { value: unknown } | null): boolean {
  if (document === null) return false;
  const textless = (v: unknown, depth: number): boolean => {
    if (depth > 16) return false;
    if (typeof v === 'string') return v === '';
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) return v.every((x) => textless(x, depth + 1));
    return Object.entries(v).every(([k, x]) => PLAIN_KEY.test(k) && textless(x, depth + 1));
  };
  return textless(document.value, 0);
}
