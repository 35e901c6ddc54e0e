/**
 * Guesses a rule file's flavour. It matters: `content:"a"; http_uri;` modifies the content in Snort 2
 * and selects the buffer for the *next* content in Snort 3. Signals: Suricata's dotted sticky buffers
 * and anchors; Snort 3's `service:` option, comma sub-options after a content, `http_header:field`.
 * The operator can force a flavour per file when a file has none of these.
 */
import type { Flavour } from './rule.js';

const SURICATA = /[;(]\s*(?:http\.[a-z_.]+|file\.data|startswith|endswith|bsize\s*:|dns\.query|tls\.[a-z_.]+|ja3\.[a-z_.]+)\s*[;:]/;
const SNORT3 = /;\s*service\s*:|content\s*:\s*!?\s*"(?:[^"\\]|\\.)*"\s*,\s*[a-z_]|http_header\s*:\s*field|[(;]\s*bufferlen\s*:/;

export function detectFlavour(text: string): Flavour {
  if (SURICATA.test(text)) return 'suricata';
  if (SNORT3.test(text)) return 'snort3';
  return 'snort2';
}
